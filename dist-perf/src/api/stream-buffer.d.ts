export declare const DEFAULT_STREAM_BUFFER_SIZE = 65536;
export interface StreamBufferOptions {
    /** Most bytes buffered at once (default 65536). `Infinity` disables the cap. */
    maxSize?: number;
    /** Called with the byte count each time the application takes data out. */
    onConsumed?: (bytes: number) => void;
}
export interface StreamBufferReadResult {
    data: Uint8Array;
    /** True once the end of the stream was received and everything before it was read. */
    atEof: boolean;
}
export interface BufferReadOptions {
    signal?: AbortSignal;
}
export interface BufferReadUntilOptions extends BufferReadOptions {
    /** The separator must end within this many bytes (default: maxSize). */
    limit?: number;
}
export declare class StreamBuffer {
    #private;
    readonly maxSize: number;
    constructor(options?: StreamBufferOptions);
    /** Bytes currently buffered. */
    get size(): number;
    /** Bytes that may still be fed without exceeding maxSize. */
    get freeSpace(): number;
    /** True when the end of stream was fed and every byte has been read. */
    get atEof(): boolean;
    /** True once the end of stream was fed (bytes may remain). */
    get eofReceived(): boolean;
    /** Reads waiting for data. */
    get pendingReads(): number;
    /**
     * Appends data (the buffer keeps the given bytes, do not reuse them) and optionally marks the end.
     * Throws FlowControlError past maxSize and StreamError for data after the end. Ignored after `fail`.
     */
    feedData(data: Uint8Array, { eof }?: {
        eof?: boolean;
    }): void;
    /** Marks the end of the stream (FIN). */
    feedEof(): void;
    /** Errors the buffer (e.g. the peer reset the stream): buffered bytes are dropped, reads reject. */
    fail(error: unknown): void;
    /** Puts bytes back at the front, e.g. the unconsumed part of an abandoned higher-level read. */
    unread(data: Uint8Array): void;
    /**
     * Up to `size` bytes (all buffered bytes when `size` is negative, the default) once any are
     * available; empty data with `atEof` at the end of the stream.
     */
    read({ size, signal }?: {
        size?: number;
    } & BufferReadOptions): Promise<StreamBufferReadResult>;
    /** Exactly `n` bytes; rejects with IncompleteReadError (holding the partial bytes) at an early end. */
    readExactly(n: number, { signal }?: BufferReadOptions): Promise<Uint8Array>;
    /**
     * Bytes up to and including `separator`. At the end of the stream, whatever remains (possibly
     * empty). Rejects with StreamError, consuming nothing, when the separator does not end within
     * `limit` bytes or the buffer fills up without it.
     */
    readUntil(separator?: Uint8Array | string, { limit, signal }?: BufferReadUntilOptions): Promise<Uint8Array>;
    /** One line including its `\n` (or the remainder at the end of the stream). */
    readLine(options?: BufferReadUntilOptions): Promise<Uint8Array>;
}
