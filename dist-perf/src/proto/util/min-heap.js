/**
 * A binary min-heap of unique items keyed by a number (deadlines in µs).
 *
 * Each item's position is tracked in a Map, so `remove` and re-keying an item already in the
 * heap are O(log n): the endpoint keeps one entry per connection and moves it whenever that
 * connection's next deadline changes. Ties pop in no particular order.
 */
export class MinHeap {
    items = [];
    keys = [];
    index = new Map();
    get size() {
        return this.items.length;
    }
    get isEmpty() {
        return this.items.length === 0;
    }
    has(item) {
        return this.index.has(item);
    }
    /** The key of `item`, or undefined when it is not in the heap. */
    keyOf(item) {
        const i = this.index.get(item);
        return i === undefined ? undefined : this.keys[i];
    }
    /** Inserts `item` with `key`, or changes its key when it is already present. */
    push(item, key) {
        const at = this.index.get(item);
        if (at !== undefined) {
            const old = this.keys[at];
            this.keys[at] = key;
            if (key < old)
                this.up(at);
            else if (key > old)
                this.down(at);
            return;
        }
        const i = this.items.length;
        this.items.push(item);
        this.keys.push(key);
        this.index.set(item, i);
        this.up(i);
    }
    /** The item with the smallest key, without removing it. */
    peek() {
        return this.items[0];
    }
    /** The smallest key, or undefined when empty. */
    peekKey() {
        return this.keys[0];
    }
    /** Removes and returns the item with the smallest key. */
    pop() {
        if (this.items.length === 0)
            return undefined;
        const top = this.items[0];
        this.removeAt(0);
        return top;
    }
    /** Removes `item`; returns false when it was not in the heap. */
    remove(item) {
        const i = this.index.get(item);
        if (i === undefined)
            return false;
        this.removeAt(i);
        return true;
    }
    clear() {
        this.items.length = 0;
        this.keys.length = 0;
        this.index.clear();
    }
    removeAt(i) {
        const lastIdx = this.items.length - 1;
        this.index.delete(this.items[i]);
        if (i === lastIdx) {
            this.items.pop();
            this.keys.pop();
            return;
        }
        const movedItem = this.items.pop();
        const movedKey = this.keys.pop();
        this.items[i] = movedItem;
        this.keys[i] = movedKey;
        this.index.set(movedItem, i);
        this.up(i);
        this.down(this.index.get(movedItem));
    }
    swap(a, b) {
        const items = this.items, keys = this.keys;
        const ia = items[a], ib = items[b];
        items[a] = ib;
        items[b] = ia;
        const k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        this.index.set(ib, a);
        this.index.set(ia, b);
    }
    up(i) {
        const keys = this.keys;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (keys[parent] <= keys[i])
                break;
            this.swap(i, parent);
            i = parent;
        }
    }
    down(i) {
        const keys = this.keys;
        const n = keys.length;
        for (;;) {
            const l = 2 * i + 1;
            if (l >= n)
                break;
            const r = l + 1;
            const c = r < n && keys[r] < keys[l] ? r : l;
            if (keys[i] <= keys[c])
                break;
            this.swap(i, c);
            i = c;
        }
    }
}
//# sourceMappingURL=min-heap.js.map