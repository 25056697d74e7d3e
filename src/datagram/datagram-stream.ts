/**
 * DatagramDuplexStream (pywebtransport WebTransportDatagramDuplexStream) over a session's
 * DatagramChannel: sends go through a bounded priority queue (0..2) with optional TTL and are
 * handed to QUIC in priority order on the next microtask (or at flush()), so a burst of sends in
 * one tick leaves high-priority datagrams first and expired ones are never sent. Receiving uses
 * the channel's own bounded buffer (drops the oldest when full) and adds timeouts, batch reads,
 * JSON and metadata. Counters are kept in `stats` (sent = really handed to QUIC).
 */
import {
  DatagramError, SessionClosedError, datagramTooLarge, type StreamData,
} from '../index.js';
import { DatagramQueue, clampPriority, type DatagramQueueStats } from './datagram-queue.js';
import { DatagramStats, type DatagramStatsSnapshot } from './datagram-stats.js';
import { createHeartbeatDatagram } from './heartbeat.js';
import { asBytes, resolveTransport, withTimeout, type DatagramSource, type DatagramTransport, type WaitOptions } from './transport.js';

export interface DatagramSendOptions {
  /** 0 (default, lowest) .. 2; values outside are clamped. */
  priority?: number;
  /** Drop the datagram instead of sending it once it waited this long (milliseconds). */
  ttlMs?: number;
}

export interface DatagramStreamOptions {
  /** Outgoing queue capacity (default 100, pywebtransport's high_water_mark). */
  outgoingHighWaterMark?: number;
  /** Clock in milliseconds for TTLs and metadata (default Date.now). */
  now?: () => number;
}

export interface ReceivedDatagram {
  data: Uint8Array;
  /** Local receive sequence number, from 0. */
  sequence: number;
  /** Clock time when it was read. */
  receivedAt: number;
}

export class DatagramDuplexStream implements AsyncIterable<Uint8Array> {
  readonly transport: DatagramTransport;
  readonly #queue: DatagramQueue;
  readonly #stats = new DatagramStats();
  readonly #now: () => number;
  #sendSequence = 0;
  #receiveSequence = 0;
  #flushScheduled = false;
  #closed = false;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  readonly #readers = new Set<AbortController>();
  readonly #flushTask = (): void => {
    this.#flushScheduled = false;
    this.flush();
  };

  constructor(source: DatagramSource, options: DatagramStreamOptions = {}) {
    this.transport = resolveTransport(source);
    this.#now = options.now ?? Date.now;
    this.#queue = new DatagramQueue({ maxSize: options.outgoingHighWaterMark ?? 100, now: this.#now });
  }

  get isClosed(): boolean {
    return this.#closed || this.transport.isClosed;
  }

  get maxDatagramSize(): number {
    return this.isClosed ? 0 : this.transport.maxDatagramSize;
  }

  get outgoingHighWaterMark(): number {
    return this.#queue.maxSize;
  }

  /** Sequence number the next send gets. */
  get sendSequence(): number {
    return this.#sendSequence;
  }

  /** Datagrams read so far. */
  get receiveSequence(): number {
    return this.#receiveSequence;
  }

  get sendBufferSize(): number {
    return this.#queue.size;
  }

  get receiveBufferSize(): number {
    return this.transport.receiveBufferSize ?? 0;
  }

  get stats(): DatagramStatsSnapshot {
    return this.#stats.snapshot(this.#queue.size, this.receiveBufferSize);
  }

  get queueStats(): DatagramQueueStats {
    return this.#queue.stats;
  }

  /**
   * Queues one datagram; returns its send sequence number. Throws DatagramError when the stream
   * is closed, the datagram is too large, or the queue refuses it (full of higher priorities, or
   * the TTL already ran out).
   */
  send(data: StreamData, options: DatagramSendOptions = {}): number {
    const payload = asBytes(data);
    if (this.isClosed) {
      this.#stats.sendFailures++;
      throw new DatagramError('the datagram stream is closed', { reason: 'closed', datagramSize: payload.length });
    }
    const max = this.transport.maxDatagramSize;
    if (payload.length > max) {
      this.#stats.sendFailures++;
      throw datagramTooLarge({ size: payload.length, maxSize: max });
    }
    const now = this.#now();
    const sequence = this.#sendSequence;
    const result = this.#queue.put({
      data: payload, priority: clampPriority(options.priority), sequence, enqueuedAt: now,
      expiresAt: options.ttlMs === undefined ? undefined : now + options.ttlMs,
    });
    if (result === 'refused' || result === 'expired') {
      this.#stats.sendDrops++;
      throw new DatagramError('outgoing datagram queue full or datagram expired', { datagramSize: payload.length, details: { result } });
    }
    if (result === 'queued-evicted') this.#stats.sendDrops++;
    this.#sendSequence++;
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      queueMicrotask(this.#flushTask);
    }
    return sequence;
  }

  /** send() that answers false instead of throwing. */
  trySend(data: StreamData, options: DatagramSendOptions = {}): boolean {
    try {
      this.send(data, options);
      return true;
    } catch {
      return false;
    }
  }

  /** Sends each datagram in order, stopping at the first that cannot be queued; returns how many were. */
  sendMultiple(datagrams: Iterable<StreamData>, options: DatagramSendOptions = {}): number {
    let n = 0;
    for (const d of datagrams) {
      if (!this.trySend(d, options)) break;
      n++;
    }
    return n;
  }

  /** Sends a value as compact JSON text. */
  sendJson(value: unknown, options: DatagramSendOptions = {}): number {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (error) {
      throw new DatagramError('value cannot be encoded as JSON', { cause: error });
    }
    if (text === undefined) throw new DatagramError('value cannot be encoded as JSON');
    return this.send(text, options);
  }

  /** Hands every queued datagram to the transport now, highest priority first; returns how many went out. */
  flush(): number {
    let sent = 0;
    const expiredBefore = this.#queue.stats.expired;
    for (let item = this.#queue.take(); item !== undefined; item = this.#queue.take()) {
      try {
        this.transport.send(item.data);
        this.#stats.recordSent(item.data.length);
        sent++;
      } catch (error) {
        this.#stats.sendFailures++;
        if (!(error instanceof DatagramError)) throw error;
      }
    }
    this.#stats.sendDrops += this.#queue.stats.expired - expiredBefore;
    return sent;
  }

  /** The next datagram; OperationTimeoutError after `timeoutMs`, SessionClosedError once closed and drained. */
  async receive(options: WaitOptions = {}): Promise<Uint8Array> {
    return (await this.receiveWithMetadata(options)).data;
  }

  async receiveWithMetadata(options: WaitOptions = {}): Promise<ReceivedDatagram> {
    const ready = this.transport.tryReceive();
    if (ready !== undefined) return this.#received(ready);
    if (this.#closed) throw new DatagramError('the datagram stream is closed', { reason: 'closed' });
    // One controller per waiting read, aborted by the caller's signal or by close().
    const reader = new AbortController();
    const user = options.signal;
    const onAbort = (): void => reader.abort(user!.reason);
    if (user?.aborted) throw user.reason;
    user?.addEventListener('abort', onAbort, { once: true });
    this.#readers.add(reader);
    try {
      const waitOptions: WaitOptions = { signal: reader.signal };
      if (options.timeoutMs !== undefined) waitOptions.timeoutMs = options.timeoutMs;
      const data = await withTimeout('datagram receive', waitOptions, (signal) => this.transport.receive({ signal: signal ?? reader.signal }));
      return this.#received(data);
    } finally {
      this.#readers.delete(reader);
      user?.removeEventListener('abort', onAbort);
    }
  }

  tryReceive(): Uint8Array | undefined {
    const data = this.transport.tryReceive();
    return data === undefined ? undefined : this.#received(data).data;
  }

  /** Waits for one datagram, then takes up to `maxCount - 1` more that are already there. */
  async receiveMultiple(options: WaitOptions & { maxCount?: number } = {}): Promise<Uint8Array[]> {
    const maxCount = options.maxCount ?? 10;
    const out = [await this.receive(options)];
    while (out.length < maxCount) {
      const d = this.tryReceive();
      if (d === undefined) break;
      out.push(d);
    }
    return out;
  }

  /** The next datagram parsed as JSON; DatagramError (datagram consumed) when it is not JSON. */
  async receiveJson(options: WaitOptions = {}): Promise<unknown> {
    const data = await this.receive(options);
    try {
      return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data)) as unknown;
    } catch (error) {
      this.#stats.receiveErrors++;
      throw new DatagramError('received datagram is not valid JSON', { cause: error, datagramSize: data.length });
    }
  }

  /** Sends a heartbeat datagram (priority 1) every `intervalMs`; returns a function that stops it. */
  startHeartbeat(intervalMs = 30_000): () => void {
    this.stopHeartbeat();
    const timer = setInterval(() => {
      if (this.isClosed) this.stopHeartbeat();
      else this.trySend(createHeartbeatDatagram(this.#now()), { priority: 1 });
    }, intervalMs);
    timer.unref?.();
    this.#heartbeat = timer;
    return () => {
      if (this.#heartbeat === timer) this.stopHeartbeat();
    };
  }

  stopHeartbeat(): void {
    if (this.#heartbeat !== undefined) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }

  /** Drops queued outgoing datagrams; returns how many. */
  clearSendBuffer(): number {
    return this.#queue.clear();
  }

  /** Drops received datagrams not read yet; returns how many. */
  clearReceiveBuffer(): number {
    return this.transport.clearReceiveBuffer?.() ?? 0;
  }

  /** Human-readable problems (pywebtransport diagnose_issues); empty when healthy. */
  diagnose(): string[] {
    const s = this.stats;
    const issues: string[] = [];
    if (this.isClosed) issues.push('datagram stream is closed');
    if (s.datagramsSent + s.sendFailures + s.sendDrops >= 10 && s.sendSuccessRate < 0.9) {
      issues.push(`low send success rate: ${(s.sendSuccessRate * 100).toFixed(1)}%`);
    }
    if (this.#queue.size > 0.9 * this.#queue.maxSize) issues.push(`send queue nearly full: ${this.#queue.size}/${this.#queue.maxSize}`);
    return issues;
  }

  /**
   * Stops this stream (not the session): queued sends are dropped, later sends fail, waiting
   * reads reject with DatagramError('closed') and iteration ends.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.stopHeartbeat();
    this.#queue.clear();
    const error = new DatagramError('the datagram stream is closed', { reason: 'closed' });
    for (const reader of this.#readers) reader.abort(error);
  }

  [Symbol.dispose](): void {
    this.close();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    while (!this.#closed) {
      let d: Uint8Array;
      try {
        d = await this.receive();
      } catch (error) {
        if (error instanceof SessionClosedError || this.#closed) return;
        throw error;
      }
      yield d;
    }
  }

  #received(data: Uint8Array): ReceivedDatagram {
    this.#stats.recordReceived(data.length);
    return { data, sequence: this.#receiveSequence++, receivedAt: this.#now() };
  }
}
