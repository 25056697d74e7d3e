export class EventHeap {
    entries = [];
    nextSeq = 0;
    get size() {
        return this.entries.length;
    }
    /** Adds `item` due at `time`; returns the sequence number that breaks ties. */
    push(time, item) {
        const seq = this.nextSeq++;
        const a = this.entries;
        a.push({ time, seq, item });
        let i = a.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!before(a[i], a[parent]))
                break;
            swap(a, i, parent);
            i = parent;
        }
        return seq;
    }
    /** Time of the earliest item, or undefined when empty. */
    peekTime() {
        return this.entries[0]?.time;
    }
    peek() {
        return this.entries[0]?.item;
    }
    /** Removes and returns the earliest item (ties: the one pushed first). */
    pop() {
        const a = this.entries;
        const top = a[0];
        if (top === undefined)
            return undefined;
        const last = a.pop();
        if (a.length > 0) {
            a[0] = last;
            let i = 0;
            for (;;) {
                const l = 2 * i + 1;
                const r = l + 1;
                let m = i;
                if (l < a.length && before(a[l], a[m]))
                    m = l;
                if (r < a.length && before(a[r], a[m]))
                    m = r;
                if (m === i)
                    break;
                swap(a, i, m);
                i = m;
            }
        }
        return top.item;
    }
    /** Removes every item for which `match` is true (O(n); used for cancellations, which are rare). */
    removeWhere(match) {
        const kept = this.entries.filter((e) => !match(e.item));
        const removed = this.entries.length - kept.length;
        if (removed > 0) {
            this.entries.length = 0;
            for (const e of kept.sort((x, y) => (before(x, y) ? -1 : 1)))
                this.entries.push(e);
        }
        return removed;
    }
    clear() {
        this.entries.length = 0;
    }
}
function before(x, y) {
    return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}
function swap(a, i, j) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
}
//# sourceMappingURL=event-heap.js.map