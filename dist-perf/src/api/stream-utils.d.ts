/** Something to read from: `read(size)` resolves with up to `size` bytes, empty at the end. */
export interface StreamDataReader {
    read(size?: number): Promise<Uint8Array>;
}
/** Something to write to: `write` with `endStream` sends FIN after the data; `close()` sends FIN. */
export interface StreamDataWriter {
    write(data: Uint8Array, options?: {
        endStream?: boolean;
    }): Promise<void>;
    close(): Promise<void>;
    /** Resets the sending side with an application error code, when supported. */
    abort?(code?: number): Promise<void>;
}
export type StreamDataDuplex = StreamDataReader & StreamDataWriter;
export interface CopyStreamOptions {
    /** Largest read (default 8192). */
    chunkSize?: number;
    /** Stops the copy between chunks; the destination is aborted and the signal's reason thrown. */
    signal?: AbortSignal;
}
/**
 * Copies everything from `source` to `destination`, then closes the destination (FIN).
 * Resolves with the number of bytes copied. On failure the destination is aborted with code 1
 * (best effort) and the original error is rethrown.
 */
export declare function copyStreamData(source: StreamDataReader, destination: StreamDataWriter, { chunkSize, signal }?: CopyStreamOptions): Promise<number>;
/** Writes back everything read from a bidirectional stream, then closes its sending side. */
export declare function echoStream(stream: StreamDataDuplex, options?: CopyStreamOptions): Promise<number>;
