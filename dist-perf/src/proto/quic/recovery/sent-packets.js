import { TransportError, TransportErrorCode } from '../errors.js';
import { invariant } from '../../util/invariant.js';
/** Packet number spaces (RFC 9000 §12.3): 0 Initial, 1 Handshake, 2 ApplicationData. */
export const PacketSpace = { Initial: 0, Handshake: 1, ApplicationData: 2 };
/** Slot markers for packets that left the outstanding set. */
export const SLOT_ACKED = 1;
export const SLOT_LOST = 2;
/** Compact the front of the array once this many resolved slots accumulate there. */
const COMPACT_AT = 256;
/** A sender skips at most a few packet numbers at a time; a huge gap is a bug. */
const MAX_PN_GAP = 1 << 16;
/** Skipped packet numbers remembered for ACK validation (skips are rare: RFC 9000 §21.4). */
const MAX_SKIPPED = 32;
export class SentPacketStore {
    slots = [];
    /** Index in `slots` of the oldest slot still kept. */
    head = 0;
    /** Packet number held by `slots[head]`. */
    headPn = 0;
    /** The most recent skipped packet numbers (oldest first), to reject ACKs for them. */
    skipped = [];
    outstanding = 0;
    ackElicitingOutstanding = 0;
    /** Largest packet number ever sent in this space, -1 before the first. */
    largestSent = -1;
    /** time_of_last_ack_eliciting_packet (RFC 9002 A.3); undefined when none in flight. */
    timeOfLastAckEliciting;
    /** Number of outstanding packets (neither acked, lost nor discarded). */
    get size() {
        return this.outstanding;
    }
    /** Outstanding packets that are ack-eliciting and in flight. */
    get ackElicitingInFlight() {
        return this.ackElicitingOutstanding;
    }
    /** Lowest packet number with a slot (the oldest outstanding packet when size > 0). */
    get firstPn() {
        return this.headPn;
    }
    /** One past the highest packet number with a slot. */
    get endPn() {
        return this.headPn + (this.slots.length - this.head);
    }
    insert(p) {
        invariant(p.pn > this.largestSent, `packet numbers must increase (${p.pn} after ${this.largestSent})`);
        const gap = p.pn - (this.largestSent + 1);
        invariant(gap <= MAX_PN_GAP, 'packet number gap too large');
        for (let pn = Math.max(this.largestSent + 1, p.pn - MAX_SKIPPED); pn < p.pn; pn++)
            this.rememberSkipped(pn);
        if (this.head === this.slots.length) {
            // Empty window: restart it at this packet.
            this.slots.length = 0;
            this.head = 0;
            this.headPn = p.pn;
        }
        else {
            for (let i = 0; i < gap; i++)
                this.slots.push(undefined);
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
    slot(pn) {
        if (pn < this.headPn)
            return undefined;
        return this.slots[this.head + (pn - this.headPn)];
    }
    get(pn) {
        const s = this.slot(pn);
        return typeof s === 'object' ? s : undefined;
    }
    /**
     * Throws PROTOCOL_VIOLATION when a range acknowledges a packet number that was never sent
     * (RFC 9000 §13.1). Called before any state changes, so a bad ACK leaves the store intact.
     */
    validateAckRange(smallest, largest) {
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
    ackRange(smallest, largest, out) {
        const from = Math.max(smallest, this.headPn);
        const to = Math.min(largest, this.endPn - 1);
        for (let pn = from; pn <= to; pn++) {
            const i = this.head + (pn - this.headPn);
            const s = this.slots[i];
            if (typeof s !== 'object')
                continue;
            this.slots[i] = SLOT_ACKED;
            this.forget(s);
            out.push(s);
        }
    }
    /** Marks an outstanding packet lost; the caller has already taken it from slot(). */
    markLost(p) {
        const i = this.head + (p.pn - this.headPn);
        invariant(this.slots[i] === p, 'markLost of a packet that is not outstanding');
        this.slots[i] = SLOT_LOST;
        this.forget(p);
    }
    /** Drops the resolved slots at the front so the window starts at the oldest outstanding packet. */
    compact() {
        const slots = this.slots;
        let h = this.head;
        while (h < slots.length && typeof slots[h] !== 'object')
            h++;
        this.headPn += h - this.head;
        this.head = h;
        if (h === slots.length) {
            slots.length = 0;
            this.head = 0;
        }
        else if (h >= COMPACT_AT && h * 2 >= slots.length) {
            slots.splice(0, h);
            this.head = 0;
        }
    }
    /** Removes every outstanding packet and returns them (key discard, RFC 9002 §6.4). */
    drain() {
        const out = [];
        for (let i = this.head; i < this.slots.length; i++) {
            const s = this.slots[i];
            if (typeof s === 'object')
                out.push(s);
        }
        this.headPn = this.endPn;
        this.slots.length = 0;
        this.head = 0;
        this.outstanding = 0;
        this.ackElicitingOutstanding = 0;
        this.timeOfLastAckEliciting = undefined;
        return out;
    }
    rememberSkipped(pn) {
        if (this.skipped.length === MAX_SKIPPED)
            this.skipped.shift();
        this.skipped.push(pn);
    }
    forget(p) {
        this.outstanding--;
        if (p.ackEliciting && p.inFlight) {
            this.ackElicitingOutstanding--;
            if (this.ackElicitingOutstanding === 0)
                this.timeOfLastAckEliciting = undefined;
        }
    }
}
//# sourceMappingURL=sent-packets.js.map