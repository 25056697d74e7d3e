/**
 * The receiving half of a WebTransport stream and WebTransportReceiveStream (seed stream API).
 * Bytes are pulled from the engine only while the StreamBuffer has room, and the buffer reports
 * every byte the application takes, which pulls more: flow-control credit follows consumption.
 */
import { DEFAULT_CHUNK_SIZE } from './constants.js';
import { StreamError, StreamResetError } from './errors.js';
import { StreamBuffer } from './stream-buffer.js';
import type { StreamStats } from './stream-stats.js';
import {
  checkStreamKey, StreamBase, StreamDirection, withTimeout, type SideState, type StreamInit, type StreamOps, type StreamSettings,
} from './streams.js';

const EMPTY = new Uint8Array(0);

export interface ReadOptions {
  /** Most bytes returned (default 8192). */
  size?: number;
  signal?: AbortSignal;
}

export interface ReadAllOptions {
  /** Rejects with StreamError once more than this many bytes arrived (default: no limit). */
  maxSize?: number;
  signal?: AbortSignal;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** @internal The receive half: feeds the buffer from the engine, maps resets to errors. */
export class ReceiveSide {
  readonly buffer: StreamBuffer;
  state: SideState = 'open';
  readonly #id: number;
  readonly #ops: StreamOps;
  readonly #settings: StreamSettings;
  readonly #stats: StreamStats;
  readonly #changed: () => void;
  #finReceived = false;
  #failed = false;
  #pumping = false;

  constructor(id: number, ops: StreamOps, settings: StreamSettings, stats: StreamStats, changed: () => void) {
    this.#id = id;
    this.#ops = ops;
    this.#settings = settings;
    this.#stats = stats;
    this.#changed = changed;
    this.buffer = new StreamBuffer({ maxSize: settings.bufferSize, onConsumed: () => this.pump() });
  }

  /** Pulls what fits into the buffer (the engine's streamReadable, or the app consumed bytes). */
  pump(): void {
    if (this.#finReceived || this.#failed || this.#pumping) return;
    this.#pumping = true;
    let pulled = false;
    try {
      while (this.buffer.freeSpace > 0) {
        const r = this.#ops.read(this.#id, this.buffer.freeSpace);
        if (r === undefined) break;
        pulled = true;
        if (r.fin) this.#finReceived = true;
        this.buffer.feedData(r.data, { eof: r.fin });
        if (r.fin || r.data.length === 0) break;
      }
    } catch (error) {
      this.fail(error instanceof StreamError ? error : new StreamError('stream is no longer readable', { streamId: this.#id, cause: error }), 'remoteAbort');
    } finally {
      this.#pumping = false;
    }
    if (pulled) this.#ops.wake();
  }

  /** The peer reset its sending side. */
  onReset(code: number | bigint | undefined): void {
    this.fail(new StreamResetError(`stream ${this.#id} reset by the peer with code ${String(code)}`, { streamId: this.#id, streamErrorCode: code, remote: true }), 'remoteAbort');
  }

  /** The session ended: a stream whose end already arrived stays readable to its end. */
  onSessionClosed(error: unknown, as: SideState): void {
    if (!this.#finReceived) this.fail(error, as);
  }

  fail(error: unknown, as: SideState): void {
    if (this.state !== 'open' || this.#failed) return;
    this.#failed = true;
    this.state = as;
    this.buffer.fail(error);
    this.#changed();
  }

  /** STOP_SENDING: we will not read any more. */
  abort(code: number): void {
    if (this.state !== 'open') return;
    if (!this.#finReceived) {
      try {
        this.#ops.stop(this.#id, code);
      } catch {
        // Already gone in the engine.
      }
      this.#ops.wake();
    }
    this.fail(new StreamError(`stream ${this.#id} reading aborted locally with code ${code}`, { streamId: this.#id, streamErrorCode: code }), 'localAbort');
  }

  #checkEof(): void {
    if (this.state === 'open' && this.buffer.atEof) {
      this.state = 'finished';
      this.#changed();
    }
  }

  /** Buffered bytes taken at once (no Promise, no timer), or undefined when the read has to wait. */
  tryRead(size: number): Uint8Array | undefined {
    const data = this.buffer.tryRead(size);
    if (data !== undefined) {
      this.#stats.recordRead(data.length, 0);
      this.#checkEof();
    }
    return data;
  }

  /** Wraps a buffer operation with stats, the read timeout (only when it has to wait) and the EOF state. */
  async run<T>(op: (signal: AbortSignal | undefined) => Promise<T>, size: (v: T) => number, signal: AbortSignal | undefined): Promise<T> {
    const start = performance.now();
    const waits = this.buffer.size === 0 && !this.buffer.eofReceived;
    try {
      let p = op(signal);
      if (waits) p = withTimeout(p, this.#settings.readTimeoutMs, 'read');
      const v = await p;
      this.#stats.recordRead(size(v), performance.now() - start);
      this.#checkEof();
      return v;
    } catch (error) {
      this.#stats.recordReadError();
      this.#checkEof(); // e.g. IncompleteReadError: the end was reached
      throw error;
    }
  }
}

export class WebTransportReceiveStream extends StreamBase implements AsyncIterable<Uint8Array> {
  readonly #recv: ReceiveSide;

  /** @internal */
  constructor(key: symbol, init: StreamInit) {
    checkStreamKey(key);
    super(init);
    this.#recv = new ReceiveSide(init.streamId, init.ops, init.settings, this.stats, () => this.updateFinished());
  }

  get direction(): StreamDirection {
    return StreamDirection.RECEIVE_ONLY;
  }

  /** @internal */
  get receiveSide(): ReceiveSide {
    return this.#recv;
  }

  protected get receiveState(): SideState | undefined {
    return this.#recv.state;
  }

  protected get sendState(): SideState | undefined {
    return undefined;
  }

  /** True while bytes (or the end) can still be read. */
  get isReadable(): boolean {
    return this.#recv.state === 'open';
  }

  /** Up to `size` bytes (default 8192); an empty array at the end of the stream. */
  read(options: ReadOptions = {}): Promise<Uint8Array> {
    const size = options.size ?? DEFAULT_CHUNK_SIZE;
    if (!Number.isInteger(size) || size < 0) return Promise.reject(new RangeError(`read size must be a non-negative integer, got ${size}`));
    if (this.#recv.state === 'finished') return Promise.resolve(EMPTY);
    if (options.signal?.aborted !== true) {
      const ready = this.#recv.tryRead(size);
      if (ready !== undefined) return Promise.resolve(ready);
    }
    return this.#recv.run((signal) => this.#recv.buffer.read({ size, signal }).then((r) => r.data), (d) => d.length, options.signal);
  }

  /** Everything until the end of the stream, as one array. */
  async readAll(options: ReadAllOptions = {}): Promise<Uint8Array> {
    const max = options.maxSize ?? Infinity;
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = await this.read({ size: 1 << 20, ...(options.signal ? { signal: options.signal } : {}) });
      if (chunk.length === 0) break;
      total += chunk.length;
      if (total > max) {
        this.abort(0);
        throw new StreamError(`stream data exceeds maxSize ${max}`, { streamId: this.streamId, details: { maxSize: max } });
      }
      parts.push(chunk);
    }
    return total === 0 ? EMPTY : concat(parts, total);
  }

  /** Chunks of at most `chunkSize` bytes until the end of the stream. */
  async *readIter(options: { chunkSize?: number; signal?: AbortSignal } = {}): AsyncGenerator<Uint8Array, void, undefined> {
    const size = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    for (;;) {
      const chunk = await this.read({ size, ...(options.signal ? { signal: options.signal } : {}) });
      if (chunk.length === 0) return;
      yield chunk;
    }
  }

  /** Exactly `n` bytes; IncompleteReadError (with the partial bytes) if the stream ends first. */
  readExactly(n: number, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    if (!Number.isInteger(n) || n < 0) return Promise.reject(new RangeError(`readExactly needs a non-negative integer, got ${n}`));
    return this.#recv.run((signal) => this.#recv.buffer.readExactly(n, { signal }), (d) => d.length, options.signal);
  }

  /** One line including its '\n' (the rest of the stream at its end). */
  readLine(options: { limit?: number; signal?: AbortSignal } = {}): Promise<Uint8Array> {
    return this.readUntil('\n', options);
  }

  /** Bytes up to and including `separator` (default '\n'); the rest of the stream at its end. */
  readUntil(separator: Uint8Array | string = '\n', options: { limit?: number; signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const limit = options.limit;
    return this.#recv.run(
      (signal) => this.#recv.buffer.readUntil(separator, { ...(limit !== undefined ? { limit } : {}), signal }),
      (d) => d.length, options.signal,
    );
  }

  /** Stops reading: STOP_SENDING with `code`; pending and later reads reject. */
  abort(code = 0): Promise<void> {
    this.#recv.abort(code);
    return Promise.resolve();
  }

  /** Same as abort(code) on this side (the W3C `readable.cancel()` action). */
  stopReceiving(code = 0): Promise<void> {
    return this.abort(code);
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return this.readIter();
  }

  /** Disposal stops reading if the stream is still open. */
  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#recv.state === 'open') this.#recv.abort(0);
  }
}
