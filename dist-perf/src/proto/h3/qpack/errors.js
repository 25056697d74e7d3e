/**
 * QPACK's typed error. Until src/proto/h3/errors.ts (H3Error) is shared, QPACK raises its own
 * class carrying the HTTP/3 error code the H3 layer must close the connection (or stream) with.
 */
export const QpackErrorCode = {
    QPACK_DECOMPRESSION_FAILED: 0x200,
    QPACK_ENCODER_STREAM_ERROR: 0x201,
    QPACK_DECODER_STREAM_ERROR: 0x202,
    /** RFC 9114 §4.2.2 / §4.1.2: a field section larger than SETTINGS_MAX_FIELD_SECTION_SIZE. */
    H3_MESSAGE_ERROR: 0x10e,
};
export class QpackError extends Error {
    code;
    /**
     * True when only the request stream is affected (reset it with `code`); false for a
     * connection error (close the connection with `code`).
     */
    streamError;
    constructor(code, reason, streamError = false) {
        super(reason);
        this.name = 'QpackError';
        this.code = code;
        this.streamError = streamError;
    }
}
//# sourceMappingURL=errors.js.map