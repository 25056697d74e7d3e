/**
 * An ordered set of disjoint, non-adjacent inclusive integer ranges [start, end].
 *
 * Used for received packet numbers (ACK generation), received stream/crypto offsets and
 * retransmission ranges. Ranges live in two parallel sorted arrays (no per-range objects),
 * found by binary search; the number of ranges is small in practice and can be bounded with
 * `maxRanges` (the lowest ranges are forgotten first, as an ACK sender would).
 */
export interface RangeSetOptions {
    /** Keep at most this many ranges; inserting more drops the lowest ones. Default: unbounded. */
    maxRanges?: number;
}
export declare class RangeSet {
    private starts;
    private ends;
    private readonly maxRanges;
    constructor(options?: RangeSetOptions);
    /** Number of disjoint ranges. */
    get size(): number;
    get isEmpty(): boolean;
    /** Smallest value in the set, or undefined when empty. */
    get min(): number | undefined;
    /** Largest value in the set, or undefined when empty. */
    get max(): number | undefined;
    /** The lowest range, or undefined when empty. */
    first(): {
        start: number;
        end: number;
    } | undefined;
    /** The highest range, or undefined when empty. */
    last(): {
        start: number;
        end: number;
    } | undefined;
    /** Start of range i (ascending order, 0 = lowest). */
    startAt(i: number): number;
    /** End (inclusive) of range i (ascending order, 0 = lowest). */
    endAt(i: number): number;
    /** Total count of integers covered by all ranges. */
    coveredCount(): number;
    /** Index of the first range whose end >= value - 1 (a range that may touch or hold value). */
    private lowerIndex;
    /** Adds a single value; returns true when it was not already present. */
    add(value: number): boolean;
    /**
     * Adds [start, end] (inclusive), merging overlapping and adjacent ranges.
     * Returns true when at least one new integer was added.
     */
    insert(start: number, end: number): boolean;
    private enforceBound;
    contains(value: number): boolean;
    /** True when every integer of [start, end] is in the set. */
    containsRange(start: number, end: number): boolean;
    /** Removes [start, end] (inclusive), splitting a range when needed. Returns true if anything was removed. */
    remove(start: number, end: number): boolean;
    /** Removes every value below `value` (e.g. packet numbers no longer worth acknowledging). */
    removeBelow(value: number): void;
    /** Removes and returns the lowest range, or undefined when empty. */
    shift(): {
        start: number;
        end: number;
    } | undefined;
    clear(): void;
    /** Ranges from lowest to highest. */
    ascending(): IterableIterator<{
        start: number;
        end: number;
    }>;
    /** Ranges from highest to lowest (the order of ACK frame ranges). */
    descending(): IterableIterator<{
        start: number;
        end: number;
    }>;
    [Symbol.iterator](): IterableIterator<{
        start: number;
        end: number;
    }>;
    /** The highest `limit` ranges as ACK ranges ({ smallest, largest }), highest first. */
    toAckRanges(limit?: number): {
        smallest: number;
        largest: number;
    }[];
}
