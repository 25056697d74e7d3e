/**
 * ConnectUdpClient: one HTTP/3 connection to a CONNECT-UDP proxy (RFC 9298) carrying any number
 * of tunnels, one extended CONNECT request per target. The proxy's certificate is verified like
 * any server's (system roots, `ca`, or pinned hashes); `insecure` turns that off for tests.
 */
import { createCertificateVerifier } from '../../crypto/node-cert-verifier.js';
import { H3ErrorCode } from '../../proto/h3/errors.js';
import { buildExtendedConnectHeaders, ConnectProtocol, isSuccessfulConnectStatus } from '../../proto/h3/extended-connect.js';
import type { TransportConfig } from '../../proto/quic/connection/config.js';
import type { EndpointDriver } from '../../runtime/endpoint-driver.js';
import type { CloseInfo, KeyLogSink } from '../../runtime/proto-types.js';
import { H3_ALPN, openEndpoint, resolveHost } from '../http3/endpoint-setup.js';
import { ConnectUdpHost } from './connect-udp-host.js';
import { ProxyConnectError, ProxyError } from './errors.js';
import { ConnectUdpTunnel } from './tunnel.js';
import { DEFAULT_CONNECT_UDP_TEMPLATE, expandConnectUdpTemplate, parseConnectUdpTemplate, type ConnectUdpTemplate } from './uri-template.js';

export interface ProxyCertificateHash {
  /** 'sha-256' (others are ignored). */
  algorithm: string;
  value: Uint8Array;
}

/** Where and how to reach a CONNECT-UDP proxy (WebTransportClientOptions.proxy). */
export interface ProxyOptions {
  /** The proxy, e.g. 'https://127.0.0.1:4433' (HTTP/3 over UDP). */
  url: string | URL;
  /** Sent on every CONNECT-UDP request, e.g. { 'proxy-authorization': 'Basic ...' }. */
  headers?: Record<string, string>;
  /**
   * URI template (RFC 9298 §2) with {target_host} and {target_port}: a path template or a full
   * https URI template. Default '/.well-known/masque/udp/{target_host}/{target_port}/'.
   */
  template?: string;
  /** Trusted CA certificates (PEM/DER) for the proxy instead of the system roots. */
  ca?: string | Uint8Array | ReadonlyArray<string | Uint8Array>;
  /** Pin the proxy's leaf certificate instead (W3C serverCertificateHashes rules). */
  serverCertificateHashes?: readonly ProxyCertificateHash[];
  /** Skip verification of the proxy's certificate (tests only). */
  insecure?: boolean;
  /** SNI and certificate name (default: the URL's host). */
  serverName?: string;
  /** Bound on reaching the proxy, and on each CONNECT-UDP answer. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** QUIC settings of the connection to the proxy. */
  transport?: Partial<TransportConfig>;
  keyLog?: KeyLogSink;
}

export interface OpenTunnelOptions {
  signal?: AbortSignal;
  /** More request headers for this tunnel (merged over ProxyOptions.headers). */
  headers?: Record<string, string>;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Rejects with a timeout or the signal's reason, whichever comes first; always cleans up. */
async function bounded<T>(work: Promise<T>, timeoutMs: number, what: string, signal: AbortSignal | undefined, onCancel?: () => void): Promise<T> {
  signal?.throwIfAborted();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProxyError(`${what} timed out after ${timeoutMs} ms`)), timeoutMs);
    onAbort = () => reject(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, stop]);
  } catch (error) {
    onCancel?.();
    throw error;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

export class ConnectUdpClient implements AsyncDisposable {
  readonly host: ConnectUdpHost;
  readonly #driver: EndpointDriver;
  readonly #template: ConnectUdpTemplate;
  readonly #authority: string;
  readonly #options: ProxyOptions;
  #closing: Promise<void> | undefined;

  private constructor(driver: EndpointDriver, host: ConnectUdpHost, template: ConnectUdpTemplate, authority: string, options: ProxyOptions) {
    this.#driver = driver;
    this.host = host;
    this.#template = template;
    this.#authority = authority;
    this.#options = options;
    // The socket goes with the connection, whoever closed it.
    void host.closed.then(() => driver.close({ timeoutMs: 0 }));
  }

  /** Connects to the proxy and waits for its SETTINGS (extended CONNECT must be enabled). */
  static async connect(options: ProxyOptions, signal?: AbortSignal): Promise<ConnectUdpClient> {
    const url = new URL(options.url);
    if (url.protocol !== 'https:') throw new ProxyError(`unsupported proxy URL scheme ${url.protocol} (https: expected)`);
    const template = parseConnectUdpTemplate(options.template ?? DEFAULT_CONNECT_UDP_TEMPLATE);
    if (template.scheme !== 'https') throw new ProxyError(`unsupported template scheme ${template.scheme} (https expected)`);
    const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const port = url.port === '' ? 443 : Number(url.port);
    const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const remote = await bounded(resolveHost(hostname, port), timeoutMs, 'resolving the proxy', signal);
    const transport = { maxDatagramFrameSize: 65_535, initialMaxStreamsUni: 16, ...options.transport };
    const { driver } = await openEndpoint({ host: remote.address.includes(':') ? '::' : '0.0.0.0', port: 0, transport });
    const verifier = options.insecure === true ? null : createCertificateVerifier({
      ...(options.ca !== undefined ? { ca: typeof options.ca === 'string' || options.ca instanceof Uint8Array ? [options.ca] : options.ca } : {}),
      ...(options.serverCertificateHashes !== undefined ? { serverCertificateHashes: options.serverCertificateHashes } : {}),
    });
    const ref: { host?: ConnectUdpHost } = {};
    const keyLog = options.keyLog;
    const proto = driver.connect(remote, { serverName: options.serverName ?? hostname, alpnProtocols: [H3_ALPN], verifier, transport }, {
      onConnectionEvent: (ev) => {
        if (ev.type === 'keyLog') keyLog?.(ev.label, ev.clientRandom, ev.secret);
        ref.host!.onConnectionEvent(ev);
      },
    });
    const host = new ConnectUdpHost(driver, proto, { isServer: false });
    ref.host = host;
    const client = new ConnectUdpClient(driver, host, template, template.authority ?? url.host, options);
    try {
      const settings = await bounded(host.settings, timeoutMs, 'connecting to the proxy', signal);
      if (proto.alpn !== H3_ALPN) throw new ProxyError(`the proxy negotiated ALPN ${String(proto.alpn)}, not h3`);
      if (!settings.enableConnectProtocol) throw new ProxyError('the proxy does not enable extended CONNECT (SETTINGS_ENABLE_CONNECT_PROTOCOL)');
    } catch (error) {
      host.close(H3ErrorCode.H3_REQUEST_CANCELLED, 'proxy connect failed');
      await driver.close({ timeoutMs: 0 });
      throw host.closeError !== undefined && !(error instanceof ProxyError) ? host.closeError : error;
    }
    return client;
  }

  get isClosed(): boolean {
    return this.host.isClosed;
  }

  get closed(): Promise<CloseInfo> {
    return this.host.closed;
  }

  get tunnelCount(): number {
    return this.host.tunnelCount;
  }

  /**
   * Opens a tunnel to host:port (a name is resolved by the proxy). Resolves once the proxy
   * answered 2xx; a refusal rejects with ProxyConnectError carrying the status.
   */
  async openTunnel(targetHost: string, targetPort: number, options: OpenTunnelOptions = {}): Promise<ConnectUdpTunnel> {
    if (this.#closing !== undefined) throw new ProxyError('the proxy client is closed');
    const target = { host: targetHost, port: targetPort };
    const path = expandConnectUdpTemplate(this.#template, targetHost, targetPort);
    const extra: Array<[string, string]> = [['capsule-protocol', '?1']];
    const merged: Record<string, string> = {};
    for (const [n, v] of Object.entries({ ...this.#options.headers, ...options.headers })) merged[n.toLowerCase()] = String(v);
    for (const [n, v] of Object.entries(merged)) if (!n.startsWith(':') && n !== 'capsule-protocol') extra.push([n, v]);
    const headers = buildExtendedConnectHeaders({ protocol: ConnectProtocol.CONNECT_UDP, authority: this.#authority, path, headers: extra });
    const timeoutMs = this.#options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const host = this.host;
    const streamId = await bounded(host.openRequest(headers), timeoutMs, 'opening a CONNECT-UDP request', options.signal);
    const tunnel = new ConnectUdpTunnel(host, streamId, target);
    host.attach(tunnel);
    const response = await bounded(host.response(streamId), timeoutMs, `CONNECT-UDP to ${targetHost}:${targetPort}`, options.signal,
      () => tunnel.abort(H3ErrorCode.H3_REQUEST_CANCELLED, 'cancelled'));
    if (!isSuccessfulConnectStatus(response.status)) {
      tunnel.abort(H3ErrorCode.H3_REQUEST_CANCELLED, `refused with ${response.status}`);
      const regular = response.headers.filter(([n]) => !n.startsWith(':'));
      const status = regular.find(([n]) => n === 'proxy-status')?.[1];
      throw new ProxyConnectError(`the proxy refused the tunnel to ${targetHost}:${targetPort} with status ${response.status}${status ? ` (${status})` : ''}`, {
        status: response.status, headers: regular, target, remote: true,
      });
    }
    if (tunnel.isClosed) throw new ProxyError(`the CONNECT-UDP tunnel to ${targetHost}:${targetPort} closed right after it opened`, { remote: true });
    return tunnel;
  }

  /** Closes every tunnel and the connection (H3_NO_ERROR), then the socket. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.host.close(H3ErrorCode.H3_NO_ERROR, 'proxy client closed');
      await this.#driver.close({ timeoutMs: 200 });
    })();
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
