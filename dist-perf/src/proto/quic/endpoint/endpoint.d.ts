import type { CryptoProvider } from '../../crypto/provider.js';
import type { RandomSource } from '../../util/random.js';
import type { Micros } from '../../util/time.js';
import type { CertificateVerifier, SessionTicket, SigningKey } from '../../tls/session.js';
import type { KeyExchangeGroup } from '../../crypto/provider.js';
import { Connection, type SocketAddress } from '../connection/connection.js';
import { type TransportConfig } from '../connection/config.js';
import type { ConnectionEvent } from '../connection/events.js';
export type { SocketAddress } from '../connection/connection.js';
export interface Transmit {
    size: number;
    remote: SocketAddress;
}
export type EndpointEvent = {
    type: 'accepted';
    connection: Connection;
} | {
    type: 'connection';
    connection: Connection;
    event: ConnectionEvent;
};
export interface ServerTlsOptions {
    certificateChain: Uint8Array[];
    signingKey: SigningKey;
    alpnProtocols: string[];
    cipherSuites?: number[];
    groups?: KeyExchangeGroup[];
    requestClientCertificate?: boolean;
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
    clientCertificate?: {
        chain: Uint8Array[];
        key: SigningKey;
    };
    /** @internal test hook: rewrites our encoded transport parameters (to play a misbehaving client). */
    transportParametersForTest?: (encoded: Uint8Array) => Uint8Array;
}
export interface EndpointDeps {
    crypto: CryptoProvider;
    random: RandomSource;
}
export declare class Endpoint {
    private readonly config;
    private readonly crypto;
    private readonly random;
    private readonly transport;
    private readonly secret;
    private readonly tokens;
    private readonly ticketKey;
    private readonly byCid;
    private readonly connections;
    private readonly initialDcids;
    private readonly queued;
    private readonly pendingAccepts;
    private nextHandle;
    private transmitCursor;
    private eventCursor;
    private readonly cidIssuer;
    constructor(config: EndpointConfig, deps: EndpointDeps);
    get connectionCount(): number;
    /** Starts a client connection; its first flight is ready from pollTransmit(). */
    connect(now: Micros, remote: SocketAddress, options: ClientConnectOptions): Connection;
    handleDatagram(now: Micros, data: Uint8Array, remote: SocketAddress): void;
    handleTimeout(now: Micros): void;
    pollTimeout(): Micros | undefined;
    pollTransmit(now: Micros, out: Uint8Array): Transmit | undefined;
    pollEvent(): EndpointEvent | undefined;
    /** Closes every connection (application close); they finish closing through pollTransmit/timeouts. */
    closeAll(now: Micros, code?: bigint, reason?: string): void;
    private handleUnknownLong;
    /** Drops a connection that never got going, with no event (it was never announced). */
    private forget;
    /**
     * A stateless reset carries a random DCID, so it never routes: check the reset tokens of the
     * connections to that address (RFC 9000 §10.3.1). Never answer a reset with a reset.
     */
    private deliverStatelessReset;
    private maybeStatelessReset;
    /** A client that gave itself a zero-length CID is found by its address instead. */
    private zeroLengthCidConnection;
    private register;
    private afterInput;
    private applyCidChanges;
    /** Forgets connections that finished closing. */
    private reap;
    private queue;
    private freshCid;
    private resetToken;
    private randomByte;
    /** TLS passes monotonic time; certificates need wall-clock time. */
    private wallClockVerifier;
}
