export declare class Assembler {
    /** Chunks beyond readOffset, sorted, disjoint; the live part starts at `head`. */
    private chunks;
    private head;
    private offset;
    private buffered;
    private highest;
    /** Offset of the next byte read() returns. */
    get readOffset(): number;
    /** Bytes held (received, not read yet). */
    get bufferedBytes(): number;
    /** One past the highest byte offset ever inserted. */
    get highestOffset(): number;
    /** True when read() would return data now. */
    get readable(): boolean;
    /** Bytes readable now without a gap. */
    contiguousAvailable(): number;
    /** Adds bytes at `offset`. Bytes already read or already held are ignored. */
    insert(offset: number, data: Uint8Array): void;
    /**
     * Returns up to maxBytes contiguous bytes at readOffset (a view of one received chunk), or
     * undefined when the next byte has not arrived.
     */
    read(maxBytes: number): Uint8Array | undefined;
    /**
     * Drops everything buffered and moves readOffset to `offset` (at least the current one): used
     * when the application stops reading or the peer resets. Returns the bytes dropped or skipped.
     */
    discard(offset?: number): number;
    private add;
    /** Index of the first live chunk whose end is beyond `offset`. */
    private firstEndingAfter;
    private compact;
}
