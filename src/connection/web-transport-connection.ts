/**
 * WebTransportConnection: a handle over one client connection to one origin. It owns a private
 * WebTransportClient, so every session it opens shares that client's QUIC connection to the origin
 * (while the server allows several sessions); when the last session ends the client closes the QUIC
 * connection and the next openSession() reopens it. When the QUIC connection is lost under open
 * sessions (idle timeout after the peer vanished, its CONNECTION_CLOSE...) the handle closes
 * itself, with the reason in `closeError`, so managers and pools drop it.
 */
import { randomUUID } from 'node:crypto';
import {
  ClientError, WebTransportClient,
  type ConnectionError, type WebTransportClientOptions, type WebTransportConnectOptions, type WebTransportSession,
} from '../index.js';
import { monotonicClock, originOf, type Clock, type ConnectionHandle, type ConnectionState } from './types.js';

/** The part of WebTransportClient a connection uses (injectable for tests or custom clients). */
export interface SessionClient {
  connect(url: string, options?: WebTransportConnectOptions): Promise<WebTransportSession>;
  close(): Promise<void>;
}

export interface WebTransportConnectionOptions {
  /** Options of the private WebTransportClient. */
  client?: WebTransportClientOptions;
  /** Defaults for every session (ca, insecure, headers, serverCertificateHashes...). */
  connectOptions?: WebTransportConnectOptions;
  /** Replaces the private WebTransportClient. */
  createClient?: () => SessionClient;
  clock?: Clock;
  signal?: AbortSignal;
}

export interface WebTransportConnectionStats {
  id: string;
  origin: string;
  state: ConnectionState;
  connectRttMs: number;
  activeSessions: number;
  sessionsOpened: number;
  sessionsFailed: number;
  avgSessionOpenMs: number;
  uptimeMs: number;
}

export class WebTransportConnection implements ConnectionHandle, AsyncDisposable {
  readonly id = `conn_${randomUUID()}`;
  readonly origin: string;
  readonly closed: Promise<void>;
  /** The session opened by connect(). */
  readonly initialSession: WebTransportSession;
  readonly #client: SessionClient;
  readonly #defaults: WebTransportConnectOptions;
  readonly #clock: Clock;
  readonly #sessions = new Set<WebTransportSession>();
  readonly #createdAt: number;
  readonly #connectRttMs: number;
  #state: ConnectionState = 'connected';
  #lastActivity: number;
  #opened = 0;
  #failed = 0;
  #openMsTotal = 0;
  #closing: Promise<void> | undefined;
  #closeError: ConnectionError | undefined;
  #resolveClosed!: () => void;

  /** Opens a client and its first session to `url`; the time that took is `connectRttMs`. */
  static async connect(url: string | URL, options: WebTransportConnectionOptions = {}): Promise<WebTransportConnection> {
    const clock = options.clock ?? monotonicClock;
    const client = options.createClient?.() ?? new WebTransportClient(options.client ?? {});
    const defaults = options.connectOptions ?? {};
    const start = clock();
    let session: WebTransportSession;
    try {
      session = await client.connect(String(url), { ...defaults, ...(options.signal ? { signal: options.signal } : {}) });
    } catch (error) {
      await client.close().catch(() => {});
      throw error;
    }
    return new WebTransportConnection(url, client, session, clock() - start, defaults, clock);
  }

  private constructor(url: string | URL, client: SessionClient, first: WebTransportSession, rttMs: number, defaults: WebTransportConnectOptions, clock: Clock) {
    this.origin = originOf(url);
    this.#client = client;
    this.#defaults = defaults;
    this.#clock = clock;
    this.#createdAt = this.#lastActivity = clock();
    this.#connectRttMs = rttMs;
    this.closed = new Promise((resolve) => { this.#resolveClosed = resolve; });
    this.initialSession = first;
    this.#track(first, rttMs);
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get isClosed(): boolean {
    return this.#state !== 'connected';
  }

  /** Why the connection was lost, when it closed without us asking. */
  get closeError(): ConnectionError | undefined {
    return this.#closeError;
  }

  get connectRttMs(): number {
    return this.#connectRttMs;
  }

  get sessionCount(): number {
    return this.#sessions.size;
  }

  get sessions(): ReadonlySet<WebTransportSession> {
    return this.#sessions;
  }

  get lastActivityMs(): number {
    return this.#lastActivity;
  }

  /** Opens another session on this origin; `pathOrUrl` is resolved against the origin. */
  async openSession(pathOrUrl = '/', options: WebTransportConnectOptions = {}): Promise<WebTransportSession> {
    if (this.isClosed) throw new ClientError('the connection is closed', { targetUrl: this.origin });
    const url = new URL(pathOrUrl, this.origin + '/');
    if (url.origin !== this.origin) throw new ClientError(`${url.origin} is not this connection's origin ${this.origin}`, { targetUrl: url.href });
    const start = this.#clock();
    let session: WebTransportSession;
    try {
      session = await this.#client.connect(url.href, { ...this.#defaults, ...options });
    } catch (error) {
      this.#failed++;
      throw error;
    }
    if (this.isClosed) {
      // close() ran while we were connecting: don't leak the session.
      await session.close({ code: 0, reason: 'connection closed' }).catch(() => {});
      throw new ClientError('the connection is closed', { targetUrl: url.href });
    }
    this.#track(session, this.#clock() - start);
    return session;
  }

  stats(): WebTransportConnectionStats {
    return {
      id: this.id,
      origin: this.origin,
      state: this.#state,
      connectRttMs: this.#connectRttMs,
      activeSessions: this.#sessions.size,
      sessionsOpened: this.#opened,
      sessionsFailed: this.#failed,
      avgSessionOpenMs: this.#opened === 0 ? 0 : this.#openMsTotal / this.#opened,
      uptimeMs: this.#clock() - this.#createdAt,
    };
  }

  /** Closes every session with `code`/`reason`, then the client (its QUIC connection and socket). Idempotent. */
  close(options: { code?: number; reason?: string } = {}): Promise<void> {
    this.#closing ??= (async () => {
      this.#state = 'closing';
      const close = { code: options.code ?? 0, reason: options.reason ?? 'connection closed' };
      await Promise.all([...this.#sessions].map((s) => s.close(close).catch(() => {})));
      await this.#client.close().catch(() => {});
      this.#state = 'closed';
      this.#resolveClosed();
    })();
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #track(session: WebTransportSession, openMs: number): void {
    this.#opened++;
    this.#openMsTotal += openMs;
    this.#sessions.add(session);
    this.#lastActivity = this.#clock();
    void session.closed.then((info) => {
      this.#sessions.delete(session);
      this.#lastActivity = this.#clock();
      if (info.connectionError !== undefined && this.#state === 'connected') {
        this.#closeError = info.connectionError;
        void this.close({ reason: 'connection lost' });
      }
    }, () => this.#sessions.delete(session));
  }
}

/** The default opener of the pool and load balancer. */
export function connectionOpener(options: Omit<WebTransportConnectionOptions, 'signal'> = {}): (url: string, signal: AbortSignal) => Promise<WebTransportConnection> {
  return (url, signal) => WebTransportConnection.connect(url, { ...options, signal });
}
