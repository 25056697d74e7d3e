/**
 * Loss detection for the three packet number spaces (RFC 9002 §6 and Appendix A): ACK
 * processing, packet- and time-threshold loss, the probe timeout with exponential backoff,
 * the client's anti-deadlock probe and persistent-congestion detection.
 *
 * Sans-IO: the Connection feeds sends, ACKs and timeouts, reads `timer(ctx)` into its
 * LOSS_DETECTION timer, retransmits the frames of `lost` packets and sends the probes asked for.
 */
import type { AckFrame } from '../wire/frames.js';
import type { Micros } from '../../util/time.js';
import type { CongestionController } from './congestion/controller.js';
import { type RttEstimator } from './rtt.js';
import { type PacketSpace, type SentPacket } from './sent-packets.js';
/** RFC 9002 §6.1.1: a packet is lost once 3 later packets are acknowledged. */
export declare const K_PACKET_THRESHOLD = 3;
/** RFC 9002 §6.1.2: ... or once it is 9/8 of an RTT older than an acknowledged packet. */
export declare const K_TIME_THRESHOLD_NUM = 9;
export declare const K_TIME_THRESHOLD_DEN = 8;
/** RFC 9002 §7.6.1: persistent congestion spans 3 PTO periods. */
export declare const K_PERSISTENT_CONGESTION_THRESHOLD = 3;
/** Connection facts loss detection needs to arm and run the PTO. */
export interface LossContext {
    handshakeConfirmed: boolean;
    /**
     * Client: the server has validated our address (we have received a Handshake ACK or the
     * handshake is confirmed). Loss detection also tracks Handshake ACKs itself; this is ORed in.
     * Server: always true.
     */
    peerAddressValidated: boolean;
    hasHandshakeKeys: boolean;
    isServer: boolean;
    /** Server blocked by the anti-amplification limit: no PTO is armed (RFC 9002 §6.2.2.1). */
    amplificationLimited?: boolean;
}
export interface LossDetectionOptions {
    rtt: RttEstimator;
    cc: CongestionController;
    isServer: boolean;
    /** The peer's max_ack_delay in µs (RFC 9000 §18.2 default 25 ms). */
    maxAckDelay: Micros;
}
export interface AckResult {
    /** Newly acknowledged packets, ascending by packet number. */
    newlyAcked: SentPacket[];
    /** Packets declared lost while processing this ACK, ascending. */
    lost: SentPacket[];
    rttUpdated: boolean;
}
export interface TimeoutResult {
    lost: SentPacket[];
    /** Send `count` ack-eliciting packets in `space` (PING if there is nothing to retransmit). */
    probe?: {
        space: PacketSpace;
        count: 1 | 2;
    };
}
export declare class LossDetection {
    /** pto_count: consecutive PTOs without an ACK. */
    ptoCount: number;
    private readonly rtt;
    private readonly cc;
    private readonly isServer;
    private maxAckDelay;
    private readonly stores;
    private readonly largestAckedPn;
    private readonly lossTime;
    private readonly ecnCe;
    /** When the first RTT sample was taken: packets sent before it cannot prove persistent congestion. */
    private firstRttSampleTime;
    private handshakeAckReceived;
    /** The latest `now` seen; the anti-deadlock PTO counts from it (RFC 9002 A.8). */
    private lastEventTime;
    constructor(opts: LossDetectionOptions);
    /** The peer's max_ack_delay, once its transport parameters arrive. */
    setMaxAckDelay(us: Micros): void;
    /** Records a sent packet; in-flight packets are charged to the congestion controller. */
    onPacketSent(p: SentPacket, now: Micros): void;
    /**
     * Processes an ACK frame received in `space` (RFC 9002 A.7). `ackDelayMicros` is the decoded
     * ACK Delay (already scaled by the peer's ack_delay_exponent). Throws PROTOCOL_VIOLATION if
     * the ACK covers a packet number never sent.
     */
    onAckReceived(space: PacketSpace, ack: AckFrame, ackDelayMicros: Micros, now: Micros, handshakeConfirmed: boolean): AckResult;
    /**
     * Runs the loss detection timer (RFC 9002 A.9). Spurious calls (before the deadline) return
     * no loss and no probe.
     */
    onTimeout(now: Micros, ctx: LossContext): TimeoutResult;
    /** The loss detection deadline (RFC 9002 A.8 SetLossDetectionTimer), or undefined for none. */
    timer(ctx: LossContext): Micros | undefined;
    /**
     * Drops all state of the Initial or Handshake space when its keys are discarded (RFC 9002
     * A.11). The packets leave bytes in flight without counting as lost; they are returned so the
     * caller can release their frames.
     */
    discardSpace(space: PacketSpace): SentPacket[];
    bytesInFlight(): number;
    largestAcked(space: PacketSpace): number | undefined;
    inFlightAckEliciting(space: PacketSpace): number;
    /** Outstanding packet `pn` of `space` (neither acked, lost nor discarded). */
    sentPacket(space: PacketSpace, pn: number): SentPacket | undefined;
    /** Number of outstanding packets in `space`. */
    outstanding(space: PacketSpace): number;
    /** Largest packet number sent in `space`, -1 before the first. */
    largestSent(space: PacketSpace): number;
    /** Persistent congestion duration (RFC 9002 §7.6.1). */
    persistentCongestionDuration(): Micros;
    /** DetectAndRemoveLostPackets (RFC 9002 A.10), plus persistent congestion (§7.6.2). */
    private detectAndRemoveLost;
    private earliestLossSpace;
    /** GetPtoTimeAndSpace (RFC 9002 A.8). */
    private ptoTimeAndSpace;
    private totalAckElicitingInFlight;
    /** PeerCompletedAddressValidation (RFC 9002 A.8). */
    private peerCompletedAddressValidation;
}
