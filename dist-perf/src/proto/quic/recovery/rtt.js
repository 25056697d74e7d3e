/** Timer granularity (RFC 9002 §6.1.2): the smallest loss delay / RTT variance term. */
export const K_GRANULARITY = 1000;
/** RFC 9002 §6.2.2 recommends 333 ms before any sample exists. */
export const K_INITIAL_RTT = 333_000;
export class RttEstimator {
    /** Most recent raw sample (no ack-delay adjustment); 0 before the first sample. */
    latestRtt = 0;
    smoothedRtt;
    rttVar;
    /** Minimum raw sample seen; 0 before the first sample. */
    minRtt = 0;
    hasSample = false;
    initialRtt;
    constructor(initialRtt = K_INITIAL_RTT) {
        this.initialRtt = initialRtt;
        this.smoothedRtt = initialRtt;
        this.rttVar = Math.round(initialRtt / 2);
    }
    /**
     * Feeds one RTT sample (RFC 9002 §5.3). `ackDelay` is the peer-reported delay in µs; it is
     * clamped to `maxAckDelay` once the handshake is confirmed, and only subtracted when the
     * result would not drop below min_rtt.
     */
    update(latestRtt, ackDelay, maxAckDelay, handshakeConfirmed) {
        const sample = Math.max(0, latestRtt);
        this.latestRtt = sample;
        if (!this.hasSample) {
            this.hasSample = true;
            this.minRtt = sample;
            this.smoothedRtt = sample;
            this.rttVar = Math.round(sample / 2);
            return;
        }
        if (sample < this.minRtt)
            this.minRtt = sample;
        let delay = Math.max(0, ackDelay);
        if (handshakeConfirmed && delay > maxAckDelay)
            delay = maxAckDelay;
        const adjusted = sample >= this.minRtt + delay ? sample - delay : sample;
        this.rttVar = Math.round((3 * this.rttVar + Math.abs(this.smoothedRtt - adjusted)) / 4);
        this.smoothedRtt = Math.round((7 * this.smoothedRtt + adjusted) / 8);
    }
    /** The PTO period without backoff or max_ack_delay: srtt + max(4*rttvar, kGranularity). */
    ptoBase() {
        return this.smoothedRtt + Math.max(4 * this.rttVar, K_GRANULARITY);
    }
    /** Back to the initial estimate, e.g. after a path change (RFC 9000 §9.4). */
    reset() {
        this.latestRtt = 0;
        this.minRtt = 0;
        this.hasSample = false;
        this.smoothedRtt = this.initialRtt;
        this.rttVar = Math.round(this.initialRtt / 2);
    }
}
//# sourceMappingURL=rtt.js.map