/**
 * The QPACK dynamic table (RFC 9204 §3.2): a FIFO of field lines bounded by capacity, where an
 * entry costs name octets + value octets + 32. Entries are addressed by absolute index (0 for the
 * first insertion ever); `insertCount` is the next absolute index and `droppedCount` the oldest
 * live one. Whether an eviction is allowed is the encoder's decision (see evictionsNeeded); the
 * table itself only evicts oldest-first.
 */
import { fieldOctetLength } from './string-literal.js';

export const ENTRY_OVERHEAD = 32;

export interface DynamicEntry {
  readonly name: string;
  readonly value: string;
  readonly size: number;
}

export function entrySize(name: string, value: string): number {
  return fieldOctetLength(name) + fieldOctetLength(value) + ENTRY_OVERHEAD;
}

export class DynamicTable {
  capacity = 0;
  size = 0;
  insertCount = 0;
  /** Live entries are entries[head..]; entries[head] has absolute index droppedCount. */
  private entries: DynamicEntry[] = [];
  private head = 0;
  private readonly indexed: boolean;
  /**
   * Lookups for the encoder: newest absolute index by name+value and by name. Created with the
   * first entry (many connections never insert one).
   */
  private exact: Map<string, Map<string, number>> | undefined;
  private names: Map<string, number> | undefined;

  constructor(options: { indexed?: boolean } = {}) {
    this.indexed = options.indexed === true;
  }

  get length(): number {
    return this.entries.length - this.head;
  }

  get droppedCount(): number {
    return this.insertCount - this.length;
  }

  /** The entry with this absolute index, or undefined when evicted or not yet inserted. */
  get(absIndex: number): DynamicEntry | undefined {
    const dropped = this.droppedCount;
    if (absIndex < dropped || absIndex >= this.insertCount) return undefined;
    return this.entries[this.head + absIndex - dropped];
  }

  /**
   * How many oldest entries must be evicted so that `needed` more bytes fit within `capacity`;
   * -1 when even an empty table could not hold them.
   */
  evictionsNeeded(needed: number, capacity = this.capacity): number {
    if (needed > capacity) return -1;
    let free = capacity - this.size;
    let n = 0;
    while (free < needed) free += this.entries[this.head + n++]!.size;
    return n;
  }

  /** Sets the capacity, evicting oldest entries until the contents fit. */
  setCapacity(capacity: number): void {
    this.capacity = capacity;
    this.evict(this.evictionsNeeded(0, capacity));
  }

  /** Appends an entry (evicting oldest ones to make room); returns its absolute index. */
  insert(name: string, value: string, size = entrySize(name, value)): number {
    const n = this.evictionsNeeded(size);
    if (n < 0) throw new RangeError(`entry of ${size} bytes exceeds capacity ${this.capacity}`);
    this.evict(n);
    const abs = this.insertCount++;
    this.entries.push({ name, value, size });
    this.size += size;
    if (this.indexed) {
      const exact = (this.exact ??= new Map());
      let values = exact.get(name);
      if (values === undefined) exact.set(name, (values = new Map()));
      values.set(value, abs);
      (this.names ??= new Map()).set(name, abs);
    }
    return abs;
  }

  /** Newest absolute index holding name+value, or -1 (indexed tables only). */
  findExact(name: string, value: string): number {
    return this.exact?.get(name)?.get(value) ?? -1;
  }

  /** Newest absolute index holding this name, or -1 (indexed tables only). */
  findName(name: string): number {
    return this.names?.get(name) ?? -1;
  }

  private evict(count: number): void {
    for (let i = 0; i < count; i++) {
      const abs = this.droppedCount;
      const e = this.entries[this.head]!;
      this.entries[this.head++] = undefined as unknown as DynamicEntry; // let it be collected
      this.size -= e.size;
      if (this.exact !== undefined && this.names !== undefined) {
        const values = this.exact.get(e.name);
        if (values?.get(e.value) === abs) {
          values.delete(e.value);
          if (values.size === 0) this.exact.delete(e.name);
        }
        if (this.names.get(e.name) === abs) this.names.delete(e.name);
      }
    }
    if (this.head > 32 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
