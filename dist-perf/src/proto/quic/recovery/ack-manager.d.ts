/**
 * Received packet numbers of one packet number space and when to acknowledge them
 * (RFC 9000 §13.2). Ranges are a flat ascending array [s0, l0, s1, l1, ...]: packets nearly
 * always arrive in order, which makes recording one a constant-time extension of the last range.
 *
 * Duplicate detection keeps a floor below which every packet counts as already seen, raised when
 * the peer acknowledges one of our ACKs or when too many ranges pile up (RFC 9000 §13.2.3).
 */
import type { AckFrame } from '../wire/frames.js';
import type { Micros } from '../../util/time.js';
import type { PacketSpace, SentPacket } from './sent-packets.js';
/** The two ECN bits of the IP header (RFC 3168). */
export declare const EcnCodepoint: {
    readonly NOT_ECT: 0;
    readonly ECT1: 1;
    readonly ECT0: 2;
    readonly CE: 3;
};
export type EcnCodepoint = (typeof EcnCodepoint)[keyof typeof EcnCodepoint];
export interface AckManagerOptions {
    /** Our max_ack_delay in µs (only used in the application data space). */
    maxAckDelay: Micros;
    /** Ack-eliciting packets received before an immediate ACK (RFC 9000 §13.2.2: 2). */
    ackElicitingThreshold?: number;
    /** Most ranges put in one ACK frame (newest first). */
    maxAckRanges?: number;
    /** Most ranges remembered; older ones are forgotten and count as duplicates afterwards. */
    maxTrackedRanges?: number;
}
export declare class AckManager {
    readonly space: PacketSpace;
    /** Largest packet number received (needed for packet number decoding too). */
    largestReceived: number | undefined;
    private largestReceivedTime;
    private largestAckEliciting;
    /** Every packet number <= floor is treated as a duplicate. */
    private floor;
    private ranges;
    private readonly maxAckDelay;
    private readonly threshold;
    private readonly maxAckRanges;
    private readonly maxTrackedRanges;
    private unackedAckEliciting;
    /** Packets (any kind) received since the last ACK was sent. */
    private newSinceAck;
    private deadline;
    private readonly ecn;
    private ecnSeen;
    constructor(space: PacketSpace, opts: AckManagerOptions);
    /** Whether `pn` was already received (or is below the duplicate floor). */
    isDuplicate(pn: number): boolean;
    /**
     * Records a successfully decrypted packet. Duplicates are ignored. `ecn` is the IP ECN
     * codepoint it arrived with (EcnCodepoint), when the socket reports it.
     */
    onPacketReceived(pn: number, ackEliciting: boolean, now: Micros, ecn?: EcnCodepoint): void;
    /** When an ACK must be sent; undefined while no ack-eliciting packet waits. */
    ackDeadline(): Micros | undefined;
    /** An ACK is due: put one in the next packet of this space (alone if need be). */
    wantsAck(now: Micros): boolean;
    /**
     * Unacknowledged ack-eliciting packets wait: an ACK should ride along in any packet this space
     * sends anyway (RFC 9000 §13.2.1), even before the deadline.
     */
    hasPendingAck(): boolean;
    /** Packets (any kind) arrived since the last ACK went out. */
    hasNewPackets(): boolean;
    /**
     * The ACK frame to send now: newest ranges first, at most maxAckRanges of them. `ackDelay` is
     * encoded with our ack_delay_exponent; Initial and Handshake ACKs report 0 (never delayed).
     */
    buildAck(now: Micros, ackDelayExponent: number): AckFrame | undefined;
    /** An ACK frame from buildAck() was sent: the delayed-ack state starts over. */
    onAckSent(): void;
    /**
     * The peer acknowledged a packet of ours carrying an ACK whose Largest Acknowledged was
     * `largestAcked`: stop reporting packet numbers up to it (RFC 9000 §13.2.4).
     */
    onAckOfAckReceived(largestAcked: number): void;
    /** Number of ranges currently remembered (for tests and diagnostics). */
    rangeCount(): number;
    private insert;
    /** Out-of-order insert: binary search for the first range whose largest >= pn - 1. */
    private insertSlow;
    private indexOfRangeContaining;
    /** RFC 9000 §13.2.1: packets are missing between the previous largest ack-eliciting one and pn. */
    private hasGapBelow;
}
/**
 * The largest Largest Acknowledged among ACK frames carried by newly acknowledged packets: pass it
 * to the same space's AckManager.onAckOfAckReceived() (undefined when none carried an ACK).
 */
export declare function largestAckedInAcks(packets: readonly SentPacket[]): number | undefined;
