export class RangeSet {
    starts = [];
    ends = [];
    maxRanges;
    constructor(options = {}) {
        this.maxRanges = options.maxRanges ?? Number.POSITIVE_INFINITY;
        if (!(this.maxRanges >= 1))
            throw new RangeError('maxRanges must be >= 1');
    }
    /** Number of disjoint ranges. */
    get size() {
        return this.starts.length;
    }
    get isEmpty() {
        return this.starts.length === 0;
    }
    /** Smallest value in the set, or undefined when empty. */
    get min() {
        return this.starts[0];
    }
    /** Largest value in the set, or undefined when empty. */
    get max() {
        return this.ends[this.ends.length - 1];
    }
    /** The lowest range, or undefined when empty. */
    first() {
        if (this.starts.length === 0)
            return undefined;
        return { start: this.starts[0], end: this.ends[0] };
    }
    /** The highest range, or undefined when empty. */
    last() {
        const n = this.starts.length;
        if (n === 0)
            return undefined;
        return { start: this.starts[n - 1], end: this.ends[n - 1] };
    }
    /** Start of range i (ascending order, 0 = lowest). */
    startAt(i) {
        return this.starts[i];
    }
    /** End (inclusive) of range i (ascending order, 0 = lowest). */
    endAt(i) {
        return this.ends[i];
    }
    /** Total count of integers covered by all ranges. */
    coveredCount() {
        let n = 0;
        for (let i = 0; i < this.starts.length; i++)
            n += this.ends[i] - this.starts[i] + 1;
        return n;
    }
    /** Index of the first range whose end >= value - 1 (a range that may touch or hold value). */
    lowerIndex(value) {
        let lo = 0, hi = this.ends.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.ends[mid] < value - 1)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    /** Adds a single value; returns true when it was not already present. */
    add(value) {
        return this.insert(value, value);
    }
    /**
     * Adds [start, end] (inclusive), merging overlapping and adjacent ranges.
     * Returns true when at least one new integer was added.
     */
    insert(start, end) {
        if (end < start)
            return false;
        const starts = this.starts, ends = this.ends;
        const n = starts.length;
        // Fast path: appending above the highest range (in-order packets / data).
        if (n === 0 || start > ends[n - 1] + 1) {
            starts.push(start);
            ends.push(end);
            this.enforceBound();
            return true;
        }
        const i = this.lowerIndex(start);
        // Range i is the first one that ends at or after start-1; ranges i..j-1 touch [start, end].
        let j = i;
        while (j < n && starts[j] <= end + 1)
            j++;
        if (j === i) {
            starts.splice(i, 0, start);
            ends.splice(i, 0, end);
            this.enforceBound();
            return true;
        }
        const newStart = Math.min(start, starts[i]);
        const newEnd = Math.max(end, ends[j - 1]);
        // Nothing new when one existing range already covers [start, end].
        const changed = !(j - i === 1 && starts[i] <= start && ends[i] >= end);
        starts[i] = newStart;
        ends[i] = newEnd;
        if (j - i > 1) {
            starts.splice(i + 1, j - i - 1);
            ends.splice(i + 1, j - i - 1);
        }
        return changed;
    }
    enforceBound() {
        const excess = this.starts.length - this.maxRanges;
        if (excess > 0) {
            this.starts.splice(0, excess);
            this.ends.splice(0, excess);
        }
    }
    contains(value) {
        const i = this.lowerIndex(value + 1);
        return i < this.starts.length && this.starts[i] <= value && this.ends[i] >= value;
    }
    /** True when every integer of [start, end] is in the set. */
    containsRange(start, end) {
        if (end < start)
            return true;
        const i = this.lowerIndex(start + 1);
        return i < this.starts.length && this.starts[i] <= start && this.ends[i] >= end;
    }
    /** Removes [start, end] (inclusive), splitting a range when needed. Returns true if anything was removed. */
    remove(start, end) {
        if (end < start)
            return false;
        const starts = this.starts, ends = this.ends;
        let i = this.lowerIndex(start + 1); // first range with end >= start
        let changed = false;
        while (i < starts.length && starts[i] <= end) {
            const s = starts[i], e = ends[i];
            changed = true;
            if (s < start && e > end) {
                // Split into [s, start-1] and [end+1, e].
                ends[i] = start - 1;
                starts.splice(i + 1, 0, end + 1);
                ends.splice(i + 1, 0, e);
                this.enforceBound();
                return true;
            }
            if (s < start) {
                ends[i] = start - 1;
                i++;
            }
            else if (e > end) {
                starts[i] = end + 1;
                break;
            }
            else {
                starts.splice(i, 1);
                ends.splice(i, 1);
            }
        }
        return changed;
    }
    /** Removes every value below `value` (e.g. packet numbers no longer worth acknowledging). */
    removeBelow(value) {
        const starts = this.starts, ends = this.ends;
        let k = 0;
        while (k < starts.length && ends[k] < value)
            k++;
        if (k > 0) {
            starts.splice(0, k);
            ends.splice(0, k);
        }
        if (starts.length > 0 && starts[0] < value)
            starts[0] = value;
    }
    /** Removes and returns the lowest range, or undefined when empty. */
    shift() {
        if (this.starts.length === 0)
            return undefined;
        return { start: this.starts.shift(), end: this.ends.shift() };
    }
    clear() {
        this.starts.length = 0;
        this.ends.length = 0;
    }
    /** Ranges from lowest to highest. */
    *ascending() {
        for (let i = 0; i < this.starts.length; i++)
            yield { start: this.starts[i], end: this.ends[i] };
    }
    /** Ranges from highest to lowest (the order of ACK frame ranges). */
    *descending() {
        for (let i = this.starts.length - 1; i >= 0; i--)
            yield { start: this.starts[i], end: this.ends[i] };
    }
    [Symbol.iterator]() {
        return this.ascending();
    }
    /** The highest `limit` ranges as ACK ranges ({ smallest, largest }), highest first. */
    toAckRanges(limit = Number.POSITIVE_INFINITY) {
        const out = [];
        for (let i = this.starts.length - 1; i >= 0 && out.length < limit; i--) {
            out.push({ smallest: this.starts[i], largest: this.ends[i] });
        }
        return out;
    }
}
//# sourceMappingURL=range-set.js.map