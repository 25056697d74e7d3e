/**
 * A bounded priority queue of outgoing datagrams (pywebtransport DatagramQueue): three FIFO lanes
 * (priority 0..2, served high first), optional time-to-live per entry, and a drop policy for a
 * full queue: expired entries go first, then the oldest entry of the lowest lane not above the
 * newcomer's priority; when every queued entry outranks the newcomer, the newcomer is refused.
 */
import { invalidConfig } from '../index.js';

export interface QueuedDatagram {
  readonly data: Uint8Array;
  /** 0 (lowest) .. 2 (highest). */
  readonly priority: number;
  /** Local send sequence number (never on the wire). */
  readonly sequence: number;
  readonly enqueuedAt: number;
  /** Clock time after which the entry is dropped instead of sent; undefined = never. */
  readonly expiresAt: number | undefined;
}

export const MAX_PRIORITY = 2;

export function clampPriority(priority: number | undefined): number {
  if (priority === undefined || !(priority > 0)) return 0;
  return priority >= MAX_PRIORITY ? MAX_PRIORITY : Math.floor(priority);
}

/** FIFO over an array with a moving head: O(1) shift without splice. */
class Lane {
  #items: (QueuedDatagram | undefined)[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  push(item: QueuedDatagram): void {
    this.#items.push(item);
  }

  peek(): QueuedDatagram | undefined {
    return this.#items[this.#head];
  }

  shift(): QueuedDatagram | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head++] = undefined;
    if (this.#head === this.#items.length || this.#head > 1024) this.#compact();
    return item;
  }

  /** Removes entries with expiresAt <= now; returns how many. */
  purge(now: number): number {
    let removed = 0;
    const kept: QueuedDatagram[] = [];
    for (let i = this.#head; i < this.#items.length; i++) {
      const item = this.#items[i]!;
      if (item.expiresAt !== undefined && item.expiresAt <= now) removed++;
      else kept.push(item);
    }
    if (removed > 0) {
      this.#items = kept;
      this.#head = 0;
    }
    return removed;
  }

  clear(): number {
    const n = this.size;
    this.#items = [];
    this.#head = 0;
    return n;
  }

  #compact(): void {
    this.#items = this.#items.slice(this.#head);
    this.#head = 0;
  }
}

export interface DatagramQueueOptions {
  /** Most entries kept (default 1000). */
  maxSize?: number;
  /** Clock in milliseconds (default Date.now); injected by tests. */
  now?: () => number;
}

export interface DatagramQueueStats {
  size: number;
  maxSize: number;
  /** Entries refused or evicted because the queue was full. */
  dropped: number;
  /** Entries dropped because their TTL ran out before they were taken. */
  expired: number;
}

export type PutResult = 'queued' | 'queued-evicted' | 'refused' | 'expired';

export class DatagramQueue {
  readonly maxSize: number;
  readonly #now: () => number;
  readonly #lanes: Lane[] = [new Lane(), new Lane(), new Lane()];
  #size = 0;
  #dropped = 0;
  #expired = 0;

  constructor(options: DatagramQueueOptions = {}) {
    const maxSize = options.maxSize ?? 1000;
    if (!Number.isInteger(maxSize) || maxSize < 1) throw invalidConfig({ key: 'maxSize', value: maxSize, reason: 'must be a positive integer' });
    this.maxSize = maxSize;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#size;
  }

  get isEmpty(): boolean {
    return this.#size === 0;
  }

  get stats(): DatagramQueueStats {
    return { size: this.#size, maxSize: this.maxSize, dropped: this.#dropped, expired: this.#expired };
  }

  /** Adds an entry following the drop policy in the file comment. */
  put(item: QueuedDatagram): PutResult {
    const now = this.#now();
    if (item.expiresAt !== undefined && item.expiresAt <= now) {
      this.#expired++;
      return 'expired';
    }
    let evicted = false;
    if (this.#size >= this.maxSize) this.purgeExpired();
    if (this.#size >= this.maxSize) {
      const priority = clampPriority(item.priority);
      let lane = 0;
      while (lane <= priority && this.#lanes[lane]!.size === 0) lane++;
      if (lane > priority) {
        this.#dropped++;
        return 'refused';
      }
      this.#lanes[lane]!.shift();
      this.#size--;
      this.#dropped++;
      evicted = true;
    }
    this.#lanes[clampPriority(item.priority)]!.push(item);
    this.#size++;
    return evicted ? 'queued-evicted' : 'queued';
  }

  /** The highest-priority, oldest entry still alive. */
  take(): QueuedDatagram | undefined {
    const now = this.#now();
    for (let lane = MAX_PRIORITY; lane >= 0; lane--) {
      const l = this.#lanes[lane]!;
      for (let item = l.shift(); item !== undefined; item = l.shift()) {
        this.#size--;
        if (item.expiresAt !== undefined && item.expiresAt <= now) {
          this.#expired++;
          continue;
        }
        return item;
      }
    }
    return undefined;
  }

  /** Drops every expired entry; returns how many. */
  purgeExpired(): number {
    const now = this.#now();
    let removed = 0;
    for (const lane of this.#lanes) removed += lane.purge(now);
    this.#size -= removed;
    this.#expired += removed;
    return removed;
  }

  clear(): number {
    let n = 0;
    for (const lane of this.#lanes) n += lane.clear();
    this.#size = 0;
    return n;
  }
}
