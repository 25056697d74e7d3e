/**
 * WebTransport error codes in the HTTP/3 error space (WT16 §9.5) and the mapping of 32-bit
 * application error codes into the reserved range 0x52e4a40fa8db..0x52e5ac983162 (WT16 §4.4, the
 * same formula since draft-02). Every value fits a JS number (< 2^53).
 */
/** Protocol-level WebTransport error codes (HTTP/3 error space). */
export declare const WtErrorCode: {
    /** Too many streams buffered for a not-yet-known session (WT16 §4.6). */
    readonly WT_BUFFERED_STREAM_REJECTED: 966049156;
    /** Streams reset because their session ended (WT16 §6; since draft-03). */
    readonly WT_SESSION_GONE: 386759528;
    /** Session flow control violated (WT16 §5; since -14). */
    readonly WT_FLOW_CONTROL_ERROR: 73221255;
    /** Application protocol negotiation failed (WT16 §3.3). */
    readonly WT_ALPN_ERROR: 135771101;
    /** The peer lacks a required transport feature (WT16 §3.1). */
    readonly WT_REQUIREMENTS_NOT_MET: 556535112;
};
export type WtErrorCode = (typeof WtErrorCode)[keyof typeof WtErrorCode];
/** First and last HTTP/3 codes of the application range. */
export declare const WT_APP_ERROR_FIRST = 91141958510811;
export declare const WT_APP_ERROR_LAST = 91146396643682;
/** Application error codes are 32-bit (draft-02 said 8-bit; Chromium uses 32 bits for both). */
export declare const WT_MAX_APP_ERROR_CODE = 4294967295;
/** Maps an application error code (0..2^32-1) to its HTTP/3 code; RangeError for our own bad input. */
export declare function webTransportCodeToHttp3(code: number): number;
/**
 * Maps an HTTP/3 code received in RESET_STREAM / STOP_SENDING back to the application code, or
 * undefined when it is outside the range or a reserved code ("no application error code").
 */
export declare function http3CodeToWebTransport(h3Code: number | bigint): number | undefined;
/** True when the code is one of the WebTransport application codes (a peer application abort). */
export declare function isWebTransportAppCode(h3Code: number | bigint): boolean;
