/**
 * ConnectionPool: reusable connections per origin. acquire() hands out an idle connection, opens one
 * while the origin is under maxPerOrigin, or waits (FIFO) for a release. release() files the
 * connection under the same origin key it was acquired with. Closed connections free their slot,
 * an origin with nothing left is forgotten, and a waiter's timeout or signal also stops the connect
 * made for it.
 */
import { ClientError, connectionTimeout } from '../index.js';
import { connectionOpener } from './web-transport-connection.js';
import { monotonicClock, originOf, type Clock, type ConnectionHandle, type ConnectionOpener } from './types.js';

export interface ConnectionPoolOptions {
  /** Default: WebTransportConnection.connect with default options. */
  opener?: ConnectionOpener;
  /** Connections per origin (default 10). */
  maxPerOrigin?: number;
  /** prune() closes connections idle in the pool for this long (default 300 000). */
  maxIdleMs?: number;
  clock?: Clock;
}

export interface AcquireOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ConnectionPoolStats {
  origins: number;
  idle: number;
  inUse: number;
  connecting: number;
  waiting: number;
}

interface Waiter {
  url: string;
  /** Aborts when the caller gives up (its signal or timeout). */
  signal: AbortSignal;
  resolve(c: ConnectionHandle): void;
  reject(e: unknown): void;
}

interface Bucket {
  readonly origin: string;
  idle: Array<{ conn: ConnectionHandle; since: number }>;
  inUse: Set<ConnectionHandle>;
  connecting: number;
  waiters: Waiter[];
}

export class ConnectionPool implements AsyncDisposable {
  readonly #opener: ConnectionOpener;
  readonly #max: number;
  readonly #maxIdleMs: number;
  readonly #clock: Clock;
  readonly #buckets = new Map<string, Bucket>();
  readonly #abort = new AbortController();
  #closed = false;

  constructor(options: ConnectionPoolOptions = {}) {
    this.#opener = options.opener ?? connectionOpener();
    this.#max = options.maxPerOrigin ?? 10;
    this.#maxIdleMs = options.maxIdleMs ?? 300_000;
    this.#clock = options.clock ?? monotonicClock;
    if (!(this.#max >= 1)) throw new RangeError('maxPerOrigin must be at least 1');
  }

  /** A connection to `url`'s origin (a new one's first session goes to `url`). */
  acquire(url: string, options: AcquireOptions = {}): Promise<ConnectionHandle> {
    if (this.#closed) return Promise.reject(new ClientError('the connection pool is closed', { targetUrl: url }));
    const b = this.#bucket(originOf(url));
    return new Promise<ConnectionHandle>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const signal = options.signal;
      const giveUp = new AbortController();
      const done = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const w: Waiter = {
        url,
        signal: giveUp.signal,
        resolve: (c) => { done(); resolve(c); },
        reject: (e) => { done(); reject(e); },
      };
      // Queued or already connecting: either way the caller is answered now.
      const cancel = (e: unknown): void => {
        const i = b.waiters.indexOf(w);
        if (i >= 0) b.waiters.splice(i, 1);
        giveUp.abort(e);
        w.reject(e);
        this.#dropIfEmpty(b);
      };
      const onAbort = (): void => cancel(signal!.reason);
      if (signal?.aborted) { reject(signal.reason); this.#dropIfEmpty(b); return; }
      signal?.addEventListener('abort', onAbort, { once: true });
      if (options.timeoutMs !== undefined) timer = setTimeout(() => cancel(connectionTimeout({ timeoutMs: options.timeoutMs!, operation: 'acquire' })), options.timeoutMs);
      b.waiters.push(w);
      this.#pump(b);
    });
  }

  /** Gives `conn` back; the next waiter of its origin gets it, else it idles. */
  release(conn: ConnectionHandle): void {
    const b = this.#buckets.get(conn.origin);
    if (b === undefined || !b.inUse.delete(conn)) return;
    if (this.#closed || conn.isClosed) {
      if (!conn.isClosed) void conn.close().catch(() => {});
    } else {
      b.idle.push({ conn, since: this.#clock() });
    }
    this.#pump(b);
  }

  /** Closes connections idle for maxIdleMs or longer; returns how many. */
  prune(): number {
    const now = this.#clock();
    let n = 0;
    for (const b of this.#buckets.values()) {
      const keep = b.idle.filter((e) => now - e.since < this.#maxIdleMs && !e.conn.isClosed);
      for (const e of b.idle) if (!keep.includes(e)) { n++; void e.conn.close({ reason: 'pool idle timeout' }).catch(() => {}); }
      b.idle = keep;
      this.#dropIfEmpty(b);
    }
    return n;
  }

  stats(): ConnectionPoolStats {
    const s: ConnectionPoolStats = { origins: this.#buckets.size, idle: 0, inUse: 0, connecting: 0, waiting: 0 };
    for (const b of this.#buckets.values()) {
      s.idle += b.idle.length;
      s.inUse += b.inUse.size;
      s.connecting += b.connecting;
      s.waiting += b.waiters.length;
    }
    return s;
  }

  /** Rejects waiters, closes every connection (in use ones too). Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#abort.abort(new ClientError('the connection pool is closed'));
    const all: ConnectionHandle[] = [];
    for (const b of this.#buckets.values()) {
      for (const w of b.waiters.splice(0)) w.reject(new ClientError('the connection pool is closed', { targetUrl: w.url }));
      all.push(...b.idle.map((e) => e.conn), ...b.inUse);
      b.idle = [];
    }
    this.#buckets.clear();
    await Promise.all(all.map((c) => c.close({ reason: 'pool closed' }).catch(() => {})));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #bucket(origin: string): Bucket {
    let b = this.#buckets.get(origin);
    if (b === undefined) {
      b = { origin, idle: [], inUse: new Set(), connecting: 0, waiters: [] };
      this.#buckets.set(origin, b);
    }
    return b;
  }

  /** Serves waiters from idle connections, then opens new ones while under the limit. */
  #pump(b: Bucket): void {
    while (b.waiters.length > 0 && !this.#closed) {
      const entry = b.idle.pop();
      if (entry !== undefined) {
        if (entry.conn.isClosed) continue;
        b.inUse.add(entry.conn);
        b.waiters.shift()!.resolve(entry.conn);
        continue;
      }
      if (b.inUse.size + b.connecting >= this.#max) return;
      const w = b.waiters.shift()!;
      this.#open(b, w);
    }
    this.#dropIfEmpty(b);
  }

  /** An origin with nothing left in it is forgotten, so one-off origins do not pile up. */
  #dropIfEmpty(b: Bucket): void {
    if (b.idle.length + b.inUse.size + b.connecting + b.waiters.length > 0) return;
    if (this.#buckets.get(b.origin) === b) this.#buckets.delete(b.origin);
  }

  #open(b: Bucket, w: Waiter): void {
    b.connecting++;
    this.#opener(w.url, AbortSignal.any([this.#abort.signal, w.signal])).then((conn) => {
      b.connecting--;
      if (this.#closed) {
        void conn.close().catch(() => {});
        w.reject(new ClientError('the connection pool is closed', { targetUrl: w.url }));
        return;
      }
      void conn.closed.then(() => this.#forget(b, conn));
      if (w.signal.aborted) {
        // The caller gave up just as it connected: keep it for the next one.
        b.idle.push({ conn, since: this.#clock() });
        this.#pump(b);
        return;
      }
      b.inUse.add(conn);
      w.resolve(conn);
    }, (error: unknown) => {
      b.connecting--;
      w.reject(error);
      this.#pump(b);
    });
  }

  #forget(b: Bucket, conn: ConnectionHandle): void {
    b.inUse.delete(conn);
    b.idle = b.idle.filter((e) => e.conn !== conn);
    this.#pump(b);
  }
}
