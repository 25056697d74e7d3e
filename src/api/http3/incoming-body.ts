/**
 * A received HTTP/3 message body as an AsyncIterable of chunks. Bytes are pulled from the H3
 * layer only when the consumer asks, so QUIC flow-control credit follows consumption: a consumer
 * that stops reading stops the peer. Chunks are views of received packets (no copy).
 */

/** Where the bytes come from: H3Connection.readData for one stream (the host wakes the driver). */
export interface BodySource {
  read(maxBytes: number): { data: Uint8Array; fin: boolean } | undefined;
}

export interface ReadAllOptions {
  /** Fail with RangeError past this many bytes (default: unlimited). */
  maxSize?: number;
}

/** Bytes taken from the source per pull: bounded so a fast peer cannot make one pull unbounded. */
const PULL_BUDGET = 256 * 1024;
const EMPTY = new Uint8Array(0);

export class IncomingBody implements AsyncIterable<Uint8Array> {
  readonly #source: BodySource;
  /** Chunks pulled but not yet handed out. */
  #queue: Uint8Array[] = [];
  #queueHead = 0;
  /** The source reported the end of the body. */
  #ended = false;
  #error: Error | undefined;
  #waiter: (() => void) | undefined;
  #received = 0;
  #iterating = false;

  constructor(source: BodySource) {
    this.#source = source;
  }

  /** Body bytes handed to the consumer so far. */
  get bytesRead(): number {
    return this.#received;
  }

  /** The H3 layer delivered the whole body, or it failed (chunks may still wait in the queue). */
  get complete(): boolean {
    return this.#ended || this.#error !== undefined;
  }

  /** The whole body was read (or it failed). */
  get done(): boolean {
    return (this.#ended && this.#queueHead >= this.#queue.length) || this.#error !== undefined;
  }

  // ---- called by the connection host on H3 events

  /** Bytes (or the end) may be readable now. */
  notify(): void {
    const w = this.#waiter;
    this.#waiter = undefined;
    w?.();
  }

  /** The H3 layer saw the end of the body and every byte was read from it. */
  finish(): void {
    this.#ended = true;
    this.notify();
  }

  /** The body will not complete (stream reset, connection closed); no effect once it ended. */
  fail(error: Error): void {
    if (this.#ended || this.#error !== undefined) return;
    this.#error = error;
    this.notify();
  }

  // ---- consumer side

  /** The next chunk, or null at the end of the body. */
  async read(): Promise<Uint8Array | null> {
    for (;;) {
      if (this.#queueHead < this.#queue.length) {
        const chunk = this.#queue[this.#queueHead]!;
        this.#queue[this.#queueHead++] = EMPTY;
        if (this.#queueHead === this.#queue.length) {
          this.#queue = [];
          this.#queueHead = 0;
        }
        this.#received += chunk.length;
        return chunk;
      }
      if (this.#ended) return null;
      if (this.#error !== undefined) throw this.#error;
      if (this.#pull()) continue;
      if (this.#ended) return null;
      await new Promise<void>((resolve) => { this.#waiter = resolve; });
    }
  }

  /** Pulls what is readable now into the queue; true when something (data or the end) came. */
  #pull(): boolean {
    let budget = PULL_BUDGET;
    let got = false;
    while (budget > 0 && !this.#ended) {
      const r = this.#source.read(budget);
      if (r === undefined) break;
      if (r.data.length > 0) {
        this.#queue.push(r.data);
        budget -= r.data.length;
        got = true;
      }
      if (r.fin) {
        this.#ended = true;
        got = true;
      }
      if (r.data.length === 0 && !r.fin) break;
    }
    return got;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.#iterating) throw new TypeError('the body is already being read');
    this.#iterating = true;
    return {
      next: async (): Promise<IteratorResult<Uint8Array>> => {
        const chunk = await this.read();
        return chunk === null ? { value: undefined, done: true } : { value: chunk, done: false };
      },
    };
  }

  /** The whole body in one buffer (one copy at the end). */
  async readAll(options: ReadAllOptions = {}): Promise<Uint8Array> {
    const max = options.maxSize ?? Infinity;
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (let c = await this.read(); c !== null; c = await this.read()) {
      total += c.length;
      if (total > max) throw new RangeError(`body exceeds maxSize ${max}`);
      chunks.push(c);
    }
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.readAll());
  }
}
