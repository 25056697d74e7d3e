/**
 * A double-ended queue on a power-of-two ring buffer: O(1) push/shift at both ends with no
 * array shifting (Array#shift is O(n)). Used for event and transmit queues.
 */
export class Deque {
    items;
    head = 0;
    count = 0;
    mask;
    constructor(initialCapacity = 16) {
        let cap = 4;
        while (cap < initialCapacity)
            cap *= 2;
        this.items = new Array(cap);
        this.mask = cap - 1;
    }
    get length() {
        return this.count;
    }
    get isEmpty() {
        return this.count === 0;
    }
    grow() {
        const old = this.items;
        const cap = old.length;
        const next = new Array(cap * 2);
        for (let i = 0; i < this.count; i++)
            next[i] = old[(this.head + i) & this.mask];
        this.items = next;
        this.head = 0;
        this.mask = cap * 2 - 1;
    }
    /** Appends at the back. */
    push(item) {
        if (this.count === this.items.length)
            this.grow();
        this.items[(this.head + this.count) & this.mask] = item;
        this.count++;
    }
    /** Inserts at the front. */
    unshift(item) {
        if (this.count === this.items.length)
            this.grow();
        this.head = (this.head - 1) & this.mask;
        this.items[this.head] = item;
        this.count++;
    }
    /** Removes and returns the front item. */
    shift() {
        if (this.count === 0)
            return undefined;
        const item = this.items[this.head];
        this.items[this.head] = undefined; // let the GC reclaim it
        this.head = (this.head + 1) & this.mask;
        this.count--;
        return item;
    }
    /** Removes and returns the back item. */
    pop() {
        if (this.count === 0)
            return undefined;
        const idx = (this.head + this.count - 1) & this.mask;
        const item = this.items[idx];
        this.items[idx] = undefined;
        this.count--;
        return item;
    }
    /** The front item without removing it. */
    peek() {
        return this.count === 0 ? undefined : this.items[this.head];
    }
    /** The back item without removing it. */
    peekBack() {
        return this.count === 0 ? undefined : this.items[(this.head + this.count - 1) & this.mask];
    }
    /** Item i counted from the front, or undefined when out of range. */
    at(i) {
        if (i < 0 || i >= this.count || !Number.isInteger(i))
            return undefined;
        return this.items[(this.head + i) & this.mask];
    }
    clear() {
        this.items.fill(undefined);
        this.head = 0;
        this.count = 0;
    }
    *[Symbol.iterator]() {
        for (let i = 0; i < this.count; i++)
            yield this.items[(this.head + i) & this.mask];
    }
}
//# sourceMappingURL=deque.js.map