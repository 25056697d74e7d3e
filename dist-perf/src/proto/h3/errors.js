/** HTTP/3 error codes (RFC 9114 §8.1, RFC 9204 §6, RFC 9297 §5.2) and the typed error H3 parsers raise. */
export const H3ErrorCode = {
    H3_NO_ERROR: 0x100,
    H3_GENERAL_PROTOCOL_ERROR: 0x101,
    H3_INTERNAL_ERROR: 0x102,
    H3_STREAM_CREATION_ERROR: 0x103,
    H3_CLOSED_CRITICAL_STREAM: 0x104,
    H3_FRAME_UNEXPECTED: 0x105,
    H3_FRAME_ERROR: 0x106,
    H3_EXCESSIVE_LOAD: 0x107,
    H3_ID_ERROR: 0x108,
    H3_SETTINGS_ERROR: 0x109,
    H3_MISSING_SETTINGS: 0x10a,
    H3_REQUEST_REJECTED: 0x10b,
    H3_REQUEST_CANCELLED: 0x10c,
    H3_REQUEST_INCOMPLETE: 0x10d,
    H3_MESSAGE_ERROR: 0x10e,
    H3_CONNECT_ERROR: 0x10f,
    H3_VERSION_FALLBACK: 0x110,
    QPACK_DECOMPRESSION_FAILED: 0x200,
    QPACK_ENCODER_STREAM_ERROR: 0x201,
    QPACK_DECODER_STREAM_ERROR: 0x202,
    H3_DATAGRAM_ERROR: 0x33,
};
const names = new Map(Object.entries(H3ErrorCode).map(([k, v]) => [v, k]));
export function h3ErrorName(code) {
    return names.get(code) ?? `0x${code.toString(16)}`;
}
/**
 * An HTTP/3 protocol error. Whether it closes the connection or only resets a stream is decided
 * by the caller (RFC 9114 §8: e.g. H3_MESSAGE_ERROR is usually a stream error).
 */
export class H3Error extends Error {
    code;
    reason;
    constructor(code, reason) {
        super(`${h3ErrorName(code)}: ${reason}`);
        this.name = 'H3Error';
        this.code = code;
        this.reason = reason;
    }
}
/**
 * True for the reserved values 0x1f * N + 0x21 (RFC 9114 §8.1, and the same formula for frame
 * types §7.2.8, stream types §6.2.3 and setting ids §7.2.4.1). They carry no meaning.
 */
export function isReservedH3Code(value) {
    if (typeof value === 'bigint')
        return value >= 0x21n && (value - 0x21n) % 0x1fn === 0n;
    return value >= 0x21 && (value - 0x21) % 0x1f === 0;
}
/** The reserved value for index n (0x1f * n + 0x21). */
export function reservedH3Code(n) {
    return 0x1f * n + 0x21;
}
/** A random reserved value for GREASE (frame type, stream type, setting id, error code); fits a 4-byte varint. */
export function randomReservedH3Code(rng) {
    const b = rng.fill(new Uint8Array(3));
    return reservedH3Code((b[0] << 16) | (b[1] << 8) | b[2]);
}
//# sourceMappingURL=errors.js.map