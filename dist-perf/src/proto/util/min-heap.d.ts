/**
 * A binary min-heap of unique items keyed by a number (deadlines in µs).
 *
 * Each item's position is tracked in a Map, so `remove` and re-keying an item already in the
 * heap are O(log n): the endpoint keeps one entry per connection and moves it whenever that
 * connection's next deadline changes. Ties pop in no particular order.
 */
export declare class MinHeap<T> {
    private readonly items;
    private readonly keys;
    private readonly index;
    get size(): number;
    get isEmpty(): boolean;
    has(item: T): boolean;
    /** The key of `item`, or undefined when it is not in the heap. */
    keyOf(item: T): number | undefined;
    /** Inserts `item` with `key`, or changes its key when it is already present. */
    push(item: T, key: number): void;
    /** The item with the smallest key, without removing it. */
    peek(): T | undefined;
    /** The smallest key, or undefined when empty. */
    peekKey(): number | undefined;
    /** Removes and returns the item with the smallest key. */
    pop(): T | undefined;
    /** Removes `item`; returns false when it was not in the heap. */
    remove(item: T): boolean;
    clear(): void;
    private removeAt;
    private swap;
    private up;
    private down;
}
