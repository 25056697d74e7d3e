/**
 * The QPACK dynamic table (RFC 9204 §3.2): a FIFO of field lines bounded by capacity, where an
 * entry costs name octets + value octets + 32. Entries are addressed by absolute index (0 for the
 * first insertion ever); `insertCount` is the next absolute index and `droppedCount` the oldest
 * live one. Whether an eviction is allowed is the encoder's decision (see evictionsNeeded); the
 * table itself only evicts oldest-first.
 */
import { fieldOctetLength } from './string-literal.js';
export const ENTRY_OVERHEAD = 32;
export function entrySize(name, value) {
    return fieldOctetLength(name) + fieldOctetLength(value) + ENTRY_OVERHEAD;
}
export class DynamicTable {
    capacity = 0;
    size = 0;
    insertCount = 0;
    /** Live entries are entries[head..]; entries[head] has absolute index droppedCount. */
    entries = [];
    head = 0;
    /** Lookups for the encoder: newest absolute index by name+value and by name. */
    exact;
    names;
    constructor(options = {}) {
        if (options.indexed === true) {
            this.exact = new Map();
            this.names = new Map();
        }
    }
    get length() {
        return this.entries.length - this.head;
    }
    get droppedCount() {
        return this.insertCount - this.length;
    }
    /** The entry with this absolute index, or undefined when evicted or not yet inserted. */
    get(absIndex) {
        const dropped = this.droppedCount;
        if (absIndex < dropped || absIndex >= this.insertCount)
            return undefined;
        return this.entries[this.head + absIndex - dropped];
    }
    /**
     * How many oldest entries must be evicted so that `needed` more bytes fit within `capacity`;
     * -1 when even an empty table could not hold them.
     */
    evictionsNeeded(needed, capacity = this.capacity) {
        if (needed > capacity)
            return -1;
        let free = capacity - this.size;
        let n = 0;
        while (free < needed)
            free += this.entries[this.head + n++].size;
        return n;
    }
    /** Sets the capacity, evicting oldest entries until the contents fit. */
    setCapacity(capacity) {
        this.capacity = capacity;
        this.evict(this.evictionsNeeded(0, capacity));
    }
    /** Appends an entry (evicting oldest ones to make room); returns its absolute index. */
    insert(name, value, size = entrySize(name, value)) {
        const n = this.evictionsNeeded(size);
        if (n < 0)
            throw new RangeError(`entry of ${size} bytes exceeds capacity ${this.capacity}`);
        this.evict(n);
        const abs = this.insertCount++;
        this.entries.push({ name, value, size });
        this.size += size;
        if (this.exact !== undefined && this.names !== undefined) {
            let values = this.exact.get(name);
            if (values === undefined)
                this.exact.set(name, (values = new Map()));
            values.set(value, abs);
            this.names.set(name, abs);
        }
        return abs;
    }
    /** Newest absolute index holding name+value, or -1 (indexed tables only). */
    findExact(name, value) {
        return this.exact?.get(name)?.get(value) ?? -1;
    }
    /** Newest absolute index holding this name, or -1 (indexed tables only). */
    findName(name) {
        return this.names?.get(name) ?? -1;
    }
    evict(count) {
        for (let i = 0; i < count; i++) {
            const abs = this.droppedCount;
            const e = this.entries[this.head];
            this.entries[this.head++] = undefined; // let it be collected
            this.size -= e.size;
            if (this.exact !== undefined && this.names !== undefined) {
                const values = this.exact.get(e.name);
                if (values?.get(e.value) === abs) {
                    values.delete(e.value);
                    if (values.size === 0)
                        this.exact.delete(e.name);
                }
                if (this.names.get(e.name) === abs)
                    this.names.delete(e.name);
            }
        }
        if (this.head > 32 && this.head * 2 > this.entries.length) {
            this.entries = this.entries.slice(this.head);
            this.head = 0;
        }
    }
}
//# sourceMappingURL=dynamic-table.js.map