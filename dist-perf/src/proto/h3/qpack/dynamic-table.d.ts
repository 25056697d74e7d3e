export declare const ENTRY_OVERHEAD = 32;
export interface DynamicEntry {
    readonly name: string;
    readonly value: string;
    readonly size: number;
}
export declare function entrySize(name: string, value: string): number;
export declare class DynamicTable {
    capacity: number;
    size: number;
    insertCount: number;
    /** Live entries are entries[head..]; entries[head] has absolute index droppedCount. */
    private entries;
    private head;
    /** Lookups for the encoder: newest absolute index by name+value and by name. */
    private readonly exact;
    private readonly names;
    constructor(options?: {
        indexed?: boolean;
    });
    get length(): number;
    get droppedCount(): number;
    /** The entry with this absolute index, or undefined when evicted or not yet inserted. */
    get(absIndex: number): DynamicEntry | undefined;
    /**
     * How many oldest entries must be evicted so that `needed` more bytes fit within `capacity`;
     * -1 when even an empty table could not hold them.
     */
    evictionsNeeded(needed: number, capacity?: number): number;
    /** Sets the capacity, evicting oldest entries until the contents fit. */
    setCapacity(capacity: number): void;
    /** Appends an entry (evicting oldest ones to make room); returns its absolute index. */
    insert(name: string, value: string, size?: number): number;
    /** Newest absolute index holding name+value, or -1 (indexed tables only). */
    findExact(name: string, value: string): number;
    /** Newest absolute index holding this name, or -1 (indexed tables only). */
    findName(name: string): number;
    private evict;
}
