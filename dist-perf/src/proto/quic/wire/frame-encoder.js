/**
 * QUIC frame encoder and exact size prediction (RFC 9000 §19, RFC 9221 §4).
 *
 * Frames are written straight into the caller's ByteWriter (which may wrap the datagram
 * buffer); the packet builder sizes frames first with the *Size helpers, so a frame never
 * has to be built twice. Frame types are always minimally encoded (one byte).
 */
import { ByteWriter, varintSize, writeVarintAt } from '../../util/bytes.js';
import { FrameType, StreamFrameBits } from './frame-types.js';
/**
 * Writes a varint, sizing the bounds check to the value (ByteWriter.varint always asks for
 * 8 free bytes, which wrongly fails near the end of a fixed buffer).
 */
function putVarint(w, v) {
    const p = w.pos;
    if (p + varintSize(v) <= w.buf.length)
        w.pos = writeVarintAt(w.buf, p, v);
    else
        w.varint(v); // grows a growable writer, or throws RangeError when full
}
function putByte(w, b) {
    const p = w.pos;
    if (p < w.buf.length) {
        w.buf[p] = b;
        w.pos = p + 1;
    }
    else {
        w.u8(b);
    }
}
// ---------------------------------------------------------------------------------------------
// Size helpers for the packet builder.
/** Largest payload length L with varintSize(L) + L <= avail (0 when nothing fits). */
function maxLengthPrefixed(avail) {
    let best = 0;
    if (avail > 1)
        best = Math.min(avail - 1, 63);
    if (avail > 2)
        best = Math.max(best, Math.min(avail - 2, 16383));
    if (avail > 4)
        best = Math.max(best, Math.min(avail - 4, 1073741823));
    if (avail > 8)
        best = Math.max(best, avail - 8);
    return best;
}
/** Bytes before the data of a STREAM frame. OFF only when offset > 0; LEN when withLength. */
export function streamFrameHeaderSize(streamId, offset, dataLength, withLength) {
    return 1 + varintSize(streamId) + (offset > 0 ? varintSize(offset) : 0) + (withLength ? varintSize(dataLength) : 0);
}
/**
 * Largest data length whose STREAM frame fits in `space` bytes (0 when no data fits; a
 * fin-only frame needs streamFrameHeaderSize(id, offset, 0, withLength) bytes).
 */
export function maxStreamDataThatFits(streamId, offset, space, withLength) {
    const avail = space - 1 - varintSize(streamId) - (offset > 0 ? varintSize(offset) : 0);
    if (avail <= 0)
        return 0;
    return withLength ? maxLengthPrefixed(avail) : avail;
}
/** Bytes before the data of a CRYPTO frame. */
export function cryptoFrameHeaderSize(offset, dataLength) {
    return 1 + varintSize(offset) + varintSize(dataLength);
}
/** Largest data length whose CRYPTO frame fits in `space` bytes (0 when none). */
export function maxCryptoDataThatFits(offset, space) {
    return maxLengthPrefixed(space - 1 - varintSize(offset));
}
/** Encoded size of a DATAGRAM frame carrying `dataLength` bytes. */
export function datagramFrameSize(dataLength, withLength) {
    return 1 + (withLength ? varintSize(dataLength) : 0) + dataLength;
}
/** Largest datagram payload that fits in `space` bytes (0 when none). */
export function maxDatagramDataThatFits(space, withLength) {
    const avail = space - 1;
    if (avail <= 0)
        return 0;
    return withLength ? maxLengthPrefixed(avail) : avail;
}
/** Encoded size of an ACK frame for `ranges` (descending, disjoint, non-adjacent). */
export function ackFrameSize(ranges, ackDelay, ecn) {
    const first = ranges[0];
    let n = 1 + varintSize(first.largest) + varintSize(ackDelay) + varintSize(ranges.length - 1) +
        varintSize(first.largest - first.smallest);
    let smallest = first.smallest;
    for (let i = 1; i < ranges.length; i++) {
        const r = ranges[i];
        n += varintSize(smallest - r.largest - 2) + varintSize(r.largest - r.smallest);
        smallest = r.smallest;
    }
    if (ecn)
        n += varintSize(ecn.ect0) + varintSize(ecn.ect1) + varintSize(ecn.ce);
    return n;
}
/**
 * Exact encoded size of `f`. With `lastInPacket`, STREAM and DATAGRAM frames omit their
 * Length field (they extend to the end of the packet), matching encodeFrame.
 */
export function frameSize(f, lastInPacket = false) {
    switch (f.type) {
        case 'padding': return f.length;
        case 'ping': return 1;
        case 'ack': return ackFrameSize(f.ranges, f.ackDelay, f.ecn);
        case 'resetStream': return 1 + varintSize(f.streamId) + varintSize(f.errorCode) + varintSize(f.finalSize);
        case 'stopSending': return 1 + varintSize(f.streamId) + varintSize(f.errorCode);
        case 'crypto': return cryptoFrameHeaderSize(f.offset, f.data.length) + f.data.length;
        case 'newToken': return 1 + varintSize(f.token.length) + f.token.length;
        case 'stream': return streamFrameHeaderSize(f.streamId, f.offset, f.data.length, !lastInPacket) + f.data.length;
        case 'maxData': return 1 + varintSize(f.maximum);
        case 'maxStreamData': return 1 + varintSize(f.streamId) + varintSize(f.maximum);
        case 'maxStreams': return 1 + varintSize(f.maximum);
        case 'dataBlocked': return 1 + varintSize(f.limit);
        case 'streamDataBlocked': return 1 + varintSize(f.streamId) + varintSize(f.limit);
        case 'streamsBlocked': return 1 + varintSize(f.limit);
        case 'newConnectionId':
            return 1 + varintSize(f.sequenceNumber) + varintSize(f.retirePriorTo) + 1 + f.connectionId.length + 16;
        case 'retireConnectionId': return 1 + varintSize(f.sequenceNumber);
        case 'pathChallenge':
        case 'pathResponse': return 9;
        case 'connectionClose':
            return 1 + varintSize(f.errorCode) + (f.application ? 0 : varintSize(f.frameType)) +
                varintSize(f.reason.length) + f.reason.length;
        case 'handshakeDone': return 1;
        case 'datagram': return datagramFrameSize(f.data.length, !lastInPacket);
    }
}
// ---------------------------------------------------------------------------------------------
// Writers.
/** Writes a STREAM frame header; the caller writes `dataLength` bytes of data right after it. */
export function writeStreamFrameHeader(w, streamId, offset, dataLength, fin, withLength) {
    let t = FrameType.STREAM;
    if (offset > 0)
        t |= StreamFrameBits.OFF;
    if (withLength)
        t |= StreamFrameBits.LEN;
    if (fin)
        t |= StreamFrameBits.FIN;
    putByte(w, t);
    putVarint(w, streamId);
    if (offset > 0)
        putVarint(w, offset);
    if (withLength)
        putVarint(w, dataLength);
}
/** Writes a CRYPTO frame header; the caller writes `dataLength` bytes of data right after it. */
export function writeCryptoFrameHeader(w, offset, dataLength) {
    putByte(w, FrameType.CRYPTO);
    putVarint(w, offset);
    putVarint(w, dataLength);
}
/** Writes a DATAGRAM frame header (type 0x31 with length, 0x30 without). */
export function writeDatagramFrameHeader(w, dataLength, withLength) {
    putByte(w, withLength ? FrameType.DATAGRAM_LEN : FrameType.DATAGRAM);
    if (withLength)
        putVarint(w, dataLength);
}
/**
 * Writes an ACK (or ACK_ECN when `ecn` is given) frame. `ranges` are descending, disjoint and
 * non-adjacent (ranges[0].largest is the Largest Acknowledged); `ackDelay` is already scaled
 * down by the ack_delay_exponent.
 */
export function encodeAckFrame(w, ranges, ackDelay, ecn) {
    const first = ranges[0];
    if (first === undefined)
        throw new RangeError('ACK frame needs at least one range');
    putByte(w, ecn ? FrameType.ACK_ECN : FrameType.ACK);
    putVarint(w, first.largest);
    putVarint(w, ackDelay);
    putVarint(w, ranges.length - 1);
    putVarint(w, first.largest - first.smallest);
    let smallest = first.smallest;
    for (let i = 1; i < ranges.length; i++) {
        const r = ranges[i];
        const gap = smallest - r.largest - 2;
        if (gap < 0 || r.smallest > r.largest)
            throw new RangeError('ACK ranges must be descending and non-adjacent');
        putVarint(w, gap);
        putVarint(w, r.largest - r.smallest);
        smallest = r.smallest;
    }
    if (ecn) {
        putVarint(w, ecn.ect0);
        putVarint(w, ecn.ect1);
        putVarint(w, ecn.ce);
    }
}
function putBytes(w, data) {
    const p = w.pos;
    if (p + data.length <= w.buf.length) {
        w.buf.set(data, p);
        w.pos = p + data.length;
    }
    else {
        w.bytes(data);
    }
}
/**
 * Writes `f` at w.pos. With `lastInPacket`, STREAM and DATAGRAM frames omit their Length
 * field. Throws RangeError when a fixed buffer is too small (size frames first).
 */
export function encodeFrame(w, f, lastInPacket = false) {
    switch (f.type) {
        case 'padding':
            if (w.pos + f.length <= w.buf.length) {
                w.buf.fill(0, w.pos, w.pos + f.length);
                w.pos += f.length;
            }
            else {
                w.zeros(f.length);
            }
            return;
        case 'ping':
            putByte(w, FrameType.PING);
            return;
        case 'ack':
            encodeAckFrame(w, f.ranges, f.ackDelay, f.ecn);
            return;
        case 'resetStream':
            putByte(w, FrameType.RESET_STREAM);
            putVarint(w, f.streamId);
            putVarint(w, f.errorCode);
            putVarint(w, f.finalSize);
            return;
        case 'stopSending':
            putByte(w, FrameType.STOP_SENDING);
            putVarint(w, f.streamId);
            putVarint(w, f.errorCode);
            return;
        case 'crypto':
            writeCryptoFrameHeader(w, f.offset, f.data.length);
            putBytes(w, f.data);
            return;
        case 'newToken':
            putByte(w, FrameType.NEW_TOKEN);
            putVarint(w, f.token.length);
            putBytes(w, f.token);
            return;
        case 'stream':
            writeStreamFrameHeader(w, f.streamId, f.offset, f.data.length, f.fin, !lastInPacket);
            putBytes(w, f.data);
            return;
        case 'maxData':
            putByte(w, FrameType.MAX_DATA);
            putVarint(w, f.maximum);
            return;
        case 'maxStreamData':
            putByte(w, FrameType.MAX_STREAM_DATA);
            putVarint(w, f.streamId);
            putVarint(w, f.maximum);
            return;
        case 'maxStreams':
            putByte(w, f.bidi ? FrameType.MAX_STREAMS_BIDI : FrameType.MAX_STREAMS_UNI);
            putVarint(w, f.maximum);
            return;
        case 'dataBlocked':
            putByte(w, FrameType.DATA_BLOCKED);
            putVarint(w, f.limit);
            return;
        case 'streamDataBlocked':
            putByte(w, FrameType.STREAM_DATA_BLOCKED);
            putVarint(w, f.streamId);
            putVarint(w, f.limit);
            return;
        case 'streamsBlocked':
            putByte(w, f.bidi ? FrameType.STREAMS_BLOCKED_BIDI : FrameType.STREAMS_BLOCKED_UNI);
            putVarint(w, f.limit);
            return;
        case 'newConnectionId':
            if (f.connectionId.length < 1 || f.connectionId.length > 20)
                throw new RangeError('connection ID length must be 1..20');
            if (f.statelessResetToken.length !== 16)
                throw new RangeError('stateless reset token must be 16 bytes');
            putByte(w, FrameType.NEW_CONNECTION_ID);
            putVarint(w, f.sequenceNumber);
            putVarint(w, f.retirePriorTo);
            putByte(w, f.connectionId.length);
            putBytes(w, f.connectionId);
            putBytes(w, f.statelessResetToken);
            return;
        case 'retireConnectionId':
            putByte(w, FrameType.RETIRE_CONNECTION_ID);
            putVarint(w, f.sequenceNumber);
            return;
        case 'pathChallenge':
        case 'pathResponse':
            if (f.data.length !== 8)
                throw new RangeError('path challenge data must be 8 bytes');
            putByte(w, f.type === 'pathChallenge' ? FrameType.PATH_CHALLENGE : FrameType.PATH_RESPONSE);
            putBytes(w, f.data);
            return;
        case 'connectionClose':
            putByte(w, f.application ? FrameType.CONNECTION_CLOSE_APP : FrameType.CONNECTION_CLOSE);
            putVarint(w, f.errorCode);
            if (!f.application)
                putVarint(w, f.frameType);
            putVarint(w, f.reason.length);
            putBytes(w, f.reason);
            return;
        case 'handshakeDone':
            putByte(w, FrameType.HANDSHAKE_DONE);
            return;
        case 'datagram':
            writeDatagramFrameHeader(w, f.data.length, !lastInPacket);
            putBytes(w, f.data);
            return;
    }
}
//# sourceMappingURL=frame-encoder.js.map