import { type DynamicEntry } from './dynamic-table.js';
export type Header = [name: string, value: string];
export type DecodeResult = {
    readonly headers: Header[];
    readonly blocked?: never;
} | {
    readonly blocked: true;
    readonly headers?: never;
};
export interface QpackDecoderOptions {
    /** Our SETTINGS_QPACK_MAX_TABLE_CAPACITY. */
    readonly maxTableCapacity: number;
    /** Our SETTINGS_QPACK_BLOCKED_STREAMS. */
    readonly maxBlockedStreams: number;
    /** Our SETTINGS_MAX_FIELD_SECTION_SIZE (sum of name + value + 32 per line); default 64 KiB. */
    readonly maxFieldSectionSize?: number;
}
export declare class QpackDecoder {
    private readonly table;
    private readonly maxTableCapacity;
    private readonly maxBlockedStreams;
    private readonly maxFieldSectionSize;
    private readonly maxEntries;
    /** An encoder-stream instruction whose bytes have not all arrived: pending[0, pendingLength). */
    private pending;
    private pendingLength;
    /** Bytes the pending instruction needs before it is worth parsing again. */
    private pendingNeed;
    /** Blocked stream id -> its Required Insert Count. */
    private readonly blocked;
    private readonly out;
    /** The Known Received Count as the encoder will compute it from what we sent. */
    private acknowledgedInsertCount;
    constructor(options: QpackDecoderOptions);
    get insertCount(): number;
    get tableSize(): number;
    get tableCapacity(): number;
    get blockedStreamCount(): number;
    /** A dynamic table entry by absolute index (for inspection and tests). */
    entry(absIndex: number): DynamicEntry | undefined;
    /** Bytes received on the peer's encoder stream. Throws QpackError(QPACK_ENCODER_STREAM_ERROR). */
    handleEncoderStream(bytes: Uint8Array): void;
    private parseInstructions;
    /** Stores an incomplete instruction (`rest` may be a view of `pending` itself). */
    private keepPending;
    private apply;
    private insert;
    /**
     * Decodes one encoded field section from a request/push stream. Returns { blocked: true } when
     * it needs inserts that have not arrived (call again once unblockedStreams() lists the stream).
     * Throws QpackError: QPACK_DECOMPRESSION_FAILED (connection error) for malformed input, or a
     * stream error (streamError = true, H3_MESSAGE_ERROR) when the section exceeds
     * maxFieldSectionSize; in that case the Stream Cancellation is already queued.
     */
    decodeFieldSection(streamId: number, bytes: Uint8Array): DecodeResult;
    private decodeLines;
    private dynamicEntry;
    /**
     * Streams that were blocked and can now be decoded (each listed once): call
     * decodeFieldSection() again for them.
     */
    unblockedStreams(): number[];
    /**
     * The stream was reset or abandoned before all its field sections were decoded: forget it and
     * tell the encoder (Stream Cancellation; omitted when our table capacity is 0, RFC 9204 §4.4.2).
     */
    cancelStream(streamId: number, notify?: boolean): void;
    /** Bytes to send on our decoder stream, if any. */
    pollDecoderStream(): Uint8Array | undefined;
}
