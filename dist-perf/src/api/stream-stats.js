/**
 * Per-stream counters (pywebtransport `StreamStats`), in milliseconds. Timestamps are wall-clock
 * ms since the epoch; durations are ms measured by the caller (ideally from a monotonic clock).
 * The `now` source is injectable so tests and virtual clocks control `uptimeMs`.
 */
export class StreamStats {
    streamId;
    createdAt;
    closedAt = null;
    bytesSent = 0;
    bytesReceived = 0;
    writesCount = 0;
    readsCount = 0;
    totalWriteTimeMs = 0;
    totalReadTimeMs = 0;
    maxWriteTimeMs = 0;
    maxReadTimeMs = 0;
    writeErrors = 0;
    readErrors = 0;
    /** Times a writer had to wait for credit or buffer space. */
    flowControlErrors = 0;
    #now;
    constructor(streamId, options = {}) {
        this.streamId = streamId;
        this.#now = options.now ?? Date.now;
        this.createdAt = options.createdAt ?? this.#now();
    }
    /** Mean duration of a successful read, 0 before the first one. */
    get avgReadTimeMs() {
        return this.readsCount === 0 ? 0 : this.totalReadTimeMs / this.readsCount;
    }
    /** Mean duration of a successful write, 0 before the first one. */
    get avgWriteTimeMs() {
        return this.writesCount === 0 ? 0 : this.totalWriteTimeMs / this.writesCount;
    }
    /** Time from creation until close, or until now while open. */
    get uptimeMs() {
        return (this.closedAt ?? this.#now()) - this.createdAt;
    }
    recordRead(bytes, durationMs) {
        this.readsCount += 1;
        this.bytesReceived += bytes;
        this.totalReadTimeMs += durationMs;
        if (durationMs > this.maxReadTimeMs)
            this.maxReadTimeMs = durationMs;
    }
    recordWrite(bytes, durationMs) {
        this.writesCount += 1;
        this.bytesSent += bytes;
        this.totalWriteTimeMs += durationMs;
        if (durationMs > this.maxWriteTimeMs)
            this.maxWriteTimeMs = durationMs;
    }
    recordReadError() {
        this.readErrors += 1;
    }
    recordWriteError() {
        this.writeErrors += 1;
    }
    recordFlowControlBlocked() {
        this.flowControlErrors += 1;
    }
    /** Marks the stream closed once; later calls keep the first time. */
    markClosed(at = this.#now()) {
        if (this.closedAt === null)
            this.closedAt = at;
    }
    /** Plain object with every counter and derived value (pywebtransport `to_dict`). */
    toObject() {
        return {
            streamId: this.streamId,
            createdAt: this.createdAt,
            closedAt: this.closedAt,
            bytesSent: this.bytesSent,
            bytesReceived: this.bytesReceived,
            writesCount: this.writesCount,
            readsCount: this.readsCount,
            totalWriteTimeMs: this.totalWriteTimeMs,
            totalReadTimeMs: this.totalReadTimeMs,
            maxWriteTimeMs: this.maxWriteTimeMs,
            maxReadTimeMs: this.maxReadTimeMs,
            writeErrors: this.writeErrors,
            readErrors: this.readErrors,
            flowControlErrors: this.flowControlErrors,
            avgReadTimeMs: this.avgReadTimeMs,
            avgWriteTimeMs: this.avgWriteTimeMs,
            uptimeMs: this.uptimeMs,
        };
    }
    toJSON() {
        return this.toObject();
    }
}
//# sourceMappingURL=stream-stats.js.map