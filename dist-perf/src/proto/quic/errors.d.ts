/** QUIC transport error codes (RFC 9000 §20.1) and the typed error every QUIC parser raises. */
export declare const TransportErrorCode: {
    readonly NO_ERROR: 0;
    readonly INTERNAL_ERROR: 1;
    readonly CONNECTION_REFUSED: 2;
    readonly FLOW_CONTROL_ERROR: 3;
    readonly STREAM_LIMIT_ERROR: 4;
    readonly STREAM_STATE_ERROR: 5;
    readonly FINAL_SIZE_ERROR: 6;
    readonly FRAME_ENCODING_ERROR: 7;
    readonly TRANSPORT_PARAMETER_ERROR: 8;
    readonly CONNECTION_ID_LIMIT_ERROR: 9;
    readonly PROTOCOL_VIOLATION: 10;
    readonly INVALID_TOKEN: 11;
    readonly APPLICATION_ERROR: 12;
    readonly CRYPTO_BUFFER_EXCEEDED: 13;
    readonly KEY_UPDATE_ERROR: 14;
    readonly AEAD_LIMIT_REACHED: 15;
    readonly NO_VIABLE_PATH: 16;
    /** CRYPTO_ERROR is 0x0100 + the TLS alert code. */
    readonly CRYPTO_ERROR_BASE: 256;
};
export type TransportErrorCode = (typeof TransportErrorCode)[keyof typeof TransportErrorCode] | number;
export declare function transportErrorName(code: number): string;
/**
 * A QUIC protocol error: the connection closes with CONNECTION_CLOSE (type 0x1c) carrying
 * `code`, the offending `frameType` (0 when unknown) and `reason`.
 */
export declare class TransportError extends Error {
    readonly code: number;
    readonly frameType: number;
    constructor(code: number, reason: string, frameType?: number);
    get reason(): string;
}
