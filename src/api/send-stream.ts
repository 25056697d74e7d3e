/**
 * The sending half of a WebTransport stream and WebTransportSendStream (seed stream API).
 * Writes are handed to the engine as it accepts bytes (its send buffer and flow control decide);
 * a write resolves once all of its bytes were accepted, or, with waitFlush: false, once what is
 * still queued is under the stream's cap, so nothing buffers without bound.
 */
import { DEFAULT_CHUNK_SIZE, COPY_FAILURE_ABORT_CODE } from './constants.js';
import { StreamError, StreamStoppedError } from './errors.js';
import type { StreamStats } from './stream-stats.js';
import {
  checkStreamKey, StreamBase, StreamDirection, withTimeout, type SideState, type StreamInit, type StreamOps, type StreamSettings,
} from './streams.js';

const EMPTY = new Uint8Array(0);
const encoder = new TextEncoder();

export type StreamData = Uint8Array | ArrayBufferView | ArrayBuffer | string;

export interface WriteOptions {
  /** Send FIN after the data. */
  endStream?: boolean;
  /** Resolve only once the transport accepted every byte (default true). */
  waitFlush?: boolean;
  signal?: AbortSignal;
}

interface PendingWrite {
  readonly data: Uint8Array;
  offset: number;
  readonly fin: boolean;
  /** No-ops until a caller waits: a write the transport takes at once never builds a Promise. */
  resolve: () => void;
  reject: (error: unknown) => void;
  /** Every byte (and the FIN) was accepted. */
  done: boolean;
}

export function toBytes(data: StreamData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError('stream data must be a Uint8Array, ArrayBuffer(View) or string');
}

/** @internal The send half: a queue of writes drained into the engine as it accepts bytes. */
export class SendSide {
  state: SideState = 'open';
  readonly #id: number;
  readonly #ops: StreamOps;
  readonly #settings: StreamSettings;
  readonly #stats: StreamStats;
  readonly #changed: () => void;
  readonly #queue: PendingWrite[] = [];
  #queuedBytes = 0;
  #finQueued = false;
  #error: unknown = undefined;
  #spaceWaiters: PendingWrite[] = [];
  #flushWaiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  constructor(id: number, ops: StreamOps, settings: StreamSettings, stats: StreamStats, changed: () => void) {
    this.#id = id;
    this.#ops = ops;
    this.#settings = settings;
    this.#stats = stats;
    this.#changed = changed;
  }

  get isWritable(): boolean {
    return this.state === 'open' && !this.#finQueued;
  }

  /** Bytes written but not yet accepted by the transport. */
  get bufferedBytes(): number {
    return this.#queuedBytes;
  }

  write(input: StreamData, options: WriteOptions = {}): Promise<void> {
    let data: Uint8Array;
    try {
      data = toBytes(input);
    } catch (error) {
      return Promise.reject(error);
    }
    const fin = options.endStream ?? false;
    if (this.#error !== undefined) return Promise.reject(this.#error);
    if (!this.isWritable) {
      return Promise.reject(new StreamError(`stream ${this.#id} is not writable (${this.#finQueued ? 'FIN already sent' : this.state})`, { streamId: this.#id }));
    }
    if (data.length === 0 && !fin) return Promise.resolve();
    options.signal?.throwIfAborted();
    const start = performance.now();
    if (fin) this.#finQueued = true;
    const entry: PendingWrite = { data, offset: 0, fin, resolve: noop, reject: noop, done: false };
    this.#queue.push(entry);
    this.#queuedBytes += data.length;
    this.#pump();
    if (entry.done) {
      // Fast path: the transport took every byte synchronously.
      this.#stats.recordWrite(data.length, performance.now() - start);
      return Promise.resolve();
    }
    const waitFlush = (options.waitFlush ?? true) || fin;
    if (waitFlush && this.#error !== undefined && !this.#queue.includes(entry)) {
      // The pump failed the stream (and dropped this entry) before anyone waited.
      this.#stats.recordWriteError();
      return Promise.reject(this.#error);
    }
    const accepted = new Promise<void>((resolve, reject) => {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    let result: Promise<void>;
    if (waitFlush) {
      result = accepted;
    } else {
      accepted.catch(() => {}); // the error resurfaces on the next write or flush
      result = this.#queuedBytes <= this.#settings.maxSendBuffered ? Promise.resolve() : this.#waitForSpace();
    }
    this.#stats.recordFlowControlBlocked();
    result = withTimeout(result, this.#settings.writeTimeoutMs, 'write');
    if (options.signal !== undefined) result = raceSignal(result, options.signal);
    return result.then(
      () => this.#stats.recordWrite(data.length, performance.now() - start),
      (error: unknown) => {
        this.#stats.recordWriteError();
        throw error;
      },
    );
  }

  #waitForSpace(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#spaceWaiters.push({ data: EMPTY, offset: 0, fin: false, resolve, reject, done: false });
    });
  }

  /** Resolves once every queued byte was accepted by the transport. */
  flush(): Promise<void> {
    if (this.#error !== undefined) return Promise.reject(this.#error);
    if (this.#queue.length === 0) return Promise.resolve();
    const p = new Promise<void>((resolve, reject) => this.#flushWaiters.push({ resolve, reject }));
    return withTimeout(p, this.#settings.writeTimeoutMs, 'flush');
  }

  /** The engine can take more (streamWritable / sessionWritable). */
  onWritable(): void {
    this.#pump();
  }

  /** The peer sent STOP_SENDING (the transport reset our side already). */
  onStopped(code: number | bigint | undefined): void {
    this.fail(new StreamStoppedError(`stream ${this.#id} stopped by the peer with code ${String(code)}`, { streamId: this.#id, streamErrorCode: code, remote: true }), 'remoteAbort');
  }

  /** RESET_STREAM with `code`; queued bytes are dropped. */
  abort(code: number): void {
    if (this.state !== 'open') return;
    try {
      this.#ops.reset(this.#id, code);
    } catch {
      // Already gone in the engine.
    }
    this.#ops.wake();
    this.fail(new StreamError(`stream ${this.#id} writing aborted locally with code ${code}`, { streamId: this.#id, streamErrorCode: code }), 'localAbort');
  }

  fail(error: unknown, as: SideState): void {
    if (this.state !== 'open') return;
    this.state = as;
    this.#error = error;
    this.#queuedBytes = 0;
    for (const w of this.#queue.splice(0)) w.reject(error);
    for (const w of this.#spaceWaiters.splice(0)) w.reject(error);
    for (const w of this.#flushWaiters.splice(0)) w.reject(error);
    this.#changed();
  }

  #pump(): void {
    if (this.state !== 'open') return;
    let progressed = false;
    for (let head = this.#queue[0]; head !== undefined; head = this.#queue[0]) {
      const chunk = head.offset === 0 ? head.data : head.data.subarray(head.offset);
      let n: number;
      try {
        n = this.#ops.write(this.#id, chunk, head.fin);
      } catch (error) {
        this.fail(new StreamError(`stream ${this.#id} is no longer writable`, { streamId: this.#id, cause: error }), 'remoteAbort');
        return;
      }
      progressed = true;
      head.offset += n;
      this.#queuedBytes -= n;
      if (head.offset < head.data.length || (n === 0 && chunk.length > 0)) break;
      this.#queue.shift();
      head.done = true;
      head.resolve();
      if (head.fin) {
        this.state = 'finished';
        this.#settle();
        this.#changed();
        break;
      }
    }
    if (progressed) this.#ops.wake();
    this.#settle();
  }

  #settle(): void {
    if (this.#spaceWaiters.length > 0 && this.#queuedBytes <= this.#settings.maxSendBuffered) {
      for (const w of this.#spaceWaiters.splice(0)) w.resolve();
    }
    if (this.#queue.length === 0 && this.#flushWaiters.length > 0) {
      for (const w of this.#flushWaiters.splice(0)) w.resolve();
    }
  }
}

function noop(): void {}

function raceSignal<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([p, aborted]).finally(() => signal.removeEventListener('abort', onAbort!));
}

/** Writes `data` in chunks, flushes, then closes (FIN); aborts with code 1 on failure. */
export async function writeAllTo(side: SendSide, data: StreamData, chunkSize: number): Promise<void> {
  if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const bytes = toBytes(data);
  try {
    for (let at = 0; at < bytes.length; at += chunkSize) {
      await side.write(bytes.subarray(at, Math.min(bytes.length, at + chunkSize)), { waitFlush: false });
    }
    await side.flush();
    await side.write(EMPTY, { endStream: true });
  } catch (error) {
    side.abort(COPY_FAILURE_ABORT_CODE);
    throw error;
  }
}

/** FIN when still writable; errors are swallowed as in pywebtransport (the stream is gone anyway). */
export async function closeSide(side: SendSide): Promise<void> {
  if (!side.isWritable) return;
  try {
    await side.write(EMPTY, { endStream: true });
  } catch {
    // Nothing left to close.
  }
}

export class WebTransportSendStream extends StreamBase {
  readonly #send: SendSide;

  /** @internal */
  constructor(key: symbol, init: StreamInit) {
    checkStreamKey(key);
    super(init);
    this.#send = new SendSide(init.streamId, init.ops, init.settings, this.stats, () => this.updateFinished());
  }

  /** A bidirectional WebTransportStream is a send stream too. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && typeof (value as { sendSide?: unknown }).sendSide === 'object'
      && Function.prototype[Symbol.hasInstance].call(StreamBase, value);
  }

  get direction(): StreamDirection {
    return StreamDirection.SEND_ONLY;
  }

  /** @internal */
  get sendSide(): SendSide {
    return this.#send;
  }

  protected get receiveState(): SideState | undefined {
    return undefined;
  }

  protected get sendState(): SideState | undefined {
    return this.#send.state;
  }

  get isWritable(): boolean {
    return this.#send.isWritable;
  }

  /** Writes data; `endStream` sends FIN after it. */
  write(data: StreamData, options: WriteOptions = {}): Promise<void> {
    return this.#send.write(data, options);
  }

  /** Writes in chunks of `chunkSize` (default 8192), then closes the stream. */
  writeAll(data: StreamData, options: { chunkSize?: number } = {}): Promise<void> {
    return writeAllTo(this.#send, data, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  }

  /** Waits until the transport accepted every written byte. */
  flush(): Promise<void> {
    return this.#send.flush();
  }

  /** Graceful close: FIN. */
  close(): Promise<void> {
    return closeSide(this.#send);
  }

  /** Abrupt close: RESET_STREAM with `code`. */
  abort(code = 0): Promise<void> {
    this.#send.abort(code);
    return Promise.resolve();
  }

  /** Same as abort(code) (the W3C `writable.abort()` action). */
  reset(code = 0): Promise<void> {
    return this.abort(code);
  }

  /** Disposal closes gracefully if still writable. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
