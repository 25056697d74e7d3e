export class Assembler {
    /** Chunks beyond readOffset, sorted, disjoint; the live part starts at `head`. */
    chunks = [];
    head = 0;
    offset = 0;
    buffered = 0;
    highest = 0;
    /** Offset of the next byte read() returns. */
    get readOffset() {
        return this.offset;
    }
    /** Bytes held (received, not read yet). */
    get bufferedBytes() {
        return this.buffered;
    }
    /** One past the highest byte offset ever inserted. */
    get highestOffset() {
        return this.highest;
    }
    /** True when read() would return data now. */
    get readable() {
        const c = this.chunks[this.head];
        return c !== undefined && c.offset === this.offset;
    }
    /** Bytes readable now without a gap. */
    contiguousAvailable() {
        let n = 0;
        let at = this.offset;
        for (let i = this.head; i < this.chunks.length; i++) {
            const c = this.chunks[i];
            if (c.offset !== at)
                break;
            n += c.data.length;
            at += c.data.length;
        }
        return n;
    }
    /** Adds bytes at `offset`. Bytes already read or already held are ignored. */
    insert(offset, data) {
        const end = offset + data.length;
        if (end > this.highest)
            this.highest = end;
        if (end <= this.offset || data.length === 0)
            return;
        if (offset < this.offset) {
            data = data.subarray(this.offset - offset);
            offset = this.offset;
        }
        const chunks = this.chunks;
        // Fast path: appending after the last chunk (the in-order case).
        const last = chunks[chunks.length - 1];
        if (chunks.length === this.head || (last !== undefined && last.offset + last.data.length <= offset)) {
            chunks.push({ offset, data });
            this.buffered += data.length;
            return;
        }
        let i = this.firstEndingAfter(offset);
        let cur = offset;
        while (cur < end) {
            const c = chunks[i];
            if (c === undefined || c.offset >= end) {
                this.add(i, cur, data.subarray(cur - offset, end - offset));
                break;
            }
            if (c.offset > cur) {
                this.add(i, cur, data.subarray(cur - offset, c.offset - offset));
                i++;
            }
            cur = Math.max(cur, c.offset + c.data.length);
            i++;
        }
    }
    /**
     * Returns up to maxBytes contiguous bytes at readOffset (a view of one received chunk), or
     * undefined when the next byte has not arrived.
     */
    read(maxBytes) {
        const c = this.chunks[this.head];
        if (c === undefined || c.offset !== this.offset || maxBytes <= 0)
            return undefined;
        let out;
        if (c.data.length <= maxBytes) {
            out = c.data;
            this.chunks[this.head] = undefined; // release the buffer reference
            this.head++;
            this.compact();
        }
        else {
            out = c.data.subarray(0, maxBytes);
            c.data = c.data.subarray(maxBytes);
            c.offset += maxBytes;
        }
        this.offset += out.length;
        this.buffered -= out.length;
        return out;
    }
    /**
     * Drops everything buffered and moves readOffset to `offset` (at least the current one): used
     * when the application stops reading or the peer resets. Returns the bytes dropped or skipped.
     */
    discard(offset = this.highest) {
        const target = Math.max(offset, this.offset);
        const skipped = target - this.offset;
        this.chunks = [];
        this.head = 0;
        this.buffered = 0;
        this.offset = target;
        if (target > this.highest)
            this.highest = target;
        return skipped;
    }
    add(at, offset, data) {
        this.chunks.splice(at, 0, { offset, data });
        this.buffered += data.length;
    }
    /** Index of the first live chunk whose end is beyond `offset`. */
    firstEndingAfter(offset) {
        let lo = this.head;
        let hi = this.chunks.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            const c = this.chunks[mid];
            if (c.offset + c.data.length <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    compact() {
        if (this.head === this.chunks.length) {
            this.chunks.length = 0;
            this.head = 0;
        }
        else if (this.head >= 64 && this.head * 2 >= this.chunks.length) {
            this.chunks = this.chunks.slice(this.head);
            this.head = 0;
        }
    }
}
//# sourceMappingURL=assembler.js.map