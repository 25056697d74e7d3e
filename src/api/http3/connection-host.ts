/**
 * The driver's event handler for one HTTP/3 connection, shared by client and server: QUIC events
 * go into H3Connection.handleQuicEvent, then H3 events are drained to the stream handles. No user
 * code runs here: handles resolve Promises, whose continuations run as microtasks.
 */
import { H3Connection, type H3ConnectionOptions } from '../../proto/h3/connection.js';
import { H3ErrorCode, h3ErrorName } from '../../proto/h3/errors.js';
import type { H3Event } from '../../proto/h3/events.js';
import type { Header } from '../../proto/h3/qpack/index.js';
import type { ConnectionEventHandler } from '../../runtime/endpoint-driver.js';
import type { CloseInfo, ConnectionEvent, KeyLogSink, ProtoConnection } from '../../runtime/proto-types.js';
import type { Micros } from '../../proto/util/time.js';
import { codeNumber, Http3ConnectionError, Http3StreamError } from './errors.js';
import { StreamHandle, type StreamHost } from './stream-handle.js';

/** The driver as a host needs it. */
export interface HostDriver {
  wake(): void;
  now(): Micros;
}

export interface ConnectionHostOptions {
  keyLog?: KeyLogSink | undefined;
  h3?: Partial<H3ConnectionOptions>;
  /** Server: a request's headers arrived on a new stream. */
  onRequest?: (stream: StreamHandle, headers: Header[]) => void;
}

export class Http3ConnectionHost implements ConnectionEventHandler, StreamHost {
  readonly proto: ProtoConnection;
  readonly h3: H3Connection;
  /** Settles once the TLS handshake completed (rejects when the connection closes first). */
  readonly established: Promise<void>;
  /** Resolves when the connection is closed, by either side. */
  readonly closed: Promise<CloseInfo>;
  readonly #driver: HostDriver;
  readonly #keyLog: KeyLogSink | undefined;
  readonly #onRequest: ((stream: StreamHandle, headers: Header[]) => void) | undefined;
  readonly #streams = new Map<number, StreamHandle>();
  /** Request streams QUIC still holds (until 'streamClosed': both sides done, our data acknowledged). */
  readonly #live = new Set<number>();
  #bidiWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  #idleWaiters: (() => void)[] = [];
  #goawayWaiters: ((id: number) => void)[] = [];
  #resolveEstablished!: () => void;
  #rejectEstablished!: (e: Error) => void;
  #resolveClosed!: (info: CloseInfo) => void;
  #handshakeDone = false;
  #quicClose: CloseInfo | undefined;
  #closeError: Http3ConnectionError | undefined;
  /** Why we closed the connection for a peer protocol error, if we did. */
  #protocolError: { code: number; reason: string } | undefined;
  /** The GOAWAY id the peer sent. */
  goawayId: number | undefined;

  constructor(driver: HostDriver, proto: ProtoConnection, options: ConnectionHostOptions & { isServer: boolean }) {
    this.#driver = driver;
    this.proto = proto;
    this.#keyLog = options.keyLog;
    this.#onRequest = options.onRequest;
    this.h3 = new H3Connection(proto, { ...options.h3, isServer: options.isServer });
    this.established = new Promise((resolve, reject) => {
      this.#resolveEstablished = resolve;
      this.#rejectEstablished = reject;
    });
    this.established.catch(() => {});
    this.closed = new Promise((resolve) => { this.#resolveClosed = resolve; });
  }

  get isClosed(): boolean {
    return this.#closeError !== undefined;
  }

  /** Request streams still in use (not finished both ways, or our data not yet acknowledged). */
  get activeStreams(): number {
    return this.#live.size;
  }

  wake(): void {
    this.#driver.wake();
  }

  release(id: number): void {
    this.#streams.delete(id);
  }

  /** Resolves once no request stream is active and all we sent was acknowledged (or the connection closed). */
  whenIdle(): Promise<void> {
    if (this.#live.size === 0 || this.isClosed) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Resolves with the peer's GOAWAY id when it arrives. */
  whenGoaway(): Promise<number> {
    if (this.goawayId !== undefined) return Promise.resolve(this.goawayId);
    return new Promise((resolve) => this.#goawayWaiters.push(resolve));
  }

  /**
   * Client: opens a request stream with `headers` (waiting while the peer's MAX_STREAMS is
   * reached). endStream sends the FIN with the headers.
   */
  async openRequest(headers: Header[], endStream: boolean): Promise<StreamHandle> {
    for (;;) {
      if (this.#closeError) throw this.#closeError;
      if (this.goawayId !== undefined) throw new Http3ConnectionError('the server sent GOAWAY: no new requests on this connection', H3ErrorCode.H3_REQUEST_REJECTED, true);
      const id = this.h3.sendRequest(headers, { endStream });
      if (id !== undefined) {
        const stream = new StreamHandle(this, id);
        this.#streams.set(id, stream);
        this.#live.add(id);
        if (endStream) stream.end();
        this.wake();
        return stream;
      }
      await new Promise<void>((resolve, reject) => this.#bidiWaiters.push({ resolve, reject }));
    }
  }

  /** Graceful shutdown step 1 (RFC 9114 §5.2): GOAWAY. */
  sendGoaway(): void {
    if (this.isClosed) return;
    this.h3.sendGoaway();
    this.wake();
  }

  /** Closes the connection (H3_NO_ERROR unless told otherwise). */
  close(code: number = H3ErrorCode.H3_NO_ERROR, reason = ''): void {
    if (this.isClosed) return;
    this.h3.close(code, reason, this.#driver.now());
    this.wake();
  }

  onConnectionEvent(event: ConnectionEvent): void {
    if (event.type === 'keyLog') {
      this.#keyLog?.(event.label, event.clientRandom, event.secret);
      return;
    }
    if (event.type === 'closed') this.#quicClose = event.info;
    if (event.type === 'streamClosed' && this.#live.delete(event.streamId) && this.#live.size === 0) {
      for (const w of this.#idleWaiters.splice(0)) w();
    }
    if (event.type === 'handshakeCompleted') {
      this.#handshakeDone = true;
      this.#resolveEstablished();
    }
    this.h3.handleQuicEvent(event, this.#driver.now());
    for (let ev = this.h3.pollEvent(); ev !== undefined; ev = this.h3.pollEvent()) this.#dispatch(ev);
  }

  #dispatch(ev: H3Event): void {
    switch (ev.type) {
      case 'headers': {
        if (ev.status !== undefined && ev.status < 200) return; // interim responses are not surfaced
        const known = this.#streams.get(ev.streamId);
        if (known !== undefined) {
          known.onResponseHeaders?.(ev.headers, ev.status ?? 0);
          known.onResponseHeaders = undefined;
          known.onFailure = undefined;
          return;
        }
        if (!this.h3.isServer || this.#onRequest === undefined) return;
        const stream = new StreamHandle(this, ev.streamId);
        this.#streams.set(ev.streamId, stream);
        this.#live.add(ev.streamId);
        this.#onRequest(stream, ev.headers);
        return;
      }
      case 'data':
        this.#streams.get(ev.streamId)?.onData();
        return;
      case 'trailers': {
        const s = this.#streams.get(ev.streamId);
        if (s !== undefined) s.trailers = ev.headers;
        return;
      }
      case 'requestFinished':
        this.#streams.get(ev.streamId)?.onFinished();
        return;
      case 'streamReset':
        this.#streams.get(ev.streamId)?.failReceive(new Http3StreamError('reset', codeNumber(ev.code)));
        return;
      case 'streamStopped':
        this.#streams.get(ev.streamId)?.failSend(new Http3StreamError('stopped', codeNumber(ev.code)));
        return;
      case 'streamError': {
        const s = this.#streams.get(ev.streamId);
        if (s === undefined) return;
        const error = new Http3StreamError('protocol', ev.code, ev.reason);
        s.failReceive(error);
        s.failSend(error);
        return;
      }
      case 'streamWritable':
        this.#streams.get(ev.streamId)?.onWritable();
        return;
      case 'streamsAvailable':
        if (ev.direction === 'bidi') for (const w of this.#bidiWaiters.splice(0)) w.resolve();
        return;
      case 'goaway':
        this.goawayId = ev.id;
        for (const w of this.#goawayWaiters.splice(0)) w(ev.id);
        return;
      case 'connectionError':
        this.#protocolError = { code: ev.code, reason: ev.reason };
        return;
      case 'closed':
        this.#onClosed(ev);
        return;
      default:
        return; // settings, capsules, datagrams, WebTransport streams: not used by plain HTTP/3
    }
  }

  #onClosed(ev: Extract<H3Event, { type: 'closed' }>): void {
    if (this.#closeError) return;
    const code = codeNumber(ev.code);
    const why = this.#protocolError !== undefined
      ? `closed for a protocol error: ${h3ErrorName(this.#protocolError.code)} ${this.#protocolError.reason}`
      : `connection closed by the ${ev.remote ? 'peer' : 'local side'} with ${h3ErrorName(code)}${ev.reason ? ` (${ev.reason})` : ''}`;
    const error = new Http3ConnectionError(why, code, ev.remote);
    this.#closeError = error;
    for (const s of this.#streams.values()) {
      s.failReceive(error);
      s.failSend(error);
    }
    this.#streams.clear();
    this.#live.clear();
    for (const w of this.#bidiWaiters.splice(0)) w.reject(error);
    for (const w of this.#idleWaiters.splice(0)) w();
    if (!this.#handshakeDone) this.#rejectEstablished(error);
    this.#resolveClosed(this.#quicClose ?? { code: ev.code, reason: ev.reason, remote: ev.remote, application: true, kind: 'close' });
  }
}
