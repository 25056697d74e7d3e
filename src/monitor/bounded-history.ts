/** Fixed-capacity FIFO: pushing past capacity forgets the oldest entry (ring buffer, no shifting). */
export class BoundedHistory<T> {
  readonly capacity: number;
  readonly #items: (T | undefined)[];
  #start = 0;
  #size = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`history capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
    this.#items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  push(item: T): void {
    if (this.#size < this.capacity) {
      this.#items[(this.#start + this.#size) % this.capacity] = item;
      this.#size++;
    } else {
      this.#items[this.#start] = item;
      this.#start = (this.#start + 1) % this.capacity;
    }
  }

  /** Newest entry, if any. */
  last(): T | undefined {
    return this.#size === 0 ? undefined : this.#items[(this.#start + this.#size - 1) % this.capacity];
  }

  /** Oldest first; with `limit`, only the newest `limit` entries. */
  toArray(limit?: number): T[] {
    const n = limit === undefined ? this.#size : Math.max(0, Math.min(this.#size, Math.floor(limit)));
    const out = new Array<T>(n);
    const skip = this.#size - n;
    for (let i = 0; i < n; i++) out[i] = this.#items[(this.#start + skip + i) % this.capacity] as T;
    return out;
  }

  clear(): void {
    this.#items.fill(undefined);
    this.#start = 0;
    this.#size = 0;
  }
}
