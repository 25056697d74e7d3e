import type { TransportConfig } from '../proto/quic/connection/config.js';
import type { CertificateVerifier, SessionTicket, SigningKey } from '../proto/tls/session.js';
import type { Micros } from '../proto/util/time.js';
import { type Clock } from './clock.js';
import { type ProtoEndpointFactory } from './default-endpoint.js';
import { EndpointDriver } from './endpoint-driver.js';
import type { KeyLogSink, SocketAddress } from './proto-types.js';
import { QuicConnection } from './quic-connection.js';
import type { TimerScheduler } from './timer-scheduler.js';
import { type DatagramSocket } from './udp-socket.js';
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
export declare class QuicEndpoint implements AsyncDisposable {
    #private;
    readonly driver: EndpointDriver;
    /** Server: connections whose handshake completed, in completion order. */
    readonly incoming: AsyncIterable<QuicConnection>;
    private constructor();
    /** Starts a server endpoint. */
    static listen(options: QuicListenOptions): Promise<QuicEndpoint>;
    /** A client endpoint that can dial several connections from one socket. */
    static bind(options?: QuicBindOptions): Promise<QuicEndpoint>;
    /** Dials one connection from its own endpoint, which closes when the connection does. */
    static connect(options: QuicConnectOptions): Promise<QuicConnection>;
    get address(): SocketAddress;
    /** Connections currently alive on this endpoint (handshaking ones included). */
    get connections(): QuicConnection[];
    /** Dials a connection from this endpoint's socket. */
    connect(options: QuicDialOptions): Promise<QuicConnection>;
    /** Closes every connection (application close), waits for draining up to timeoutMs, closes the socket. */
    close(options?: {
        code?: number | bigint;
        reason?: string;
        timeoutMs?: number;
    }): Promise<void>;
    [Symbol.asyncDispose](): Promise<void>;
}
export {};
