/** In-memory stand-ins for a WebTransport stream and datagram channel, for messaging unit tests. */
import { DatagramError, IncompleteReadError, SessionClosedError } from '../../../../src/index.js';
import type { DatagramChannel, WebTransportStream } from '../../../../src/index.js';

/** Bytes fed by the test are read back through readExactly; writes are recorded. */
export class FakeStream {
  readonly streamId = 4;
  readonly written: Uint8Array[] = [];
  stoppedWith: number | undefined;
  finished = false;
  #buffer = new Uint8Array(0);
  #eof = false;
  #waiters: (() => void)[] = [];

  get isClosed(): boolean {
    return this.finished && this.#eof;
  }

  get isReadable(): boolean {
    return this.stoppedWith === undefined;
  }

  feed(bytes: Uint8Array): void {
    const next = new Uint8Array(this.#buffer.length + bytes.length);
    next.set(this.#buffer);
    next.set(bytes, this.#buffer.length);
    this.#buffer = next;
    this.#wake();
  }

  end(): void {
    this.#eof = true;
    this.#wake();
  }

  #wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }

  async readExactly(n: number, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    for (;;) {
      options.signal?.throwIfAborted();
      if (this.#buffer.length >= n) {
        const out = this.#buffer.slice(0, n);
        this.#buffer = this.#buffer.slice(n);
        return out;
      }
      if (this.#eof) {
        const partial = this.#buffer;
        this.#buffer = new Uint8Array(0);
        throw new IncompleteReadError('ended', { partial, expected: n });
      }
      // Like the real buffer: a cancelled read consumes nothing.
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        options.signal?.addEventListener('abort', () => resolve(), { once: true });
      });
    }
  }

  async write(data: Uint8Array): Promise<void> {
    if (this.finished) throw new Error('write after close');
    this.written.push(data.slice());
  }

  async close(): Promise<void> {
    this.finished = true;
  }

  async stopReceiving(code: number): Promise<void> {
    this.stoppedWith = code;
  }

  /** Everything written so far as one array. */
  output(): Uint8Array {
    return Buffer.concat(this.written);
  }

  asStream(): WebTransportStream {
    return this as unknown as WebTransportStream;
  }
}

/** Sent datagrams are recorded; pushed ones are received in order. */
export class FakeDatagrams {
  readonly sent: Uint8Array[] = [];
  maxDatagramSize = 1200;
  isClosed = false;
  #queue: Uint8Array[] = [];
  #waiters: ((d: Uint8Array | undefined) => void)[] = [];

  get receiveBufferSize(): number {
    return this.#queue.length;
  }

  send(data: Uint8Array): void {
    if (this.isClosed) throw new DatagramError('closed', { reason: 'closed' });
    if (data.length > this.maxDatagramSize) throw new DatagramError('too large', { reason: 'too-large', datagramSize: data.length });
    this.sent.push(data.slice());
  }

  push(d: Uint8Array): void {
    const w = this.#waiters.shift();
    if (w) w(d);
    else this.#queue.push(d);
  }

  close(): void {
    this.isClosed = true;
    for (const w of this.#waiters.splice(0)) w(undefined);
  }

  async receive(): Promise<Uint8Array> {
    const d = this.#queue.shift();
    if (d !== undefined) return d;
    if (this.isClosed) throw new SessionClosedError('closed');
    const next = await new Promise<Uint8Array | undefined>((r) => this.#waiters.push(r));
    if (next === undefined) throw new SessionClosedError('closed');
    return next;
  }

  asChannel(): DatagramChannel {
    return this as unknown as DatagramChannel;
  }
}
