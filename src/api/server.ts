/**
 * WebTransportServer: listens on one UDP socket, speaks HTTP/3 + WebTransport on every QUIC
 * connection, and yields each session request to `for await (const request of server)`.
 * close() is graceful: GOAWAY and drain, wait for sessions, then close what is left.
 */
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createCertificateVerifier } from '../crypto/node-cert-verifier.js';
import { H3ErrorCode } from '../proto/h3/errors.js';
import type { TransportConfig } from '../proto/quic/connection/config.js';
import type { CertificateVerifier, SigningKey } from '../proto/tls/session.js';
import type { WtDraft } from '../proto/webtransport/protocol.js';
import { AsyncQueue } from '../runtime/async-queue.js';
import type { EndpointDriver } from '../runtime/endpoint-driver.js';
import type { KeyLogSink, ProtoConnection, SocketAddress } from '../runtime/proto-types.js';
import { formatHostPort } from '../runtime/socket-address.js';
import { H3_ALPN, openEndpoint } from './http3/endpoint-setup.js';
import { ServerConfig, VerifyMode, type CongestionControlAlgorithm, type CredentialSource, type ServerConfigOptions } from './config.js';
import { HandshakeError, ServerError } from './errors.js';
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
  /**
   * Called when a client's handshake fails: a HandshakeError, or a CertificateError when its
   * certificate was missing or refused (`alert` holds the TLS alert, e.g. 116 certificate_required).
   */
  onHandshakeError?: (error: HandshakeError, remoteAddress: SocketAddress) => void;
}

export interface ServerCloseOptions {
  /** How long sessions get to finish after GOAWAY/drain (default 2000 ms). */
  timeoutMs?: number;
  /** Close code for sessions still open after that (default 0). */
  code?: number;
  reason?: string;
}

/** The config fields that shape the QUIC transport (ClientConfig and ServerConfig both have them). */
export interface TransportConfigFields {
  connectionIdleTimeoutMs: number;
  keepAlive?: boolean;
  connectionKeepaliveTimeoutMs?: number;
  congestionControlAlgorithm?: CongestionControlAlgorithm;
  maxDatagramSize?: number;
}

/** Room for the DATAGRAM frame header (type + length) and the HTTP datagram's quarter stream id. */
const DATAGRAM_FRAME_OVERHEAD = 1 + 4 + 8;

/**
 * Transport settings for WebTransport from a config: room for H3's streams plus the peer's WT
 * streams, datagrams on (sized for `maxDatagramSize`), the idle timeout, keep-alive PINGs and the
 * congestion controller ('reno' is our NewReno). `overrides` (the `transport` option) win.
 */
export function webTransportTransport(config: TransportConfigFields, overrides?: Partial<TransportConfig>): Partial<TransportConfig> {
  const maxDatagram = config.maxDatagramSize ?? 65_535;
  return {
    initialMaxStreamsBidi: 128, initialMaxStreamsUni: 128,
    maxDatagramFrameSize: Math.min(65_535, maxDatagram + DATAGRAM_FRAME_OVERHEAD),
    maxIdleTimeoutMs: config.connectionIdleTimeoutMs,
    keepAliveIntervalMs: config.keepAlive === true ? Math.max(1, Math.round(config.connectionKeepaliveTimeoutMs ?? 30_000)) : 0,
    ...(config.congestionControlAlgorithm !== undefined ? { congestionControl: config.congestionControlAlgorithm === 'reno' ? 'newreno' : 'cubic' } : {}),
    ...overrides,
  };
}

/** CA certificates from a config field: inline PEM and bytes as they are, any other string is a file. */
export async function readCaCertificates(source: CredentialSource): Promise<string | Uint8Array> {
  if (source instanceof Uint8Array || source.includes('-----BEGIN')) return source;
  return readFile(source, 'latin1');
}

/**
 * Client-certificate policy from `verifyMode` and `caCerts` (CERT_REQUIRED without caCerts
 * trusts the system roots). CERT_OPTIONAL asks for a certificate and checks it in the handshake
 * when one comes (a bad one is a TLS alert), but lets a client send none.
 */
async function clientCertificatePolicy(config: ServerConfig): Promise<{ tls: { requestClientCertificate?: boolean; requireClientCertificate?: boolean; clientCertificateVerifier?: CertificateVerifier } }> {
  if (config.verifyMode === VerifyMode.CERT_NONE) return { tls: {} };
  const ca = config.caCerts === undefined ? undefined : [await readCaCertificates(config.caCerts)];
  const verifier = createCertificateVerifier(ca === undefined ? {} : { ca })!;
  const required = config.verifyMode === VerifyMode.CERT_REQUIRED;
  // TLS verifies a certificate that comes; CERT_OPTIONAL only lets a client send none.
  return { tls: { requestClientCertificate: true, requireClientCertificate: required, clientCertificateVerifier: verifier } };
}

export class WebTransportServer implements AsyncIterable<SessionRequest>, AsyncDisposable {
  readonly config: ServerConfig;
  readonly address: SocketAddress;
  readonly #driver: EndpointDriver;
  readonly #requests = new AsyncQueue<SessionRequest>();
  readonly #hosts = new Set<WtConnectionHost>();
  readonly #sessions = new Set<WebTransportSession>();
  readonly #counters = { connectionsAccepted: 0, sessionsRequested: 0, sessionsAccepted: 0, sessionsRefused: 0, handshakesFailed: 0 };
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
    let policy: Awaited<ReturnType<typeof clientCertificatePolicy>>;
    try {
      policy = await clientCertificatePolicy(config);
    } catch (error) {
      throw new ServerError(`cannot load caCerts: ${(error as Error).message}`, { cause: error });
    }
    // The endpoint takes the client-certificate options as well (its ServerTlsOptions).
    const tls = { certificateChain: chain, signingKey, alpnProtocols: [H3_ALPN], ...policy.tls };
    let opened: Awaited<ReturnType<typeof openEndpoint>>;
    try {
      opened = await openEndpoint({
        host, port,
        transport: webTransportTransport(config, options.transport),
        server: {
          tls,
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
        maxLocalStreams: config.maxStreamsPerConnection,
        maxIncomingStreams: config.maxIncomingStreams,
        maxDatagramSize: config.maxDatagramSize,
        onClosed: (s) => this.#sessions.delete(s),
      });
      this.#sessions.add(session);
      this.#counters.sessionsAccepted++;
      return session;
    };
    let handshakeDone = false;
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
    const keyLog = options.keyLog;
    this.#driver.register(proto, {
      onConnectionEvent: (ev) => {
        if (ev.type === 'keyLog') keyLog?.(ev.label, ev.clientRandom, ev.secret);
        host.onConnectionEvent(ev);
        if (ev.type === 'handshakeCompleted') {
          handshakeDone = true;
        }
      },
    });
    this.#counters.connectionsAccepted++;
    this.#hosts.add(host);
    void host.closed.then(() => {
      this.#hosts.delete(host);
      const error = host.closeError;
      if (error instanceof HandshakeError) this.#reportHandshakeError(error, host, options);
      else if (error !== undefined && !handshakeDone) {
        this.#reportHandshakeError(new HandshakeError(`the handshake did not complete: ${error.message}`, { cause: error, reason: error.reason, remote: error.remote }), host, options);
      }
    });
    if (this.#closing !== undefined) host.close(H3ErrorCode.H3_NO_ERROR, 'server closing');
  }

  #reportHandshakeError(error: HandshakeError, host: WtConnectionHost, options: WebTransportServerOptions): void {
    this.#counters.handshakesFailed++;
    try {
      options.onHandshakeError?.(error, host.remoteAddress);
    } catch {
      // A throwing callback must not break the server.
    }
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

