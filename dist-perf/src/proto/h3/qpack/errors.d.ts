/**
 * QPACK's typed error. Until src/proto/h3/errors.ts (H3Error) is shared, QPACK raises its own
 * class carrying the HTTP/3 error code the H3 layer must close the connection (or stream) with.
 */
export declare const QpackErrorCode: {
    readonly QPACK_DECOMPRESSION_FAILED: 512;
    readonly QPACK_ENCODER_STREAM_ERROR: 513;
    readonly QPACK_DECODER_STREAM_ERROR: 514;
    /** RFC 9114 §4.2.2 / §4.1.2: a field section larger than SETTINGS_MAX_FIELD_SECTION_SIZE. */
    readonly H3_MESSAGE_ERROR: 270;
};
export type QpackErrorCode = (typeof QpackErrorCode)[keyof typeof QpackErrorCode];
export declare class QpackError extends Error {
    readonly code: QpackErrorCode;
    /**
     * True when only the request stream is affected (reset it with `code`); false for a
     * connection error (close the connection with `code`).
     */
    readonly streamError: boolean;
    constructor(code: QpackErrorCode, reason: string, streamError?: boolean);
}
