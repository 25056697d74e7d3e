export class CryptoSendStream {
    chunks = [];
    chunkStarts = [];
    /** Total bytes handed over by TLS. */
    length = 0;
    /** Next never-sent offset. */
    sentOffset = 0;
    /** Ranges to send again, ascending, non-overlapping. */
    retransmit = [];
    /** Acknowledged ranges (coarse: used to skip retransmitting acked data). */
    acked = [];
    write(data) {
        if (data.length === 0)
            return;
        this.chunks.push(data);
        this.chunkStarts.push(this.length);
        this.length += data.length;
    }
    hasData() {
        return this.retransmit.length > 0 || this.sentOffset < this.length;
    }
    /** True when everything handed over has been acknowledged. */
    allAcked() {
        return this.acked.length === 1 && this.acked[0].start === 0 && this.acked[0].end >= this.length
            || this.length === 0;
    }
    /** The next range to send, at most `maxLength` bytes. */
    nextRange(maxLength) {
        if (maxLength <= 0)
            return undefined;
        while (this.retransmit.length > 0) {
            const r = this.retransmit[0];
            // Skip bytes acknowledged since they were declared lost, and stop before the next acked range.
            let end = r.end;
            for (const a of this.acked) {
                if (a.end <= r.start)
                    continue;
                if (a.start <= r.start)
                    r.start = Math.min(a.end, r.end);
                else {
                    end = Math.min(end, a.start);
                    break;
                }
            }
            if (r.start >= r.end) {
                this.retransmit.shift();
                continue;
            }
            const len = Math.min(maxLength, end - r.start);
            const offset = r.start;
            r.start += len;
            if (r.start >= r.end)
                this.retransmit.shift();
            return { offset, length: len };
        }
        if (this.sentOffset < this.length) {
            const offset = this.sentOffset;
            const len = Math.min(maxLength, this.length - offset);
            this.sentOffset += len;
            return { offset, length: len };
        }
        return undefined;
    }
    /** The bytes of [offset, offset+length) (a view when inside one chunk). */
    slice(offset, length) {
        let i = this.chunkIndex(offset);
        const first = this.chunks[i];
        const local = offset - this.chunkStarts[i];
        if (local + length <= first.length)
            return first.subarray(local, local + length);
        const out = new Uint8Array(length);
        let written = 0;
        let pos = offset;
        while (written < length) {
            const c = this.chunks[i];
            const from = pos - this.chunkStarts[i];
            const n = Math.min(c.length - from, length - written);
            out.set(c.subarray(from, from + n), written);
            written += n;
            pos += n;
            i++;
        }
        return out;
    }
    onAcked(frame) {
        addRange(this.acked, frame.offset, frame.offset + frame.data.length);
    }
    onLost(frame) {
        const end = frame.offset + frame.data.length;
        if (!this.isAcked(frame.offset, end))
            addRange(this.retransmit, frame.offset, end);
    }
    /** Queue every sent-but-unacknowledged byte again (PTO probes, Retry). */
    requeueUnacked() {
        if (this.sentOffset > 0) {
            let start = 0;
            for (const a of this.acked) {
                if (a.start > start)
                    addRange(this.retransmit, start, Math.min(a.start, this.sentOffset));
                start = Math.max(start, a.end);
            }
            if (start < this.sentOffset)
                addRange(this.retransmit, start, this.sentOffset);
        }
    }
    /** Forget send progress: everything is resent from offset 0 (after Retry, with new keys). */
    resetProgress() {
        this.sentOffset = 0;
        this.retransmit = [];
        this.acked = [];
    }
    isAcked(start, end) {
        for (const a of this.acked)
            if (a.start <= start && a.end >= end)
                return true;
        return false;
    }
    chunkIndex(offset) {
        let lo = 0, hi = this.chunkStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.chunkStarts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }
}
/** Inserts [start, end) into an ascending list of disjoint ranges, merging neighbours. */
function addRange(list, start, end) {
    if (end <= start)
        return;
    let i = 0;
    while (i < list.length && list[i].end < start)
        i++;
    let s = start, e = end;
    let j = i;
    while (j < list.length && list[j].start <= e) {
        s = Math.min(s, list[j].start);
        e = Math.max(e, list[j].end);
        j++;
    }
    list.splice(i, j - i, { start: s, end: e });
}
//# sourceMappingURL=crypto-send-stream.js.map