/**
 * CUBIC congestion control (RFC 9438) on the RFC 9002 framework: slow start and recovery periods
 * as NewReno, a cubic window curve in congestion avoidance with the Reno-friendly region
 * (§4.3) and fast convergence (§4.7). No HyStart.
 */
import type { Micros } from '../../../util/time.js';
import type { RttEstimator } from '../rtt.js';
import type { SentPacket } from '../sent-packets.js';
import { type CongestionController } from './controller.js';
/** RFC 9438 §5: C = 0.4 (segments / s^3), beta_cubic = 0.7. */
export declare const CUBIC_C = 0.4;
export declare const CUBIC_BETA = 0.7;
export interface CubicOptions {
    maxDatagramSize?: number;
    initialWindow?: number;
}
export declare class Cubic implements CongestionController {
    window: number;
    bytesInFlight: number;
    appLimited: boolean;
    ssthresh: number;
    recoveryStartTime: Micros | undefined;
    private mds;
    /** W_max in bytes: the window just before the last reduction. */
    private wMax;
    /** K in µs: time for the cubic curve to climb back to W_max. */
    private k;
    /** Start of the current congestion avoidance epoch. */
    private epochStart;
    /** W_est in bytes: what Reno would have now (RFC 9438 §4.3). */
    private wEst;
    constructor(opts?: CubicOptions);
    inRecovery(sentTime: Micros): boolean;
    onPacketSent(size: number, _now: Micros): void;
    onPacketsAcked(packets: readonly SentPacket[], now: Micros, rtt: RttEstimator): void;
    onPacketsLost(packets: readonly SentPacket[], now: Micros, persistentCongestion: boolean): void;
    onEcnCe(sentTime: Micros, now: Micros): void;
    onPacketDiscarded(p: SentPacket): void;
    canSend(bytes: number): boolean;
    pacingRate(rtt: RttEstimator): number;
    setMaxDatagramSize(mds: number): void;
    /** W_cubic(t) in bytes, t in µs since the epoch start (RFC 9438 §4.2). */
    cubicWindow(t: Micros): number;
    private avoidance;
    private onCongestionEvent;
}
