/**
 * What WebTransportClient needs to reach targets through a CONNECT-UDP proxy: one lazily opened
 * proxy connection (reopened if it went away), and per QUIC connection a tunnel wrapped as the
 * endpoint's socket. The end-to-end QUIC + TLS handshake then runs inside the tunnel; the proxy
 * only relays UDP payloads.
 */
import { H3ErrorCode } from '../../proto/h3/errors.js';
import type { TransportConfig } from '../../proto/quic/connection/config.js';
import type { EndpointDriver } from '../../runtime/endpoint-driver.js';
import type { SocketAddress } from '../../runtime/proto-types.js';
import { openEndpoint } from '../http3/endpoint-setup.js';
import { ConnectUdpClient, type ProxyOptions } from './connect-udp-client.js';
import type { ConnectUdpTunnel } from './tunnel.js';
import { TunnelDatagramSocket } from './tunnel-socket.js';

/**
 * Packets of the inner connection must fit one QUIC DATAGRAM of the proxy connection (after its
 * framing overhead), so the tunnelled connection keeps to the 1200-byte QUIC minimum; it tells the
 * target so through max_udp_payload_size.
 */
export const TUNNELLED_MAX_PACKET_SIZE = 1200;

/** A connection running over a tunnel: closed when the tunnel ends. */
export interface TunnelledConnection {
  readonly closed: Promise<unknown>;
  close(code?: number, reason?: string): void;
}

export interface ProxiedEndpoint {
  readonly driver: EndpointDriver;
  readonly tunnel: ConnectUdpTunnel;
  /** Ties lifetimes: the tunnel's end closes the connection; the connection's end closes the endpoint (and tunnel). */
  attach(connection: TunnelledConnection): void;
}

export class ProxyDialer {
  readonly options: ProxyOptions;
  #client: Promise<ConnectUdpClient> | undefined;
  /** Tunnelled endpoints still open, each settling once its endpoint closed. */
  readonly #endpoints = new Set<Promise<void>>();
  #closed = false;

  constructor(options: ProxyOptions) {
    this.options = options;
  }

  /** Transport settings for a tunnelled connection (the caller's own maxPacketSize wins). */
  transport(base: Partial<TransportConfig>): Partial<TransportConfig> {
    // The tunnel's own packets carry ours: no room to grow, even to a loopback target (no PMTU probes).
    return { maxPacketSize: TUNNELLED_MAX_PACKET_SIZE, loopbackMaxPacketSize: TUNNELLED_MAX_PACKET_SIZE, ...base };
  }

  /** Opens a tunnel to `target` (host name or address, resolved by the proxy) and an endpoint on it. */
  async open(target: SocketAddress, transport: Partial<TransportConfig>, signal?: AbortSignal): Promise<ProxiedEndpoint> {
    const client = await this.#connection(signal);
    const tunnel = await client.openTunnel(target.address, target.port, signal !== undefined ? { signal } : {});
    const socket = new TunnelDatagramSocket(tunnel, target);
    let driver: EndpointDriver;
    try {
      ({ driver } = await openEndpoint({ host: socket.address().address, port: 0, socket, transport: this.transport(transport) }));
    } catch (error) {
      tunnel.abort(H3ErrorCode.H3_INTERNAL_ERROR, 'endpoint setup failed');
      throw error;
    }
    const endpoints = this.#endpoints;
    return {
      driver,
      tunnel,
      attach(connection) {
        void tunnel.closed.then((info) => connection.close(H3ErrorCode.H3_NO_ERROR, `proxy tunnel closed: ${info.reason}`));
        // The endpoint's last flush sends the CONNECTION_CLOSE into the tunnel, then its socket closes the tunnel.
        const done: Promise<void> = connection.closed.then(() => driver.close({ timeoutMs: 0 })).finally(() => endpoints.delete(done));
        endpoints.add(done);
      },
    };
  }

  async #connection(signal: AbortSignal | undefined): Promise<ConnectUdpClient> {
    if (this.#closed) throw new Error('the proxy dialer is closed');
    const current = this.#client;
    if (current !== undefined) {
      const client = await current.catch(() => undefined);
      if (client !== undefined && !client.isClosed) return client;
      if (this.#client === current) this.#client = undefined;
    }
    const next = ConnectUdpClient.connect(this.options, signal);
    this.#client = next;
    next.catch(() => { if (this.#client === next) this.#client = undefined; });
    return next;
  }

  /** Closes the proxy connection (and every tunnel on it). */
  async close(): Promise<void> {
    this.#closed = true;
    const client = await this.#client?.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all(this.#endpoints), new Promise((resolve) => { timer = setTimeout(resolve, 1000); })]);
    clearTimeout(timer);
    // One turn for the proxy connection to send what the tunnels queued last (close packets, FINs).
    await new Promise((resolve) => setImmediate(resolve));
    await client?.close();
  }
}
