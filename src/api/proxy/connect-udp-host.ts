/**
 * The driver's event handler for one HTTP/3 connection that carries CONNECT-UDP tunnels, for
 * both roles. It announces SETTINGS_ENABLE_CONNECT_PROTOCOL and SETTINGS_H3_DATAGRAM (RFC 9298 §3,
 * RFC 9297 §2.1.1), routes HTTP Datagrams and capsules to the tunnel of their stream, and hands
 * requests (server) or responses (client) to the code above. Events are drained after every QUIC
 * event and, a microtask later, after every command.
 */
import { H3Connection } from '../../proto/h3/connection.js';
import { H3ErrorCode, h3ErrorName } from '../../proto/h3/errors.js';
import type { H3Event, H3PeerSettings } from '../../proto/h3/events.js';
import { ConnectProtocol } from '../../proto/h3/extended-connect.js';
import type { HeaderList } from '../../proto/h3/header-validation.js';
import type { Header } from '../../proto/h3/qpack/index.js';
import type { Micros } from '../../proto/util/time.js';
import type { ConnectionEventHandler } from '../../runtime/endpoint-driver.js';
import type { CloseInfo, ConnectionEvent, ProtoConnection } from '../../runtime/proto-types.js';
import { ProxyError } from './errors.js';
import type { ConnectUdpTunnel, TunnelHost } from './tunnel.js';

export interface ConnectUdpHostDriver {
  wake(): void;
  now(): Micros;
}

/** A request's head as the server side sees it. */
export interface IncomingRequestHead {
  readonly streamId: number;
  readonly headers: Header[];
  readonly method: string | undefined;
  readonly protocol: string | undefined;
}

export interface ConnectUdpHostOptions {
  readonly isServer: boolean;
  /** Server: a request arrived; answer it with respond() (and attach a tunnel on 2xx). */
  readonly onRequest?: (host: ConnectUdpHost, request: IncomingRequestHead) => void;
}

type ResponseWaiter = (result: { status: number; headers: Header[] } | Error) => void;

export class ConnectUdpHost implements ConnectionEventHandler, TunnelHost {
  readonly proto: ProtoConnection;
  readonly h3: H3Connection;
  /** The peer's SETTINGS (rejects when the connection closes first). */
  readonly settings: Promise<H3PeerSettings>;
  /** Resolves with the close info once the connection is gone. */
  readonly closed: Promise<CloseInfo>;
  readonly #driver: ConnectUdpHostDriver;
  readonly #onRequest: ConnectUdpHostOptions['onRequest'];
  readonly #tunnels = new Map<number, ConnectUdpTunnel>();
  readonly #responses = new Map<number, ResponseWaiter>();
  #streamWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  #resolveSettings!: (s: H3PeerSettings) => void;
  #rejectSettings!: (e: Error) => void;
  #resolveClosed!: (info: CloseInfo) => void;
  #quicClose: CloseInfo | undefined;
  #closeError: ProxyError | undefined;
  #protocolError: string | undefined;
  #drainScheduled = false;

  constructor(driver: ConnectUdpHostDriver, proto: ProtoConnection, options: ConnectUdpHostOptions) {
    this.#driver = driver;
    this.proto = proto;
    this.#onRequest = options.onRequest;
    this.h3 = new H3Connection(proto, {
      isServer: options.isServer,
      settings: { enableConnectProtocol: true, h3Datagram: true },
      capsuleProtocols: [ConnectProtocol.CONNECT_UDP],
    });
    this.settings = new Promise((resolve, reject) => {
      this.#resolveSettings = resolve;
      this.#rejectSettings = reject;
    });
    this.settings.catch(() => {});
    this.closed = new Promise((resolve) => { this.#resolveClosed = resolve; });
  }

  get isClosed(): boolean {
    return this.#closeError !== undefined || this.h3.isClosed;
  }

  /** Why the connection closed (undefined while open). */
  get closeError(): ProxyError | undefined {
    return this.#closeError;
  }

  get tunnelCount(): number {
    return this.#tunnels.size;
  }

  wake(): void {
    this.#driver.wake();
    if (this.#drainScheduled) return;
    this.#drainScheduled = true;
    queueMicrotask(() => {
      this.#drainScheduled = false;
      this.#drain();
    });
  }

  attach(tunnel: ConnectUdpTunnel): void {
    this.#tunnels.set(tunnel.streamId, tunnel);
  }

  detach(streamId: number): void {
    this.#tunnels.delete(streamId);
  }

  /**
   * Client: sends a request (no FIN: a CONNECT stream stays open) and resolves with its stream
   * id, waiting while the peer's stream limit is reached.
   */
  async openRequest(headers: HeaderList): Promise<number> {
    for (;;) {
      if (this.#closeError !== undefined) throw this.#closeError;
      const id = this.h3.sendRequest(headers);
      if (id !== undefined) {
        this.wake();
        return id;
      }
      await new Promise<void>((resolve, reject) => this.#streamWaiters.push({ resolve, reject }));
    }
  }

  /** Client: resolves with the final response head of a request stream. */
  response(streamId: number): Promise<{ status: number; headers: Header[] }> {
    return new Promise((resolve, reject) => {
      if (this.#closeError !== undefined) {
        reject(this.#closeError);
        return;
      }
      this.#responses.set(streamId, (r) => (r instanceof Error ? reject(r) : resolve(r)));
    });
  }

  /** Server: answers a request; a response with endStream also stops the request's body. */
  respond(streamId: number, headers: HeaderList, endStream: boolean): void {
    if (this.isClosed) return;
    try {
      this.h3.sendResponse(streamId, headers, endStream);
      if (endStream) this.h3.stopSending(streamId, H3ErrorCode.H3_NO_ERROR);
    } catch {
      // The stream is already gone (the client gave up).
    }
    this.wake();
  }

  /** Closes the connection (H3_NO_ERROR unless told otherwise). */
  close(code: number = H3ErrorCode.H3_NO_ERROR, reason = ''): void {
    if (this.isClosed) return;
    this.h3.close(code, reason, this.#driver.now());
    this.wake();
  }

  onConnectionEvent(event: ConnectionEvent): void {
    if (event.type === 'closed') this.#quicClose = event.info;
    this.h3.handleQuicEvent(event, this.#driver.now());
    this.#drain();
  }

  #drain(): void {
    for (let ev = this.h3.pollEvent(); ev !== undefined; ev = this.h3.pollEvent()) this.#dispatch(ev);
  }

  #dispatch(ev: H3Event): void {
    switch (ev.type) {
      case 'settings':
        this.#resolveSettings(ev.settings);
        return;
      case 'headers':
        this.#onHeaders(ev);
        return;
      case 'httpDatagram':
        this.#tunnels.get(ev.streamId)?.handleHttpDatagram(ev.payload);
        return;
      case 'capsule':
        this.#tunnels.get(ev.streamId)?.handleCapsule(ev.capsuleType, ev.value);
        return;
      case 'data':
        // A body on a stream that is not a tunnel (a refusal's text, a plain request): discard it.
        while ((this.h3.readData(ev.streamId, 64 * 1024)?.data.length ?? 0) > 0) { /* discard */ }
        return;
      case 'streamWritable':
        this.#tunnels.get(ev.streamId)?.handleWritable();
        return;
      case 'requestFinished':
        this.#fail(ev.streamId, 'the peer closed the tunnel');
        return;
      case 'streamReset':
      case 'streamStopped': {
        const what = ev.type === 'streamReset' ? 'reset' : 'stopped';
        const code = Number(ev.code);
        this.#fail(ev.streamId, `the peer ${what} the stream with ${h3ErrorName(code)}`,
          new ProxyError(`CONNECT-UDP stream ${what} by the peer`, { applicationCode: ev.code, remote: true }), ev.type === 'streamStopped');
        return;
      }
      case 'streamError':
        this.#fail(ev.streamId, `protocol error: ${ev.reason}`, new ProxyError(`CONNECT-UDP stream error: ${ev.reason}`, { applicationCode: BigInt(ev.code) }));
        return;
      case 'streamsAvailable':
        if (ev.direction === 'bidi') for (const w of this.#streamWaiters.splice(0)) w.resolve();
        return;
      case 'connectionError':
        this.#protocolError = `${h3ErrorName(ev.code)} ${ev.reason}`;
        return;
      case 'closed':
        this.#onClosed(ev);
        return;
      default:
        return; // GOAWAY, trailers, WebTransport streams: nothing to do for a UDP proxy
    }
  }

  #onHeaders(ev: Extract<H3Event, { type: 'headers' }>): void {
    if (ev.status !== undefined) {
      if (ev.status < 200) return;
      const waiter = this.#responses.get(ev.streamId);
      this.#responses.delete(ev.streamId);
      waiter?.({ status: ev.status, headers: ev.headers });
      return;
    }
    if (!this.h3.isServer) return;
    if (this.#onRequest === undefined) {
      this.respond(ev.streamId, [[':status', '404']], true);
      return;
    }
    this.#onRequest(this, { streamId: ev.streamId, headers: ev.headers, method: ev.method, protocol: ev.protocol });
  }

  /** A stream ended or failed: its tunnel closes, a pending response fails. */
  #fail(streamId: number, reason: string, error?: Error, stoppedOnly = false): void {
    const waiter = this.#responses.get(streamId);
    // STOP_SENDING only refuses our body: a refusal's response (which often comes with it) may still be read.
    if (waiter !== undefined && !stoppedOnly) {
      this.#responses.delete(streamId);
      waiter(error ?? new ProxyError(`the proxy ended the request without a response (${reason})`, { remote: true }));
    }
    this.#tunnels.get(streamId)?.handleEnd(reason, error);
  }

  #onClosed(ev: Extract<H3Event, { type: 'closed' }>): void {
    if (this.#closeError !== undefined) return;
    const info = this.#quicClose ?? { code: ev.code, reason: ev.reason, remote: ev.remote, application: true, kind: 'close' as const };
    const why = this.#protocolError !== undefined ? `closed for a protocol error: ${this.#protocolError}`
      : `the proxy connection closed (${info.kind}${info.reason ? `: ${info.reason}` : ''}, code 0x${info.code.toString(16)})`;
    const error = new ProxyError(why, { reason: info.reason, remote: info.remote, applicationCode: info.application ? info.code : undefined });
    this.#closeError = error;
    this.#rejectSettings(error);
    for (const w of this.#streamWaiters.splice(0)) w.reject(error);
    for (const w of [...this.#responses.values()]) w(error);
    this.#responses.clear();
    for (const t of [...this.#tunnels.values()]) t.handleEnd('the proxy connection closed', error);
    this.#tunnels.clear();
    this.#resolveClosed(info);
  }
}
