/**
 * The glue for one QUIC connection carrying WebTransport: QUIC events go into H3Connection, its
 * WebTransport events into WebTransportEngine, and the engine's events to the session objects
 * (by session id). Commands issued by the API go through `command()`, which schedules one drain
 * of the engine's events (a microtask) and wakes the endpoint driver to send what they queued.
 * The engine's own deadline (expiry of early streams) gets one timer per connection.
 */
import { H3Connection } from '../proto/h3/connection.js';
import { H3ErrorCode } from '../proto/h3/errors.js';
import type { H3Event } from '../proto/h3/events.js';
import type { Micros } from '../proto/util/time.js';
import { WebTransportEngine, type WtEngineOptions } from '../proto/webtransport/engine.js';
import type { WtEvent } from '../proto/webtransport/events.js';
import { isWtH3Event } from '../proto/webtransport/h3-like.js';
import { localWebTransportSettings, type WtProfile } from '../proto/webtransport/protocol.js';
import type { ConnectionEventHandler } from '../runtime/endpoint-driver.js';
import type { CloseInfo, ConnectionEvent, ProtoConnection, SocketAddress } from '../runtime/proto-types.js';
import {
  CertificateError, ConnectionError, HandshakeError, IdleTimeoutError, ProtocolError, StatelessResetError,
} from './errors.js';

/** What a host needs from the endpoint driver that owns its socket. */
export interface WtHostDriver {
  wake(): void;
  now(): Micros;
}

/** A session object as the host sees it: it receives its engine events. */
export interface WtSessionTarget {
  handleWtEvent(ev: WtEvent): void;
}

export type SessionRequestedEvent = Extract<WtEvent, { type: 'sessionRequested' }>;

export interface WtHostOptions {
  readonly isServer: boolean;
  readonly engine?: WtEngineOptions;
  /** Server: a client asks for a session (answer through host.engine.accept/reject). */
  readonly onSessionRequested?: (host: WtConnectionHost, ev: SessionRequestedEvent) => void;
}

/** Session flow control we announce by default (draft-13+), which also allows several sessions per connection. */
export const DEFAULT_WT_FLOW_CONTROL = { initialMaxData: 16 * 1024 * 1024, initialMaxStreamsBidi: 100, initialMaxStreamsUni: 100 } as const;

/** TLS alerts that mean the certificate was refused (RFC 8446 §6.2). */
const CERTIFICATE_ALERTS: ReadonlySet<number> = new Set([42, 43, 44, 45, 46, 48]);

/** Turns the QUIC close of a connection into the public error type. */
export function connectionErrorFromClose(info: CloseInfo, remoteAddress?: SocketAddress): ConnectionError {
  const base = {
    reason: info.reason, remote: info.remote,
    ...(remoteAddress !== undefined ? { remoteAddress: { address: remoteAddress.address, port: remoteAddress.port } } : {}),
  };
  const who = info.remote ? 'the peer' : 'the local side';
  const why = info.reason ? `: ${info.reason}` : '';
  if (info.kind === 'idleTimeout') return new IdleTimeoutError('the connection timed out (idle)', base);
  if (info.kind === 'statelessReset') return new StatelessResetError('the peer reset the connection (stateless reset)', base);
  if (info.kind === 'handshakeTimeout') return new HandshakeError('the handshake timed out', { ...base, handshakeStage: 'timeout' });
  if (info.kind === 'versionNegotiation') return new HandshakeError('no common QUIC version', { ...base, handshakeStage: 'version' });
  if (!info.application && info.code >= 0x100n && info.code <= 0x1ffn) {
    const alert = Number(info.code - 0x100n);
    if (CERTIFICATE_ALERTS.has(alert) || /certificate|hash-mismatch/i.test(info.reason)) {
      const failure = alert === 45 || /expired/i.test(info.reason) ? 'expired'
        : /hash-mismatch/i.test(info.reason) ? 'hash-mismatch' : /host ?name/i.test(info.reason) ? 'hostname' : 'untrusted';
      return new CertificateError(`certificate rejected by ${who} (TLS alert ${alert})${why}`, { ...base, alert, transportCode: info.code, certificateError: failure });
    }
    return new HandshakeError(`TLS handshake failed at ${who} (alert ${alert})${why}`, { ...base, alert, transportCode: info.code });
  }
  if (info.application) {
    return new ConnectionError(`connection closed by ${who} with application code 0x${info.code.toString(16)}${why}`, { ...base, applicationCode: info.code });
  }
  return new ConnectionError(`connection closed by ${who} with transport code 0x${info.code.toString(16)}${why}`, { ...base, transportCode: info.code });
}

export class WtConnectionHost implements ConnectionEventHandler {
  readonly proto: ProtoConnection;
  readonly h3: H3Connection;
  readonly engine: WebTransportEngine;
  /** Settles when the WebTransport draft is negotiated (rejects on failure or close). */
  readonly negotiated: Promise<WtProfile>;
  /** Resolves with the close info once the connection is gone. */
  readonly closed: Promise<CloseInfo>;
  readonly #driver: WtHostDriver;
  readonly #sessions = new Map<number, WtSessionTarget>();
  readonly #onSessionRequested: WtHostOptions['onSessionRequested'];
  #resolveNegotiated!: (p: WtProfile) => void;
  #rejectNegotiated!: (e: unknown) => void;
  #resolveClosed!: (info: CloseInfo) => void;
  #closeError: ConnectionError | undefined;
  #quicClose: CloseInfo | undefined;
  #protocolError: { code: number; reason: string } | undefined;
  #drainScheduled = false;
  /** Work waiting for negotiation; it runs inside the event that negotiates (see whenNegotiated). */
  #onNegotiated: (() => void)[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerDeadline: Micros | undefined;
  readonly #drainCallback = (): void => {
    this.#drainScheduled = false;
    this.#drain();
  };
  readonly #timerCallback = (): void => {
    this.#timer = undefined;
    this.#timerDeadline = undefined;
    this.engine.handleTimeout(this.#driver.now());
    this.#drain();
    this.#driver.wake();
  };

  constructor(driver: WtHostDriver, proto: ProtoConnection, options: WtHostOptions) {
    this.#driver = driver;
    this.proto = proto;
    this.#onSessionRequested = options.onSessionRequested;
    const engineOptions: WtEngineOptions = { flowControl: DEFAULT_WT_FLOW_CONTROL, ...options.engine };
    const settings = localWebTransportSettings({ isServer: options.isServer, ...engineOptions });
    this.h3 = new H3Connection(proto, { isServer: options.isServer, settings });
    this.engine = new WebTransportEngine(this.h3, engineOptions);
    this.negotiated = new Promise((resolve, reject) => {
      this.#resolveNegotiated = resolve;
      this.#rejectNegotiated = reject;
    });
    this.negotiated.catch(() => {});
    this.closed = new Promise((resolve) => { this.#resolveClosed = resolve; });
  }

  get remoteAddress(): SocketAddress {
    return this.proto.remote;
  }

  get isClosed(): boolean {
    return this.#closeError !== undefined || this.h3.isClosed;
  }

  /** Why the connection closed (undefined while open). */
  get closeError(): ConnectionError | undefined {
    return this.#closeError;
  }

  /** Sessions (requested or open) on this connection. */
  get sessionCount(): number {
    return this.engine.sessionCount;
  }

  /** A client may start one more session here: negotiated, open, no GOAWAY, under the session limit. */
  canOpenSession(): boolean {
    const p = this.engine.profile;
    return p !== undefined && !this.isClosed && this.h3.peerGoawayId === undefined && this.engine.sessionCount < p.maxSessions;
  }

  now(): Micros {
    return this.#driver.now();
  }

  register(sessionId: number, target: WtSessionTarget): void {
    this.#sessions.set(sessionId, target);
  }

  unregister(sessionId: number): void {
    this.#sessions.delete(sessionId);
  }

  /** Runs an engine command; its events are delivered a microtask later and its bytes sent this turn. */
  command<T>(fn: (engine: WebTransportEngine) => T): T {
    try {
      return fn(this.engine);
    } finally {
      this.afterCommand();
    }
  }

  afterCommand(): void {
    if (!this.#drainScheduled) {
      this.#drainScheduled = true;
      queueMicrotask(this.#drainCallback);
    }
    this.#driver.wake();
  }

  /**
   * Runs `fn` on the engine once the draft is negotiated. It runs synchronously inside the event
   * that negotiates it, so a CONNECT built there leaves in the same flight as the client's Finished
   * (the server's SETTINGS come as 0.5-RTT data) instead of one event-loop turn later.
   */
  whenNegotiated<T>(fn: (engine: WebTransportEngine) => T): Promise<T> {
    if (this.engine.profile !== undefined || this.isClosed) return this.negotiated.then(() => this.command(fn));
    return new Promise<T>((resolve, reject) => {
      this.#onNegotiated.push(() => {
        try {
          resolve(this.command(fn));
        } catch (error) {
          reject(error);
        }
      });
      this.negotiated.catch(reject);
    });
  }

  /** Graceful shutdown step (RFC 9114 §5.2): GOAWAY; sessions learn they should drain. */
  sendGoaway(): void {
    if (this.isClosed) return;
    this.h3.sendGoaway();
    this.afterCommand();
  }

  /** Closes the QUIC connection with an H3 code (H3_NO_ERROR by default). */
  close(code: number = H3ErrorCode.H3_NO_ERROR, reason = ''): void {
    if (this.isClosed) return;
    this.h3.close(code, reason, this.#driver.now());
    this.afterCommand();
  }

  onConnectionEvent(event: ConnectionEvent): void {
    if (event.type === 'closed') this.#quicClose = event.info;
    this.h3.handleQuicEvent(event, this.#driver.now());
    this.#drain();
  }

  #drain(): void {
    const now = this.#driver.now();
    for (;;) {
      const h3ev = this.h3.pollEvent();
      if (h3ev !== undefined) {
        this.#onH3Event(now, h3ev);
        continue;
      }
      const ev = this.engine.pollEvent();
      if (ev === undefined) break;
      this.#onWtEvent(ev);
    }
    this.#arm(now);
  }

  #onH3Event(now: Micros, ev: H3Event): void {
    if (ev.type === 'connectionError') {
      this.#protocolError = { code: ev.code, reason: ev.reason };
      return;
    }
    if (ev.type === 'closed') this.#onClosed(ev);
    if (!isWtH3Event(ev)) return;
    const used = this.engine.handleH3Event(now, ev);
    // A plain HTTP/3 request to a WebTransport server: answer 404 rather than leave it hanging.
    if (!used && ev.type === 'headers' && this.h3.isServer && ev.status === undefined) {
      try {
        this.h3.sendResponse(ev.streamId, [[':status', '404']], true);
      } catch {
        // The stream is already gone.
      }
    }
  }

  #onWtEvent(ev: WtEvent): void {
    switch (ev.type) {
      case 'negotiated':
        this.#resolveNegotiated(ev.profile);
        for (const run of this.#onNegotiated.splice(0)) run();
        return;
      case 'negotiationFailed':
        this.#onNegotiated.length = 0;
        this.#rejectNegotiated(new ProtocolError(`WebTransport not available on this connection: ${ev.reason}`, { layer: 'wt', errorCode: ev.code }));
        return;
      case 'sessionRequested':
        if (this.#onSessionRequested !== undefined) this.#onSessionRequested(this, ev);
        else this.engine.reject(ev.sessionId, 404);
        return;
      case 'streamsAvailable':
        if (ev.sessionId === undefined) {
          for (const s of [...this.#sessions.values()]) s.handleWtEvent(ev);
          return;
        }
        break;
      default:
        break;
    }
    const sessionId = 'sessionId' in ev ? ev.sessionId : undefined;
    if (sessionId !== undefined) this.#sessions.get(sessionId)?.handleWtEvent(ev);
  }

  #onClosed(ev: Extract<H3Event, { type: 'closed' }>): void {
    if (this.#closeError !== undefined) return;
    const info: CloseInfo = { code: ev.code, reason: ev.reason, remote: ev.remote, application: true, kind: 'close' };
    const quicInfo = this.#quicClose ?? info;
    let error = connectionErrorFromClose(quicInfo, this.proto.remote);
    if (this.#protocolError !== undefined) {
      error = new ConnectionError(`closed for an HTTP/3 protocol error: ${this.#protocolError.reason}`, {
        applicationCode: BigInt(this.#protocolError.code), reason: this.#protocolError.reason, remote: false, cause: error,
      });
    }
    this.#closeError = error;
    this.#onNegotiated.length = 0;
    this.#rejectNegotiated(error);
    this.#disarm();
    this.#resolveClosed(quicInfo);
  }

  #arm(now: Micros): void {
    const deadline = this.isClosed ? undefined : this.engine.pollTimeout();
    if (deadline === this.#timerDeadline) return;
    this.#disarm();
    if (deadline === undefined) return;
    this.#timerDeadline = deadline;
    this.#timer = setTimeout(this.#timerCallback, Math.max(0, Math.ceil((deadline - now) / 1000)));
    this.#timer.unref?.();
  }

  #disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerDeadline = undefined;
  }
}

/**
 * Waits until what the connection sent was acknowledged (nothing in flight) or `maxMs` passed,
 * so a close capsule queued just before reaches the peer ahead of CONNECTION_CLOSE.
 */
export async function settleConnection(host: WtConnectionHost, maxMs = 1000): Promise<void> {
  const until = Date.now() + maxMs;
  do {
    await new Promise<void>((resolve) => setTimeout(resolve, 10));
    if (host.isClosed) return;
    if (host.proto.stats().bytesInFlight === 0) return;
  } while (Date.now() < until);
}
