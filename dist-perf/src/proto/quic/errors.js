/** QUIC transport error codes (RFC 9000 §20.1) and the typed error every QUIC parser raises. */
export const TransportErrorCode = {
    NO_ERROR: 0x00,
    INTERNAL_ERROR: 0x01,
    CONNECTION_REFUSED: 0x02,
    FLOW_CONTROL_ERROR: 0x03,
    STREAM_LIMIT_ERROR: 0x04,
    STREAM_STATE_ERROR: 0x05,
    FINAL_SIZE_ERROR: 0x06,
    FRAME_ENCODING_ERROR: 0x07,
    TRANSPORT_PARAMETER_ERROR: 0x08,
    CONNECTION_ID_LIMIT_ERROR: 0x09,
    PROTOCOL_VIOLATION: 0x0a,
    INVALID_TOKEN: 0x0b,
    APPLICATION_ERROR: 0x0c,
    CRYPTO_BUFFER_EXCEEDED: 0x0d,
    KEY_UPDATE_ERROR: 0x0e,
    AEAD_LIMIT_REACHED: 0x0f,
    NO_VIABLE_PATH: 0x10,
    /** CRYPTO_ERROR is 0x0100 + the TLS alert code. */
    CRYPTO_ERROR_BASE: 0x0100,
};
export function transportErrorName(code) {
    if (code >= 0x100 && code <= 0x1ff)
        return `CRYPTO_ERROR(${code - 0x100})`;
    for (const [name, value] of Object.entries(TransportErrorCode))
        if (value === code)
            return name;
    return `0x${code.toString(16)}`;
}
/**
 * A QUIC protocol error: the connection closes with CONNECTION_CLOSE (type 0x1c) carrying
 * `code`, the offending `frameType` (0 when unknown) and `reason`.
 */
export class TransportError extends Error {
    code;
    frameType;
    constructor(code, reason, frameType = 0) {
        super(`${transportErrorName(code)}: ${reason}`);
        this.name = 'TransportError';
        this.code = code;
        this.frameType = frameType;
    }
    get reason() {
        return this.message.slice(this.message.indexOf(': ') + 2);
    }
}
//# sourceMappingURL=errors.js.map