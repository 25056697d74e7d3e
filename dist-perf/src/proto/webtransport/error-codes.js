/**
 * WebTransport error codes in the HTTP/3 error space (WT16 §9.5) and the mapping of 32-bit
 * application error codes into the reserved range 0x52e4a40fa8db..0x52e5ac983162 (WT16 §4.4, the
 * same formula since draft-02). Every value fits a JS number (< 2^53).
 */
/** Protocol-level WebTransport error codes (HTTP/3 error space). */
export const WtErrorCode = {
    /** Too many streams buffered for a not-yet-known session (WT16 §4.6). */
    WT_BUFFERED_STREAM_REJECTED: 0x3994bd84,
    /** Streams reset because their session ended (WT16 §6; since draft-03). */
    WT_SESSION_GONE: 0x170d7b68,
    /** Session flow control violated (WT16 §5; since -14). */
    WT_FLOW_CONTROL_ERROR: 0x045d4487,
    /** Application protocol negotiation failed (WT16 §3.3). */
    WT_ALPN_ERROR: 0x0817b3dd,
    /** The peer lacks a required transport feature (WT16 §3.1). */
    WT_REQUIREMENTS_NOT_MET: 0x212c0d48,
};
/** First and last HTTP/3 codes of the application range. */
export const WT_APP_ERROR_FIRST = 0x52e4a40fa8db;
export const WT_APP_ERROR_LAST = 0x52e5ac983162;
/** Application error codes are 32-bit (draft-02 said 8-bit; Chromium uses 32 bits for both). */
export const WT_MAX_APP_ERROR_CODE = 0xffffffff;
/** Maps an application error code (0..2^32-1) to its HTTP/3 code; RangeError for our own bad input. */
export function webTransportCodeToHttp3(code) {
    if (!Number.isInteger(code) || code < 0 || code > WT_MAX_APP_ERROR_CODE) {
        throw new RangeError(`WebTransport application error code must be a u32, got ${code}`);
    }
    // Skips the reserved codes 0x1f * N + 0x21 inside the range: one every 0x1e application codes.
    return WT_APP_ERROR_FIRST + code + Math.floor(code / 0x1e);
}
/**
 * Maps an HTTP/3 code received in RESET_STREAM / STOP_SENDING back to the application code, or
 * undefined when it is outside the range or a reserved code ("no application error code").
 */
export function http3CodeToWebTransport(h3Code) {
    if (typeof h3Code === 'bigint') {
        if (h3Code < BigInt(WT_APP_ERROR_FIRST) || h3Code > BigInt(WT_APP_ERROR_LAST))
            return undefined;
        h3Code = Number(h3Code);
    }
    if (!Number.isInteger(h3Code) || h3Code < WT_APP_ERROR_FIRST || h3Code > WT_APP_ERROR_LAST)
        return undefined;
    if ((h3Code - 0x21) % 0x1f === 0)
        return undefined;
    const shifted = h3Code - WT_APP_ERROR_FIRST;
    return shifted - Math.floor(shifted / 0x1f);
}
/** True when the code is one of the WebTransport application codes (a peer application abort). */
export function isWebTransportAppCode(h3Code) {
    return http3CodeToWebTransport(h3Code) !== undefined;
}
//# sourceMappingURL=error-codes.js.map