/**
 * ConnectUdpServer: an HTTP/3 server whose connections announce extended CONNECT and HTTP
 * Datagrams, handing every request to `onRequest`. The request is answered with accept() (2xx
 * with capsule-protocol: ?1, returning the tunnel) or reject(status). The policy (which
 * targets, who may use it) and the UDP side live above, in the ConnectUdpProxy toolkit module.
 */
import { H3ErrorCode } from '../../proto/h3/errors.js';
import type { TransportConfig } from '../../proto/quic/connection/config.js';
import type { Header } from '../../proto/h3/qpack/index.js';
import type { SigningKey } from '../../proto/tls/session.js';
import type { EndpointDriver } from '../../runtime/endpoint-driver.js';
import type { KeyLogSink, ProtoConnection, SocketAddress } from '../../runtime/proto-types.js';
import { H3_ALPN, openEndpoint } from '../http3/endpoint-setup.js';
import { ConnectUdpHost, type IncomingRequestHead } from './connect-udp-host.js';
import { ConnectUdpTunnel, type TunnelTarget } from './tunnel.js';

export interface ConnectUdpRequest {
  readonly streamId: number;
  /** Every field, pseudo-headers included. */
  readonly headers: readonly Header[];
  readonly method: string;
  readonly protocol: string | undefined;
  readonly scheme: string | undefined;
  readonly authority: string | undefined;
  readonly path: string | undefined;
  /** The client's address as the proxy sees it. */
  readonly remoteAddress: SocketAddress;
  /** True for an extended CONNECT with :protocol connect-udp. */
  readonly isConnectUdp: boolean;
  /** Whether accept() or reject() was called. */
  readonly answered: boolean;
  /** First value of a header (lowercase name). */
  header(name: string): string | undefined;
  /** Answers 200 (capsule-protocol: ?1) and returns the open tunnel. */
  accept(target: TunnelTarget, headers?: ReadonlyArray<readonly [string, string]>): ConnectUdpTunnel;
  /** Answers `status` (>= 300) and ends the stream. */
  reject(status: number, headers?: ReadonlyArray<readonly [string, string]>): void;
}

export interface ConnectUdpServerOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (read `address`). */
  port?: number;
  certificateChain: Uint8Array[];
  signingKey: SigningKey;
  onRequest: (request: ConnectUdpRequest) => void;
  retry?: boolean;
  maxConnections?: number;
  transport?: Partial<TransportConfig>;
  keyLog?: KeyLogSink;
}

export class ConnectUdpServer implements AsyncDisposable {
  readonly address: SocketAddress;
  readonly #driver: EndpointDriver;
  readonly #hosts = new Set<ConnectUdpHost>();
  #closing: Promise<void> | undefined;

  private constructor(driver: EndpointDriver, address: SocketAddress) {
    this.#driver = driver;
    this.address = address;
  }

  static async listen(options: ConnectUdpServerOptions): Promise<ConnectUdpServer> {
    const self: { server?: ConnectUdpServer } = {};
    const { driver, address } = await openEndpoint({
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      transport: { maxDatagramFrameSize: 65_535, ...options.transport },
      server: {
        tls: { certificateChain: options.certificateChain, signingKey: options.signingKey, alpnProtocols: [H3_ALPN] },
        retry: options.retry ?? false,
        ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
      },
      onAccepted: (connection) => self.server!.#accept(connection, options),
    });
    self.server = new ConnectUdpServer(driver, address);
    return self.server;
  }

  get connectionCount(): number {
    return this.#hosts.size;
  }

  #accept(proto: ProtoConnection, options: ConnectUdpServerOptions): void {
    const keyLog = options.keyLog;
    const host = new ConnectUdpHost(this.#driver, proto, {
      isServer: true,
      onRequest: (h, head) => options.onRequest(makeRequest(h, head)),
    });
    this.#driver.register(proto, {
      onConnectionEvent: (ev) => {
        if (ev.type === 'keyLog') keyLog?.(ev.label, ev.clientRandom, ev.secret);
        host.onConnectionEvent(ev);
      },
    });
    this.#hosts.add(host);
    void host.closed.then(() => this.#hosts.delete(host));
    if (this.#closing !== undefined) host.close(H3ErrorCode.H3_NO_ERROR, 'proxy closing');
  }

  /** Closes every connection (and so every tunnel), then the socket. */
  close(options: { timeoutMs?: number } = {}): Promise<void> {
    this.#closing ??= (async () => {
      for (const h of this.#hosts) h.close(H3ErrorCode.H3_NO_ERROR, 'proxy shutdown');
      await this.#driver.close({ timeoutMs: options.timeoutMs ?? 500 });
    })();
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function first(headers: readonly Header[], name: string): string | undefined {
  for (const [n, v] of headers) if (n === name) return v;
  return undefined;
}

function makeRequest(host: ConnectUdpHost, head: IncomingRequestHead): ConnectUdpRequest {
  let answered = false;
  const claim = (): void => {
    if (answered) throw new Error('the CONNECT-UDP request was already answered');
    answered = true;
  };
  return {
    streamId: head.streamId,
    headers: head.headers,
    method: head.method ?? '',
    protocol: head.protocol,
    scheme: first(head.headers, ':scheme'),
    authority: first(head.headers, ':authority'),
    path: first(head.headers, ':path'),
    remoteAddress: host.proto.remote,
    isConnectUdp: head.method === 'CONNECT' && head.protocol === 'connect-udp',
    get answered() { return answered; },
    header: (name) => first(head.headers, name.toLowerCase()),
    accept(target, headers = []) {
      claim();
      const tunnel = new ConnectUdpTunnel(host, head.streamId, target);
      host.attach(tunnel);
      host.respond(head.streamId, [[':status', '200'], ['capsule-protocol', '?1'], ...headers.map(([n, v]): [string, string] => [n.toLowerCase(), v])], false);
      return tunnel;
    },
    reject(status, headers = []) {
      claim();
      if (!Number.isInteger(status) || status < 300 || status > 599) throw new RangeError(`a refusal needs a 3xx-5xx status, got ${status}`);
      host.respond(head.streamId, [[':status', String(status)], ...headers.map(([n, v]): [string, string] => [n.toLowerCase(), v])], true);
    },
  };
}
