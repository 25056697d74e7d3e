import { ByteWriter } from '../../util/bytes.js';
import { InvalidPacketError } from './packet-error.js';
export const QUIC_V1 = 0x00000001;
/** Versions this stack speaks, most preferred first. */
export const SUPPORTED_VERSIONS = [QUIC_V1];
export function isSupportedVersion(version) {
    return version === QUIC_V1;
}
/** Reserved versions 0x?a?a?a?a, used to exercise version negotiation (RFC 9000 §15). */
export function isReservedVersion(version) {
    return ((version & 0x0f0f0f0f) >>> 0) === 0x0a0a0a0a;
}
/**
 * A Version Negotiation packet. `dcid`/`scid` are already swapped by the caller (dcid = the
 * client's SCID, scid = the client's DCID). `randomByte` fills the 7 unused first-byte bits.
 */
export function encodeVersionNegotiation(dcid, scid, versions, randomByte) {
    if (dcid.length > 255 || scid.length > 255)
        throw new RangeError('connection ID longer than 255 bytes');
    const w = new ByteWriter(7 + dcid.length + scid.length + 4 * versions.length);
    w.u8(0x80 | (randomByte & 0x7f)).u32(0);
    w.u8(dcid.length).bytes(dcid).u8(scid.length).bytes(scid);
    for (const v of versions)
        w.u32(v);
    return w.finish();
}
/** Parses a Version Negotiation packet (a whole datagram). Throws InvalidPacketError. */
export function decodeVersionNegotiation(datagram) {
    const end = datagram.length;
    if (end < 7 || (datagram[0] & 0x80) === 0)
        throw new InvalidPacketError('not a long header');
    if (datagram[1] !== 0 || datagram[2] !== 0 || datagram[3] !== 0 || datagram[4] !== 0)
        throw new InvalidPacketError('not a Version Negotiation packet');
    let p = 5;
    const dcidLen = datagram[p++];
    if (p + dcidLen + 1 > end)
        throw new InvalidPacketError('truncated');
    const dcid = datagram.subarray(p, p + dcidLen);
    p += dcidLen;
    const scidLen = datagram[p++];
    if (p + scidLen > end)
        throw new InvalidPacketError('truncated');
    const scid = datagram.subarray(p, p + scidLen);
    p += scidLen;
    const n = end - p;
    if (n === 0 || n % 4 !== 0)
        throw new InvalidPacketError('malformed version list');
    const versions = [];
    for (; p < end; p += 4) {
        versions.push(((datagram[p] << 24) >>> 0) + ((datagram[p + 1] << 16) | (datagram[p + 2] << 8) | datagram[p + 3]));
    }
    return { dcid, scid, versions };
}
// ---------------------------------------------------------------------------------------------
// Retry (RFC 9001 §5.8): AES-128-GCM over an empty plaintext with the Retry pseudo-packet as AAD.
const RETRY_KEY_V1 = new Uint8Array([0xbe, 0x0c, 0x69, 0x0b, 0x9f, 0x66, 0x57, 0x5a, 0x1d, 0x76, 0x6b, 0x54, 0xe3, 0x68, 0xc8, 0x4e]);
const RETRY_NONCE_V1 = new Uint8Array([0x46, 0x15, 0x99, 0xd3, 0x5d, 0x63, 0x2b, 0xf2, 0x23, 0x98, 0x25, 0xbb]);
export const RETRY_INTEGRITY_TAG_LENGTH = 16;
// One AEAD per provider: Retry packets are rare, but the key never changes.
const retryAeads = new WeakMap();
function retryAead(provider) {
    let aead = retryAeads.get(provider);
    if (!aead) {
        aead = provider.createAead('aes-128-gcm', RETRY_KEY_V1);
        retryAeads.set(provider, aead);
    }
    return aead;
}
/** The 16-byte Retry Integrity Tag for `retryPacketWithoutTag` sent in reply to `odcid`. */
export function retryIntegrityTag(provider, odcid, retryPacketWithoutTag) {
    const pseudo = new Uint8Array(1 + odcid.length + retryPacketWithoutTag.length);
    pseudo[0] = odcid.length;
    pseudo.set(odcid, 1);
    pseudo.set(retryPacketWithoutTag, 1 + odcid.length);
    const tag = new Uint8Array(RETRY_INTEGRITY_TAG_LENGTH);
    retryAead(provider).seal(RETRY_NONCE_V1, pseudo, new Uint8Array(0), tag, 0);
    return tag;
}
/** True when the last 16 bytes of `retryPacket` are its valid integrity tag for `odcid`. */
export function verifyRetryIntegrity(provider, odcid, retryPacket) {
    if (retryPacket.length < RETRY_INTEGRITY_TAG_LENGTH + 7)
        return false;
    const split = retryPacket.length - RETRY_INTEGRITY_TAG_LENGTH;
    const expected = retryIntegrityTag(provider, odcid, retryPacket.subarray(0, split));
    let diff = 0;
    for (let i = 0; i < RETRY_INTEGRITY_TAG_LENGTH; i++)
        diff |= expected[i] ^ retryPacket[split + i];
    return diff === 0;
}
/** A complete Retry packet including its integrity tag. */
export function encodeRetry(provider, o) {
    if (o.token.length === 0)
        throw new RangeError('Retry token must not be empty');
    if (o.dcid.length > 20 || o.scid.length > 20)
        throw new RangeError('connection ID longer than 20 bytes');
    const size = 7 + o.dcid.length + o.scid.length + o.token.length + RETRY_INTEGRITY_TAG_LENGTH;
    const w = new ByteWriter(size);
    w.u8(0xf0 | ((o.unusedBits ?? 0) & 0x0f)).u32(o.version ?? QUIC_V1);
    w.u8(o.dcid.length).bytes(o.dcid).u8(o.scid.length).bytes(o.scid).bytes(o.token);
    const body = w.finish();
    const tag = retryIntegrityTag(provider, o.odcid, body);
    w.bytes(tag);
    return w.finish();
}
//# sourceMappingURL=version.js.map