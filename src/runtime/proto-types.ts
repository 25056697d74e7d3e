/**
 * The shape of the sans-IO Endpoint/Connection (src/proto/quic/endpoint, src/proto/quic/connection)
 * as the runtime uses it. Declared structurally so the driver and the async API can be tested with
 * small fakes, and so the real classes satisfy it without importing runtime code.
 */
import type { CloseInfo, ConnectionEvent, StreamDirection } from '../proto/quic/connection/events.js';
import type { TransportConfig } from '../proto/quic/connection/config.js';
import type { ConnectionStats } from '../proto/quic/connection/stats.js';
import type { CertificateVerifier, SessionTicket, SigningKey } from '../proto/tls/session.js';
import type { Micros } from '../proto/util/time.js';

export type { CloseInfo, ConnectionEvent, StreamDirection };

/** A UDP peer address as node:dgram reports it. */
export interface SocketAddress {
  readonly address: string;
  readonly port: number;
}

/** One datagram written by pollTransmit: the bytes are out[0..size). */
export interface Transmit {
  size: number;
  remote: SocketAddress;
}

export type ProtoConnectionStats = ConnectionStats;

export type ProtoConnectionState = 'handshaking' | 'established' | 'closing' | 'draining' | 'closed';

export interface ProtoConnection {
  readonly handle: number;
  readonly isServer: boolean;
  readonly remote: SocketAddress;
  readonly state: ProtoConnectionState;
  readonly alpn: string | undefined;
  readonly maxDatagramSize: number;
  /** Negotiated TLS cipher suite name, once known. */
  readonly cipherSuite?: string | undefined;
  /** The peer's certificate chain (DER, leaf first), once the handshake has it; empty without one. */
  readonly peerCertificates?: readonly Uint8Array[];
  openStream(direction: StreamDirection): number | undefined;
  writeStream(streamId: number, data: Uint8Array, fin?: boolean): number;
  readStream(streamId: number, maxBytes: number): { data: Uint8Array; fin: boolean } | undefined;
  resetStream(streamId: number, code: bigint): void;
  stopStream(streamId: number, code: bigint): void;
  sendDatagram(data: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed';
  readDatagram(): Uint8Array | undefined;
  initiateKeyUpdate(now: Micros): boolean;
  close(now: Micros, code: bigint, reason?: string): void;
  stats(): ProtoConnectionStats;
}

export type ProtoEndpointEvent<C extends ProtoConnection = ProtoConnection> =
  | { type: 'accepted'; connection: C }
  | { type: 'connection'; connection: C; event: ConnectionEvent };

export interface ProtoClientConnectOptions {
  serverName?: string;
  alpnProtocols: string[];
  verifier: CertificateVerifier | null;
  transport?: Partial<TransportConfig>;
  sessionTicket?: SessionTicket;
  cipherSuites?: number[];
}

export interface ProtoEndpoint<C extends ProtoConnection = ProtoConnection> {
  connect(now: Micros, remote: SocketAddress, options: ProtoClientConnectOptions): C;
  handleDatagram(now: Micros, data: Uint8Array, remote: SocketAddress): void;
  pollTransmit(now: Micros, out: Uint8Array): Transmit | undefined;
  pollTimeout(): Micros | undefined;
  handleTimeout(now: Micros): void;
  pollEvent(): ProtoEndpointEvent<C> | undefined;
  readonly connectionCount: number;
}

/** Server settings handed to the proto Endpoint (EndpointConfig.server). */
export interface ProtoServerConfig {
  tls: {
    certificateChain: Uint8Array[];
    signingKey: SigningKey;
    alpnProtocols: string[];
    cipherSuites?: number[];
  };
  retry?: boolean;
  maxConnections?: number;
}

export interface ProtoEndpointConfig {
  server?: ProtoServerConfig;
  transport?: Partial<TransportConfig>;
  /** Microseconds since the Unix epoch, for certificate validity checks. */
  wallClock?: () => Micros;
}

/** Receives the parts of one SSLKEYLOGFILE line (from 'keyLog' connection events). */
export type KeyLogSink = (label: string, clientRandom: Uint8Array, secret: Uint8Array) => void;
