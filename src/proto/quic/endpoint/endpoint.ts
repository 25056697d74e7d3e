/**
 * A QUIC endpoint: one UDP socket's worth of connections (RFC 9000 §5.2, §6, §8.1, §10.3).
 * It routes datagrams to connections by Destination Connection ID, accepts new connections
 * (server), answers unknown versions with Version Negotiation, sends Retry when asked to validate
 * addresses, and answers packets for unknown connections with a stateless reset.
 */
import { bytesEqual } from '../../util/bytes.js';
import type { CryptoProvider } from '../../crypto/provider.js';
import type { RandomSource } from '../../util/random.js';
import type { Micros } from '../../util/time.js';
import type { CertificateVerifier, SessionTicket, SigningKey } from '../../tls/session.js';
import { createTlsClient, type TlsClientConfig } from '../../tls/client.js';
import { createTlsServer, type TlsServerConfig } from '../../tls/server.js';
import type { KeyExchangeGroup } from '../../crypto/provider.js';
import { parseHeader } from '../wire/header.js';
import { QUIC_V1, SUPPORTED_VERSIONS, encodeRetry, encodeVersionNegotiation } from '../wire/version.js';
import { Connection, type SocketAddress } from '../connection/connection.js';
import { resolveTransportConfig, type TransportConfig } from '../connection/config.js';
import type { ConnectionEvent } from '../connection/events.js';
import type { ConnectionIdIssuer } from '../connection/cid-manager.js';
import { AddressTokenCodec } from './address-token.js';
import { CidTable } from './cid-table.js';

export type { SocketAddress } from '../connection/connection.js';

export interface Transmit {
  size: number;
  remote: SocketAddress;
}

export type EndpointEvent =
  | { type: 'accepted'; connection: Connection }
  | { type: 'connection'; connection: Connection; event: ConnectionEvent };

export interface ServerTlsOptions {
  certificateChain: Uint8Array[];
  signingKey: SigningKey;
  alpnProtocols: string[];
  cipherSuites?: number[];
  groups?: KeyExchangeGroup[];
  requestClientCertificate?: boolean;
  /** Refuse a client without a certificate (default: whenever a clientCertificateVerifier is set). */
  requireClientCertificate?: boolean;
  clientCertificateVerifier?: CertificateVerifier;
  /** 32 bytes sealing session tickets (resumption); derived from the endpoint secret when absent. */
  ticketKey?: Uint8Array;
}

export interface EndpointServerConfig {
  tls: ServerTlsOptions;
  /** Validate client addresses with a Retry before creating any connection state. */
  retry?: boolean;
  /** Refuse new connections beyond this many (CONNECTION_REFUSED via silence). */
  maxConnections?: number;
}

export interface EndpointConfig {
  server?: EndpointServerConfig;
  transport?: Partial<TransportConfig>;
  /** Secret for stateless reset tokens and Retry tokens; random when absent. */
  secret?: Uint8Array;
  /** Wall-clock time in µs since the epoch, for certificate validity. */
  wallClock?: () => Micros;
}

export interface ClientConnectOptions {
  /** SNI and certificate name; omit for IP literals. */
  serverName?: string;
  alpnProtocols: string[];
  /** null turns certificate verification off (an explicit choice). */
  verifier: CertificateVerifier | null;
  transport?: Partial<TransportConfig>;
  sessionTicket?: SessionTicket;
  cipherSuites?: number[];
  groups?: KeyExchangeGroup[];
  clientCertificate?: { chain: Uint8Array[]; key: SigningKey };
  /** @internal test hook: rewrites our encoded transport parameters (to play a misbehaving client). */
  transportParametersForTest?: (encoded: Uint8Array) => Uint8Array;
}

export interface EndpointDeps {
  crypto: CryptoProvider;
  random: RandomSource;
}

const MIN_INITIAL_SIZE = 1200;
const MIN_CLIENT_DCID = 8;
const MAX_QUEUED_TRANSMITS = 256;
const RESET_TOKEN_LENGTH = 16;

export class Endpoint {
  private readonly config: EndpointConfig;
  private readonly crypto: CryptoProvider;
  private readonly random: RandomSource;
  private readonly transport: TransportConfig;
  private readonly secret: Uint8Array;
  private readonly tokens: AddressTokenCodec;
  private readonly ticketKey: Uint8Array;
  private readonly byCid: CidTable<Connection>;
  private readonly connections: Connection[] = [];
  private readonly queued: { data: Uint8Array; remote: SocketAddress }[] = [];
  private readonly pendingAccepts: Connection[] = [];
  private nextHandle = 1;
  private transmitCursor = 0;
  private eventCursor = 0;
  private readonly cidIssuer: ConnectionIdIssuer;

  constructor(config: EndpointConfig, deps: EndpointDeps) {
    this.config = config;
    this.crypto = deps.crypto;
    this.random = deps.random;
    this.transport = resolveTransportConfig(config.transport);
    this.secret = config.secret ?? this.random.fill(new Uint8Array(32));
    this.ticketKey = this.crypto.hkdfExpand('sha256', this.secret, new Uint8Array([2]), 32);
    // Derived rather than drawn from `random`, so seeded simulations keep their random sequence.
    const seed = this.crypto.hkdfExpand('sha256', this.secret, new Uint8Array([3]), 4);
    this.byCid = new CidTable(seed[0]! << 24 | seed[1]! << 16 | seed[2]! << 8 | seed[3]!);
    this.tokens = new AddressTokenCodec(this.crypto, this.random, this.crypto.hkdfExpand('sha256', this.secret, new Uint8Array([1]), 16));
    this.cidIssuer = {
      issue: () => {
        const cid = this.freshCid();
        // One allocation for both: they live exactly as long as each other.
        const [ownCid, resetToken] = copyAll(cid, this.resetToken(cid));
        return { cid: ownCid, resetToken };
      },
    };
  }

  get connectionCount(): number {
    return this.connections.length;
  }

  /** Starts a client connection; its first flight is ready from pollTransmit(). */
  connect(now: Micros, remote: SocketAddress, options: ClientConnectOptions): Connection {
    const transport = resolveTransportConfig({ ...this.config.transport, ...options.transport });
    const localCid = this.freshCid(transport.connectionIdLength);
    const dcid = this.random.fill(new Uint8Array(8));
    const handle = this.nextHandle++;
    const verifier = options.verifier === null ? null : this.wallClockVerifier(options.verifier);
    const connection = new Connection({
      isServer: false, handle, remote, config: transport, localCid, remoteCid: dcid, originalDcid: dcid, now,
      createTls: (params) => {
        const tlsConfig: TlsClientConfig = {
          alpnProtocols: options.alpnProtocols,
          transportParameters: options.transportParametersForTest ? options.transportParametersForTest(params) : params,
          verifier,
        };
        if (options.serverName !== undefined) tlsConfig.serverName = options.serverName;
        if (options.cipherSuites) tlsConfig.cipherSuites = options.cipherSuites;
        if (options.groups) tlsConfig.groups = options.groups;
        if (options.sessionTicket) tlsConfig.sessionTicket = options.sessionTicket;
        if (options.clientCertificate) tlsConfig.clientCertificate = options.clientCertificate;
        return createTlsClient(tlsConfig, { crypto: this.crypto, random: this.random });
      },
    }, { crypto: this.crypto, random: this.random, cidIssuer: this.cidIssuer });
    this.register(connection);
    return connection;
  }

  handleDatagram(now: Micros, data: Uint8Array, remote: SocketAddress): void {
    if (data.length === 0) return;
    const first = data[0]!;
    const isLong = (first & 0x80) !== 0;
    // Short headers carry our CID at a fixed place: look it up in the datagram, no view needed.
    const cidAt = isLong ? 6 : 1;
    const cidLength = isLong ? longDcidLength(data) : Math.min(this.transport.connectionIdLength, data.length - 1);
    if (cidLength < 0) return;
    const connection = this.byCid.lookup(data, cidAt, cidLength) ?? (isLong ? undefined : this.zeroLengthCidConnection(remote));
    if (connection) {
      connection.handleDatagram(now, data, remote);
      this.afterInput(connection);
      return;
    }
    if (isLong) this.handleUnknownLong(now, data, remote);
    else if (!this.deliverStatelessReset(now, data, remote)) this.maybeStatelessReset(data, data.subarray(cidAt, cidAt + cidLength), remote);
  }

  handleTimeout(now: Micros): void {
    for (const c of this.connections) {
      const t = c.pollTimeout();
      if (t !== undefined && t <= now) {
        c.handleTimeout(now);
        this.afterInput(c);
      }
    }
  }

  pollTimeout(): Micros | undefined {
    let min: Micros | undefined;
    const connections = this.connections;
    for (let i = 0; i < connections.length; i++) {
      const t = connections[i]!.pollTimeout();
      if (t !== undefined && (min === undefined || t < min)) min = t;
    }
    return min;
  }

  pollTransmit(now: Micros, out: Uint8Array): Transmit | undefined {
    const q = this.queued.shift();
    if (q) {
      out.set(q.data);
      return { size: q.data.length, remote: q.remote };
    }
    const n = this.connections.length;
    for (let i = 0; i < n; i++) {
      const idx = (this.transmitCursor + i) % n;
      const c = this.connections[idx]!;
      const size = c.pollTransmit(now, out);
      if (size !== undefined) {
        // Stay on this connection while it has data: fewer passes, same fairness per call batch.
        this.transmitCursor = idx;
        this.applyCidChanges(c);
        return { size, remote: c.remote };
      }
    }
    this.transmitCursor = 0;
    this.reap();
    return undefined;
  }

  pollEvent(): EndpointEvent | undefined {
    const accepted = this.pendingAccepts.shift();
    if (accepted) return { type: 'accepted', connection: accepted };
    const n = this.connections.length;
    for (let i = 0; i < n; i++) {
      const idx = (this.eventCursor + i) % n;
      const c = this.connections[idx]!;
      const event = c.pollEvent();
      if (event) {
        this.eventCursor = idx;
        return { type: 'connection', connection: c, event };
      }
    }
    this.eventCursor = 0;
    return undefined;
  }

  /** Closes every connection (application close); they finish closing through pollTransmit/timeouts. */
  closeAll(now: Micros, code = 0n, reason = ''): void {
    for (const c of this.connections) c.close(now, code, reason);
  }

  // ------------------------------------------------------------------ internals

  private handleUnknownLong(now: Micros, data: Uint8Array, remote: SocketAddress): void {
    const server = this.config.server;
    if (!server) return;
    let header;
    try {
      header = parseHeader(data, 0, this.transport.connectionIdLength);
    } catch {
      return;
    }
    if (header.kind === 'unsupportedVersion') {
      // Only answer datagrams big enough to be a client's first flight (RFC 9000 §6.1).
      if (data.length >= MIN_INITIAL_SIZE) this.queue(encodeVersionNegotiation(header.scid, header.dcid, versionsToAdvertise(this.random), this.randomByte()), remote);
      return;
    }
    if (header.kind !== 'initial') return;
    if (data.length < MIN_INITIAL_SIZE || header.dcid.length < MIN_CLIENT_DCID) return;
    if (server.maxConnections !== undefined && this.connections.length >= server.maxConnections) return;

    let originalDcid = header.dcid;
    let retrySourceCid: Uint8Array | undefined;
    let addressValidated = false;
    if (server.retry) {
      if (header.token.length === 0) {
        const scid = this.freshCid();
        const token = this.tokens.seal(now, remote.address, remote.port, { originalDcid: header.dcid, retrySourceCid: scid });
        this.queue(encodeRetry(this.crypto, { dcid: header.scid, scid, odcid: header.dcid, token }), remote);
        return;
      }
      const contents = this.tokens.open(now, remote.address, remote.port, header.token);
      if (!contents || !bytesEqual(contents.retrySourceCid, header.dcid)) return; // invalid token: drop
      originalDcid = contents.originalDcid;
      retrySourceCid = contents.retrySourceCid;
      addressValidated = true;
    }
    const localCid = this.freshCid();
    const handle = this.nextHandle++;
    const tlsOptions = server.tls;
    // The connection keeps these CIDs for its lifetime: copies, not views pinning the whole datagram.
    const [remoteCid, initialDcid] = copyAll(header.scid, header.dcid);
    if (originalDcid === header.dcid) originalDcid = initialDcid;
    const connection = new Connection({
      isServer: true, handle, remote, config: this.transport, localCid, remoteCid,
      originalDcid, initialDcid, now, addressValidated,
      statelessResetToken: this.resetToken(localCid),
      ...(retrySourceCid ? { retrySourceCid } : {}),
      createTls: (params) => {
        const tlsConfig: TlsServerConfig = {
          certificateChain: tlsOptions.certificateChain,
          signingKey: tlsOptions.signingKey,
          alpnProtocols: tlsOptions.alpnProtocols,
          transportParameters: params,
        };
        if (tlsOptions.cipherSuites) tlsConfig.cipherSuites = tlsOptions.cipherSuites;
        if (tlsOptions.groups) tlsConfig.groups = tlsOptions.groups;
        if (tlsOptions.requestClientCertificate) tlsConfig.requestClientCertificate = true;
        if (tlsOptions.requireClientCertificate !== undefined) tlsConfig.requireClientCertificate = tlsOptions.requireClientCertificate;
        if (tlsOptions.clientCertificateVerifier) tlsConfig.clientCertificateVerifier = this.wallClockVerifier(tlsOptions.clientCertificateVerifier);
        // Session tickets (resumption) are on by default, sealed with a key derived from the endpoint secret.
        tlsConfig.ticketKey = tlsOptions.ticketKey ?? this.ticketKey;
        return createTlsServer(tlsConfig, { crypto: this.crypto, random: this.random });
      },
    }, { crypto: this.crypto, random: this.random, cidIssuer: this.cidIssuer });
    this.register(connection);
    // The client keeps using its chosen DCID until it hears from us.
    this.byCid.set(header.dcid.slice(), connection); // a copy: the datagram buffer is reused
    this.pendingAccepts.push(connection);
    connection.handleDatagram(now, data, remote);
    // No state for an Initial that does not even decrypt: junk must not fill the table.
    if (!connection.hasReceivedPacket) {
      this.forget(connection);
      return;
    }
    this.afterInput(connection);
  }

  /** Drops a connection that never got going, with no event (it was never announced). */
  private forget(connection: Connection): void {
    this.connections.splice(this.connections.indexOf(connection), 1);
    this.pendingAccepts.splice(this.pendingAccepts.indexOf(connection), 1);
    this.byCid.deleteValue(connection);
  }

  /**
   * A stateless reset carries a random DCID, so it never routes: check the reset tokens of the
   * connections to that address (RFC 9000 §10.3.1). Never answer a reset with a reset.
   */
  private deliverStatelessReset(now: Micros, data: Uint8Array, remote: SocketAddress): boolean {
    if (data.length < 21) return false;
    for (const c of this.connections) {
      if (c.remote.port !== remote.port || c.remote.address !== remote.address) continue;
      if (c.handleStatelessReset(now, data)) {
        this.afterInput(c);
        return true;
      }
    }
    return false;
  }

  private maybeStatelessReset(data: Uint8Array, dcid: Uint8Array, remote: SocketAddress): void {
    // A reset must be shorter than what triggered it, to avoid loops, and look like a short header.
    if (data.length < 43 || this.queued.length >= MAX_QUEUED_TRANSMITS) return;
    const size = Math.min(data.length - 1, 42);
    const out = this.random.fill(new Uint8Array(size));
    out[0] = (out[0]! & 0x3f) | 0x40;
    out.set(this.resetToken(dcid), size - RESET_TOKEN_LENGTH);
    this.queue(out, remote);
  }

  /** A client that gave itself a zero-length CID is found by its address instead. */
  private zeroLengthCidConnection(remote: SocketAddress): Connection | undefined {
    if (this.transport.connectionIdLength !== 0) return undefined;
    return this.connections.find((c) => c.remote.address === remote.address && c.remote.port === remote.port);
  }

  private register(connection: Connection): void {
    this.connections.push(connection);
    for (const cid of connection.cids.allLocal()) this.byCid.set(cid, connection);
    connection.drainCidChanges();
  }

  private afterInput(connection: Connection): void {
    this.applyCidChanges(connection);
  }

  private applyCidChanges(connection: Connection): void {
    for (const change of connection.drainCidChanges()) {
      if (change.type === 'add') this.byCid.set(change.cid, connection);
      else this.byCid.delete(change.cid);
    }
  }

  /** Forgets connections that finished closing. */
  private reap(): void {
    for (let i = this.connections.length - 1; i >= 0; i--) {
      const c = this.connections[i]!;
      if (c.state !== 'closed') continue;
      if (c.hasPendingEvents) continue; // keep it until its events are drained
      this.connections.splice(i, 1);
      this.byCid.deleteValue(c);
    }
  }

  private queue(data: Uint8Array, remote: SocketAddress): void {
    if (this.queued.length < MAX_QUEUED_TRANSMITS) this.queued.push({ data, remote });
  }

  private freshCid(length = this.transport.connectionIdLength): Uint8Array {
    for (;;) {
      const cid = this.random.fill(new Uint8Array(length));
      if (length === 0 || !this.byCid.has(cid)) return cid;
    }
  }

  private resetToken(cid: Uint8Array): Uint8Array {
    return this.crypto.hmac('sha256', this.secret, cid).subarray(0, RESET_TOKEN_LENGTH);
  }

  private randomByte(): number {
    return this.random.fill(new Uint8Array(1))[0]!;
  }

  /** TLS passes monotonic time; certificates need wall-clock time. */
  private wallClockVerifier(inner: CertificateVerifier): CertificateVerifier {
    const wallClock = this.config.wallClock;
    if (!wallClock) return inner;
    return { verify: (chain, serverName) => inner.verify(chain, serverName, wallClock()) };
  }
}

/** Length of a long header's DCID (which starts at byte 6), or -1 when the datagram is too short. */
function longDcidLength(data: Uint8Array): number {
  if (data.length < 6) return -1;
  const len = data[5]!;
  return 6 + len > data.length ? -1 : len;
}

/** Copies of `parts` as views on one new buffer (one ArrayBuffer instead of one each). */
function copyAll(...parts: Uint8Array[]): Uint8Array[] {
  let total = 0;
  for (const p of parts) total += p.length;
  const buf = new Uint8Array(total);
  let at = 0;
  return parts.map((p) => {
    buf.set(p, at);
    at += p.length;
    return buf.subarray(at - p.length, at);
  });
}

/** Our versions plus one reserved GREASE version, as RFC 9000 §6.3 suggests. */
function versionsToAdvertise(random: RandomSource): number[] {
  const r = random.fill(new Uint8Array(4));
  const grease = (((r[0]! & 0xf0) | 0x0a) << 24 | ((r[1]! & 0xf0) | 0x0a) << 16 | ((r[2]! & 0xf0) | 0x0a) << 8 | ((r[3]! & 0xf0) | 0x0a)) >>> 0;
  return [...SUPPORTED_VERSIONS, grease].filter((v, i, a) => a.indexOf(v) === i || v === QUIC_V1);
}
