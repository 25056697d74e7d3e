/** The congestion-control seam between loss detection and an algorithm (RFC 9002 §7). */
import type { Micros } from '../../../util/time.js';
import type { RttEstimator } from '../rtt.js';
import type { SentPacket } from '../sent-packets.js';
export interface CongestionController {
    /** Congestion window in bytes. */
    readonly window: number;
    /** Bytes of in-flight packets neither acknowledged, lost nor discarded. */
    readonly bytesInFlight: number;
    /**
     * Set by the sender when it had nothing (or no flow-control credit) to send while the window
     * was open; the window does not grow while this is true (RFC 9002 §7.8).
     */
    appLimited: boolean;
    /** An in-flight packet of `size` bytes was sent (LossDetection calls this). */
    onPacketSent(size: number, now: Micros): void;
    /** Newly acknowledged packets (any in_flight flag; only in-flight ones count). */
    onPacketsAcked(packets: readonly SentPacket[], now: Micros, rtt: RttEstimator): void;
    /** Newly lost packets; `persistentCongestion` collapses the window (RFC 9002 §7.6). */
    onPacketsLost(packets: readonly SentPacket[], now: Micros, persistentCongestion: boolean): void;
    /** Removes a packet from bytes in flight without signalling loss (key discard, RFC 9002 §6.4). */
    onPacketDiscarded(p: SentPacket): void;
    /** The peer's ECN-CE count rose; `sentTime` is when the largest newly acked packet was sent. */
    onEcnCe?(sentTime: Micros, now: Micros): void;
    /** Whether a packet of `bytes` fits in the window now. */
    canSend(bytes: number): boolean;
    /** Pacing rate in bytes per second (RFC 9002 §7.7: 1.25 * cwnd / srtt). */
    pacingRate?(rtt: RttEstimator): number;
    /** The path's maximum datagram size changed (PMTU discovery). */
    setMaxDatagramSize?(mds: number): void;
}
/** RFC 9002 §7.2: min(10 * mds, max(14720, 2 * mds)). */
export declare function initialWindow(maxDatagramSize: number): number;
/** RFC 9002 §7.2: two datagrams. */
export declare function minimumWindow(maxDatagramSize: number): number;
/** Pacing rate shared by the window-based controllers, in bytes per second. */
export declare function windowPacingRate(window: number, rtt: RttEstimator): number;
