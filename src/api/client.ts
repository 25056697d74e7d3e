/**
 * WebTransportClient: opens WebTransport sessions over QUIC connections it owns (one UDP socket
 * per address family). A connection to the same origin with the same trust settings is reused
 * for another session when the server allows several (its session limit); idle connections are
 * closed once their last session ended. `connect(url, opts)` is the one-shot helper.
 */
import { H3ErrorCode } from '../proto/h3/errors.js';
import type { TransportConfig } from '../proto/quic/connection/config.js';
import type { CertificateHash } from '../proto/tls/certificate-hash-verifier.js';
import type { WtDraft } from '../proto/webtransport/protocol.js';
import type { EndpointDriver } from '../runtime/endpoint-driver.js';
import type { KeyLogSink, SocketAddress } from '../runtime/proto-types.js';
import { udpFamilyFor } from '../runtime/socket-address.js';
import { createCertificateVerifier } from '../crypto/node-cert-verifier.js';
import type { CertificateVerifier, SigningKey } from '../proto/tls/session.js';
import { H3_ALPN, openEndpoint, resolveHost } from './http3/endpoint-setup.js';
import { ProxyDialer } from './proxy/proxy-dialer.js';
import type { ProxyOptions } from './proxy/connect-udp-client.js';
import { ClientConfig, VerifyMode, type ClientConfigOptions } from './config.js';
import { ClientError, connectionTimeout, HandshakeError, WebTransportError } from './errors.js';
import { SESSION_KEY, WebTransportSession } from './session.js';
import { readCaCertificates, webTransportTransport } from './server.js';
import { loadCredentials } from './tls-credentials.js';
import { settleConnection, WtConnectionHost } from './wt-driver.js';

export interface ServerCertificateHash {
  /** 'sha-256' (others are ignored, as in the W3C API). */
  algorithm: string;
  value: Uint8Array | ArrayBuffer | ArrayBufferView;
}

export interface WebTransportConnectOptions {
  /** Extra CONNECT request headers (merged over config.headers). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Default: config.connectTimeoutMs. */
  timeoutMs?: number;
  /** W3C certificate pinning: trust exactly these leaf hashes (no CA or name check). */
  serverCertificateHashes?: readonly ServerCertificateHash[];
  /** Trusted CA certificates (PEM/DER) instead of the system roots. */
  ca?: string | Uint8Array | ReadonlyArray<string | Uint8Array>;
  /** Skip certificate verification (tests only). */
  insecure?: boolean;
  /** SNI and certificate name (default: the URL's host). */
  serverName?: string;
  /** Sent as the `origin` header. */
  origin?: string;
  /** Allow sharing a QUIC connection with other sessions (default true). */
  reuseConnection?: boolean;
}

export interface WebTransportClientOptions {
  config?: ClientConfig | ClientConfigOptions;
  transport?: Partial<TransportConfig>;
  /** Sessions we allow per connection when the server announces no limit (default 16). */
  maxSessionsPerConnection?: number;
  drafts?: readonly WtDraft[];
  keyLog?: KeyLogSink;
  /**
   * Reach every server through this CONNECT-UDP proxy (RFC 9298, HTTP/3). A client option rather
   * than a ClientConfig field: like `transport`, it wires the socket layer and carries credentials
   * and trust material, which ClientConfig (plain, serialisable values) does not.
   */
  proxy?: ProxyOptions;
}

/** Trust and identity from the config's files, read once per client. */
interface TlsMaterial {
  readonly configCa: string | Uint8Array | undefined;
  readonly clientCertificate: { chain: Uint8Array[]; key: SigningKey } | undefined;
}
const NO_TLS_MATERIAL: TlsMaterial = { configCa: undefined, clientCertificate: undefined };

interface PooledConnection {
  readonly key: string;
  readonly host: WtConnectionHost;
  /** Bumped whenever a session opens or closes on it, so a stale idle check cannot close it. */
  epoch?: number;
}

function toBytes(v: Uint8Array | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/** Aborts `p`'s wait (not its work) when the signal fires. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    p.catch(() => {}); // nobody waits for `p` any more: its later rejection is not unhandled
    return Promise.reject(signal.reason);
  }
  let onAbort: (() => void) | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  })]).finally(() => signal.removeEventListener('abort', onAbort!));
}

export class WebTransportClient implements AsyncDisposable {
  readonly config: ClientConfig;
  readonly #options: WebTransportClientOptions;
  readonly #drivers = new Map<'udp4' | 'udp6', Promise<EndpointDriver>>();
  readonly #pool = new Map<string, PooledConnection[]>();
  /** Connections being opened (socket, proxy), by pool key. */
  readonly #opening = new Map<string, Promise<PooledConnection>>();
  readonly #sessions = new Set<WebTransportSession>();
  readonly #verifiers = new Map<string, CertificateVerifier | null>();
  readonly #stats = { attempted: 0, successful: 0, failed: 0, totalConnectMs: 0, minConnectMs: Infinity, maxConnectMs: 0, connectionsOpened: 0 };
  readonly createdAt = Date.now();
  readonly #proxy: ProxyDialer | undefined;
  #closing: Promise<void> | undefined;
  /** config.caCerts (read from its file when it names one) and certfile/keyfile (mTLS), loaded once. */
  #material: Promise<TlsMaterial> | undefined;

  constructor(options: WebTransportClientOptions = {}) {
    this.config = options.config instanceof ClientConfig ? options.config : new ClientConfig(options.config ?? {});
    this.#options = options;
    this.#proxy = options.proxy !== undefined ? new ProxyDialer(options.proxy) : undefined;
  }

  get isClosed(): boolean {
    return this.#closing !== undefined;
  }

  /** QUIC connections currently open. */
  get connectionCount(): number {
    let n = 0;
    for (const list of this.#pool.values()) n += list.length;
    return n;
  }

  get stats(): Record<string, unknown> {
    const s = this.#stats;
    return {
      createdAt: this.createdAt,
      uptimeMs: Date.now() - this.createdAt,
      connections: { attempted: s.attempted, successful: s.successful, failed: s.failed, opened: s.connectionsOpened, successRate: s.attempted === 0 ? 1 : s.successful / s.attempted },
      performance: {
        avgConnectMs: s.successful === 0 ? 0 : s.totalConnectMs / s.successful,
        minConnectMs: s.successful === 0 ? 0 : s.minConnectMs,
        maxConnectMs: s.maxConnectMs,
      },
      activeSessions: this.#sessions.size,
    };
  }

  /** Opens a session to `url` (https://host:port/path?query); resolves once the server accepted it. */
  async connect(url: string | URL, options: WebTransportConnectOptions = {}): Promise<WebTransportSession> {
    if (this.#closing !== undefined) throw new ClientError('the client is closed', { targetUrl: String(url) });
    options.signal?.throwIfAborted();
    const timeoutMs = options.timeoutMs ?? this.config.connectTimeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(connectionTimeout({ timeoutMs }));
    }, timeoutMs);
    const onAbort = (): void => controller.abort(options.signal!.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const started = performance.now();
    this.#stats.attempted++;
    try {
      const session = await this.#connect(new URL(url), options, controller.signal);
      const ms = performance.now() - started;
      const s = this.#stats;
      s.successful++;
      s.totalConnectMs += ms;
      s.minConnectMs = Math.min(s.minConnectMs, ms);
      s.maxConnectMs = Math.max(s.maxConnectMs, ms);
      return session;
    } catch (error) {
      this.#stats.failed++;
      if (timedOut) throw controller.signal.reason;
      if (options.signal?.aborted) throw options.signal.reason;
      if (error instanceof WebTransportError) throw error;
      throw new ClientError(`Failed to connect to ${String(url)}: ${(error as Error).message}`, { cause: error, targetUrl: String(url) });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  async #connect(url: URL, options: WebTransportConnectOptions, signal: AbortSignal): Promise<WebTransportSession> {
    if (url.protocol !== 'https:' && url.protocol !== 'wss:') throw new ClientError(`unsupported URL scheme ${url.protocol} (https: expected)`, { targetUrl: url.href });
    const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const port = url.port === '' ? 443 : Number(url.port);
    // Through a proxy the target's name is resolved by the proxy (RFC 9298 §3: target_host).
    const remote = this.#proxy !== undefined ? { address: hostname, port } : await untilAborted(resolveHost(hostname, port), signal);
    const serverName = options.serverName ?? hostname;
    const key = this.#poolKey(remote, serverName, options);
    const reuse = options.reuseConnection ?? true;
    // Loaded before the pool check, so that concurrent connects still find each other's connection.
    const material = this.config.caCerts === undefined && this.config.certfile === undefined
      ? NO_TLS_MATERIAL : await untilAborted(this.#tlsMaterial(), signal);
    let conn = reuse ? await this.#reusable(key, signal) : undefined;
    const pending = reuse && conn === undefined ? this.#opening.get(key) : undefined;
    if (pending !== undefined) {
      // Another connect() is opening a connection to this origin: share it rather than open a second.
      await untilAborted(pending.catch(() => undefined), signal);
      conn = await this.#reusable(key, signal);
    }
    const fresh = conn === undefined;
    if (conn === undefined) {
      const opening = this.#open(key, remote, serverName, options, material, signal);
      this.#opening.set(key, opening);
      try {
        conn = await opening;
      } finally {
        if (this.#opening.get(key) === opening) this.#opening.delete(key);
      }
    }
    const host = conn.host;
    const headers = this.#requestHeaders(options);
    let sessionId: number | undefined;
    try {
      sessionId = await untilAborted(host.whenNegotiated((e) => e.connect({
        authority: url.host, path: `${url.pathname}${url.search}`, ...(options.origin !== undefined ? { origin: options.origin } : {}), headers,
      })), signal);
    } catch (error) {
      if (fresh && host.sessionCount === 0) host.close(H3ErrorCode.H3_REQUEST_CANCELLED, 'connect failed');
      throw host.closeError ?? error;
    }
    if (host.proto.alpn !== H3_ALPN) {
      host.close(H3ErrorCode.H3_GENERAL_PROTOCOL_ERROR, 'ALPN h3 not negotiated');
      throw new ClientError(`the server negotiated ALPN ${String(host.proto.alpn)}, not h3`);
    }
    if (sessionId === undefined) throw new ClientError('no stream available for the CONNECT request (QUIC stream limit)', { targetUrl: url.href });
    const session = new WebTransportSession(SESSION_KEY, {
      host, sessionId, isClient: true, path: `${url.pathname}${url.search}`, headers, connected: false,
      streamSettings: {
        bufferSize: this.config.streamBufferSize, maxSendBuffered: this.config.maxStreamBufferSize,
        readTimeoutMs: this.config.readTimeoutMs, writeTimeoutMs: this.config.writeTimeoutMs,
      },
      streamCreationTimeoutMs: this.config.streamCreationTimeoutMs,
      maxLocalStreams: this.config.maxStreams,
      maxIncomingStreams: this.config.maxIncomingStreams,
      maxDatagramSize: this.config.maxDatagramSize,
      onClosed: this.#sessionClosedHandler(conn),
    });
    this.#sessions.add(session);
    conn.epoch = (conn.epoch ?? 0) + 1;
    try {
      await untilAborted(session.ready, signal);
    } catch (error) {
      void session.close({ code: 0, reason: 'connect cancelled' }).catch(() => {});
      // A handshake the server refused after our Finished (e.g. alert 116 certificate_required) says more.
      throw host.closeError instanceof HandshakeError ? host.closeError : error;
    }
    return session;
  }

  #requestHeaders(options: WebTransportConnectOptions): Array<[string, string]> {
    const merged: Record<string, string> = {};
    for (const [n, v] of Object.entries(this.config.headers)) merged[n.toLowerCase()] = v;
    for (const [n, v] of Object.entries(options.headers ?? {})) merged[n.toLowerCase()] = String(v);
    merged['user-agent'] ??= this.config.userAgent;
    delete merged['origin'];
    return Object.entries(merged).filter(([n]) => !n.startsWith(':'));
  }

  #poolKey(remote: SocketAddress, serverName: string, o: WebTransportConnectOptions): string {
    let trust: string;
    if (this.#insecure(o)) trust = 'insecure';
    else if (o.serverCertificateHashes !== undefined && o.serverCertificateHashes.length > 0) {
      trust = `hash:${o.serverCertificateHashes.map((h) => `${h.algorithm}=${hex(toBytes(h.value))}`).join(',')}`;
    } else if (o.ca !== undefined) {
      const list = typeof o.ca === 'string' || o.ca instanceof Uint8Array ? [o.ca] : o.ca;
      trust = `ca:${list.map((c) => (typeof c === 'string' ? c : hex(c))).join(',')}`;
    } else trust = 'system';
    return `${remote.address}|${remote.port}|${serverName}|${trust}`;
  }

  #insecure(o: WebTransportConnectOptions): boolean {
    return o.insecure === true || (o.insecure === undefined && this.config.verifyMode === VerifyMode.CERT_NONE);
  }

  /** An open connection of this key with room for one more session (waits for its SETTINGS). */
  async #reusable(key: string, signal: AbortSignal): Promise<PooledConnection | undefined> {
    for (const conn of [...(this.#pool.get(key) ?? [])]) {
      try {
        await untilAborted(conn.host.negotiated, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        continue;
      }
      if (conn.host.canOpenSession()) return conn;
    }
    return undefined;
  }

  /** Verifiers are cached per trust settings: parsing CA certificates costs more than a handshake step. */
  #verifierFor(o: WebTransportConnectOptions, configCa: string | Uint8Array | undefined): CertificateVerifier | null {
    const ca = o.ca ?? configCa;
    const caList = ca === undefined ? undefined : typeof ca === 'string' || ca instanceof Uint8Array ? [ca] : ca;
    const hashes = o.serverCertificateHashes?.map((h): CertificateHash => ({ algorithm: h.algorithm, value: toBytes(h.value) }));
    const cacheKey = JSON.stringify([
      caList?.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('hex'))) ?? null,
      hashes?.map((h) => `${h.algorithm}:${Buffer.from(h.value).toString('hex')}`) ?? null,
    ]);
    let verifier = this.#verifiers.get(cacheKey);
    if (verifier === undefined) {
      verifier = createCertificateVerifier({
        ...(caList !== undefined ? { ca: caList } : {}),
        ...(hashes !== undefined ? { serverCertificateHashes: hashes } : {}),
      });
      if (this.#verifiers.size >= 16) this.#verifiers.delete(this.#verifiers.keys().next().value!);
      this.#verifiers.set(cacheKey, verifier);
    }
    return verifier;
  }

  async #open(key: string, remote: SocketAddress, serverName: string, o: WebTransportConnectOptions, material: TlsMaterial, signal: AbortSignal): Promise<PooledConnection> {
    const proxied = this.#proxy !== undefined ? await this.#proxy.open(remote, webTransportTransport(this.config, this.#options.transport), signal) : undefined;
    const driver = proxied?.driver ?? await this.#driver(udpFamilyFor(remote.address));
    const verifier = this.#insecure(o) ? null : this.#verifierFor(o, material.configCa);
    const clientCertificate = material.clientCertificate;
    const ref: { host?: WtConnectionHost } = {};
    const keyLog = this.#options.keyLog;
    const proto = driver.connect(remote, {
      serverName, alpnProtocols: [H3_ALPN], verifier,
      // The endpoint presents it when the server asks (its ClientConnectOptions.clientCertificate).
      ...(clientCertificate !== undefined ? { clientCertificate } : {}),
      transport: proxied !== undefined ? this.#proxy!.transport(webTransportTransport(this.config, this.#options.transport)) : webTransportTransport(this.config, this.#options.transport),
    }, {
      onConnectionEvent: (ev) => {
        if (ev.type === 'keyLog') keyLog?.(ev.label, ev.clientRandom, ev.secret);
        ref.host!.onConnectionEvent(ev);
      },
    });
    const host = new WtConnectionHost(driver, proto, {
      isServer: false,
      engine: { maxSessions: this.#options.maxSessionsPerConnection ?? 16, ...(this.#options.drafts ? { drafts: this.#options.drafts } : {}) },
    });
    ref.host = host;
    proxied?.attach(host);
    const conn: PooledConnection = { key, host };
    const list = this.#pool.get(key) ?? [];
    list.push(conn);
    this.#pool.set(key, list);
    this.#stats.connectionsOpened++;
    void host.closed.then(() => this.#forget(conn));
    // Not negotiated yet: #connect queues its CONNECT to leave with our Finished (whenNegotiated).
    return conn;
  }

  #tlsMaterial(): Promise<TlsMaterial> {
    const { caCerts, certfile, keyfile } = this.config;
    this.#material ??= (async (): Promise<TlsMaterial> => {
      let configCa: string | Uint8Array | undefined;
      let clientCertificate: TlsMaterial['clientCertificate'];
      try {
        if (caCerts !== undefined) configCa = await readCaCertificates(caCerts);
      } catch (error) {
        throw new ClientError(`cannot read caCerts: ${(error as Error).message}`, { cause: error });
      }
      try {
        if (certfile !== undefined && keyfile !== undefined) {
          const c = await loadCredentials({ cert: certfile, key: keyfile });
          clientCertificate = { chain: c.chain, key: c.signingKey };
        }
      } catch (error) {
        throw new ClientError(`cannot load the client certificate (certfile/keyfile): ${(error as Error).message}`, { cause: error });
      }
      return { configCa, clientCertificate };
    })();
    this.#material.catch(() => { this.#material = undefined; });
    return this.#material;
  }

  #driver(family: 'udp4' | 'udp6'): Promise<EndpointDriver> {
    let p = this.#drivers.get(family);
    if (p === undefined) {
      p = openEndpoint({ host: family === 'udp6' ? '::' : '0.0.0.0', port: 0, transport: webTransportTransport(this.config, this.#options.transport) })
        .then((o) => o.driver);
      this.#drivers.set(family, p);
      p.catch(() => this.#drivers.delete(family));
    }
    return p;
  }

  #forget(conn: PooledConnection): void {
    const list = this.#pool.get(conn.key);
    if (list === undefined) return;
    const i = list.indexOf(conn);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.#pool.delete(conn.key);
  }

  /** The last session of a connection ended: close it once the close capsule got through. */
  /** The session's close callback, built here so that it keeps only `conn` alive (not connect()'s whole scope). */
  #sessionClosedHandler(conn: PooledConnection): (session: WebTransportSession) => void {
    return (session) => this.#onSessionClosed(session, conn);
  }

  #onSessionClosed(session: WebTransportSession, conn: PooledConnection): void {
    this.#sessions.delete(session);
    const host = conn.host;
    const epoch = conn.epoch = (conn.epoch ?? 0) + 1;
    if (host.sessionCount > 0 || host.isClosed) return;
    void settleConnection(host, 1000).then(() => {
      // Another session opened or closed meanwhile: its own close path decides (and flushes first).
      if (host.sessionCount === 0 && conn.epoch === epoch) {
        this.#forget(conn);
        host.close(H3ErrorCode.H3_NO_ERROR, 'no more sessions');
      }
    });
  }

  /** Closes every session (code 0) and connection, then the sockets. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      const sessions = [...this.#sessions];
      await Promise.all(sessions.map((s) => s.close({ code: 0, reason: 'client closed' }).catch(() => {})));
      const conns = [...this.#pool.values()].flat();
      await Promise.all(conns.map((c) => settleConnection(c.host, 500)));
      for (const c of conns) c.host.close(H3ErrorCode.H3_NO_ERROR, 'client closed');
      const drivers = await Promise.allSettled([...this.#drivers.values()]);
      await Promise.all(drivers.map((d) => (d.status === 'fulfilled' ? d.value.close({ timeoutMs: 1000 }) : undefined)));
      await this.#proxy?.close();
    })();
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/**
 * One-shot helper: a private client for one session; the client (socket included) is closed
 * when the session ends.
 */
export async function connect(url: string | URL, options: WebTransportConnectOptions & { config?: ClientConfig | ClientConfigOptions } = {}): Promise<WebTransportSession> {
  const client = new WebTransportClient(options.config !== undefined ? { config: options.config } : {});
  try {
    const session = await client.connect(url, options);
    void session.closed.then(() => client.close());
    return session;
  } catch (error) {
    await client.close();
    throw error;
  }
}
