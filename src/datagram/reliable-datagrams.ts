/**
 * ReliableDatagrams (pywebtransport DatagramReliabilityLayer, protocol ported, wiring fixed): each
 * send() is framed as DATA with a sequence number and kept until the peer ACKs it; unacknowledged
 * datagrams are resent every `ackTimeoutMs`, up to `maxRetries` times, then given up (counted,
 * reported through `onGiveUp` and sendAndWait()). The receiver ACKs every DATA, drops duplicates
 * seen among the last `dedupWindow` sequences and delivers in arrival order (no reordering).
 * Wire format: see reliability-wire.ts.
 *
 * Everything is bounded: at most `maxInFlight` unacknowledged sends (more throw DatagramError),
 * at most `maxReceiveQueue` delivered-but-unread datagrams. A DATA arriving while that queue is
 * full is neither queued nor ACKed, so the sender's retransmission delivers it later: a slow
 * reader slows the sender down instead of losing data.
 *
 * The layer owns the receive side of its transport: do not read the same datagrams elsewhere.
 */
import { DatagramError, OperationTimeoutError, SessionClosedError, datagramTooLarge, type StreamData } from '../index.js';
import { DATA_HEADER_SIZE, encodeAck, encodeData, parseReliableFrame } from './reliability-wire.js';
import { asBytes, resolveTransport, withTimeout, type DatagramSource, type DatagramTransport, type WaitOptions } from './transport.js';

export interface ReliableDatagramsOptions {
  /** Resend an unacknowledged datagram after this long (default 1000 ms). */
  ackTimeoutMs?: number;
  /** Resends before giving up (default 3). */
  maxRetries?: number;
  /** Unacknowledged sends allowed at once (default 256). */
  maxInFlight?: number;
  /** Received datagrams kept until read (default 1024). */
  maxReceiveQueue?: number;
  /** Recent sequences remembered to drop duplicates (default 1024). */
  dedupWindow?: number;
  /** Called with the payload of a datagram that was never acknowledged. */
  onGiveUp?: (payload: Uint8Array, sequence: number) => void;
}

export interface ReliableDatagramsStats {
  sent: number;
  retransmissions: number;
  acked: number;
  gaveUp: number;
  received: number;
  duplicates: number;
  /** DATA not accepted because the receive queue was full (the peer resends them). */
  deferred: number;
  /** Datagrams that are neither DATA nor ACK. */
  invalid: number;
  inFlight: number;
  queued: number;
}

interface Pending {
  readonly frame: Uint8Array;
  readonly payload: Uint8Array;
  sentAt: number;
  retries: number;
  resolve?: () => void;
  reject?: (e: unknown) => void;
}

interface Waiter {
  resolve: (d: Uint8Array) => void;
  reject: (e: unknown) => void;
}

export class ReliableDatagrams implements AsyncIterable<Uint8Array> {
  readonly transport: DatagramTransport;
  readonly ackTimeoutMs: number;
  readonly maxRetries: number;
  readonly maxInFlight: number;
  readonly maxReceiveQueue: number;
  readonly dedupWindow: number;
  readonly #onGiveUp: ((payload: Uint8Array, sequence: number) => void) | undefined;
  readonly #pending = new Map<number, Pending>();
  readonly #seen = new Set<number>();
  readonly #seenOrder: number[] = [];
  #seenNext = 0;
  #queue: Uint8Array[] = [];
  #waiters: Waiter[] = [];
  #nextSequence = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #closeError: Error | undefined;
  readonly #pumpAbort = new AbortController();
  readonly #stats = { sent: 0, retransmissions: 0, acked: 0, gaveUp: 0, received: 0, duplicates: 0, deferred: 0, invalid: 0 };

  constructor(source: DatagramSource, options: ReliableDatagramsOptions = {}) {
    this.transport = resolveTransport(source);
    this.ackTimeoutMs = options.ackTimeoutMs ?? 1000;
    this.maxRetries = options.maxRetries ?? 3;
    this.maxInFlight = options.maxInFlight ?? 256;
    this.maxReceiveQueue = options.maxReceiveQueue ?? 1024;
    this.dedupWindow = options.dedupWindow ?? 1024;
    this.#onGiveUp = options.onGiveUp;
    void this.#pump();
  }

  get isClosed(): boolean {
    return this.#closeError !== undefined;
  }

  /** Largest payload one send() accepts now. */
  get maxPayloadSize(): number {
    return Math.max(0, this.transport.maxDatagramSize - DATA_HEADER_SIZE);
  }

  get stats(): ReliableDatagramsStats {
    return { ...this.#stats, inFlight: this.#pending.size, queued: this.#queue.length };
  }

  /**
   * Sends one datagram reliably; returns its sequence number. Throws DatagramError when closed,
   * too large, or `maxInFlight` sends are still unacknowledged.
   */
  send(data: StreamData): number {
    return this.#send(asBytes(data), undefined, undefined);
  }

  /** send() that resolves once acknowledged and rejects with OperationTimeoutError when given up. */
  sendAndWait(data: StreamData): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#send(asBytes(data), resolve, reject);
    });
  }

  /** The next delivered datagram; rejects once closed and drained. */
  receive(options: WaitOptions = {}): Promise<Uint8Array> {
    const ready = this.#queue.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.#closeError !== undefined) return Promise.reject(this.#closeError);
    return withTimeout('reliable datagram receive', options, (signal) => new Promise<Uint8Array>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
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
    }));
  }

  /** Stops retransmitting and reading; pending sendAndWait() and receive() calls reject. */
  close(error: Error = new DatagramError('the reliable datagram layer is closed', { reason: 'closed' })): void {
    if (this.#closeError !== undefined) return;
    this.#closeError = error;
    this.#stopTimer();
    this.#pumpAbort.abort(error);
    for (const p of this.#pending.values()) p.reject?.(error);
    this.#pending.clear();
    for (const w of this.#waiters.splice(0)) w.reject(error);
  }

  [Symbol.dispose](): void {
    this.close();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      let d: Uint8Array;
      try {
        d = await this.receive();
      } catch (error) {
        if (this.#closeError !== undefined && error === this.#closeError) return;
        throw error;
      }
      yield d;
    }
  }

  /** @internal Handles one raw datagram from the transport (exposed for the receive pump and tests). */
  handleDatagram(datagram: Uint8Array): void {
    if (this.#closeError !== undefined) return;
    const frame = parseReliableFrame(datagram);
    if (frame === undefined) {
      this.#stats.invalid++;
      return;
    }
    if (frame.kind === 'ack') {
      const p = this.#pending.get(frame.sequence);
      if (p === undefined) return; // late or duplicate ACK
      this.#pending.delete(frame.sequence);
      this.#stats.acked++;
      if (this.#pending.size === 0) this.#stopTimer();
      p.resolve?.();
      return;
    }
    if (this.#seen.has(frame.sequence)) {
      this.#stats.duplicates++;
      this.#ack(frame.sequence); // our earlier ACK may have been lost
      return;
    }
    const waiter = this.#waiters.shift();
    if (waiter === undefined && this.#queue.length >= this.maxReceiveQueue) {
      this.#stats.deferred++;
      return;
    }
    this.#remember(frame.sequence);
    this.#stats.received++;
    this.#ack(frame.sequence);
    if (waiter !== undefined) waiter.resolve(frame.payload);
    else this.#queue.push(frame.payload);
  }

  #send(payload: Uint8Array, resolve: (() => void) | undefined, reject: ((e: unknown) => void) | undefined): number {
    if (this.#closeError !== undefined) throw new DatagramError('the reliable datagram layer is closed', { reason: 'closed', cause: this.#closeError });
    if (payload.length > this.maxPayloadSize) throw datagramTooLarge({ size: payload.length, maxSize: this.maxPayloadSize });
    if (this.#pending.size >= this.maxInFlight) {
      throw new DatagramError(`${this.maxInFlight} reliable datagrams are still unacknowledged`, { datagramSize: payload.length });
    }
    const sequence = this.#nextSequence;
    const frame = encodeData(sequence, payload);
    this.transport.send(frame); // throws DatagramError before anything is recorded
    this.#nextSequence = (sequence + 1) >>> 0;
    const pending: Pending = { frame, payload, sentAt: Date.now(), retries: 0 };
    if (resolve !== undefined) pending.resolve = resolve;
    if (reject !== undefined) pending.reject = reject;
    this.#pending.set(sequence, pending);
    this.#stats.sent++;
    this.#startTimer();
    return sequence;
  }

  #ack(sequence: number): void {
    try {
      this.transport.send(encodeAck(sequence));
    } catch {
      // The peer will resend the DATA and we will ACK again.
    }
  }

  #remember(sequence: number): void {
    if (this.#seenOrder.length < this.dedupWindow) {
      this.#seenOrder.push(sequence);
    } else {
      this.#seen.delete(this.#seenOrder[this.#seenNext]!);
      this.#seenOrder[this.#seenNext] = sequence;
      this.#seenNext = (this.#seenNext + 1) % this.dedupWindow;
    }
    this.#seen.add(sequence);
  }

  #startTimer(): void {
    if (this.#timer !== undefined) return;
    // Ticking at half the timeout resends each datagram between 1x and 1.5x ackTimeoutMs late. Not
    // unref()ed on purpose: it runs only while sends await their ACK, which is bounded in time.
    this.#timer = setInterval(() => this.#retransmit(), Math.max(1, this.ackTimeoutMs / 2));
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #retransmit(): void {
    const now = Date.now();
    for (const [sequence, p] of this.#pending) {
      if (now - p.sentAt < this.ackTimeoutMs) continue;
      if (p.retries >= this.maxRetries) {
        this.#pending.delete(sequence);
        this.#stats.gaveUp++;
        p.reject?.(new OperationTimeoutError(`reliable datagram ${sequence} was not acknowledged after ${p.retries} retries`, {
          operation: 'reliable datagram send', timeoutMs: this.ackTimeoutMs * (this.maxRetries + 1),
        }));
        this.#onGiveUp?.(p.payload, sequence);
        continue;
      }
      p.retries++;
      p.sentAt = now;
      try {
        this.transport.send(p.frame);
        this.#stats.retransmissions++;
      } catch (error) {
        if (this.transport.isClosed) {
          this.close(error instanceof Error ? error : new DatagramError('transport closed', { reason: 'closed' }));
          return;
        }
      }
    }
    if (this.#pending.size === 0) this.#stopTimer();
  }

  async #pump(): Promise<void> {
    const signal = this.#pumpAbort.signal;
    for (;;) {
      let d: Uint8Array;
      try {
        d = this.transport.tryReceive() ?? await this.transport.receive({ signal });
      } catch (error) {
        if (this.#closeError === undefined) {
          this.close(error instanceof SessionClosedError || error instanceof Error ? error : new DatagramError('transport failed', { cause: error }));
        }
        return;
      }
      this.handleDatagram(d);
    }
  }
}
