/**
 * QUIC packet headers (RFC 9000 §17, RFC 8999): parsing what is readable before header
 * protection is removed, writing long/short headers, and packet number truncation/recovery
 * (RFC 9000 §17.1, Appendix A.2/A.3).
 *
 * Malformed packets raise InvalidPacketError: the receiver drops them silently (RFC 9000 §12.2,
 * §5.2), they never close the connection.
 */
import { ByteWriter, writeVarintFixed } from '../../util/bytes.js';
import { InvalidPacketError } from './packet-error.js';
import { isSupportedVersion } from './version.js';
export { InvalidPacketError };
/** Maximum connection ID length in QUIC v1 (RFC 9000 §17.2); other versions allow 255. */
export const MAX_CID_LENGTH = 20;
const LONG_TYPES = ['initial', '0rtt', 'handshake', 'retry'];
function readU32(b, p) {
    return ((b[p] << 24) >>> 0) + ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]);
}
/** Encoded length of the varint at b[p] (b[p] must exist). */
function varintLengthAt(b, p) {
    return 1 << (b[p] >> 6);
}
/** Reads the varint at b[p] (exact below 2^53) or throws InvalidPacketError when truncated. */
function readVarint(b, p, end, what) {
    if (p >= end || p + varintLengthAt(b, p) > end)
        throw new InvalidPacketError(`truncated ${what}`);
    const len = varintLengthAt(b, p);
    let v = b[p] & 0x3f;
    for (let i = 1; i < len; i++)
        v = v * 256 + b[p + i];
    return v;
}
/**
 * Parses the header of the packet starting at `offset` in `datagram` (possibly one of several
 * coalesced packets). `shortDcidLength` is the length of our connection IDs, needed for short
 * headers. Walk coalesced packets with `packetEnd`. Throws InvalidPacketError.
 */
export function parseHeader(datagram, offset, shortDcidLength) {
    const end = datagram.length;
    if (offset >= end)
        throw new InvalidPacketError('empty packet');
    const first = datagram[offset];
    if ((first & 0x80) === 0) {
        if ((first & 0x40) === 0)
            throw new InvalidPacketError('fixed bit is 0');
        const pnOffset = offset + 1 + shortDcidLength;
        if (pnOffset >= end)
            throw new InvalidPacketError('short header truncated');
        return { kind: '1rtt', firstByte: first, dcid: datagram.subarray(offset + 1, pnOffset), pnOffset, packetEnd: end };
    }
    // Long header: version and both connection IDs (RFC 8999 §5.1).
    if (offset + 7 > end)
        throw new InvalidPacketError('long header truncated');
    const version = readU32(datagram, offset + 1);
    let p = offset + 5;
    const dcidLen = datagram[p++];
    const knownVersion = version === 0 || isSupportedVersion(version);
    if (knownVersion && dcidLen > MAX_CID_LENGTH && version !== 0)
        throw new InvalidPacketError('DCID too long');
    if (p + dcidLen + 1 > end)
        throw new InvalidPacketError('long header truncated');
    const dcid = datagram.subarray(p, p + dcidLen);
    p += dcidLen;
    const scidLen = datagram[p++];
    if (knownVersion && scidLen > MAX_CID_LENGTH && version !== 0)
        throw new InvalidPacketError('SCID too long');
    if (p + scidLen > end)
        throw new InvalidPacketError('long header truncated');
    const scid = datagram.subarray(p, p + scidLen);
    p += scidLen;
    if (version === 0) {
        const n = end - p;
        if (n === 0 || n % 4 !== 0)
            throw new InvalidPacketError('malformed version list');
        const versions = [];
        for (; p < end; p += 4)
            versions.push(readU32(datagram, p));
        return { kind: 'versionNegotiation', dcid, scid, versions, packetEnd: end };
    }
    if (!knownVersion)
        return { kind: 'unsupportedVersion', version, dcid, scid, packetEnd: end };
    if ((first & 0x40) === 0)
        throw new InvalidPacketError('fixed bit is 0');
    const type = LONG_TYPES[(first >> 4) & 3];
    if (type === 'retry') {
        const tagStart = end - 16;
        if (tagStart <= p)
            throw new InvalidPacketError('Retry without token or tag');
        return {
            kind: 'retry', firstByte: first, version, dcid, scid,
            token: datagram.subarray(p, tagStart), integrityTag: datagram.subarray(tagStart, end), packetEnd: end,
        };
    }
    let token = datagram.subarray(p, p);
    if (type === 'initial') {
        const tokenLen = readVarint(datagram, p, end, 'token length');
        p += varintLengthAt(datagram, p);
        if (tokenLen > end - p)
            throw new InvalidPacketError('token truncated');
        token = datagram.subarray(p, p + tokenLen);
        p += tokenLen;
    }
    const length = readVarint(datagram, p, end, 'length');
    p += varintLengthAt(datagram, p);
    if (length > end - p)
        throw new InvalidPacketError('Length exceeds datagram');
    if (length < 1)
        throw new InvalidPacketError('Length too small for a packet number');
    return { kind: type, firstByte: first, version, dcid, scid, token, pnOffset: p, packetEnd: p + length };
}
/**
 * The destination connection ID of the first packet in a datagram, for demultiplexing
 * (a view; undefined when the datagram is too short or malformed).
 */
export function peekDestinationConnectionId(datagram, shortDcidLength) {
    const first = datagram[0];
    if (first === undefined)
        return undefined;
    if ((first & 0x80) === 0) {
        if (datagram.length < 1 + shortDcidLength)
            return undefined;
        return datagram.subarray(1, 1 + shortDcidLength);
    }
    if (datagram.length < 6)
        return undefined;
    const len = datagram[5];
    if (datagram.length < 6 + len)
        return undefined;
    return datagram.subarray(6, 6 + len);
}
function writeTruncatedPn(w, pn, pnLength) {
    if (pnLength === 4)
        w.u32(pn % 0x1_0000_0000);
    else if (pnLength === 3)
        w.u24(pn % 0x100_0000);
    else if (pnLength === 2)
        w.u16(pn % 0x1_0000);
    else
        w.u8(pn % 0x100);
}
const LONG_TYPE_BITS = { initial: 0, '0rtt': 1, handshake: 2 };
/**
 * Writes an Initial/0-RTT/Handshake header with a placeholder Length and the truncated packet
 * number. Reserved bits are 0. After writing the payload, call setLongHeaderLength.
 */
export function writeLongHeader(w, o) {
    if (o.dcid.length > MAX_CID_LENGTH || o.scid.length > MAX_CID_LENGTH)
        throw new RangeError('connection ID longer than 20 bytes');
    const lengthFieldSize = o.lengthFieldSize ?? 2;
    w.u8(0xc0 | (LONG_TYPE_BITS[o.type] << 4) | (o.pnLength - 1));
    w.u32(o.version);
    w.u8(o.dcid.length).bytes(o.dcid);
    w.u8(o.scid.length).bytes(o.scid);
    if (o.type === 'initial') {
        const token = o.token ?? new Uint8Array(0);
        w.varint(token.length).bytes(token);
    }
    const lengthOffset = w.pos;
    w.zeros(lengthFieldSize);
    const pnOffset = w.pos;
    writeTruncatedPn(w, o.packetNumber, o.pnLength);
    return { lengthOffset, lengthFieldSize, pnOffset, payloadOffset: w.pos };
}
/**
 * Fills the Length field of a long header: the bytes from the packet number to `packetEnd`
 * (which must include the AEAD tag).
 */
export function setLongHeaderLength(buf, layout, packetEnd) {
    writeVarintFixed(buf, layout.lengthOffset, packetEnd - layout.pnOffset, layout.lengthFieldSize);
}
/** Writes a 1-RTT header with the truncated packet number; returns the packet number offset. */
export function writeShortHeader(w, o) {
    w.u8(0x40 | (o.spinBit ? 0x20 : 0) | (o.keyPhase ? 0x04 : 0) | (o.pnLength - 1));
    w.bytes(o.dcid);
    const pnOffset = w.pos;
    writeTruncatedPn(w, o.packetNumber, o.pnLength);
    return pnOffset;
}
// ---------------------------------------------------------------------------------------------
// Packet numbers (RFC 9000 §17.1, Appendix A).
/**
 * Bytes needed to send `fullPn` so the peer can recover it, given the largest packet number
 * it acknowledged in this space (RFC 9000 A.2): twice the unacknowledged range must fit.
 */
export function encodePacketNumberLength(fullPn, largestAcked) {
    const numUnacked = largestAcked === undefined ? fullPn + 1 : fullPn - largestAcked;
    // min_bits = log2(numUnacked) + 1  <=>  numUnacked <= 2^(8*bytes - 1)
    if (numUnacked <= 0x80)
        return 1;
    if (numUnacked <= 0x8000)
        return 2;
    if (numUnacked <= 0x80_0000)
        return 3;
    return 4;
}
/** Recovers a full packet number from its truncated form (RFC 9000 A.3). */
export function decodePacketNumber(largestPn, truncatedPn, pnNbits) {
    const expected = (largestPn ?? -1) + 1;
    const win = 2 ** pnNbits;
    const hwin = win / 2;
    // (expected & ~mask) | truncated, without 32-bit bitwise operators.
    const candidate = expected - (expected % win) + truncatedPn;
    if (candidate <= expected - hwin && candidate < 2 ** 62 - win)
        return candidate + win;
    if (candidate > expected + hwin && candidate >= win)
        return candidate - win;
    return candidate;
}
//# sourceMappingURL=header.js.map