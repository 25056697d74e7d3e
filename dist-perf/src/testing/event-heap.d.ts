/**
 * A binary min-heap of items ordered by (time, seq). `seq` is assigned on push, so items with the
 * same time come out in insertion order: the simulator never depends on heap internals.
 */
import type { Micros } from '../proto/util/time.js';
export declare class EventHeap<T> {
    private readonly entries;
    private nextSeq;
    get size(): number;
    /** Adds `item` due at `time`; returns the sequence number that breaks ties. */
    push(time: Micros, item: T): number;
    /** Time of the earliest item, or undefined when empty. */
    peekTime(): Micros | undefined;
    peek(): T | undefined;
    /** Removes and returns the earliest item (ties: the one pushed first). */
    pop(): T | undefined;
    /** Removes every item for which `match` is true (O(n); used for cancellations, which are rare). */
    removeWhere(match: (item: T) => boolean): number;
    clear(): void;
}
