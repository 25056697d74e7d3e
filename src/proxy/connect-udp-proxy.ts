/**
 * ConnectUdpProxy: a CONNECT-UDP proxy (RFC 9298) on HTTP/3. Each accepted request gets a UDP
 * socket connected to its target and a relay both ways. Answers: 400 for a request that is not a
 * well-formed CONNECT-UDP one, 407 for failed authentication, 403 for a target `allowTarget`
 * refuses (by default anything but loopback), 502 when the name does not resolve, 504 when
 * resolution times out, 503 when `maxTunnels` are open. Refusals carry a Proxy-Status (RFC 9209).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import {
  ConnectUdpServer, DEFAULT_CONNECT_UDP_TEMPLATE, matchConnectUdpPath, parseConnectUdpTemplate, ProxyProtocolError,
  type ConnectUdpRequest, type ConnectUdpTemplate,
} from '../api/proxy/index.js';
import type { SigningKey } from '../index.js';
import type { KeyLogSink, SocketAddress } from '../runtime/proto-types.js';
import { UdpRelay } from './udp-relay.js';

export interface ProxyCredentials {
  username: string;
  password: string;
}

export interface ConnectUdpProxyOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (read `address`). */
  port?: number;
  certificateChain: Uint8Array[];
  signingKey: SigningKey;
  /** Require `proxy-authorization: Basic base64(username:password)`. */
  credentials?: ProxyCredentials;
  /** Custom authentication (runs after `credentials`, if both are set); false answers 407. */
  authenticate?: (request: ConnectUdpRequest) => boolean | Promise<boolean>;
  /**
   * Which targets may be reached, asked with the resolved address (and the name asked for).
   * Default: loopback addresses only, so a proxy started by mistake is no open relay.
   */
  allowTarget?: (address: string, port: number, requestedHost: string) => boolean;
  /** The URI template clients use (RFC 9298 §2); default '/.well-known/masque/udp/{target_host}/{target_port}/'. */
  template?: string;
  /** Tunnels open at once (default 256); more are answered 503. */
  maxTunnels?: number;
  /** A tunnel with no datagram either way for this long is closed (default 60 000 ms). */
  idleTimeoutMs?: number;
  /** Client payloads waiting for the UDP socket, per tunnel (default 256); more are dropped. */
  maxQueuedDatagrams?: number;
  /** Bound on resolving a target name (default 5 000 ms; then 504). */
  resolveTimeoutMs?: number;
  maxConnections?: number;
  keyLog?: KeyLogSink;
  /** Called for every request answered, with its status (for logs). */
  onRequest?: (info: { status: number; target: string | undefined; remoteAddress: SocketAddress; reason?: string }) => void;
}

export interface ConnectUdpProxyStats {
  tunnelsOpened: number;
  tunnelsActive: number;
  refused: number;
}

/** Default allowTarget: loopback only (127.0.0.0/8, ::1, IPv4-mapped loopback). */
export function isLoopbackAddress(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith('127.');
  const lower = address.toLowerCase();
  return lower === '::1' || lower.startsWith('::ffff:127.');
}

const PROXY_NAME = 'tswebtransport';

function basicAuthorization(c: ProxyCredentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;
}

export class ConnectUdpProxy implements AsyncDisposable {
  readonly server: ConnectUdpServer;
  readonly stats: ConnectUdpProxyStats = { tunnelsOpened: 0, tunnelsActive: 0, refused: 0 };
  readonly #options: ConnectUdpProxyOptions;
  readonly #template: ConnectUdpTemplate;
  readonly #relays = new Set<UdpRelay>();
  /** Tunnels being set up (auth, DNS) count against maxTunnels too. */
  #pending = 0;

  private constructor(server: ConnectUdpServer, options: ConnectUdpProxyOptions, template: ConnectUdpTemplate) {
    this.server = server;
    this.#options = options;
    this.#template = template;
  }

  static async listen(options: ConnectUdpProxyOptions): Promise<ConnectUdpProxy> {
    const template = parseConnectUdpTemplate(options.template ?? DEFAULT_CONNECT_UDP_TEMPLATE);
    const self: { proxy?: ConnectUdpProxy } = {};
    const server = await ConnectUdpServer.listen({
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      certificateChain: options.certificateChain,
      signingKey: options.signingKey,
      ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
      ...(options.keyLog !== undefined ? { keyLog: options.keyLog } : {}),
      onRequest: (request) => void self.proxy!.#handle(request),
    });
    self.proxy = new ConnectUdpProxy(server, options, template);
    return self.proxy;
  }

  get address(): SocketAddress {
    return this.server.address;
  }

  /** https://host:port of the proxy. */
  get url(): string {
    const a = this.server.address;
    return `https://${a.address.includes(':') ? `[${a.address}]` : a.address}:${a.port}`;
  }

  async #handle(request: ConnectUdpRequest): Promise<void> {
    const o = this.#options;
    let target: { host: string; port: number } | undefined;
    const refuse = (status: number, error: string | undefined, reason: string, extra: Array<[string, string]> = []): void => {
      this.stats.refused++;
      const fields: Array<[string, string]> = [...extra];
      if (error !== undefined) fields.push(['proxy-status', `${PROXY_NAME}; error=${error}`]);
      try {
        request.reject(status, fields);
      } catch {
        // Already answered or gone.
      }
      o.onRequest?.({ status, target: target && `${target.host}:${target.port}`, remoteAddress: request.remoteAddress, reason });
    };
    if (!request.isConnectUdp) {
      refuse(request.method === 'CONNECT' ? 501 : 400, undefined, 'not a CONNECT-UDP request');
      return;
    }
    if (request.scheme !== 'https' && request.scheme !== 'http') {
      refuse(400, undefined, `bad :scheme ${String(request.scheme)}`);
      return;
    }
    try {
      target = matchConnectUdpPath(this.#template, request.path ?? '');
    } catch (error) {
      if (!(error instanceof ProxyProtocolError)) throw error;
      refuse(400, undefined, error.message);
      return;
    }
    if (this.stats.tunnelsActive + this.#pending >= (o.maxTunnels ?? 256)) {
      refuse(503, 'proxy_internal_error', 'too many tunnels');
      return;
    }
    this.#pending++;
    let address: string;
    try {
      if (!(await this.#authenticated(request))) {
        refuse(407, 'proxy_auth_required', 'authentication failed', [['proxy-authenticate', `Basic realm="${PROXY_NAME}"`]]);
        return;
      }
      const resolved = await this.#resolve(target.host);
      if (resolved === 'timeout') {
        refuse(504, 'dns_timeout', `resolving ${target.host} timed out`);
        return;
      }
      if (resolved === undefined) {
        refuse(502, 'dns_error', `cannot resolve ${target.host}`);
        return;
      }
      address = resolved;
      const allow = o.allowTarget ?? ((a: string) => isLoopbackAddress(a));
      if (!allow(address, target.port, target.host)) {
        refuse(403, 'destination_ip_prohibited', `target ${address}:${target.port} not allowed`);
        return;
      }
    } catch (error) {
      refuse(500, 'proxy_internal_error', (error as Error).message);
      return;
    } finally {
      this.#pending--;
    }
    await this.#open(request, target, address);
  }

  async #open(request: ConnectUdpRequest, target: { host: string; port: number }, address: string): Promise<void> {
    const o = this.#options;
    let socket;
    try {
      socket = await UdpRelay.connectSocket(address, target.port);
    } catch (error) {
      this.stats.refused++;
      request.reject(502, [['proxy-status', `${PROXY_NAME}; error=destination_unavailable`]]);
      o.onRequest?.({ status: 502, target: `${target.host}:${target.port}`, remoteAddress: request.remoteAddress, reason: (error as Error).message });
      return;
    }
    const tunnel = request.accept(target);
    const relay = UdpRelay.start(tunnel, socket, {
      idleTimeoutMs: o.idleTimeoutMs ?? 60_000,
      maxQueuedDatagrams: o.maxQueuedDatagrams ?? 256,
    });
    this.#relays.add(relay);
    this.stats.tunnelsOpened++;
    this.stats.tunnelsActive++;
    o.onRequest?.({ status: 200, target: `${target.host}:${target.port}`, remoteAddress: request.remoteAddress });
    void relay.closed.then(() => {
      this.#relays.delete(relay);
      this.stats.tunnelsActive--;
    });
  }

  async #authenticated(request: ConnectUdpRequest): Promise<boolean> {
    const o = this.#options;
    if (o.credentials !== undefined && request.header('proxy-authorization') !== basicAuthorization(o.credentials)) return false;
    if (o.authenticate !== undefined) return (await o.authenticate(request)) === true;
    return true;
  }

  /** The address to send to; undefined when the name does not resolve. */
  async #resolve(host: string): Promise<string | 'timeout' | undefined> {
    if (isIP(host) !== 0) return host;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        lookup(host).then((r) => r.address, () => undefined),
        new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), this.#options.resolveTimeoutMs ?? 5000); }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Active tunnels' relays (for diagnostics). */
  get relays(): readonly UdpRelay[] {
    return [...this.#relays];
  }

  /** Closes every tunnel and connection, then the socket. */
  async close(): Promise<void> {
    for (const r of this.#relays) r.close();
    await this.server.close();
    await Promise.all([...this.#relays].map((r) => r.closed));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
