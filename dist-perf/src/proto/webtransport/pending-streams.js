export const DEFAULT_PENDING_LIMITS = {
    maxStreams: 24,
    maxDatagrams: 64,
    maxDatagramBytes: 64 * 1024,
    maxAge: 2_000_000,
    recentlyClosed: 64,
};
export class PendingBuffer {
    limits;
    /** Insertion order = arrival order, so expiry scans stop at the first young entry. */
    streams = new Map();
    datagrams = [];
    datagramHead = 0;
    datagramBytes = 0;
    closed = new Set();
    /** Counters for diagnostics. */
    rejectedStreams = 0;
    droppedDatagrams = 0;
    constructor(limits = {}) {
        this.limits = { ...DEFAULT_PENDING_LIMITS, ...limits };
    }
    get streamCount() {
        return this.streams.size;
    }
    get datagramCount() {
        return this.datagrams.length - this.datagramHead;
    }
    get bufferedDatagramBytes() {
        return this.datagramBytes;
    }
    /**
     * A stream whose session is not ready. 'sessionGone': the session closed recently (reset it with
     * WT_SESSION_GONE); 'rejected': the buffer is full (reset it with WT_BUFFERED_STREAM_REJECTED).
     */
    addStream(now, sessionId, streamId, direction) {
        if (this.closed.has(sessionId)) {
            this.rejectedStreams++;
            return 'sessionGone';
        }
        if (this.streams.size >= this.limits.maxStreams) {
            this.rejectedStreams++;
            return 'rejected';
        }
        this.streams.set(streamId, { sessionId, streamId, direction, arrivedAt: now });
        return 'buffered';
    }
    /** A datagram whose session is not ready; false when it was dropped (limits or closed session). */
    addDatagram(now, sessionId, payload) {
        if (this.closed.has(sessionId) || payload.length > this.limits.maxDatagramBytes) {
            this.droppedDatagrams++;
            return false;
        }
        // Make room by dropping the oldest: newer datagrams are worth more to real-time traffic.
        while (this.datagramCount >= this.limits.maxDatagrams || this.datagramBytes + payload.length > this.limits.maxDatagramBytes) {
            this.shiftDatagram();
            this.droppedDatagrams++;
        }
        this.datagrams.push({ sessionId, payload, arrivedAt: now });
        this.datagramBytes += payload.length;
        return true;
    }
    /** Forgets a buffered stream (the peer reset it meanwhile). */
    removeStream(streamId) {
        return this.streams.delete(streamId);
    }
    hasStream(streamId) {
        return this.streams.has(streamId);
    }
    /** Everything buffered for a session that just became ready, in arrival order. */
    takeSession(sessionId) {
        const streams = [];
        for (const s of this.streams.values()) {
            if (s.sessionId === sessionId)
                streams.push(s);
        }
        for (const s of streams)
            this.streams.delete(s.streamId);
        const datagrams = [];
        if (this.datagramCount > 0) {
            const keep = [];
            for (let i = this.datagramHead; i < this.datagrams.length; i++) {
                const d = this.datagrams[i];
                if (d.sessionId === sessionId) {
                    datagrams.push(d.payload);
                    this.datagramBytes -= d.payload.length;
                }
                else {
                    keep.push(d);
                }
            }
            this.datagrams = keep;
            this.datagramHead = 0;
        }
        return { streams, datagrams };
    }
    /**
     * The session will never be ready (rejected or closed): returns its buffered streams (to reset)
     * and remembers the id so later arrivals are refused.
     */
    closeSession(sessionId) {
        this.markClosed(sessionId);
        return this.takeSession(sessionId).streams;
    }
    /** Remembers a closed session id, forgetting the oldest beyond the limit. */
    markClosed(sessionId) {
        this.closed.delete(sessionId);
        this.closed.add(sessionId);
        if (this.closed.size > this.limits.recentlyClosed) {
            const oldest = this.closed.values().next().value;
            this.closed.delete(oldest);
        }
    }
    isRecentlyClosed(sessionId) {
        return this.closed.has(sessionId);
    }
    /** Drops entries older than maxAge; returns the expired streams (to reset). */
    expire(now) {
        const cutoff = now - this.limits.maxAge;
        const expired = [];
        for (const s of this.streams.values()) {
            if (s.arrivedAt > cutoff)
                break;
            expired.push(s);
        }
        for (const s of expired)
            this.streams.delete(s.streamId);
        this.rejectedStreams += expired.length;
        while (this.datagramCount > 0 && this.datagrams[this.datagramHead].arrivedAt <= cutoff) {
            this.shiftDatagram();
            this.droppedDatagrams++;
        }
        return expired;
    }
    /** When the oldest entry expires (undefined when empty). */
    nextDeadline() {
        let first;
        const s = this.streams.values().next();
        if (!s.done)
            first = s.value.arrivedAt;
        if (this.datagramCount > 0) {
            const d = this.datagrams[this.datagramHead].arrivedAt;
            first = first === undefined ? d : Math.min(first, d);
        }
        return first === undefined ? undefined : first + this.limits.maxAge;
    }
    shiftDatagram() {
        const d = this.datagrams[this.datagramHead];
        this.datagrams[this.datagramHead] = undefined;
        this.datagramHead++;
        this.datagramBytes -= d.payload.length;
        if (this.datagramHead > 32 && this.datagramHead * 2 > this.datagrams.length) {
            this.datagrams = this.datagrams.slice(this.datagramHead);
            this.datagramHead = 0;
        }
    }
}
//# sourceMappingURL=pending-streams.js.map