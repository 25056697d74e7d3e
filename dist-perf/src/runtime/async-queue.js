/** An unbounded push / async-pull queue for items the runtime announces (connections, streams). */
export class AsyncQueue {
    #items = [];
    #head = 0;
    #waiters = [];
    #ended = false;
    #error = undefined;
    push(item) {
        if (this.#ended)
            return;
        const waiter = this.#waiters.shift();
        if (waiter)
            waiter.resolve({ value: item, done: false });
        else
            this.#items.push(item);
    }
    /** No more items: consumers drain what is queued, then finish (or reject with `error`). */
    end(error) {
        if (this.#ended)
            return;
        this.#ended = true;
        this.#error = error;
        for (const w of this.#waiters.splice(0)) {
            if (error !== undefined)
                w.reject(error);
            else
                w.resolve({ value: undefined, done: true });
        }
    }
    get ended() {
        return this.#ended;
    }
    get size() {
        return this.#items.length - this.#head;
    }
    next() {
        if (this.#head < this.#items.length) {
            const value = this.#items[this.#head];
            this.#items[this.#head++] = undefined;
            if (this.#head === this.#items.length) {
                this.#items.length = 0;
                this.#head = 0;
            }
            return Promise.resolve({ value, done: false });
        }
        if (this.#ended) {
            return this.#error !== undefined ? Promise.reject(this.#error) : Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
    }
    [Symbol.asyncIterator]() {
        return { next: () => this.next() };
    }
}
//# sourceMappingURL=async-queue.js.map