/**
 * A double-ended queue on a power-of-two ring buffer: O(1) push/shift at both ends with no
 * array shifting (Array#shift is O(n)). Used for event and transmit queues.
 */
export declare class Deque<T> {
    private items;
    private head;
    private count;
    private mask;
    constructor(initialCapacity?: number);
    get length(): number;
    get isEmpty(): boolean;
    private grow;
    /** Appends at the back. */
    push(item: T): void;
    /** Inserts at the front. */
    unshift(item: T): void;
    /** Removes and returns the front item. */
    shift(): T | undefined;
    /** Removes and returns the back item. */
    pop(): T | undefined;
    /** The front item without removing it. */
    peek(): T | undefined;
    /** The back item without removing it. */
    peekBack(): T | undefined;
    /** Item i counted from the front, or undefined when out of range. */
    at(i: number): T | undefined;
    clear(): void;
    [Symbol.iterator](): IterableIterator<T>;
}
