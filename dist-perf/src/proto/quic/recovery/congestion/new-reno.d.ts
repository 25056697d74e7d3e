/** NewReno congestion control as specified by RFC 9002 §7 and Appendix B. */
import type { Micros } from '../../../util/time.js';
import type { RttEstimator } from '../rtt.js';
import type { SentPacket } from '../sent-packets.js';
import { type CongestionController } from './controller.js';
export declare const K_LOSS_REDUCTION_FACTOR = 0.5;
export interface NewRenoOptions {
    /** max_datagram_size in bytes (default 1200, the QUIC minimum). */
    maxDatagramSize?: number;
    /** Override of kInitialWindow. */
    initialWindow?: number;
}
export declare class NewReno implements CongestionController {
    window: number;
    bytesInFlight: number;
    appLimited: boolean;
    /** Slow start threshold; Infinity until the first congestion event. */
    ssthresh: number;
    /** congestion_recovery_start_time; undefined when no recovery period has started. */
    recoveryStartTime: Micros | undefined;
    private mds;
    /** Bytes acknowledged in congestion avoidance since the window last grew (RFC 3465). */
    private bytesAckedInAvoidance;
    constructor(opts?: NewRenoOptions);
    get maxDatagramSize(): number;
    inSlowStart(): boolean;
    /** InCongestionRecovery(sent_time): packets sent before recovery began do not grow the window. */
    inRecovery(sentTime: Micros): boolean;
    onPacketSent(size: number, _now: Micros): void;
    onPacketsAcked(packets: readonly SentPacket[], _now: Micros, _rtt: RttEstimator): void;
    onPacketsLost(packets: readonly SentPacket[], now: Micros, persistentCongestion: boolean): void;
    onEcnCe(sentTime: Micros, now: Micros): void;
    onPacketDiscarded(p: SentPacket): void;
    canSend(bytes: number): boolean;
    pacingRate(rtt: RttEstimator): number;
    setMaxDatagramSize(mds: number): void;
    /** OnCongestionEvent (RFC 9002 B.6): halve once per recovery period. */
    private onCongestionEvent;
    private removeFromFlight;
}
