export class SendCredit {
    /** Highest offset (stream) or byte total (connection) the peer allows. */
    limit;
    /** Offset / total sent so far. */
    used = 0;
    /** Limit at which a *_BLOCKED frame was last queued (-1: never), so each limit is reported once. */
    blockedReportedAt = -1;
    constructor(limit) {
        this.limit = limit;
    }
    get available() {
        return this.limit > this.used ? this.limit - this.used : 0;
    }
    /** Applies a MAX_DATA / MAX_STREAM_DATA value; returns true when it raised the limit. */
    raise(maximum) {
        if (maximum <= this.limit)
            return false; // stale or reordered frames never lower credit
        this.limit = maximum;
        return true;
    }
    /** True when we are blocked at a limit not reported yet; marks it reported. */
    takeBlockedReport() {
        if (this.available > 0 || this.blockedReportedAt === this.limit)
            return false;
        this.blockedReportedAt = this.limit;
        return true;
    }
}
export class ReceiveWindow {
    /** The limit advertised to the peer (initial parameter, then MAX_DATA / MAX_STREAM_DATA). */
    limit;
    /** Current window size: credit granted beyond what was consumed. */
    window;
    maxWindow;
    /** Bytes consumed by the application (or discarded). */
    consumed = 0;
    lastUpdateAt;
    constructor(initialWindow, maxWindow) {
        this.limit = initialWindow;
        this.window = initialWindow;
        this.maxWindow = Math.max(maxWindow, initialWindow);
    }
    /**
     * Records consumed bytes. Returns true when a new, larger limit should be advertised: once less
     * than half a window of credit remains.
     */
    onConsumed(bytes, now, smoothedRtt) {
        this.consumed += bytes;
        if (this.limit - this.consumed >= this.window / 2 || this.window === 0)
            return false;
        if (this.lastUpdateAt !== undefined && smoothedRtt > 0 && now - this.lastUpdateAt < smoothedRtt) {
            this.window = Math.min(this.window * 2, this.maxWindow);
        }
        this.lastUpdateAt = now;
        const next = this.consumed + this.window;
        if (next <= this.limit)
            return false;
        this.limit = next;
        return true;
    }
}
//# sourceMappingURL=flow-control.js.map