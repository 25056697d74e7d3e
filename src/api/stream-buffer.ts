/**
 * StreamBuffer: the receive buffer behind a stream's read methods (pywebtransport `StreamBuffer`).
 *
 * Chunks are kept as given (no copy on feed) and handed out as subarray views when a read fits in
 * one chunk. Unlike 0.5.1, `maxSize` is enforced: the feeder (the runtime) pulls at most
 * `freeSpace` bytes from the transport, and `onConsumed` reports bytes the application took so
 * flow-control credit follows consumption. Reads are served in call order; an aborted read
 * consumes nothing (any bytes it had set aside go back to the front).
 * Timeouts are AbortSignals (`AbortSignal.timeout(ms)` or a Scheduler's signal): no timers here.
 */
import { FlowControlError, IncompleteReadError, StreamError } from './errors.js';

export const DEFAULT_STREAM_BUFFER_SIZE = 65_536;

export interface StreamBufferOptions {
  /** Most bytes buffered at once (default 65536). `Infinity` disables the cap. */
  maxSize?: number;
  /** Called with the byte count each time the application takes data out. */
  onConsumed?: (bytes: number) => void;
}

export interface StreamBufferReadResult {
  data: Uint8Array;
  /** True once the end of the stream was received and everything before it was read. */
  atEof: boolean;
}

export interface BufferReadOptions {
  signal?: AbortSignal;
}

export interface BufferReadUntilOptions extends BufferReadOptions {
  /** The separator must end within this many bytes (default: maxSize). */
  limit?: number;
}

interface PendingOp {
  /** Completes the op if it can; returns true when it settled. */
  attempt(): boolean;
  fail(error: unknown): void;
  /** Undoes partial consumption when the op is abandoned. */
  restore(): void;
  detach(): void;
}

const EMPTY = new Uint8Array(0);
const encoder = new TextEncoder();

function indexOfSequence(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const last = haystack.length - needle.length;
  const first = needle[0]!;
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

export class StreamBuffer {
  readonly maxSize: number;
  readonly #onConsumed: ((bytes: number) => void) | undefined;
  #chunks: Uint8Array[] = [];
  #head = 0;
  #headOffset = 0;
  #size = 0;
  #eof = false;
  #error: unknown = undefined;
  #failed = false;
  readonly #ops: PendingOp[] = [];
  #draining = false;
  #dirty = false;
  /** Bumped by unread(): a pending readUntil must rescan from the start. */
  #unreads = 0;

  constructor(options: StreamBufferOptions = {}) {
    const maxSize = options.maxSize ?? DEFAULT_STREAM_BUFFER_SIZE;
    if (!(maxSize === Infinity || (Number.isInteger(maxSize) && maxSize > 0))) {
      throw new RangeError(`StreamBuffer maxSize must be a positive integer or Infinity, got ${maxSize}`);
    }
    this.maxSize = maxSize;
    this.#onConsumed = options.onConsumed;
  }

  /** Bytes currently buffered. */
  get size(): number {
    return this.#size;
  }

  /** Bytes that may still be fed without exceeding maxSize. */
  get freeSpace(): number {
    return Math.max(0, this.maxSize - this.#size);
  }

  /** True when the end of stream was fed and every byte has been read. */
  get atEof(): boolean {
    return this.#eof && this.#size === 0;
  }

  /** True once the end of stream was fed (bytes may remain). */
  get eofReceived(): boolean {
    return this.#eof;
  }

  /** Reads waiting for data. */
  get pendingReads(): number {
    return this.#ops.length;
  }

  /**
   * Appends data (the buffer keeps the given bytes, do not reuse them) and optionally marks the end.
   * Throws FlowControlError past maxSize and StreamError for data after the end. Ignored after `fail`.
   */
  feedData(data: Uint8Array, { eof = false }: { eof?: boolean } = {}): void {
    if (this.#failed) return;
    if (this.#eof) {
      if (data.length > 0) throw new StreamError('data received after the end of the stream');
      return;
    }
    if (data.length > this.freeSpace) {
      throw new FlowControlError(`stream buffer overflow: ${data.length} bytes fed with ${this.freeSpace} free`, {
        limitExceeded: this.maxSize, currentValue: this.#size + data.length,
      });
    }
    if (data.length > 0) {
      this.#chunks.push(data);
      this.#size += data.length;
    }
    if (eof) this.#eof = true;
    this.#drain();
  }

  /** Marks the end of the stream (FIN). */
  feedEof(): void {
    this.feedData(EMPTY, { eof: true });
  }

  /** Errors the buffer (e.g. the peer reset the stream): buffered bytes are dropped, reads reject. */
  fail(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#error = error;
    this.#clear();
    this.#drain();
  }

  /** Puts bytes back at the front, e.g. the unconsumed part of an abandoned higher-level read. */
  unread(data: Uint8Array): void {
    if (data.length === 0 || this.#failed) return;
    if (this.#headOffset > 0) {
      this.#chunks[this.#head] = this.#chunks[this.#head]!.subarray(this.#headOffset);
      this.#headOffset = 0;
    }
    if (this.#head > 0) this.#chunks[--this.#head] = data;
    else this.#chunks.unshift(data);
    this.#size += data.length;
    this.#unreads++;
    this.#drain();
  }

  /**
   * Up to `size` bytes (all buffered bytes when `size` is negative, the default) once any are
   * available; empty data with `atEof` at the end of the stream.
   */
  read({ size = -1, signal }: { size?: number } & BufferReadOptions = {}): Promise<StreamBufferReadResult> {
    if (Number.isNaN(size)) return Promise.reject(new RangeError('read size must be a number'));
    return this.#submit<StreamBufferReadResult>(signal, (resolve) => ({
      attempt: () => {
        if (this.#size > 0 || size === 0) {
          const n = size < 0 ? this.#size : Math.min(size, this.#size);
          const data = n === 0 ? EMPTY : this.#take(n);
          resolve({ data, atEof: this.atEof });
          return true;
        }
        if (this.#eof) {
          resolve({ data: EMPTY, atEof: true });
          return true;
        }
        return false;
      },
      restore: () => {},
    }));
  }

  /**
   * The synchronous fast path of read(): up to `size` bytes (all buffered bytes when negative) when
   * bytes are buffered and no read is queued ahead; undefined otherwise (then use read()).
   */
  tryRead(size = -1): Uint8Array | undefined {
    if (this.#failed || this.#size === 0 || size === 0 || this.#ops.length > 0) return undefined;
    return this.#take(size < 0 ? this.#size : Math.min(size, this.#size));
  }

  /** Exactly `n` bytes; rejects with IncompleteReadError (holding the partial bytes) at an early end. */
  readExactly(n: number, { signal }: BufferReadOptions = {}): Promise<Uint8Array> {
    if (!Number.isInteger(n) || n < 0) return Promise.reject(new RangeError(`readExactly needs a non-negative integer, got ${n}`));
    let result: Uint8Array | undefined;
    let filled = 0;
    return this.#submit<Uint8Array>(signal, (resolve, reject) => ({
      attempt: () => {
        const need = n - filled;
        if (this.#size >= need) {
          if (result === undefined) {
            resolve(n === 0 ? EMPTY : this.#take(n));
          } else {
            result.set(this.#take(need), filled);
            resolve(result);
          }
          return true;
        }
        if (this.#eof) {
          const rest = this.#size > 0 ? this.#take(this.#size) : EMPTY;
          let partial = rest;
          if (result !== undefined) {
            result.set(rest, filled);
            partial = result.subarray(0, filled + rest.length);
          }
          reject(new IncompleteReadError(`stream ended after ${partial.length} of ${n} bytes`, { partial, expected: n }));
          return true;
        }
        // A full buffer can never reach n: move its bytes aside so more can arrive.
        if (this.#size >= this.maxSize) {
          result ??= new Uint8Array(n);
          const chunk = this.#take(this.#size);
          result.set(chunk, filled);
          filled += chunk.length;
        }
        return false;
      },
      restore: () => {
        if (result !== undefined && filled > 0) this.unread(result.subarray(0, filled));
        filled = 0;
      },
    }));
  }

  /**
   * Bytes up to and including `separator`. At the end of the stream, whatever remains (possibly
   * empty). Rejects with StreamError, consuming nothing, when the separator does not end within
   * `limit` bytes or the buffer fills up without it.
   */
  readUntil(separator: Uint8Array | string = '\n', { limit = this.maxSize, signal }: BufferReadUntilOptions = {}): Promise<Uint8Array> {
    const sep = typeof separator === 'string' ? encoder.encode(separator) : separator;
    if (sep.length === 0) return Promise.reject(new RangeError('separator must not be empty'));
    if (!(limit > 0)) return Promise.reject(new RangeError(`limit must be positive, got ${limit}`));
    let scanned = 0;
    let unreads = this.#unreads;
    return this.#submit<Uint8Array>(signal, (resolve, reject) => ({
      attempt: () => {
        if (unreads !== this.#unreads) {
          unreads = this.#unreads;
          scanned = 0;
        }
        if (this.#size > 0) {
          const index = indexOfSequence(this.#contiguous(), sep, scanned);
          const end = index + sep.length;
          if (index >= 0 && end <= limit) {
            resolve(this.#take(end));
            return true;
          }
          if (index >= 0 || this.#size >= limit || this.#size >= this.maxSize) {
            reject(new StreamError(`separator not found within ${Math.min(limit, this.maxSize)} bytes`, { details: { limit } }));
            return true;
          }
          scanned = Math.max(0, this.#size - sep.length + 1);
        }
        if (this.#eof) {
          resolve(this.#size > 0 ? this.#take(this.#size) : EMPTY);
          return true;
        }
        return false;
      },
      restore: () => {},
    }));
  }

  /** One line including its `\n` (or the remainder at the end of the stream). */
  readLine(options: BufferReadUntilOptions = {}): Promise<Uint8Array> {
    return this.readUntil('\n', options);
  }

  #submit<T>(
    signal: AbortSignal | undefined,
    make: (resolve: (value: T) => void, reject: (error: unknown) => void) => Omit<PendingOp, 'fail' | 'detach'>,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      let onAbort: (() => void) | undefined;
      const detach = (): void => {
        if (onAbort !== undefined) signal!.removeEventListener('abort', onAbort);
      };
      const body = make(
        (value) => { detach(); resolve(value); },
        (error) => { detach(); reject(error); },
      );
      const op: PendingOp = { ...body, fail: (error) => { detach(); reject(error); }, detach };
      // Fast path: nothing queued ahead and the op completes now. Bytes fed re-entrantly from
      // onConsumed during this first attempt mark the buffer dirty, so the queued op is retried below.
      let retry = false;
      if (this.#ops.length === 0) {
        this.#draining = true;
        this.#dirty = false;
        let done: boolean;
        try {
          done = this.#tryOp(op);
        } finally {
          this.#draining = false;
        }
        retry = this.#dirty;
        if (done) {
          if (retry) this.#drain();
          return;
        }
      }
      this.#ops.push(op);
      if (signal !== undefined) {
        onAbort = () => {
          const index = this.#ops.indexOf(op);
          if (index < 0) return;
          this.#ops.splice(index, 1);
          op.restore();
          op.fail(signal.reason);
          this.#drain();
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      if (retry) this.#drain();
    });
  }

  #tryOp(op: PendingOp): boolean {
    if (this.#failed) {
      op.fail(this.#error);
      return true;
    }
    return op.attempt();
  }

  /** Settles queued ops in order; re-entrant feeds (from onConsumed) loop here instead of recursing. */
  #drain(): void {
    if (this.#draining) {
      this.#dirty = true;
      return;
    }
    this.#draining = true;
    try {
      do {
        this.#dirty = false;
        while (this.#ops.length > 0) {
          const op = this.#ops[0]!;
          if (!this.#tryOp(op)) break;
          // onConsumed may have re-entered (aborting ops): remove exactly the settled one.
          const index = this.#ops.indexOf(op);
          if (index >= 0) this.#ops.splice(index, 1);
        }
      } while (this.#dirty);
    } finally {
      this.#draining = false;
    }
  }

  /** Removes and returns the first n buffered bytes (0 < n <= size); a view when one chunk holds them. */
  #take(n: number): Uint8Array {
    const first = this.#chunks[this.#head]!;
    let out: Uint8Array;
    if (first.length - this.#headOffset >= n) {
      out = first.subarray(this.#headOffset, this.#headOffset + n);
      this.#advance(first, n);
    } else {
      out = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const chunk = this.#chunks[this.#head]!;
        const count = Math.min(chunk.length - this.#headOffset, n - filled);
        out.set(chunk.subarray(this.#headOffset, this.#headOffset + count), filled);
        filled += count;
        this.#advance(chunk, count);
      }
    }
    this.#size -= n;
    if (this.#size === 0) this.#clear();
    this.#onConsumed?.(n);
    return out;
  }

  #advance(chunk: Uint8Array, count: number): void {
    this.#headOffset += count;
    if (this.#headOffset === chunk.length) {
      this.#chunks[this.#head] = EMPTY;
      this.#head++;
      this.#headOffset = 0;
      if (this.#head > 64 && this.#head * 2 > this.#chunks.length) {
        this.#chunks = this.#chunks.slice(this.#head);
        this.#head = 0;
      }
    }
  }

  #clear(): void {
    this.#chunks = [];
    this.#head = 0;
    this.#headOffset = 0;
    this.#size = 0;
  }

  /** All buffered bytes as one array (joining chunks once, so later searches are cheap). */
  #contiguous(): Uint8Array {
    const count = this.#chunks.length - this.#head;
    if (count === 1) return this.#chunks[this.#head]!.subarray(this.#headOffset);
    const joined = new Uint8Array(this.#size);
    let offset = 0;
    for (let i = this.#head; i < this.#chunks.length; i++) {
      const chunk = i === this.#head ? this.#chunks[i]!.subarray(this.#headOffset) : this.#chunks[i]!;
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    this.#chunks = [joined];
    this.#head = 0;
    this.#headOffset = 0;
    return joined;
  }
}
