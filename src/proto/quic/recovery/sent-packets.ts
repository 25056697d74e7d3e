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
import { TransportError, TransportErrorCode } from '../errors.js';
import { invariant } from '../../util/invariant.js';

/** Packet number spaces (RFC 9000 §12.3): 0 Initial, 1 Handshake, 2 ApplicationData. */
export const PacketSpace = { Initial: 0, Handshake: 1, ApplicationData: 2 } as const;
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
  /** A PMTU probe (PING + PADDING): its loss means "too big", not congestion (RFC 9000 §14.4). */
  pmtuProbe?: boolean;
}

/** Slot markers for packets that left the outstanding set. */
export const SLOT_ACKED = 1;
export const SLOT_LOST = 2;
/** `undefined` marks a packet number that was skipped (never sent). */
export type SentSlot = SentPacket | typeof SLOT_ACKED | typeof SLOT_LOST | undefined;

/** Compact the front of the array once this many resolved slots accumulate there. */
const COMPACT_AT = 256;
/** A sender skips at most a few packet numbers at a time; a huge gap is a bug. */
const MAX_PN_GAP = 1 << 16;
/** Skipped packet numbers remembered for ACK validation (skips are rare: RFC 9000 §21.4). */
const MAX_SKIPPED = 32;

export class SentPacketStore {
  private slots: SentSlot[] = [];
  /** Index in `slots` of the oldest slot still kept. */
  private head = 0;
  /** Packet number held by `slots[head]`. */
  private headPn = 0;
  /** The most recent skipped packet numbers (oldest first), to reject ACKs for them. */
  private readonly skipped: number[] = [];
  private outstanding = 0;
  private ackElicitingOutstanding = 0;
  /** Largest packet number ever sent in this space, -1 before the first. */
  largestSent = -1;
  /** time_of_last_ack_eliciting_packet (RFC 9002 A.3); undefined when none in flight. */
  timeOfLastAckEliciting: Micros | undefined;

  /** Number of outstanding packets (neither acked, lost nor discarded). */
  get size(): number {
    return this.outstanding;
  }

  /** Outstanding packets that are ack-eliciting and in flight. */
  get ackElicitingInFlight(): number {
    return this.ackElicitingOutstanding;
  }

  /** Lowest packet number with a slot (the oldest outstanding packet when size > 0). */
  get firstPn(): number {
    return this.headPn;
  }

  /** One past the highest packet number with a slot. */
  get endPn(): number {
    return this.headPn + (this.slots.length - this.head);
  }

  insert(p: SentPacket): void {
    invariant(p.pn > this.largestSent, `packet numbers must increase (${p.pn} after ${this.largestSent})`);
    const gap = p.pn - (this.largestSent + 1);
    invariant(gap <= MAX_PN_GAP, 'packet number gap too large');
    for (let pn = Math.max(this.largestSent + 1, p.pn - MAX_SKIPPED); pn < p.pn; pn++) this.rememberSkipped(pn);
    if (this.head === this.slots.length) {
      // Empty window: restart it at this packet.
      this.slots.length = 0;
      this.head = 0;
      this.headPn = p.pn;
    } else {
      for (let i = 0; i < gap; i++) this.slots.push(undefined);
    }
    this.slots.push(p);
    this.largestSent = p.pn;
    this.outstanding++;
    if (p.ackEliciting && p.inFlight) {
      this.ackElicitingOutstanding++;
      this.timeOfLastAckEliciting = p.timeSent;
    }
  }

  /** The slot for `pn`: the packet while outstanding, a marker afterwards, undefined outside. */
  slot(pn: number): SentSlot {
    if (pn < this.headPn) return undefined;
    return this.slots[this.head + (pn - this.headPn)];
  }

  get(pn: number): SentPacket | undefined {
    const s = this.slot(pn);
    return typeof s === 'object' ? s : undefined;
  }

  /**
   * Throws PROTOCOL_VIOLATION when a range acknowledges a packet number that was never sent
   * (RFC 9000 §13.1). Called before any state changes, so a bad ACK leaves the store intact.
   */
  validateAckRange(smallest: number, largest: number): void {
    if (largest > this.largestSent) {
      throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, `ACK of unsent packet ${largest}`, 0x02);
    }
    for (const pn of this.skipped) {
      if (pn >= smallest && pn <= largest) {
        throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, `ACK of skipped packet ${pn}`, 0x02);
      }
    }
  }

  /**
   * Moves the outstanding packets in [smallest, largest] to `out` (ascending) and marks them
   * acknowledged. Work is bounded by the window, not by the range the peer claims.
   */
  ackRange(smallest: number, largest: number, out: SentPacket[]): void {
    const from = Math.max(smallest, this.headPn);
    const to = Math.min(largest, this.endPn - 1);
    for (let pn = from; pn <= to; pn++) {
      const i = this.head + (pn - this.headPn);
      const s = this.slots[i];
      if (typeof s !== 'object') continue;
      this.slots[i] = SLOT_ACKED;
      this.forget(s);
      out.push(s);
    }
  }

  /** Marks an outstanding packet lost; the caller has already taken it from slot(). */
  markLost(p: SentPacket): void {
    const i = this.head + (p.pn - this.headPn);
    invariant(this.slots[i] === p, 'markLost of a packet that is not outstanding');
    this.slots[i] = SLOT_LOST;
    this.forget(p);
  }

  /** Drops the resolved slots at the front so the window starts at the oldest outstanding packet. */
  compact(): void {
    const slots = this.slots;
    let h = this.head;
    while (h < slots.length && typeof slots[h] !== 'object') h++;
    this.headPn += h - this.head;
    this.head = h;
    if (h === slots.length) {
      slots.length = 0;
      this.head = 0;
    } else if (h >= COMPACT_AT && h * 2 >= slots.length) {
      slots.splice(0, h);
      this.head = 0;
    }
  }

  /** Removes every outstanding packet and returns them (key discard, RFC 9002 §6.4). */
  drain(): SentPacket[] {
    const out: SentPacket[] = [];
    for (let i = this.head; i < this.slots.length; i++) {
      const s = this.slots[i];
      if (typeof s === 'object') out.push(s);
    }
    this.headPn = this.endPn;
    // A new array, not length = 0: a discarded space keeps its store, not the old slots' capacity.
    this.slots = [];
    this.head = 0;
    this.outstanding = 0;
    this.ackElicitingOutstanding = 0;
    this.timeOfLastAckEliciting = undefined;
    return out;
  }

  private rememberSkipped(pn: number): void {
    if (this.skipped.length === MAX_SKIPPED) this.skipped.shift();
    this.skipped.push(pn);
  }

  private forget(p: SentPacket): void {
    this.outstanding--;
    if (p.ackEliciting && p.inFlight) {
      this.ackElicitingOutstanding--;
      if (this.ackElicitingOutstanding === 0) this.timeOfLastAckEliciting = undefined;
    }
  }
}
