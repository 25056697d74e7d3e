/**
 * A double-ended queue on a power-of-two ring buffer: O(1) push/shift at both ends with no
 * array shifting (Array#shift is O(n)). Used for event and transmit queues.
 */
/** The ring of every deque never pushed to: never written (the first push allocates). */
const NO_ITEMS: never[] = [];

export class Deque<T> {
  private items: (T | undefined)[] = NO_ITEMS;
  private head = 0;
  private count = 0;
  private mask = 0;
  /** Ring size of the first allocation: many deques (per stream, per connection) stay empty. */
  private readonly firstCapacity: number;

  constructor(initialCapacity = 16) {
    let cap = 4;
    while (cap < initialCapacity) cap *= 2;
    this.firstCapacity = cap;
  }

  get length(): number {
    return this.count;
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  private grow(): void {
    const old = this.items;
    const cap = old.length;
    if (cap === 0) {
      this.items = new Array<T | undefined>(this.firstCapacity);
      this.mask = this.firstCapacity - 1;
      return;
    }
    const next = new Array<T | undefined>(cap * 2);
    for (let i = 0; i < this.count; i++) next[i] = old[(this.head + i) & this.mask];
    this.items = next;
    this.head = 0;
    this.mask = cap * 2 - 1;
  }

  /** Appends at the back. */
  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & this.mask] = item;
    this.count++;
  }

  /** Inserts at the front. */
  unshift(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.head = (this.head - 1) & this.mask;
    this.items[this.head] = item;
    this.count++;
  }

  /** Removes and returns the front item. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined; // let the GC reclaim it
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return item;
  }

  /** Removes and returns the back item. */
  pop(): T | undefined {
    if (this.count === 0) return undefined;
    const idx = (this.head + this.count - 1) & this.mask;
    const item = this.items[idx];
    this.items[idx] = undefined;
    this.count--;
    return item;
  }

  /** The front item without removing it. */
  peek(): T | undefined {
    return this.count === 0 ? undefined : this.items[this.head];
  }

  /** The back item without removing it. */
  peekBack(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.head + this.count - 1) & this.mask];
  }

  /** Item i counted from the front, or undefined when out of range. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.count || !Number.isInteger(i)) return undefined;
    return this.items[(this.head + i) & this.mask];
  }

  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.count; i++) yield this.items[(this.head + i) & this.mask] as T;
  }
}
