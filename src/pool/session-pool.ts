/**
 * SessionPool: reuse of open sessions per target URL. acquire() hands out an idle session,
 * opens a new one while the key is under `maxPerKey`, or waits (FIFO) for one to be released
 * or to close. Sessions that close, in use or idle, leave the pool by themselves, so a
 * vanished peer never leaks a slot. PooledClient is the pywebtransport-named facade.
 */
import { ClientError, OperationTimeoutError, WebTransportClient, type WebTransportConnectOptions, type WebTransportSession } from '../index.js';
import type { Connector } from './reconnecting-client.js';

export interface SessionPoolOptions {
  /** Client to connect with (default: a private one, closed with the pool). */
  client?: WebTransportClient;
  /** Replaces client.connect (tests, custom transports). */
  connector?: Connector;
  connectOptions?: WebTransportConnectOptions;
  /** Sessions per key, idle + in use + connecting (default 10). */
  maxPerKey?: number;
  /** Default wait for acquire() (default 10 000 ms). */
  acquireTimeoutMs?: number;
}

export interface SessionPoolStats {
  keys: number;
  idle: number;
  inUse: number;
  connecting: number;
  waiting: number;
}

interface Bucket {
  readonly key: string;
  readonly idle: WebTransportSession[];
  readonly inUse: Set<WebTransportSession>;
  connecting: number;
  readonly waiters: Array<() => void>;
}

/** Sessions are interchangeable when scheme, host, port, path and query agree. */
export function sessionPoolKey(url: string | URL): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}${u.search}`;
}

export class SessionPool implements AsyncDisposable {
  readonly maxPerKey: number;
  readonly #connector: Connector;
  readonly #ownClient: WebTransportClient | undefined;
  readonly #acquireTimeoutMs: number;
  readonly #buckets = new Map<string, Bucket>();
  readonly #owner = new Map<WebTransportSession, Bucket>();
  readonly #abort = new AbortController();
  #closed = false;

  constructor(options: SessionPoolOptions = {}) {
    this.maxPerKey = options.maxPerKey ?? 10;
    if (!Number.isInteger(this.maxPerKey) || this.maxPerKey < 1) throw new RangeError(`maxPerKey must be a positive integer, got ${this.maxPerKey}`);
    this.#acquireTimeoutMs = options.acquireTimeoutMs ?? 10_000;
    if (options.connector !== undefined) {
      this.#connector = options.connector;
    } else {
      const client = options.client ?? new WebTransportClient();
      this.#ownClient = options.client === undefined ? client : undefined;
      const base = options.connectOptions ?? {};
      this.#connector = (url, signal) => client.connect(url, { ...base, signal });
    }
  }

  stats(): SessionPoolStats {
    const s: SessionPoolStats = { keys: this.#buckets.size, idle: 0, inUse: 0, connecting: 0, waiting: 0 };
    for (const b of this.#buckets.values()) {
      s.idle += b.idle.length;
      s.inUse += b.inUse.size;
      s.connecting += b.connecting;
      s.waiting += b.waiters.length;
    }
    return s;
  }

  /** A ready session to `url`: reused, new, or the next one released (within timeoutMs). */
  async acquire(url: string | URL, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<WebTransportSession> {
    this.#checkOpen();
    const key = sessionPoolKey(url);
    const timeoutMs = options.timeoutMs ?? this.#acquireTimeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new OperationTimeoutError(`no pooled session to ${key} within ${timeoutMs} ms`, { timeoutMs, operation: 'acquire' })), timeoutMs);
    const forward = (s: AbortSignal) => (): void => controller.abort(s.reason);
    const onOuter = options.signal === undefined ? undefined : forward(options.signal);
    const onPool = forward(this.#abort.signal);
    options.signal?.addEventListener('abort', onOuter!, { once: true });
    this.#abort.signal.addEventListener('abort', onPool, { once: true });
    try {
      options.signal?.throwIfAborted();
      const signal = controller.signal;
      for (;;) {
        signal.throwIfAborted();
        const b = this.#bucket(key);
        const idle = this.#takeIdle(b);
        if (idle !== undefined) return idle;
        if (b.idle.length + b.inUse.size + b.connecting < this.maxPerKey) return await this.#open(b, String(url), signal);
        await this.#waitForChange(b, signal);
      }
    } finally {
      clearTimeout(timer);
      if (onOuter !== undefined) options.signal?.removeEventListener('abort', onOuter);
      this.#abort.signal.removeEventListener('abort', onPool);
    }
  }

  /** Gives a session back for reuse (a closed or foreign one is just dropped). */
  release(session: WebTransportSession): void {
    const b = this.#owner.get(session);
    if (b === undefined || !b.inUse.delete(session)) return;
    if (this.#closed || !session.isReady) {
      this.#forget(session);
      return;
    }
    b.idle.push(session);
    this.#wake(b);
  }

  /** Takes a session out of the pool for good and closes it (e.g. after a protocol error). */
  async discard(session: WebTransportSession, close: { code?: number; reason?: string } = {}): Promise<void> {
    this.#forget(session);
    await session.close(close).catch(() => undefined);
  }

  #checkOpen(): void {
    if (this.#closed) throw new ClientError('the session pool is closed');
  }

  #bucket(key: string): Bucket {
    let b = this.#buckets.get(key);
    if (b === undefined) {
      b = { key, idle: [], inUse: new Set(), connecting: 0, waiters: [] };
      this.#buckets.set(key, b);
    }
    return b;
  }

  #takeIdle(b: Bucket): WebTransportSession | undefined {
    while (b.idle.length > 0) {
      const s = b.idle.pop()!; // most recently used first: the warmest connection
      if (s.isReady) {
        b.inUse.add(s);
        return s;
      }
      this.#owner.delete(s);
    }
    return undefined;
  }

  async #open(b: Bucket, url: string, signal: AbortSignal): Promise<WebTransportSession> {
    b.connecting++;
    let session: WebTransportSession;
    try {
      session = await this.#connector(url, signal);
    } catch (error) {
      b.connecting--;
      this.#wake(b);
      throw error;
    }
    b.connecting--;
    if (this.#closed) {
      void session.close().catch(() => undefined);
      this.#checkOpen();
    }
    this.#owner.set(session, b);
    b.inUse.add(session);
    void session.closed.then(() => this.#forget(session), () => this.#forget(session));
    return session;
  }

  #waitForChange(b: Bucket, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const i = b.waiters.indexOf(wake);
        if (i >= 0) b.waiters.splice(i, 1);
        this.#dropIfEmpty(b);
        reject(signal.reason);
      };
      const wake = (): void => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      b.waiters.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  #wake(b: Bucket): void {
    b.waiters.shift()?.();
    this.#dropIfEmpty(b);
  }

  /** A key with nothing left in it is forgotten, so one-off URLs do not pile up. */
  #dropIfEmpty(b: Bucket): void {
    if (b.idle.length + b.inUse.size + b.connecting + b.waiters.length > 0) return;
    if (this.#buckets.get(b.key) === b) this.#buckets.delete(b.key);
  }

  #forget(session: WebTransportSession): void {
    const b = this.#owner.get(session);
    if (b === undefined) return;
    this.#owner.delete(session);
    b.inUse.delete(session);
    const i = b.idle.indexOf(session);
    if (i >= 0) b.idle.splice(i, 1);
    this.#wake(b);
  }

  /** Rejects waiters and closes every pooled session (and the private client). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort.abort(new ClientError('the session pool is closed'));
    const sessions = [...this.#owner.keys()];
    this.#owner.clear();
    this.#buckets.clear();
    await Promise.allSettled(sessions.map((s) => s.close({ code: 0, reason: 'pool closed' })));
    await this.#ownClient?.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** pywebtransport's PooledClient names over SessionPool. */
export class PooledClient extends SessionPool {
  getSession(url: string | URL, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<WebTransportSession> {
    return this.acquire(url, options);
  }

  returnSession(session: WebTransportSession): void {
    this.release(session);
  }
}
