/** The two ECN bits of the IP header (RFC 3168). */
export const EcnCodepoint = { NOT_ECT: 0, ECT1: 1, ECT0: 2, CE: 3 };
export class AckManager {
    space;
    /** Largest packet number received (needed for packet number decoding too). */
    largestReceived;
    largestReceivedTime = 0;
    largestAckEliciting;
    /** Every packet number <= floor is treated as a duplicate. */
    floor = -1;
    ranges = [];
    maxAckDelay;
    threshold;
    maxAckRanges;
    maxTrackedRanges;
    unackedAckEliciting = 0;
    /** Packets (any kind) received since the last ACK was sent. */
    newSinceAck = false;
    deadline;
    ecn = { ect0: 0, ect1: 0, ce: 0 };
    ecnSeen = false;
    constructor(space, opts) {
        this.space = space;
        this.maxAckDelay = opts.maxAckDelay;
        this.threshold = Math.max(1, opts.ackElicitingThreshold ?? 2);
        this.maxAckRanges = Math.max(1, opts.maxAckRanges ?? 64);
        this.maxTrackedRanges = Math.max(this.maxAckRanges, opts.maxTrackedRanges ?? 256);
    }
    /** Whether `pn` was already received (or is below the duplicate floor). */
    isDuplicate(pn) {
        if (pn <= this.floor)
            return true;
        return this.indexOfRangeContaining(pn) >= 0;
    }
    /**
     * Records a successfully decrypted packet. Duplicates are ignored. `ecn` is the IP ECN
     * codepoint it arrived with (EcnCodepoint), when the socket reports it.
     */
    onPacketReceived(pn, ackEliciting, now, ecn) {
        if (this.isDuplicate(pn))
            return;
        this.insert(pn);
        if (this.largestReceived === undefined || pn > this.largestReceived) {
            this.largestReceived = pn;
            this.largestReceivedTime = now;
        }
        if (ecn !== undefined && ecn !== EcnCodepoint.NOT_ECT) {
            this.ecnSeen = true;
            if (ecn === EcnCodepoint.ECT0)
                this.ecn.ect0++;
            else if (ecn === EcnCodepoint.ECT1)
                this.ecn.ect1++;
            else
                this.ecn.ce++;
        }
        this.newSinceAck = true;
        if (!ackEliciting)
            return;
        const prevAe = this.largestAckEliciting;
        if (prevAe === undefined || pn > prevAe)
            this.largestAckEliciting = pn;
        this.unackedAckEliciting++;
        const immediate = this.space !== 2
            || this.unackedAckEliciting >= this.threshold
            || ecn === EcnCodepoint.CE
            || (prevAe !== undefined && (pn < prevAe || this.hasGapBelow(pn, prevAe)));
        const due = immediate ? now : now + this.maxAckDelay;
        if (this.deadline === undefined || due < this.deadline)
            this.deadline = due;
    }
    /** When an ACK must be sent; undefined while no ack-eliciting packet waits. */
    ackDeadline() {
        return this.deadline;
    }
    /** An ACK is due: put one in the next packet of this space (alone if need be). */
    wantsAck(now) {
        return this.deadline !== undefined && this.deadline <= now;
    }
    /**
     * Unacknowledged ack-eliciting packets wait: an ACK should ride along in any packet this space
     * sends anyway (RFC 9000 §13.2.1), even before the deadline.
     */
    hasPendingAck() {
        return this.unackedAckEliciting > 0;
    }
    /** Packets (any kind) arrived since the last ACK went out. */
    hasNewPackets() {
        return this.newSinceAck;
    }
    /**
     * The ACK frame to send now: newest ranges first, at most maxAckRanges of them. `ackDelay` is
     * encoded with our ack_delay_exponent; Initial and Handshake ACKs report 0 (never delayed).
     */
    buildAck(now, ackDelayExponent) {
        const r = this.ranges;
        if (r.length === 0)
            return undefined;
        const count = Math.min(r.length >> 1, this.maxAckRanges);
        const out = new Array(count);
        for (let i = 0; i < count; i++) {
            const j = r.length - 2 - 2 * i;
            out[i] = { smallest: r[j], largest: r[j + 1] };
        }
        let ackDelay = 0;
        if (this.space === 2 && out[0].largest === this.largestReceived) {
            ackDelay = Math.floor(Math.max(0, now - this.largestReceivedTime) / 2 ** ackDelayExponent);
        }
        const frame = { type: 'ack', ackDelay, ranges: out };
        if (this.ecnSeen)
            frame.ecn = { ect0: this.ecn.ect0, ect1: this.ecn.ect1, ce: this.ecn.ce };
        return frame;
    }
    /** An ACK frame from buildAck() was sent: the delayed-ack state starts over. */
    onAckSent() {
        this.unackedAckEliciting = 0;
        this.newSinceAck = false;
        this.deadline = undefined;
    }
    /**
     * The peer acknowledged a packet of ours carrying an ACK whose Largest Acknowledged was
     * `largestAcked`: stop reporting packet numbers up to it (RFC 9000 §13.2.4).
     */
    onAckOfAckReceived(largestAcked) {
        if (largestAcked <= this.floor)
            return;
        this.floor = largestAcked;
        const r = this.ranges;
        let drop = 0;
        while (drop < r.length && r[drop + 1] <= largestAcked)
            drop += 2;
        if (drop > 0)
            r.splice(0, drop);
        if (r.length > 0 && r[0] <= largestAcked)
            r[0] = largestAcked + 1;
    }
    /** Number of ranges currently remembered (for tests and diagnostics). */
    rangeCount() {
        return this.ranges.length >> 1;
    }
    insert(pn) {
        const r = this.ranges;
        const n = r.length;
        // Fast paths: in-order arrival extends or follows the newest range.
        if (n === 0 || pn > r[n - 1] + 1) {
            r.push(pn, pn);
        }
        else if (pn === r[n - 1] + 1) {
            r[n - 1] = pn;
        }
        else {
            this.insertSlow(pn);
        }
        if (r.length > 2 * this.maxTrackedRanges) {
            // Forget the oldest range; everything up to it now counts as a duplicate.
            this.floor = Math.max(this.floor, r[1]);
            r.splice(0, 2);
        }
    }
    /** Out-of-order insert: binary search for the first range whose largest >= pn - 1. */
    insertSlow(pn) {
        const r = this.ranges;
        let lo = 0;
        let hi = r.length >> 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (r[2 * mid + 1] < pn - 1)
                lo = mid + 1;
            else
                hi = mid;
        }
        const i = 2 * lo;
        if (i >= r.length) {
            r.push(pn, pn);
            return;
        }
        const s = r[i];
        const l = r[i + 1];
        if (pn >= s && pn <= l)
            return;
        if (pn === l + 1) {
            r[i + 1] = pn;
            // Merge with the next range when the gap closes.
            if (i + 2 < r.length && r[i + 2] === pn + 1) {
                r[i + 1] = r[i + 3];
                r.splice(i + 2, 2);
            }
        }
        else if (pn === s - 1) {
            r[i] = pn;
        }
        else {
            r.splice(i, 0, pn, pn);
        }
    }
    indexOfRangeContaining(pn) {
        const r = this.ranges;
        let lo = 0;
        let hi = r.length >> 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (r[2 * mid + 1] < pn)
                lo = mid + 1;
            else
                hi = mid;
        }
        const i = 2 * lo;
        return i < r.length && r[i] <= pn ? i : -1;
    }
    /** RFC 9000 §13.2.1: packets are missing between the previous largest ack-eliciting one and pn. */
    hasGapBelow(pn, prevAckEliciting) {
        if (pn <= prevAckEliciting)
            return false;
        const i = this.indexOfRangeContaining(pn);
        const rangeStart = i >= 0 ? this.ranges[i] : pn;
        return rangeStart > Math.max(prevAckEliciting, this.floor) + 1;
    }
}
/**
 * The largest Largest Acknowledged among ACK frames carried by newly acknowledged packets: pass it
 * to the same space's AckManager.onAckOfAckReceived() (undefined when none carried an ACK).
 */
export function largestAckedInAcks(packets) {
    let max;
    for (const p of packets) {
        const l = p.largestAckedInAck;
        if (l !== undefined && (max === undefined || l > max))
            max = l;
    }
    return max;
}
//# sourceMappingURL=ack-manager.js.map