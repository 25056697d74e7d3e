/**
 * WebTransportServer: listens on one UDP socket, speaks HTTP/3 + WebTransport on every QUIC
 * connection, and yields each session request to `for await (const request of server)`.
 * close() is graceful: GOAWAY and drain, wait for sessions, then close what is left.
 */
import type { KeyObject } from 'node:crypto';
import { H3ErrorCode } from '../proto/h3/errors.js';
import type { TransportConfig } from '../proto/quic/connection/config.js';
import type { SigningKey } from '../proto/tls/session.js';
import type { WtDraft } from '../proto/webtransport/protocol.js';
import { AsyncQueue } from '../runtime/async-queue.js';
import type { EndpointDriver } from '../runtime/endpoint-driver.js';
import type { KeyLogSink, ProtoConnection, SocketAddress } from '../runtime/proto-types.js';
import { formatHostPort } from '../runtime/socket-address.js';
import { H3_ALPN, openEndpoint } from './http3/endpoint-setup.js';
import { ServerConfig, type ServerConfigOptions } from './config.js';
import { ServerError } from './errors.js';
import { SESSION_KEY, WebTransportSession } from './session.js';
import { REQUEST_KEY, SessionRequest, type SessionFactory } from './session-request.js';
import { loadCredentials } from './tls-credentials.js';
import { settleConnection, WtConnectionHost } from './wt-driver.js';

export interface WebTransportServerOptions {
  /** Default: config.bindHost. */
  host?: string;
  /** Default: config.bindPort; 0 picks a free port (read `address`). */
  port?: number;
  /** DER certificates (leaf first) and the leaf's key... */
  certificateChain?: Uint8Array[];
  signingKey?: SigningKey;
  /** ...or PEM text / file paths (default: config.certfile / config.keyfile). */
  cert?: string | Uint8Array;
  key?: string | Uint8Array | KeyObject;
  passphrase?: string;
  config?: ServerConfig | ServerConfigOptions;
  /** QUIC transport overrides. */
  transport?: Partial<TransportConfig>;
  /** Concurrent sessions per QUIC connection (default 16). */
  maxSessionsPerConnection?: number;
  /** WebTransport drafts offered (default: all we speak). */
  drafts?: readonly WtDraft[];
  /** Validate client addresses with a Retry first. */
  retry?: boolean;
  keyLog?: KeyLogSink;
}

export interface ServerCloseOptions {
  /** How long sessions get to finish after GOAWAY/drain (default 2000 ms). */
  timeoutMs?: number;
  /** Close code for sessions still open after that (default 0). */
  code?: number;
  reason?: string;
}

/** Transport defaults for WebTransport: room for H3's streams plus the peer's WT streams, datagrams on. */
export function webTransportTransport(config: { connectionIdleTimeoutMs: number }, overrides?: Partial<TransportConfig>): Partial<TransportConfig> {
  return {
    initialMaxStreamsBidi: 128, initialMaxStreamsUni: 128, maxDatagramFrameSize: 65_535,
    maxIdleTimeoutMs: config.connectionIdleTimeoutMs, ...overrides,
  };
}

export class WebTransportServer implements AsyncIterable<SessionRequest>, AsyncDisposable {
  readonly config: ServerConfig;
  readonly address: SocketAddress;
  readonly #driver: EndpointDriver;
  readonly #requests = new AsyncQueue<SessionRequest>();
  readonly #hosts = new Set<WtConnectionHost>();
  readonly #sessions = new Set<WebTransportSession>();
  readonly #counters = { connectionsAccepted: 0, sessionsRequested: 0, sessionsAccepted: 0, sessionsRefused: 0 };
  readonly #startedAt = Date.now();
  #closing: Promise<void> | undefined;

  private constructor(driver: EndpointDriver, address: SocketAddress, config: ServerConfig) {
    this.#driver = driver;
    this.address = address;
    this.config = config;
  }

  static async listen(options: WebTransportServerOptions = {}): Promise<WebTransportServer> {
    const config = options.config instanceof ServerConfig ? options.config : new ServerConfig(options.config ?? {});
    let chain = options.certificateChain;
    let signingKey = options.signingKey;
    if (chain === undefined || signingKey === undefined) {
      const cert = options.cert ?? config.certfile;
      const key = options.key ?? config.keyfile;
      if (cert === undefined || key === undefined) throw new ServerError('WebTransportServer.listen needs certificateChain + signingKey, or cert + key');
      try {
        const creds = await loadCredentials({ cert, key, ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}) });
        chain = creds.chain;
        signingKey = creds.signingKey;
      } catch (error) {
        throw new ServerError(`cannot load the server certificate: ${(error as Error).message}`, { cause: error });
      }
    }
    const host = options.host ?? config.bindHost;
    const port = options.port ?? config.bindPort;
    const self: { server?: WebTransportServer } = {};
    let opened: Awaited<ReturnType<typeof openEndpoint>>;
    try {
      opened = await openEndpoint({
        host, port,
        transport: webTransportTransport(config, options.transport),
        server: {
          tls: { certificateChain: chain, signingKey, alpnProtocols: [H3_ALPN] },
          retry: options.retry ?? false,
          maxConnections: config.maxConnections,
        },
        onAccepted: (connection) => self.server!.#accept(connection, options),
      });
    } catch (error) {
      throw new ServerError(`cannot listen on ${host}:${port}: ${(error as Error).message}`, { cause: error, bindAddress: { host, port } });
    }
    self.server = new WebTransportServer(opened.driver, opened.address, config);
    return self.server;
  }

  /** https://host:port of the listening socket. */
  get url(): string {
    return `https://${formatHostPort(this.address)}`;
  }

  get isServing(): boolean {
    return this.#closing === undefined;
  }

  get connectionCount(): number {
    return this.#hosts.size;
  }

  get sessionCount(): number {
    return this.#sessions.size;
  }

  stats(): Record<string, number> {
    return { ...this.#counters, activeConnections: this.#hosts.size, activeSessions: this.#sessions.size, uptimeMs: Date.now() - this.#startedAt };
  }

  [Symbol.asyncIterator](): AsyncIterator<SessionRequest> {
    return this.#requests[Symbol.asyncIterator]();
  }

  #accept(proto: ProtoConnection, options: WebTransportServerOptions): void {
    const config = this.config;
    const factory: SessionFactory = (host, ev) => {
      const session = new WebTransportSession(SESSION_KEY, {
        host, sessionId: ev.sessionId, isClient: false, path: ev.path, headers: ev.headers, connected: true,
        streamSettings: {
          bufferSize: config.streamBufferSize, maxSendBuffered: config.maxStreamBufferSize,
          readTimeoutMs: config.readTimeoutMs, writeTimeoutMs: config.writeTimeoutMs,
        },
        streamCreationTimeoutMs: config.streamCreationTimeoutMs,
        onClosed: (s) => this.#sessions.delete(s),
      });
      this.#sessions.add(session);
      this.#counters.sessionsAccepted++;
      return session;
    };
    const host = new WtConnectionHost(this.#driver, proto, {
      isServer: true,
      engine: { maxSessions: options.maxSessionsPerConnection ?? 16, ...(options.drafts ? { drafts: options.drafts } : {}) },
      onSessionRequested: (h, ev) => {
        this.#counters.sessionsRequested++;
        if (this.#closing !== undefined || this.#sessions.size >= config.maxSessions) {
          this.#counters.sessionsRefused++;
          h.engine.reject(ev.sessionId, 503);
          return;
        }
        this.#requests.push(new SessionRequest(REQUEST_KEY, h, ev, factory));
      },
    });
    if (options.keyLog !== undefined) {
      const keyLog = options.keyLog;
      const inner = host.onConnectionEvent.bind(host);
      this.#driver.register(proto, {
        onConnectionEvent: (ev) => {
          if (ev.type === 'keyLog') keyLog(ev.label, ev.clientRandom, ev.secret);
          inner(ev);
        },
      });
    } else {
      this.#driver.register(proto, host);
    }
    this.#counters.connectionsAccepted++;
    this.#hosts.add(host);
    void host.closed.then(() => this.#hosts.delete(host));
    if (this.#closing !== undefined) host.close(H3ErrorCode.H3_NO_ERROR, 'server closing');
  }

  /**
   * Graceful close: no new sessions, GOAWAY on every connection and a drain request to every
   * session; sessions still open after `timeoutMs` are closed with `code`; then the socket.
   */
  close(options: ServerCloseOptions = {}): Promise<void> {
    this.#closing ??= (async () => {
      this.#requests.end();
      const timeoutMs = options.timeoutMs ?? 2000;
      for (const h of this.#hosts) h.sendGoaway();
      for (const s of this.#sessions) s.drain();
      if (this.#sessions.size > 0) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          Promise.all([...this.#sessions].map((s) => s.closed)),
          new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); }),
        ]);
        clearTimeout(timer);
      }
      const left = [...this.#sessions];
      for (const s of left) void s.close({ code: options.code ?? 0, reason: options.reason ?? 'server shutdown' });
      const hosts = [...this.#hosts];
      if (left.length > 0) await Promise.all(hosts.map((h) => settleConnection(h, 500)));
      for (const h of hosts) h.close(H3ErrorCode.H3_NO_ERROR, 'server shutdown');
      await this.#driver.close({ timeoutMs: 1000 });
    })();
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
