/**
 * A QUIC connection as Promises and async iterables over one proto Connection. It is the
 * driver's event handler for that connection: events resolve waiters; bytes are pulled lazily.
 */
import type { Micros } from '../proto/util/time.js';
import type { ConnectionEventHandler } from './endpoint-driver.js';
import type { CloseInfo, ConnectionEvent, KeyLogSink, ProtoConnection, ProtoConnectionStats, SocketAddress } from './proto-types.js';
import { QuicStream, type StreamHost } from './quic-stream.js';
/** What a connection needs from the driver that owns its socket. */
export interface ConnectionDriver {
    wake(): void;
    now(): Micros;
}
export declare class QuicConnection implements ConnectionEventHandler, StreamHost, AsyncDisposable {
    #private;
    readonly proto: ProtoConnection;
    /** Settles when the handshake completes (rejects with QuicConnectionError if it closes first). */
    readonly established: Promise<void>;
    /** Resolves when the connection is closed, whoever closed it. */
    readonly closed: Promise<CloseInfo>;
    readonly incomingStreams: AsyncIterable<QuicStream>;
    constructor(driver: ConnectionDriver, proto: ProtoConnection, options?: {
        keyLog?: KeyLogSink;
    });
    get alpn(): string | undefined;
    get isServer(): boolean;
    get remoteAddress(): SocketAddress;
    /** Largest datagram payload the peer accepts now; 0 when it does not support datagrams. */
    get maxDatagramSize(): number;
    get isClosed(): boolean;
    openBidirectionalStream(): Promise<QuicStream>;
    openUnidirectionalStream(): Promise<QuicStream>;
    /** Queues one unreliable datagram; throws QuicDatagramError when it cannot be sent at all. */
    sendDatagram(data: Uint8Array): void;
    /** The next received datagram, or null once the connection is closed. */
    receiveDatagram(): Promise<Uint8Array | null>;
    get datagrams(): AsyncIterable<Uint8Array>;
    /** Application close (CONNECTION_CLOSE 0x1d); `closed` resolves after the closing period. */
    close(code?: number | bigint, reason?: string): void;
    stats(): ProtoConnectionStats;
    [Symbol.asyncDispose](): Promise<void>;
    wake(): void;
    onConnectionEvent(event: ConnectionEvent): void;
}
