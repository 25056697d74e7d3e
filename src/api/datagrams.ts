/**
 * A session's datagrams (pywebtransport WebTransportDatagramDuplexStream, trimmed to what the
 * transport really does): send() hands one datagram to QUIC at once (no extra queue: QUIC's send
 * queue is bounded), received datagrams wait in a bounded queue that drops the oldest when full,
 * read with receive() or `for await`.
 */
import { DatagramError, datagramTooLarge, SessionClosedError } from './errors.js';
import { toBytes, type StreamData } from './send-stream.js';

/** What the channel needs from its session. */
export interface DatagramOps {
  send(payload: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed';
  maxSize(): number;
  wake(): void;
}

export interface DatagramStatsSnapshot {
  datagramsSent: number;
  bytesSent: number;
  sendFailures: number;
  datagramsReceived: number;
  bytesReceived: number;
  /** Received datagrams dropped because nobody read them in time (queue full). */
  receiveDrops: number;
  /** Waiting in the receive queue. */
  queued: number;
}

interface Waiter {
  resolve: (d: Uint8Array) => void;
  reject: (e: unknown) => void;
}

/** Default number of received datagrams kept until read. */
export const DEFAULT_DATAGRAM_HIGH_WATER_MARK = 1024;

export class DatagramChannel implements AsyncIterable<Uint8Array> {
  readonly sessionId: number;
  readonly highWaterMark: number;
  readonly #ops: DatagramOps;
  #items: Uint8Array[] = [];
  #head = 0;
  #waiters: Waiter[] = [];
  #closeError: SessionClosedError | undefined;
  readonly #stats: DatagramStatsSnapshot = {
    datagramsSent: 0, bytesSent: 0, sendFailures: 0, datagramsReceived: 0, bytesReceived: 0, receiveDrops: 0, queued: 0,
  };

  /** @internal */
  constructor(sessionId: number, ops: DatagramOps, highWaterMark = DEFAULT_DATAGRAM_HIGH_WATER_MARK) {
    this.sessionId = sessionId;
    this.#ops = ops;
    this.highWaterMark = highWaterMark;
  }

  /** Largest payload send() accepts now (0 when datagrams are unavailable). */
  get maxDatagramSize(): number {
    return this.#closeError !== undefined ? 0 : this.#ops.maxSize();
  }

  get isClosed(): boolean {
    return this.#closeError !== undefined;
  }

  /** Datagrams received and not read yet. */
  get receiveBufferSize(): number {
    return this.#items.length - this.#head;
  }

  /** Sends one datagram (unreliable); throws DatagramError when it cannot be sent at all. */
  send(data: StreamData): void {
    const payload = toBytes(data);
    const r = this.#closeError !== undefined ? 'closed' : this.#ops.send(payload);
    if (r === 'queued') {
      this.#stats.datagramsSent++;
      this.#stats.bytesSent += payload.length;
      this.#ops.wake();
      return;
    }
    this.#stats.sendFailures++;
    if (r === 'too-large') throw datagramTooLarge({ size: payload.length, maxSize: this.#ops.maxSize() });
    throw new DatagramError(r === 'unsupported' ? 'the peer does not accept datagrams' : 'the session is closed', {
      reason: r, datagramSize: payload.length, ...(this.#closeError ? { cause: this.#closeError } : {}),
    });
  }

  /** send() that reports failure as false instead of throwing. */
  trySend(data: StreamData): boolean {
    try {
      this.send(data);
      return true;
    } catch {
      return false;
    }
  }

  /** The next received datagram; rejects with SessionClosedError once the session is closed and the queue empty. */
  receive(options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const ready = this.tryReceive();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.#closeError !== undefined) return Promise.reject(this.#closeError);
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Uint8Array>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      if (signal !== undefined) {
        const onAbort = (): void => {
          const i = this.#waiters.indexOf(waiter);
          if (i >= 0) this.#waiters.splice(i, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.resolve = (d) => { signal.removeEventListener('abort', onAbort); resolve(d); };
        waiter.reject = (e) => { signal.removeEventListener('abort', onAbort); reject(e); };
      }
      this.#waiters.push(waiter);
    });
  }

  /** A received datagram if one is queued. */
  tryReceive(): Uint8Array | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const d = this.#items[this.#head]!;
    this.#items[this.#head++] = undefined as unknown as Uint8Array;
    if (this.#head === this.#items.length) {
      this.#items = [];
      this.#head = 0;
    }
    return d;
  }

  /** Drops queued received datagrams; returns how many. */
  clearReceiveBuffer(): number {
    const n = this.receiveBufferSize;
    this.#items = [];
    this.#head = 0;
    return n;
  }

  get stats(): DatagramStatsSnapshot {
    return { ...this.#stats, queued: this.receiveBufferSize };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      let d: Uint8Array;
      try {
        d = await this.receive();
      } catch (error) {
        if (error instanceof SessionClosedError) return;
        throw error;
      }
      yield d;
    }
  }

  /** @internal A datagram arrived for this session. */
  push(payload: Uint8Array): void {
    if (this.#closeError !== undefined) return;
    this.#stats.datagramsReceived++;
    this.#stats.bytesReceived += payload.length;
    const w = this.#waiters.shift();
    if (w !== undefined) {
      w.resolve(payload);
      return;
    }
    if (this.receiveBufferSize >= this.highWaterMark) {
      this.tryReceive(); // oldest first out: fresh datagrams matter more
      this.#stats.receiveDrops++;
    }
    this.#items.push(payload);
  }

  /** @internal The session closed: queued datagrams stay readable, then iteration ends. */
  close(error: SessionClosedError): void {
    if (this.#closeError !== undefined) return;
    this.#closeError = error;
    for (const w of this.#waiters.splice(0)) w.reject(error);
  }
}
