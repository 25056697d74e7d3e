/**
 * StreamPool: pre-opened bidirectional streams of one session, lent out and given back, to
 * skip the stream-open round trip on request/response protocols that frame their own
 * messages. A stream that is no longer readable and writable when returned, or that closes
 * while idle, leaves the pool and frees its slot.
 */
import { OperationTimeoutError, StreamError, type WebTransportSession, type WebTransportStream } from '../index.js';

export interface StreamPoolOptions {
  /** Streams in the pool, idle + lent + opening (default 10). */
  size?: number;
  /** Default wait in acquire() (default 10 000 ms). */
  acquireTimeoutMs?: number;
}

export interface StreamPoolStats {
  size: number;
  idle: number;
  inUse: number;
  opening: number;
  waiting: number;
}

const usable = (s: WebTransportStream): boolean => s.isReadable && s.isWritable;

export class StreamPool implements AsyncDisposable {
  readonly size: number;
  readonly #session: Pick<WebTransportSession, 'createBidirectionalStream'>;
  readonly #timeoutMs: number;
  readonly #idle: WebTransportStream[] = [];
  readonly #inUse = new Set<WebTransportStream>();
  readonly #waiters: Array<() => void> = [];
  #opening = 0;
  #closed = false;

  constructor(session: Pick<WebTransportSession, 'createBidirectionalStream'>, options: StreamPoolOptions = {}) {
    this.#session = session;
    this.size = options.size ?? 10;
    if (!Number.isInteger(this.size) || this.size < 1) throw new RangeError(`StreamPool size must be a positive integer, got ${this.size}`);
    this.#timeoutMs = options.acquireTimeoutMs ?? 10_000;
  }

  stats(): StreamPoolStats {
    return { size: this.size, idle: this.#idle.length, inUse: this.#inUse.size, opening: this.#opening, waiting: this.#waiters.length };
  }

  /** Opens streams until the pool is full (concurrently); failures are returned, not thrown. */
  async fill(): Promise<unknown[]> {
    const missing = this.size - this.#total();
    const results = await Promise.allSettled(Array.from({ length: Math.max(0, missing) }, () => this.#open(false)));
    return results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  }

  /** An idle stream, a new one while below size, or the next one returned. */
  async acquire(options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<WebTransportStream> {
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onOuter = (): void => controller.abort();
    options.signal?.addEventListener('abort', onOuter, { once: true });
    const deadline = controller.signal;
    try {
      if (options.signal?.aborted) throw options.signal.reason;
      for (;;) {
        this.#checkOpen();
        if (deadline.aborted) throw this.#abortError(options.signal, timeoutMs);
        const idle = this.#takeIdle();
        if (idle !== undefined) return idle;
        if (this.#total() < this.size) {
          const s = await this.#open(true);
          this.#checkOpen();
          return s;
        }
        try {
          await this.#waitForChange(deadline);
        } catch {
          throw this.#abortError(options.signal, timeoutMs);
        }
      }
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onOuter);
    }
  }

  /** Gives a stream back; an unusable one is aborted and dropped. */
  release(stream: WebTransportStream): void {
    if (!this.#inUse.delete(stream)) return;
    if (this.#closed || !usable(stream)) {
      if (!stream.isClosed) void stream.abort(0);
    } else {
      this.#idle.push(stream);
    }
    this.#wake();
  }

  /** Aborts every stream (idle and lent) and rejects waiters. */
  async closeAll(code = 0): Promise<void> {
    this.#closed = true;
    const all = [...this.#idle, ...this.#inUse];
    this.#idle.length = 0;
    this.#inUse.clear();
    while (this.#waiters.length > 0) this.#wake();
    await Promise.allSettled(all.map((s) => s.abort(code)));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.closeAll();
  }

  #total(): number {
    return this.#idle.length + this.#inUse.size + this.#opening;
  }

  #checkOpen(): void {
    if (this.#closed) throw new StreamError('the stream pool is closed');
  }

  #abortError(outer: AbortSignal | undefined, timeoutMs: number): unknown {
    if (outer?.aborted) return outer.reason;
    if (this.#closed) return new StreamError('the stream pool is closed');
    return new OperationTimeoutError(`no pooled stream within ${timeoutMs} ms`, { timeoutMs, operation: 'acquire' });
  }

  /** Opens a stream and files it in the same tick, so the slot count never drops in between. */
  async #open(lend: boolean): Promise<WebTransportStream> {
    this.#opening++;
    let s: WebTransportStream;
    try {
      s = await this.#session.createBidirectionalStream();
    } catch (error) {
      this.#opening--;
      this.#wake();
      throw error;
    }
    this.#opening--;
    void s.waitClosed().then(() => this.#drop(s));
    if (lend && !this.#closed) this.#inUse.add(s);
    else this.#putIdle(s);
    return s;
  }

  #putIdle(s: WebTransportStream): void {
    if (this.#closed) {
      void s.abort(0);
      return;
    }
    if (usable(s)) this.#idle.push(s);
    this.#wake();
  }

  #takeIdle(): WebTransportStream | undefined {
    while (this.#idle.length > 0) {
      const s = this.#idle.shift()!;
      if (usable(s)) {
        this.#inUse.add(s);
        return s;
      }
    }
    return undefined;
  }

  #drop(s: WebTransportStream): void {
    const i = this.#idle.indexOf(s);
    if (i >= 0) this.#idle.splice(i, 1);
    if (this.#inUse.delete(s) || i >= 0) this.#wake();
  }

  #waitForChange(signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const i = this.#waiters.indexOf(wake);
        if (i >= 0) this.#waiters.splice(i, 1);
        reject(signal.reason);
      };
      const wake = (): void => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      this.#waiters.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  #wake(): void {
    this.#waiters.shift()?.();
  }
}
