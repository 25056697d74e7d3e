/** Datagrams that may leave back to back once the bucket is full. */
export const BURST_PACKETS = 10;
/** N = 1.25 from RFC 9002 §7.7, so pacing does not hold the sender below its window. */
const RATE_NUM = 5;
const RATE_DEN = 4;
export class Pacer {
    /** Bytes that may be sent right now. */
    tokens;
    lastRefill;
    capacity;
    constructor(maxDatagramSize = 1200) {
        this.capacity = BURST_PACKETS * maxDatagramSize;
        this.tokens = this.capacity;
    }
    /**
     * When a packet of `size` bytes may be sent: undefined means now, and then its tokens are
     * taken (call this only when about to send). Otherwise returns the earliest time to retry.
     */
    delayUntil(now, size, cwnd, smoothedRtt, mds) {
        this.capacity = Math.max(BURST_PACKETS * mds, size);
        const srtt = Math.max(1, smoothedRtt);
        if (this.lastRefill === undefined) {
            this.lastRefill = now;
        }
        else if (now > this.lastRefill) {
            // bytes per µs = 1.25 * cwnd / srtt
            this.tokens = Math.min(this.capacity, this.tokens + ((now - this.lastRefill) * cwnd * RATE_NUM) / (srtt * RATE_DEN));
            this.lastRefill = now;
        }
        if (this.tokens >= size) {
            this.tokens -= size;
            return undefined;
        }
        const missing = size - this.tokens;
        const wait = Math.ceil((missing * srtt * RATE_DEN) / (Math.max(1, cwnd) * RATE_NUM));
        return now + Math.max(1, wait);
    }
    /** Gives back tokens taken by delayUntil() for a packet that was not sent after all. */
    refund(size) {
        this.tokens = Math.min(this.capacity, this.tokens + size);
    }
    /** Refills the bucket, e.g. after an idle period or a path change. */
    reset() {
        this.tokens = this.capacity;
        this.lastRefill = undefined;
    }
}
//# sourceMappingURL=pacer.js.map