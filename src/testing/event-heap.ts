/**
 * A binary min-heap of items ordered by (time, seq). `seq` is assigned on push, so items with the
 * same time come out in insertion order: the simulator never depends on heap internals.
 */
import type { Micros } from '../proto/util/time.js';

interface HeapEntry<T> {
  time: Micros;
  seq: number;
  item: T;
}

export class EventHeap<T> {
  private readonly entries: HeapEntry<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.entries.length;
  }

  /** Adds `item` due at `time`; returns the sequence number that breaks ties. */
  push(time: Micros, item: T): number {
    const seq = this.nextSeq++;
    const a = this.entries;
    a.push({ time, seq, item });
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      swap(a, i, parent);
      i = parent;
    }
    return seq;
  }

  /** Time of the earliest item, or undefined when empty. */
  peekTime(): Micros | undefined {
    return this.entries[0]?.time;
  }

  peek(): T | undefined {
    return this.entries[0]?.item;
  }

  /** Removes and returns the earliest item (ties: the one pushed first). */
  pop(): T | undefined {
    const a = this.entries;
    const top = a[0];
    if (top === undefined) return undefined;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        swap(a, i, m);
        i = m;
      }
    }
    return top.item;
  }

  /** Removes every item for which `match` is true (O(n); used for cancellations, which are rare). */
  removeWhere(match: (item: T) => boolean): number {
    const kept = this.entries.filter((e) => !match(e.item));
    const removed = this.entries.length - kept.length;
    if (removed > 0) {
      this.entries.length = 0;
      for (const e of kept.sort((x, y) => (before(x, y) ? -1 : 1))) this.entries.push(e);
    }
    return removed;
  }

  clear(): void {
    this.entries.length = 0;
  }
}

function before<T>(x: HeapEntry<T>, y: HeapEntry<T>): boolean {
  return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}

function swap<T>(a: HeapEntry<T>[], i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
