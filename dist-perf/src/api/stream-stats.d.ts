/**
 * Per-stream counters (pywebtransport `StreamStats`), in milliseconds. Timestamps are wall-clock
 * ms since the epoch; durations are ms measured by the caller (ideally from a monotonic clock).
 * The `now` source is injectable so tests and virtual clocks control `uptimeMs`.
 */
export interface StreamStatsSnapshot {
    streamId: number;
    createdAt: number;
    closedAt: number | null;
    bytesSent: number;
    bytesReceived: number;
    writesCount: number;
    readsCount: number;
    totalWriteTimeMs: number;
    totalReadTimeMs: number;
    maxWriteTimeMs: number;
    maxReadTimeMs: number;
    writeErrors: number;
    readErrors: number;
    flowControlErrors: number;
    avgReadTimeMs: number;
    avgWriteTimeMs: number;
    uptimeMs: number;
}
export interface StreamStatsOptions {
    /** Wall-clock source in ms; defaults to Date.now. */
    now?: () => number;
    /** Creation time; defaults to `now()`. */
    createdAt?: number;
}
export declare class StreamStats {
    #private;
    readonly streamId: number;
    readonly createdAt: number;
    closedAt: number | null;
    bytesSent: number;
    bytesReceived: number;
    writesCount: number;
    readsCount: number;
    totalWriteTimeMs: number;
    totalReadTimeMs: number;
    maxWriteTimeMs: number;
    maxReadTimeMs: number;
    writeErrors: number;
    readErrors: number;
    /** Times a writer had to wait for credit or buffer space. */
    flowControlErrors: number;
    constructor(streamId: number, options?: StreamStatsOptions);
    /** Mean duration of a successful read, 0 before the first one. */
    get avgReadTimeMs(): number;
    /** Mean duration of a successful write, 0 before the first one. */
    get avgWriteTimeMs(): number;
    /** Time from creation until close, or until now while open. */
    get uptimeMs(): number;
    recordRead(bytes: number, durationMs: number): void;
    recordWrite(bytes: number, durationMs: number): void;
    recordReadError(): void;
    recordWriteError(): void;
    recordFlowControlBlocked(): void;
    /** Marks the stream closed once; later calls keep the first time. */
    markClosed(at?: number): void;
    /** Plain object with every counter and derived value (pywebtransport `to_dict`). */
    toObject(): StreamStatsSnapshot;
    toJSON(): StreamStatsSnapshot;
}
