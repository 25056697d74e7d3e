/**
 * The raw-QUIC async entry point: a UDP socket, a proto Endpoint and its driver. Servers iterate
 * `incoming`; clients get a QuicConnection once the handshake completed.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { TransportConfig } from '../proto/quic/connection/config.js';
import type { CertificateVerifier, SessionTicket, SigningKey } from '../proto/tls/session.js';
import type { Micros } from '../proto/util/time.js';
import { AsyncQueue } from './async-queue.js';
import { wallClockMicros, type Clock } from './clock.js';
import { createDefaultProtoEndpoint, type ProtoEndpointFactory } from './default-endpoint.js';
import { EndpointDriver } from './endpoint-driver.js';
import type { KeyLogSink, ProtoConnection, ProtoEndpointConfig, SocketAddress } from './proto-types.js';
import { QuicConnection } from './quic-connection.js';
import type { TimerScheduler } from './timer-scheduler.js';
import { createUdpSocket, type DatagramSocket } from './udp-socket.js';
import { udpFamilyFor } from './socket-address.js';

/** Injection points for tests and the simulator; production leaves them unset. */
export interface QuicEndpointSeams {
  createEndpoint?: ProtoEndpointFactory;
  /** An unbound socket to use instead of a node:dgram one. */
  socket?: DatagramSocket;
  clock?: Clock;
  timers?: TimerScheduler;
}

interface CommonOptions extends QuicEndpointSeams {
  transport?: Partial<TransportConfig>;
  /** NSS key-log sink, e.g. from createKeyLogWriter() (runtime/keylog.ts). */
  keyLog?: KeyLogSink;
  wallClock?: () => Micros;
}

export interface QuicListenOptions extends CommonOptions {
  /** Default '0.0.0.0'; an IPv6 literal ('::', '::1') binds a udp6 socket. */
  host?: string;
  /** Default 0 (the OS picks; read `address`). */
  port?: number;
  alpnProtocols: string[];
  certificateChain: Uint8Array[];
  signingKey: SigningKey;
  /** Validate client addresses with a Retry round trip first. */
  retry?: boolean;
  /** TLS cipher suite ids the server accepts, in preference order. */
  cipherSuites?: number[];
  /** Connections beyond this many are refused. */
  maxConnections?: number;
}

export interface QuicBindOptions extends CommonOptions {
  host?: string;
  port?: number;
}

export interface QuicDialOptions {
  host: string;
  port: number;
  /** Name for SNI and certificate checks; defaults to `host`. */
  serverName?: string;
  alpnProtocols: string[];
  /** null turns certificate verification off. */
  verifier: CertificateVerifier | null;
  /** TLS cipher suite ids in preference order (CipherSuiteId). */
  cipherSuites?: number[];
  transport?: Partial<TransportConfig>;
  sessionTicket?: SessionTicket;
  signal?: AbortSignal;
}

export interface QuicConnectOptions extends QuicDialOptions, CommonOptions {
  /** Local address to bind; defaults to the wildcard of the remote's family. */
  localHost?: string;
}

export class QuicEndpoint implements AsyncDisposable {
  readonly driver: EndpointDriver;
  /** Server: connections whose handshake completed, in completion order. */
  readonly incoming: AsyncIterable<QuicConnection>;
  readonly #incoming = new AsyncQueue<QuicConnection>();
  readonly #connections = new Map<ProtoConnection, QuicConnection>();
  readonly #family: 'udp4' | 'udp6';
  readonly #keyLog: KeyLogSink | undefined;
  #address: SocketAddress;
  #closing: Promise<void> | undefined;

  private constructor(driver: EndpointDriver, address: SocketAddress, family: 'udp4' | 'udp6', keyLog: KeyLogSink | undefined) {
    this.driver = driver;
    this.#keyLog = keyLog;
    this.#address = address;
    this.#family = family;
    this.incoming = this.#incoming;
  }

  /** Starts a server endpoint. */
  static async listen(options: QuicListenOptions): Promise<QuicEndpoint> {
    const config = baseConfig(options);
    config.server = {
      tls: {
        certificateChain: options.certificateChain,
        signingKey: options.signingKey,
        alpnProtocols: options.alpnProtocols,
        ...(options.cipherSuites ? { cipherSuites: options.cipherSuites } : {}),
      },
      retry: options.retry ?? false,
      ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
    };
    return QuicEndpoint.#open(options, config, options.host ?? '0.0.0.0', options.port ?? 0);
  }

  /** A client endpoint that can dial several connections from one socket. */
  static async bind(options: QuicBindOptions = {}): Promise<QuicEndpoint> {
    return QuicEndpoint.#open(options, baseConfig(options), options.host ?? '0.0.0.0', options.port ?? 0);
  }

  /** Dials one connection from its own endpoint, which closes when the connection does. */
  static async connect(options: QuicConnectOptions): Promise<QuicConnection> {
    const remote = await resolveRemote(options.host, options.port);
    const family = udpFamilyFor(remote.address);
    const endpoint = await QuicEndpoint.#open(options, baseConfig(options),
      options.localHost ?? (family === 'udp6' ? '::' : '0.0.0.0'), 0);
    try {
      // This socket only ever talks to `remote`: a connected socket sends without per-packet addressing.
      await endpoint.driver.socket.connect?.(remote);
      const connection = await endpoint.#dial(remote, options);
      void connection.closed.then(() => endpoint.close({ timeoutMs: 0 }));
      return connection;
    } catch (error) {
      await endpoint.close({ timeoutMs: 0 });
      throw error;
    }
  }

  static async #open(seams: CommonOptions, config: ProtoEndpointConfig, host: string, port: number): Promise<QuicEndpoint> {
    const family = udpFamilyFor(host);
    const socket = seams.socket ?? createUdpSocket({ family });
    const protoEndpoint = await (seams.createEndpoint ?? createDefaultProtoEndpoint)(config);
    const self: { endpoint?: QuicEndpoint } = {};
    const driver = new EndpointDriver({
      socket,
      endpoint: protoEndpoint,
      ...(seams.clock ? { clock: seams.clock } : {}),
      ...(seams.timers ? { timers: seams.timers } : {}),
      onAccepted: (connection) => self.endpoint!.#accept(connection),
    });
    let address: SocketAddress;
    try {
      address = await socket.bind(port, host);
    } catch (error) {
      await socket.close();
      throw error;
    }
    self.endpoint = new QuicEndpoint(driver, address, family, seams.keyLog);
    return self.endpoint;
  }

  get address(): SocketAddress {
    return this.#address;
  }

  /** Connections currently alive on this endpoint (handshaking ones included). */
  get connections(): QuicConnection[] {
    return [...this.#connections.values()];
  }

  /** Dials a connection from this endpoint's socket. */
  async connect(options: QuicDialOptions): Promise<QuicConnection> {
    const remote = await resolveRemote(options.host, options.port, this.#family);
    return this.#dial(remote, options);
  }

  /** Closes every connection (application close), waits for draining up to timeoutMs, closes the socket. */
  close(options: { code?: number | bigint; reason?: string; timeoutMs?: number } = {}): Promise<void> {
    this.#closing ??= (async () => {
      this.#incoming.end();
      await this.driver.close({
        code: BigInt(options.code ?? 0),
        reason: options.reason ?? '',
        timeoutMs: options.timeoutMs ?? 2000,
        connections: this.#connections.keys(),
      });
      // Connections the bound cut short never saw 'closed': settle their Promises now.
      for (const connection of this.#connections.values()) {
        connection.onConnectionEvent({ type: 'closed', info: {
          code: 0n, application: true, reason: 'endpoint closed', remote: false, kind: 'close',
        } });
      }
      this.#connections.clear();
    })();
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #dial(remote: SocketAddress, options: QuicDialOptions): Promise<QuicConnection> {
    options.signal?.throwIfAborted();
    const proto = this.driver.endpoint.connect(this.driver.now(), remote, {
      serverName: options.serverName ?? options.host,
      alpnProtocols: options.alpnProtocols,
      verifier: options.verifier,
      ...(options.transport ? { transport: options.transport } : {}),
      ...(options.sessionTicket ? { sessionTicket: options.sessionTicket } : {}),
      ...(options.cipherSuites ? { cipherSuites: options.cipherSuites } : {}),
    });
    const connection = new QuicConnection(this.driver, proto, this.#connectionOptions());
    this.driver.register(proto, connection);
    this.#track(proto, connection);
    this.driver.wake();
    const signal = options.signal;
    if (!signal) {
      await connection.established;
      return connection;
    }
    const onAbort = (): void => connection.close(0, 'aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.race([
        connection.established,
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
      ]);
      return connection;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  #accept(proto: ProtoConnection): void {
    const connection = new QuicConnection(this.driver, proto, this.#connectionOptions());
    this.driver.register(proto, connection);
    this.#track(proto, connection);
    // Applications see a connection once it can carry streams; failed handshakes stay invisible.
    connection.established.then(() => this.#incoming.push(connection), () => {});
  }

  #connectionOptions(): { keyLog?: KeyLogSink } {
    return this.#keyLog ? { keyLog: this.#keyLog } : {};
  }

  #track(proto: ProtoConnection, connection: QuicConnection): void {
    this.#connections.set(proto, connection);
    void connection.closed.then(() => this.#connections.delete(proto));
  }
}

function baseConfig(options: CommonOptions): ProtoEndpointConfig {
  const config: ProtoEndpointConfig = { wallClock: options.wallClock ?? wallClockMicros };
  if (options.transport) config.transport = options.transport;
  return config;
}

/** IP literals pass through; names resolve, preferring the socket's family (IPv4 when free to choose). */
async function resolveRemote(host: string, port: number, family?: 'udp4' | 'udp6'): Promise<SocketAddress> {
  if (isIP(host) !== 0) return { address: host, port };
  const results = await lookup(host, { all: true });
  const want = family === 'udp6' ? 6 : 4;
  const pick = results.find((r) => r.family === want) ?? (family === undefined ? results[0] : undefined);
  if (!pick) throw new Error(`cannot resolve ${host} to an IPv${want} address`);
  return { address: pick.address, port };
}
