/**
 * A QUIC connection as Promises and async iterables over one proto Connection. It is the
 * driver's event handler for that connection: events resolve waiters; bytes are pulled lazily.
 */
import type { Micros } from '../proto/util/time.js';
import { AsyncQueue } from './async-queue.js';
import type { ConnectionEventHandler } from './endpoint-driver.js';
import { QuicConnectionError, QuicDatagramError, toErrorCode } from './errors.js';
import type {
  CloseInfo, ConnectionEvent, KeyLogSink, ProtoConnection, ProtoConnectionStats, SocketAddress, StreamDirection,
} from './proto-types.js';
import { QuicStream, type StreamHost } from './quic-stream.js';

/** What a connection needs from the driver that owns its socket. */
export interface ConnectionDriver {
  wake(): void;
  now(): Micros;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class QuicConnection implements ConnectionEventHandler, StreamHost, AsyncDisposable {
  readonly proto: ProtoConnection;
  /** Settles when the handshake completes (rejects with QuicConnectionError if it closes first). */
  readonly established: Promise<void>;
  /** Resolves when the connection is closed, whoever closed it. */
  readonly closed: Promise<CloseInfo>;
  readonly incomingStreams: AsyncIterable<QuicStream>;
  readonly #driver: ConnectionDriver;
  readonly #keyLog: KeyLogSink | undefined;
  readonly #streams = new Map<number, QuicStream>();
  readonly #incoming = new AsyncQueue<QuicStream>();
  readonly #openWaiters: Record<StreamDirection, Waiter[]> = { bidi: [], uni: [] };
  readonly #datagramWaiters: ((d: Uint8Array | null) => void)[] = [];
  #resolveEstablished!: () => void;
  #rejectEstablished!: (e: unknown) => void;
  #resolveClosed!: (info: CloseInfo) => void;
  /** Set once the connection closed; the error is built only when someone needs it (see #closedError). */
  #closeInfo: CloseInfo | undefined;
  #closeError: QuicConnectionError | undefined;
  #handshakeDone = false;

  constructor(driver: ConnectionDriver, proto: ProtoConnection, options: { keyLog?: KeyLogSink } = {}) {
    this.#driver = driver;
    this.#keyLog = options.keyLog;
    this.proto = proto;
    this.incomingStreams = this.#incoming;
    this.established = new Promise((resolve, reject) => {
      this.#resolveEstablished = resolve;
      this.#rejectEstablished = reject;
    });
    // Nobody may be awaiting the handshake (e.g. a server connection that fails early).
    this.established.catch(() => {});
    this.closed = new Promise((resolve) => { this.#resolveClosed = resolve; });
  }

  get alpn(): string | undefined {
    return this.proto.alpn;
  }

  get isServer(): boolean {
    return this.proto.isServer;
  }

  get remoteAddress(): SocketAddress {
    return this.proto.remote;
  }

  /** Largest datagram payload the peer accepts now; 0 when it does not support datagrams. */
  get maxDatagramSize(): number {
    return this.proto.maxDatagramSize;
  }

  get isClosed(): boolean {
    return this.#closeInfo !== undefined;
  }

  openBidirectionalStream(): Promise<QuicStream> {
    return this.#openStream('bidi');
  }

  openUnidirectionalStream(): Promise<QuicStream> {
    return this.#openStream('uni');
  }

  /** Queues one unreliable datagram; throws QuicDatagramError when it cannot be sent at all. */
  sendDatagram(data: Uint8Array): void {
    if (this.#closeInfo) throw new QuicDatagramError('closed', this.#closedError().message);
    const result = this.proto.sendDatagram(data);
    if (result !== 'queued') {
      const detail = result === 'too-large' ? `${data.length} bytes > maxDatagramSize ${this.proto.maxDatagramSize}`
        : result === 'unsupported' ? 'the peer does not accept datagrams' : 'connection closed';
      throw new QuicDatagramError(result, detail);
    }
    this.#driver.wake();
  }

  /** The next received datagram, or null once the connection is closed. */
  receiveDatagram(): Promise<Uint8Array | null> {
    const ready = this.proto.readDatagram();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.#closeInfo) return Promise.resolve(null);
    return new Promise((resolve) => this.#datagramWaiters.push(resolve));
  }

  get datagrams(): AsyncIterable<Uint8Array> {
    return {
      [Symbol.asyncIterator]: () => ({
        next: async (): Promise<IteratorResult<Uint8Array>> => {
          const d = await this.receiveDatagram();
          return d === null ? { value: undefined, done: true } : { value: d, done: false };
        },
      }),
    };
  }

  /** Application close (CONNECTION_CLOSE 0x1d); `closed` resolves after the closing period. */
  close(code: number | bigint = 0, reason = ''): void {
    if (this.#closeInfo || this.proto.state === 'closing' || this.proto.state === 'draining' || this.proto.state === 'closed') return;
    this.proto.close(this.#driver.now(), toErrorCode(code), reason);
    this.#driver.wake();
  }

  stats(): ProtoConnectionStats {
    return this.proto.stats();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
    await this.closed;
  }

  wake(): void {
    this.#driver.wake();
  }

  onConnectionEvent(event: ConnectionEvent): void {
    switch (event.type) {
      case 'handshakeCompleted':
        this.#handshakeDone = true;
        this.#resolveEstablished();
        break;
      case 'streamOpened':
        this.#announcePeerStream(event.streamId);
        break;
      case 'streamReadable':
        this.#streams.get(event.streamId)?.onReadable();
        break;
      case 'streamWritable':
        this.#streams.get(event.streamId)?.onWritable();
        break;
      case 'streamReset':
        this.#streams.get(event.streamId)?.onReset(event.errorCode);
        break;
      case 'streamStopped':
        this.#streams.get(event.streamId)?.onStopped(event.errorCode);
        break;
      case 'streamClosed':
        this.#streams.delete(event.streamId);
        break;
      case 'streamsAvailable':
        for (const w of this.#openWaiters[event.direction].splice(0)) w.resolve();
        break;
      case 'datagramsReadable':
        this.#serveDatagrams();
        break;
      case 'keyLog':
        this.#keyLog?.(event.label, event.clientRandom, event.secret);
        break;
      case 'sessionTicket':
        break;
      case 'closed':
        this.#onClosed(event.info);
        break;
    }
  }

  async #openStream(direction: StreamDirection): Promise<QuicStream> {
    for (;;) {
      if (this.#closeInfo) throw this.#closedError();
      const id = this.proto.openStream(direction);
      if (id !== undefined) {
        const stream = new QuicStream(this, id, true);
        this.#streams.set(id, stream);
        return stream;
      }
      // Blocked by the peer's MAX_STREAMS: retry after 'streamsAvailable'.
      await new Promise<void>((resolve, reject) => this.#openWaiters[direction].push({ resolve, reject }));
    }
  }

  /** Only 'streamOpened' creates peer streams, so late events never resurrect a finished one. */
  #announcePeerStream(streamId: number): void {
    if (this.#streams.has(streamId)) return;
    const stream = new QuicStream(this, streamId, false);
    this.#streams.set(streamId, stream);
    this.#incoming.push(stream);
  }

  #serveDatagrams(): void {
    while (this.#datagramWaiters.length > 0) {
      const d = this.proto.readDatagram();
      if (d === undefined) return;
      this.#datagramWaiters.shift()!(d);
    }
  }

  /**
   * The error closed-connection operations reject with, made on first use: capturing a stack
   * costs tens of µs and most connections (a clean close with nothing pending) never need one.
   */
  #closedError(): QuicConnectionError {
    this.#closeError ??= new QuicConnectionError(this.#closeInfo!);
    return this.#closeError;
  }

  #onClosed(info: CloseInfo): void {
    if (this.#closeInfo) return;
    this.#closeInfo = info;
    for (const stream of this.#streams.values()) stream.onConnectionClosed(this.#closedError());
    this.#streams.clear();
    this.#incoming.end();
    for (const w of this.#openWaiters.bidi.splice(0)) w.reject(this.#closedError());
    for (const w of this.#openWaiters.uni.splice(0)) w.reject(this.#closedError());
    for (const w of this.#datagramWaiters.splice(0)) w(null);
    if (!this.#handshakeDone) this.#rejectEstablished(this.#closedError());
    this.#resolveClosed(info);
  }
}
