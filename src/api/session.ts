/**
 * WebTransportSession: one WebTransport session (a CONNECT stream) on a shared QUIC connection.
 * It turns the engine's events for its session id into stream objects, datagrams and the
 * closed/draining promises, and its commands into engine calls (architecture §1.5).
 */
import { SessionState, StreamState } from './constants.js';
import {
  OperationTimeoutError, SessionClosedError, SessionError, SessionRejectedError, StreamError, type ConnectionError,
} from './errors.js';
import { EventEmitter, type SessionEventMap } from './events.js';
import type { WtEvent } from '../proto/webtransport/events.js';
import type { WtHeaderList } from '../proto/webtransport/h3-like.js';
import type { SocketAddress } from '../runtime/proto-types.js';
import { WebTransportStream } from './bidirectional-stream.js';
import { DatagramChannel } from './datagrams.js';
import { WebTransportReceiveStream } from './receive-stream.js';
import { WebTransportSendStream } from './send-stream.js';
import { DEFAULT_STREAM_SETTINGS, STREAM_KEY, type StreamOps, type StreamSettings } from './streams.js';
import type { WtConnectionHost, WtSessionTarget } from './wt-driver.js';
import {
  StructuredDatagrams, StructuredStream, type CreateStructuredStreamOptions, type StructuredDatagramsOptions,
} from './structured/index.js';
import { resolveMaxMessageSize } from './structured/structured-stream.js';

export interface SessionCloseInfo {
  /** Application close code (u32); 0 when the session ended without one. */
  readonly code: number;
  readonly reason: string;
  /** True when the peer closed the session (or the connection went away). */
  readonly remote: boolean;
  /** Set when the session ended because its QUIC connection closed (idle timeout, peer gone...): why. */
  readonly connectionError?: ConnectionError;
}

export interface CreateStreamOptions {
  /** Give up waiting for stream credit after this long (default: the config's streamCreationTimeoutMs). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type IncomingStream = WebTransportStream | WebTransportReceiveStream;

/** @internal */
export interface SessionInit {
  readonly host: WtConnectionHost;
  readonly sessionId: number;
  readonly isClient: boolean;
  /** Path and query of the CONNECT request. */
  readonly path: string;
  /** Request headers (server) or response headers once ready (client: request headers until then). */
  readonly headers: WtHeaderList;
  readonly connected: boolean;
  readonly streamSettings?: Partial<StreamSettings>;
  readonly streamCreationTimeoutMs?: number;
  readonly datagramHighWaterMark?: number;
  /**
   * Locally opened streams open at once (config maxStreams / maxStreamsPerConnection): past it,
   * creation waits for one to finish, like for peer credit (`timeoutMs: 0` fails at once).
   */
  readonly maxLocalStreams?: number;
  /** Peer streams waiting to be accepted (config maxIncomingStreams): more are refused with a reset. */
  readonly maxIncomingStreams?: number;
  /** Largest datagram payload send() takes (config maxDatagramSize), below what the path allows. */
  readonly maxDatagramSize?: number;
  readonly onClosed?: (session: WebTransportSession) => void;
}

/** Application error code on peer streams refused because the accept queue is full. */
export const INCOMING_STREAM_REFUSED_CODE = 0x1003;

export const SESSION_KEY: unique symbol = Symbol('tswebtransport.session');

/** Several consumers take from one list of arrivals: each stream goes to exactly one of them. */
class IncomingQueue {
  readonly #items: IncomingStream[] = [];
  readonly #waiters: { accept: (s: IncomingStream) => boolean; resolve: (r: IteratorResult<IncomingStream>) => void }[] = [];
  #ended = false;

  push(s: IncomingStream): void {
    const i = this.#waiters.findIndex((w) => w.accept(s));
    if (i >= 0) this.#waiters.splice(i, 1)[0]!.resolve({ value: s, done: false });
    else this.#items.push(s);
  }

  end(): void {
    this.#ended = true;
    for (const w of this.#waiters.splice(0)) w.resolve({ value: undefined, done: true });
  }

  /** Streams waiting for a consumer. */
  get size(): number {
    return this.#items.length;
  }

  next(accept: (s: IncomingStream) => boolean): Promise<IteratorResult<IncomingStream>> {
    const i = this.#items.findIndex(accept);
    if (i >= 0) return Promise.resolve({ value: this.#items.splice(i, 1)[0]!, done: false });
    if (this.#ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.#waiters.push({ accept, resolve }));
  }

  iterable<T extends IncomingStream>(accept: (s: IncomingStream) => boolean): AsyncIterable<T> {
    return { [Symbol.asyncIterator]: () => ({ next: () => this.next(accept) as Promise<IteratorResult<T>> }) };
  }
}

const isBidi = (s: IncomingStream): boolean => s instanceof WebTransportStream;
const isUni = (s: IncomingStream): boolean => !(s instanceof WebTransportStream);
const any = (): boolean => true;

type AnyStream = WebTransportStream | WebTransportSendStream | WebTransportReceiveStream;
const NO_STREAMS: Map<number, AnyStream> = new Map();

function headerRecord(list: WtHeaderList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, v] of list) out[n] = out[n] === undefined ? v : `${out[n]}, ${v}`;
  return out;
}

export class WebTransportSession implements WtSessionTarget, AsyncDisposable {
  readonly sessionId: number;
  readonly isClient: boolean;
  /** Path and query of the CONNECT request. */
  readonly path: string;
  readonly datagrams: DatagramChannel;
  /** Resolves once, when the session is closed by either side; never rejects. */
  readonly closed: Promise<SessionCloseInfo>;
  /** Resolves when the peer asks to wind down (drain / GOAWAY), or at close. */
  readonly draining: Promise<void>;
  /** Resolves once the session is established (client: 2xx received). */
  readonly ready: Promise<void>;
  // Created on first access: most sessions never subscribe, and an idle one should not pay for it.
  #events: EventEmitter<SessionEventMap> | undefined;
  #incomingBidi: AsyncIterable<WebTransportStream> | undefined;
  #incomingUni: AsyncIterable<WebTransportReceiveStream> | undefined;
  readonly #host: WtConnectionHost;
  readonly #ops: StreamOps;
  readonly #settings: StreamSettings;
  readonly #creationTimeoutMs: number;
  readonly #maxLocalStreams: number;
  readonly #maxIncomingStreams: number;
  #localOpen = 0;
  /** The shared empty map until the first stream (idle sessions have none): only ever read. */
  #streams: Map<number, AnyStream> = NO_STREAMS;
  readonly #incoming = new IncomingQueue();
  readonly #openWaiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  readonly #onClosed: ((session: WebTransportSession) => void) | undefined;
  #headers: Record<string, string>;
  #state: SessionState;
  #closeInfo: SessionCloseInfo | undefined;
  #closeError: SessionClosedError | undefined;
  #resolveClosed!: (info: SessionCloseInfo) => void;
  #resolveDraining!: () => void;
  #resolveReady!: () => void;
  #rejectReady!: (e: unknown) => void;
  readonly #counters = { streamsCreated: 0, streamsAccepted: 0, bidirectional: 0, unidirectional: 0, streamsClosed: 0 };
  readonly createdAt = Date.now();
  #readyAt: number | null = null;
  #closedAt: number | null = null;

  /** @internal Sessions come from WebTransportClient.connect() and SessionRequest.accept(). */
  constructor(key: symbol, init: SessionInit) {
    if (key !== SESSION_KEY) throw new TypeError('Illegal constructor: use WebTransportClient.connect() or SessionRequest.accept()');
    this.#host = init.host;
    this.sessionId = init.sessionId;
    this.isClient = init.isClient;
    this.path = init.path;
    this.#headers = headerRecord(init.headers);
    this.#state = init.connected ? SessionState.CONNECTED : SessionState.CONNECTING;
    this.#settings = { ...DEFAULT_STREAM_SETTINGS, ...init.streamSettings };
    this.#creationTimeoutMs = init.streamCreationTimeoutMs ?? 10_000;
    this.#maxLocalStreams = init.maxLocalStreams ?? Infinity;
    this.#maxIncomingStreams = init.maxIncomingStreams ?? Infinity;
    this.#onClosed = init.onClosed;
    const host = init.host;
    this.#ops = {
      read: (id, max) => host.engine.readStream(id, max),
      write: (id, data, fin) => host.engine.writeStream(id, data, fin),
      reset: (id, code) => host.engine.resetStream(id, code),
      stop: (id, code) => host.engine.stopSending(id, code),
      wake: () => host.afterCommand(),
    };
    const id = this.sessionId;
    const datagramCap = init.maxDatagramSize ?? Infinity;
    this.datagrams = new DatagramChannel(id, {
      send: (payload) => (payload.length > datagramCap ? 'too-large' : host.engine.sendDatagram(id, payload)),
      maxSize: () => Math.min(datagramCap, host.engine.maxDatagramSize(id)),
      wake: () => host.afterCommand(),
    }, init.datagramHighWaterMark);
    this.closed = new Promise((resolve) => { this.#resolveClosed = resolve; });
    this.draining = new Promise((resolve) => { this.#resolveDraining = resolve; });
    this.ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.ready.catch(() => {});
    if (init.connected) {
      this.#readyAt = this.createdAt;
      this.#resolveReady();
    }
    host.register(id, this);
  }

  /** Session lifecycle events (pywebtransport EventEmitter): sessionReady, sessionDraining, sessionClosed, streamOpened. */
  get events(): EventEmitter<SessionEventMap> {
    return (this.#events ??= new EventEmitter<SessionEventMap>());
  }

  get incomingBidirectionalStreams(): AsyncIterable<WebTransportStream> {
    return (this.#incomingBidi ??= this.#incoming.iterable<WebTransportStream>(isBidi));
  }

  get incomingUnidirectionalStreams(): AsyncIterable<WebTransportReceiveStream> {
    return (this.#incomingUni ??= this.#incoming.iterable<WebTransportReceiveStream>(isUni));
  }

  get state(): SessionState {
    return this.#state;
  }

  get isReady(): boolean {
    return this.#state === SessionState.CONNECTED || this.#state === SessionState.DRAINING;
  }

  get isClosed(): boolean {
    return this.#state === SessionState.CLOSED;
  }

  /** Server: the request headers; client: the response headers once ready. */
  get headers(): Readonly<Record<string, string>> {
    return { ...this.#headers };
  }

  get remoteAddress(): SocketAddress {
    return this.#host.remoteAddress;
  }

  /** The negotiated WebTransport draft ('draft02', 'draft15'...). */
  get draft(): string | undefined {
    return this.#host.engine.profile?.draft;
  }

  /** Close info once closed. */
  get closeInfo(): SessionCloseInfo | undefined {
    return this.#closeInfo;
  }

  /** Every stream of this session (peer and local) and datagrams: `for await`. */
  incomingStreams(): AsyncIterable<IncomingStream> {
    return this.#incoming.iterable<IncomingStream>(any);
  }

  createBidirectionalStream(options: CreateStreamOptions = {}): Promise<WebTransportStream> {
    return this.#openStream('bidi', options) as Promise<WebTransportStream>;
  }

  createUnidirectionalStream(options: CreateStreamOptions = {}): Promise<WebTransportSendStream> {
    return this.#openStream('uni', options) as Promise<WebTransportSendStream>;
  }

  /**
   * Opens a bidirectional stream carrying typed messages (pywebtransport
   * `create_structured_stream(serializer, registry, timeout)`). Streams the peer opens are
   * wrapped with `new StructuredStream(stream, options)`.
   */
  async createStructuredStream<K>(options: CreateStructuredStreamOptions<K>): Promise<StructuredStream<K>> {
    const { timeoutMs, signal, ...structured } = options;
    // Checked before opening, so a bad option does not leave a stream behind.
    resolveMaxMessageSize(structured);
    const stream = await this.createBidirectionalStream({
      ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(signal !== undefined ? { signal } : {}),
    });
    return new StructuredStream(stream, structured);
  }

  /** Typed messages over this session's datagrams (pywebtransport `create_structured_datagram_stream`). */
  createStructuredDatagrams<K>(options: StructuredDatagramsOptions<K>): StructuredDatagrams<K> {
    return new StructuredDatagrams(this.datagrams, options);
  }

  /** Asks the peer to wind the session down (WT_DRAIN_SESSION). */
  drain(): void {
    if (!this.isReady) return;
    this.#host.command((e) => e.drainSession(this.sessionId));
  }

  /**
   * Closes the session with an application code (u32) and reason: WT_CLOSE_SESSION, then every
   * stream is reset. Resolves with the close info (the peer's, if it closed first).
   */
  async close(options: { code?: number; reason?: string } = {}): Promise<SessionCloseInfo> {
    if (this.#closeInfo === undefined && this.#state !== SessionState.CLOSING) {
      this.#state = SessionState.CLOSING;
      try {
        this.#host.command((e) => e.closeSession(this.sessionId, options.code ?? 0, options.reason ?? ''));
      } catch (error) {
        if (error instanceof RangeError) {
          this.#state = this.#readyAt !== null ? SessionState.CONNECTED : SessionState.CONNECTING;
          throw error;
        }
        // The engine forgot the session already: finish locally.
        this.#finish({ code: options.code ?? 0, reason: options.reason ?? '', remote: false });
      }
    }
    return this.closed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Counters of this session plus its connection's transport stats. */
  stats(): Record<string, unknown> {
    const conn = this.#host.isClosed ? undefined : this.#host.proto.stats();
    const c = this.#counters;
    return {
      sessionId: this.sessionId,
      state: this.#state,
      createdAt: this.createdAt,
      readyAt: this.#readyAt,
      closedAt: this.#closedAt,
      uptimeMs: (this.#closedAt ?? Date.now()) - this.createdAt,
      streamsCreated: c.streamsCreated,
      streamsAccepted: c.streamsAccepted,
      streamsClosed: c.streamsClosed,
      bidirectionalStreams: c.bidirectional,
      unidirectionalStreams: c.unidirectional,
      activeStreams: this.#streams.size,
      datagrams: this.datagrams.stats,
      flowControl: this.#host.engine.sessionFlowStats(this.sessionId),
      connection: conn === undefined ? undefined : {
        smoothedRttMs: conn.smoothedRttMicros / 1000,
        minRttMs: conn.minRttMicros / 1000,
        congestionWindow: conn.congestionWindow,
        bytesInFlight: conn.bytesInFlight,
        bytesSent: conn.bytesSent,
        bytesReceived: conn.bytesReceived,
        packetsSent: conn.packetsSent,
        packetsReceived: conn.packetsReceived,
        packetsLost: conn.packetsLost,
      },
    };
  }

  /** Issues worth a look (pywebtransport diagnose_issues). */
  diagnoseIssues(): string[] {
    const issues: string[] = [];
    if (this.#state === SessionState.CONNECTING && Date.now() - this.createdAt > 30_000) issues.push('session stuck connecting');
    if (this.#host.isClosed && !this.isClosed) issues.push('connection is closed');
    if (this.datagrams.receiveBufferSize > 100) issues.push(`${this.datagrams.receiveBufferSize} datagrams waiting to be read`);
    if (this.#readyAt !== null && this.#streams.size === 0 && Date.now() - this.#readyAt > 3_600_000) issues.push('no streams for over an hour');
    return issues;
  }

  /** @internal */
  handleWtEvent(ev: WtEvent): void {
    switch (ev.type) {
      case 'sessionReady':
        if (this.#readyAt === null) {
          this.#readyAt = Date.now();
          if (this.isClient) this.#headers = headerRecord(ev.headers);
          if (this.#state === SessionState.CONNECTING) this.#state = SessionState.CONNECTED;
          this.#resolveReady();
          this.#events?.emit('sessionReady', { sessionId: this.sessionId, path: this.path });
        }
        return;
      case 'sessionRejected': {
        const error = ev.status !== undefined
          ? new SessionRejectedError(`the server rejected the session with status ${ev.status}`, { sessionId: this.sessionId, status: ev.status, headers: headerRecord(ev.headers) })
          : new SessionError('the session request was refused or the connection closed', { sessionId: this.sessionId, remote: true, cause: this.#host.closeError });
        this.#rejectReady(error);
        this.#finish({ code: 0, reason: error.message, remote: true });
        return;
      }
      case 'streamOpened':
        this.#onPeerStream(ev.streamId, ev.direction);
        return;
      case 'streamReadable': {
        const s = this.#streams.get(ev.streamId);
        if (s instanceof WebTransportReceiveStream) s.receiveSide.pump();
        return;
      }
      case 'streamWritable':
        this.#sendSideOf(ev.streamId)?.onWritable();
        return;
      case 'sessionWritable':
        for (const id of this.#streams.keys()) this.#sendSideOf(id)?.onWritable();
        return;
      case 'streamReset': {
        const s = this.#streams.get(ev.streamId);
        if (s instanceof WebTransportReceiveStream) s.receiveSide.onReset(ev.code ?? ev.h3Code);
        return;
      }
      case 'streamStopped':
        this.#sendSideOf(ev.streamId)?.onStopped(ev.code ?? ev.h3Code);
        return;
      case 'streamsAvailable':
        for (const w of this.#openWaiters.splice(0)) w.resolve();
        return;
      case 'datagram':
        this.datagrams.push(ev.payload);
        return;
      case 'sessionDraining':
        if (this.#state === SessionState.CONNECTED) this.#state = SessionState.DRAINING;
        this.#resolveDraining();
        this.#events?.emit('sessionDraining', { sessionId: this.sessionId });
        return;
      case 'sessionClosed':
        this.#finish({ code: ev.code, reason: ev.reason, remote: ev.remote });
        return;
      default:
        return;
    }
  }

  #sendSideOf(id: number): WebTransportSendStream['sendSide'] | undefined {
    const s = this.#streams.get(id);
    if (s instanceof WebTransportStream) return s.sendSide;
    if (s instanceof WebTransportSendStream) return s.sendSide;
    return undefined;
  }

  #trackStream(id: number, s: AnyStream): void {
    if (this.#streams === NO_STREAMS) this.#streams = new Map();
    this.#streams.set(id, s);
  }

  #newStream<T>(Ctor: new (key: symbol, init: ConstructorParameters<typeof WebTransportStream>[1]) => T, id: number): T {
    return new Ctor(STREAM_KEY, {
      streamId: id, sessionId: this.sessionId, ops: this.#ops, settings: this.#settings,
      onFinished: (sid) => {
        if (!this.#streams.delete(sid)) return;
        this.#counters.streamsClosed++;
        if (this.#isLocal(sid)) {
          this.#localOpen--;
          for (const w of this.#openWaiters.splice(0)) w.resolve();
        }
      },
    });
  }

  /** Client-initiated stream ids are even (RFC 9000 §2.1). */
  #isLocal(id: number): boolean {
    return (id % 2 === 0) === this.isClient;
  }

  #onPeerStream(id: number, direction: 'bidi' | 'uni'): void {
    if (this.#streams.has(id) || this.#closeInfo !== undefined) return;
    if (this.#incoming.size >= this.#maxIncomingStreams) {
      // The accept queue is full: refuse the stream rather than let it grow without bound.
      try {
        this.#ops.stop(id, INCOMING_STREAM_REFUSED_CODE);
        if (direction === 'bidi') this.#ops.reset(id, INCOMING_STREAM_REFUSED_CODE);
      } catch {
        // Already gone.
      }
      this.#ops.wake();
      return;
    }
    const s = direction === 'bidi' ? this.#newStream(WebTransportStream, id) : this.#newStream(WebTransportReceiveStream, id);
    this.#trackStream(id, s);
    this.#counters.streamsAccepted++;
    if (direction === 'bidi') this.#counters.bidirectional++;
    else this.#counters.unidirectional++;
    this.#incoming.push(s);
    this.#events?.emit('streamOpened', { streamId: id, sessionId: this.sessionId, direction: s.direction });
  }

  async #openStream(direction: 'bidi' | 'uni', options: CreateStreamOptions): Promise<WebTransportStream | WebTransportSendStream> {
    options.signal?.throwIfAborted();
    const timeoutMs = options.timeoutMs ?? this.#creationTimeoutMs;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    let onAbort: (() => void) | undefined;
    try {
      for (;;) {
        if (this.#closeInfo !== undefined || this.#state === SessionState.CLOSING) {
          throw this.#closeError ?? new SessionClosedError('the session is closing', { sessionId: this.sessionId, sessionState: this.#state });
        }
        if (this.#state === SessionState.CONNECTING) await this.ready;
        // Our own cap (maxStreams) is met like the peer's credit: wait for a stream to finish.
        const limited = this.#localOpen >= this.#maxLocalStreams;
        const id = limited ? undefined : this.#host.command((e) => e.openStream(this.sessionId, direction));
        if (id !== undefined) {
          this.#localOpen++;
          const s = direction === 'bidi' ? this.#newStream(WebTransportStream, id) : this.#newStream(WebTransportSendStream, id);
          this.#trackStream(id, s);
          this.#counters.streamsCreated++;
          if (direction === 'bidi') this.#counters.bidirectional++;
          else this.#counters.unidirectional++;
          return s;
        }
        // Blocked by the peer's stream limit or maxStreams: wait for credit, the deadline or the signal.
        await new Promise<void>((resolve, reject) => {
          const waiter = { resolve, reject };
          this.#openWaiters.push(waiter);
          if (deadline === undefined && Number.isFinite(timeoutMs)) {
            deadline = setTimeout(() => {
              timedOut = true;
              for (const w of this.#openWaiters.splice(0)) w.resolve();
            }, timeoutMs);
          }
          if (options.signal !== undefined && onAbort === undefined) {
            onAbort = () => { for (const w of this.#openWaiters.splice(0)) w.resolve(); };
            options.signal.addEventListener('abort', onAbort, { once: true });
          }
        });
        options.signal?.throwIfAborted();
        if (timedOut) {
          throw new OperationTimeoutError(limited
            ? `stream limit (${this.#maxLocalStreams}) reached: no stream finished within ${timeoutMs} ms`
            : `no ${direction} stream credit within ${timeoutMs} ms`, { timeoutMs, operation: 'createStream' });
        }
      }
    } catch (error) {
      if (error instanceof SessionClosedError || error instanceof OperationTimeoutError) throw error;
      if (options.signal?.aborted) throw options.signal.reason;
      throw error instanceof Error && error.name !== 'SessionRejectedError' && !(error instanceof SessionError)
        ? new StreamError(`cannot create a ${direction} stream: ${error.message}`, { cause: error })
        : error;
    } finally {
      clearTimeout(deadline);
      if (onAbort !== undefined) options.signal?.removeEventListener('abort', onAbort);
    }
  }

  #finish(closeInfo: SessionCloseInfo): void {
    if (this.#closeInfo !== undefined) return;
    const lost = this.#host.closeError;
    const info = lost === undefined ? closeInfo : { ...closeInfo, connectionError: lost };
    this.#closeInfo = info;
    this.#state = SessionState.CLOSED;
    this.#closedAt = Date.now();
    const error = new SessionClosedError(`session ${this.sessionId} closed${info.remote ? ' by the peer' : ''} with code ${info.code}${info.reason ? `: ${info.reason}` : ''}`, {
      sessionId: this.sessionId, closeCode: info.code, reason: info.reason, remote: info.remote, cause: this.#host.closeError,
    });
    this.#closeError = error;
    this.#rejectReady(error);
    const side = info.remote ? 'remoteAbort' : 'localAbort';
    for (const s of [...this.#streams.values()]) {
      const streamError = new StreamError(`stream ${s.streamId} ended with its session`, { streamId: s.streamId, remote: info.remote, cause: error });
      if (s instanceof WebTransportReceiveStream) s.receiveSide.onSessionClosed(streamError, side);
      this.#sendSideOf(s.streamId)?.fail(streamError, side);
    }
    this.#incoming.end();
    this.datagrams.close(error);
    for (const w of this.#openWaiters.splice(0)) w.reject(error);
    this.#host.unregister(this.sessionId);
    this.#resolveDraining();
    this.#resolveClosed(info);
    this.#events?.emit('sessionClosed', { sessionId: this.sessionId, code: info.code, reason: info.reason, remote: info.remote });
    this.#onClosed?.(this);
  }
}

export { StreamState };
