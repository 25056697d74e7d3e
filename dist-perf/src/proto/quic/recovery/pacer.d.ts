/**
 * Token-bucket pacer (RFC 9002 §7.7). Tokens refill at 1.25 * cwnd / srtt and the bucket holds
 * a burst of BURST_PACKETS datagrams, so a sender spreads a window over the RTT instead of
 * emitting it at line rate.
 */
import type { Micros } from '../../util/time.js';
/** Datagrams that may leave back to back once the bucket is full. */
export declare const BURST_PACKETS = 10;
export declare class Pacer {
    /** Bytes that may be sent right now. */
    private tokens;
    private lastRefill;
    private capacity;
    constructor(maxDatagramSize?: number);
    /**
     * When a packet of `size` bytes may be sent: undefined means now, and then its tokens are
     * taken (call this only when about to send). Otherwise returns the earliest time to retry.
     */
    delayUntil(now: Micros, size: number, cwnd: number, smoothedRtt: Micros, mds: number): Micros | undefined;
    /** Gives back tokens taken by delayUntil() for a packet that was not sent after all. */
    refund(size: number): void;
    /** Refills the bucket, e.g. after an idle period or a path change. */
    reset(): void;
}
