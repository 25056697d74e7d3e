/** Round-trip time estimation (RFC 9002 §5). All values are integer microseconds. */
import type { Micros } from '../../util/time.js';
/** Timer granularity (RFC 9002 §6.1.2): the smallest loss delay / RTT variance term. */
export declare const K_GRANULARITY: Micros;
/** RFC 9002 §6.2.2 recommends 333 ms before any sample exists. */
export declare const K_INITIAL_RTT: Micros;
export declare class RttEstimator {
    /** Most recent raw sample (no ack-delay adjustment); 0 before the first sample. */
    latestRtt: Micros;
    smoothedRtt: Micros;
    rttVar: Micros;
    /** Minimum raw sample seen; 0 before the first sample. */
    minRtt: Micros;
    hasSample: boolean;
    private readonly initialRtt;
    constructor(initialRtt?: Micros);
    /**
     * Feeds one RTT sample (RFC 9002 §5.3). `ackDelay` is the peer-reported delay in µs; it is
     * clamped to `maxAckDelay` once the handshake is confirmed, and only subtracted when the
     * result would not drop below min_rtt.
     */
    update(latestRtt: Micros, ackDelay: Micros, maxAckDelay: Micros, handshakeConfirmed: boolean): void;
    /** The PTO period without backoff or max_ack_delay: srtt + max(4*rttvar, kGranularity). */
    ptoBase(): Micros;
    /** Back to the initial estimate, e.g. after a path change (RFC 9000 §9.4). */
    reset(): void;
}
