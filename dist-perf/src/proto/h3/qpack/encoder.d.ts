export type HeaderLine = readonly [name: string, value: string];
export interface QpackEncoderOptions {
    /** Upper bound on the table capacity we use, whatever the peer allows (default 4096). */
    readonly maxTableCapacity?: number;
    /** Huffman-code string literals when shorter (default true; false reproduces RFC examples). */
    readonly huffman?: boolean;
    /**
     * Whether a field is worth a dynamic table entry (default: everything except secrets and
     * per-message values such as :path, content-length, date; see NOT_INDEXED).
     */
    readonly shouldIndex?: (name: string, value: string) => boolean;
}
export interface QpackPeerSettings {
    /** The peer's SETTINGS_QPACK_MAX_TABLE_CAPACITY. */
    readonly maxTableCapacity: number;
    /** The peer's SETTINGS_QPACK_BLOCKED_STREAMS. */
    readonly blockedStreams: number;
}
export declare class QpackEncoder {
    private readonly table;
    private readonly ownMaxCapacity;
    private readonly huffman;
    private readonly shouldIndex;
    private peerBlockedStreams;
    private maxEntries;
    private knownReceivedCount;
    /** Stream id -> its unacknowledged sections, oldest first. */
    private readonly sections;
    private readonly encoderOut;
    private readonly lines;
    private partial;
    private settingsApplied;
    constructor(options?: QpackEncoderOptions);
    get insertCount(): number;
    get tableCapacity(): number;
    get tableSize(): number;
    get acknowledgedInsertCount(): number;
    get outstandingSectionCount(): number;
    /** Applies the peer's SETTINGS (once): enables the dynamic table when it allows one. */
    setPeerSettings(settings: QpackPeerSettings): void;
    /** Encodes one field section for `streamId`; new encoder-stream bytes may follow (pollEncoderStream). */
    encodeFieldSection(streamId: number, headers: Iterable<HeaderLine>): Uint8Array;
    /**
     * Speculatively inserts a field (e.g. to warm the table before the first request); returns
     * false when the table is disabled or it cannot fit without an unsafe eviction.
     */
    insert(name: string, value: string): boolean;
    /**
     * Inserts name+value when it fits without evicting anything still needed; returns the new
     * absolute index or -1. `sectionMinRef` protects entries the section being encoded uses.
     */
    private tryInsert;
    /** Entries with an absolute index below this are evictable (RFC 9204 §2.1.1). */
    private evictionLimit;
    private isBlocking;
    private blockingStreamCount;
    /** Bytes received on the peer's decoder stream. Throws QpackError(QPACK_DECODER_STREAM_ERROR). */
    handleDecoderStream(bytes: Uint8Array): void;
    private apply;
    /** Bytes to send on our encoder stream, if any (send them before the sections that need them). */
    pollEncoderStream(): Uint8Array | undefined;
}
