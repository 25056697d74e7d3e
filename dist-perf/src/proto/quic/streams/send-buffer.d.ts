export declare class SendBuffer {
    private readonly capacity;
    private chunks;
    private head;
    /** Every byte below this offset is acknowledged (and released). */
    private ackedPrefix;
    /** Acknowledged ranges above ackedPrefix (inclusive bounds). */
    private readonly acked;
    /** Sent ranges declared lost and not resent yet (inclusive bounds). */
    private readonly lost;
    private written;
    private sent;
    constructor(capacity: number);
    /** Offset after the last byte written. */
    get writeOffset(): number;
    /** Offset after the highest byte ever sent (new data continues from here). */
    get sentOffset(): number;
    /** Bytes held: written and not yet acknowledged. */
    get bufferedBytes(): number;
    /** Room left for write(). */
    get freeSpace(): number;
    get unsentBytes(): number;
    get hasLost(): boolean;
    /** True when every written byte is acknowledged. */
    get allAcked(): boolean;
    /** Stores as much of `data` as fits; returns the byte count taken. */
    write(data: Uint8Array): number;
    /** Offset of the first lost byte, or undefined. */
    firstLostOffset(): number | undefined;
    /** Takes up to maxLen lost bytes starting at firstLostOffset(); returns the length taken. */
    takeLost(maxLen: number): number;
    /** Marks up to maxLen unsent bytes as sent; returns the length taken (from the old sentOffset). */
    takeNew(maxLen: number): number;
    /** The bytes [offset, offset+length): a view when they lie in one chunk, else one copy. */
    slice(offset: number, length: number): Uint8Array;
    /** Records an acknowledged range; returns the bytes released from the buffer. */
    onAcked(offset: number, length: number): number;
    /** Records a lost range: its unacknowledged bytes will be resent. */
    onLost(offset: number, length: number): void;
    /** Drops everything (after a reset): nothing will be sent or resent. */
    clear(): void;
    private releaseChunks;
    /** Index of the chunk holding `offset` (binary search over live chunks). */
    private chunkIndex;
}
