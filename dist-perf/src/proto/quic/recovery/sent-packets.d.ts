/**
 * Records of sent packets in one packet number space, kept until they are acknowledged, declared
 * lost or discarded (RFC 9002 Appendix A.1).
 *
 * Storage is an array indexed by `pn - headPn` (packet numbers rise monotonically), so insert,
 * lookup and removal are O(1); the array is compacted from the front as the oldest packets
 * resolve. Acknowledged and lost slots keep a marker until compaction passes them, which lets
 * persistent-congestion detection see whether a packet between two losses was acknowledged.
 */
import type { Frame } from '../wire/frames.js';
import type { Micros } from '../../util/time.js';
/** Packet number spaces (RFC 9000 §12.3): 0 Initial, 1 Handshake, 2 ApplicationData. */
export declare const PacketSpace: {
    readonly Initial: 0;
    readonly Handshake: 1;
    readonly ApplicationData: 2;
};
export type PacketSpace = (typeof PacketSpace)[keyof typeof PacketSpace];
export interface SentPacket {
    pn: number;
    space: PacketSpace;
    timeSent: Micros;
    /** Bytes of the packet on the wire (QUIC header + payload + AEAD tag, no UDP/IP). */
    size: number;
    ackEliciting: boolean;
    /** Counts toward bytes in flight: ack-eliciting or padded (RFC 9002 §2). */
    inFlight: boolean;
    /** Frames to inspect on ack (to release state) or on loss (to retransmit). */
    frames: Frame[];
    /** Largest acked in an ACK frame it carried */
    largestAckedInAck?: number;
}
/** Slot markers for packets that left the outstanding set. */
export declare const SLOT_ACKED = 1;
export declare const SLOT_LOST = 2;
/** `undefined` marks a packet number that was skipped (never sent). */
export type SentSlot = SentPacket | typeof SLOT_ACKED | typeof SLOT_LOST | undefined;
export declare class SentPacketStore {
    private slots;
    /** Index in `slots` of the oldest slot still kept. */
    private head;
    /** Packet number held by `slots[head]`. */
    private headPn;
    /** The most recent skipped packet numbers (oldest first), to reject ACKs for them. */
    private readonly skipped;
    private outstanding;
    private ackElicitingOutstanding;
    /** Largest packet number ever sent in this space, -1 before the first. */
    largestSent: number;
    /** time_of_last_ack_eliciting_packet (RFC 9002 A.3); undefined when none in flight. */
    timeOfLastAckEliciting: Micros | undefined;
    /** Number of outstanding packets (neither acked, lost nor discarded). */
    get size(): number;
    /** Outstanding packets that are ack-eliciting and in flight. */
    get ackElicitingInFlight(): number;
    /** Lowest packet number with a slot (the oldest outstanding packet when size > 0). */
    get firstPn(): number;
    /** One past the highest packet number with a slot. */
    get endPn(): number;
    insert(p: SentPacket): void;
    /** The slot for `pn`: the packet while outstanding, a marker afterwards, undefined outside. */
    slot(pn: number): SentSlot;
    get(pn: number): SentPacket | undefined;
    /**
     * Throws PROTOCOL_VIOLATION when a range acknowledges a packet number that was never sent
     * (RFC 9000 §13.1). Called before any state changes, so a bad ACK leaves the store intact.
     */
    validateAckRange(smallest: number, largest: number): void;
    /**
     * Moves the outstanding packets in [smallest, largest] to `out` (ascending) and marks them
     * acknowledged. Work is bounded by the window, not by the range the peer claims.
     */
    ackRange(smallest: number, largest: number, out: SentPacket[]): void;
    /** Marks an outstanding packet lost; the caller has already taken it from slot(). */
    markLost(p: SentPacket): void;
    /** Drops the resolved slots at the front so the window starts at the oldest outstanding packet. */
    compact(): void;
    /** Removes every outstanding packet and returns them (key discard, RFC 9002 §6.4). */
    drain(): SentPacket[];
    private rememberSkipped;
    private forget;
}
