import type { CryptoProvider } from '../../crypto/provider.js';
import type { RandomSource } from '../../util/random.js';
import type { Micros } from '../../util/time.js';
import { type TlsSession } from '../../tls/session.js';
import type { Frame } from '../wire/frames.js';
import { CidManager, type ConnectionIdIssuer } from './cid-manager.js';
import type { TransportConfig } from './config.js';
import type { CloseInfo, ConnectionEvent, StreamDirection } from './events.js';
import { type ConnectionStats } from './stats.js';
export interface SocketAddress {
    address: string;
    port: number;
}
export type ConnectionState = 'handshaking' | 'established' | 'closing' | 'draining' | 'closed';
export interface ConnectionInit {
    isServer: boolean;
    handle: number;
    remote: SocketAddress;
    config: TransportConfig;
    /** Our Source Connection ID. */
    localCid: Uint8Array;
    /** Client: the random initial DCID. Server: the client's SCID. */
    remoteCid: Uint8Array;
    /** Client: same as remoteCid. Server: the DCID of the client's very first Initial (before any Retry). */
    originalDcid: Uint8Array;
    /** Server: the DCID the client uses now (Initial keys derive from it). Defaults to originalDcid. */
    initialDcid?: Uint8Array;
    /** Server after Retry: the SCID our Retry carried. */
    retrySourceCid?: Uint8Array;
    /** Client: the token to put in Initial packets. */
    token?: Uint8Array;
    /** Server: the stateless reset token for localCid, announced in transport parameters. */
    statelessResetToken?: Uint8Array;
    /** Server: the client address was validated by a Retry token. */
    addressValidated?: boolean;
    /** Builds the TLS session given our encoded transport parameters. */
    createTls(localTransportParameters: Uint8Array): TlsSession;
    now: Micros;
}
export interface ConnectionDeps {
    crypto: CryptoProvider;
    random: RandomSource;
    cidIssuer?: ConnectionIdIssuer;
}
export declare class Connection {
    readonly handle: number;
    readonly isServer: boolean;
    remote: SocketAddress;
    state: ConnectionState;
    private readonly config;
    private readonly crypto;
    private readonly random;
    private readonly spaces;
    private oneRtt;
    private pendingOneRttRead;
    private pendingOneRttWrite;
    private readonly tls;
    private readonly rtt;
    private readonly cc;
    private readonly loss;
    private readonly pacer;
    private readonly streams;
    private readonly datagrams;
    readonly cids: CidManager;
    private readonly timers;
    private readonly events;
    private readonly statsCounter;
    private readonly originalDcid;
    private readonly localInitialSourceCid;
    private readonly retrySourceCid;
    private receivedRetrySourceCid;
    private peerInitialSourceCid;
    private token;
    private peerParams;
    private handshakeComplete;
    private handshakeConfirmed;
    private handshakeDonePending;
    private receivedFirstPacket;
    /** Server: the client address is validated (Handshake packet received or Retry token). */
    private addressValidated;
    /** Client: the server completed address validation of us (Handshake ACK / confirmed). */
    private peerValidatedUs;
    private bytesReceivedUnvalidated;
    private bytesSentUnvalidated;
    private idleTimeout;
    private lastAckElicitingSentSinceRx;
    private closeFrame;
    private closeInfo;
    private closeSendsOwed;
    /** Packets received while closing: a CONNECTION_CLOSE answers the 1st, 2nd, 4th, 8th... (RFC 9000 §10.2.1). */
    private closingPacketsReceived;
    /** Frames (or raw frame bytes) queued by injectFrameForTest() for the next 1-RTT packet. */
    private readonly testFrames;
    private readonly pathResponses;
    private readonly undecryptable;
    private maxPacketSize;
    private peerAckDelayExponent;
    private keyUpdateRequested;
    private pacingBlocked;
    private retryUndecryptablePending;
    private lastNow;
    constructor(init: ConnectionInit, deps: ConnectionDeps);
    get alpn(): string | undefined;
    get serverName(): string | undefined;
    get peerCertificates(): readonly Uint8Array[];
    get cipherSuite(): string | undefined;
    get isHandshakeComplete(): boolean;
    get maxDatagramSize(): number;
    /** The local CIDs the endpoint must route to this connection, and changes since the last call. */
    drainCidChanges(): {
        type: 'add' | 'remove';
        cid: Uint8Array;
    }[];
    stats(): ConnectionStats;
    openStream(direction: StreamDirection): number | undefined;
    writeStream(streamId: number, data: Uint8Array, fin?: boolean): number;
    readStream(streamId: number, maxBytes: number): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    resetStream(streamId: number, code: bigint): void;
    stopStream(streamId: number, code: bigint): void;
    sendDatagram(data: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed';
    readDatagram(): Uint8Array | undefined;
    initiateKeyUpdate(now: Micros): boolean;
    /** Application close (CONNECTION_CLOSE 0x1d); during the handshake it is sent as a transport close. */
    close(now: Micros, code?: bigint, reason?: string): void;
    handleDatagram(now: Micros, data: Uint8Array, remote: SocketAddress): void;
    /**
     * A datagram the endpoint could not route: if it ends with one of the peer's stateless reset
     * tokens the connection is over (RFC 9000 §10.3.1). Returns whether it was a reset.
     */
    handleStatelessReset(now: Micros, data: Uint8Array): boolean;
    private isOpen;
    handleTimeout(now: Micros): void;
    pollTimeout(): Micros | undefined;
    pollEvent(): ConnectionEvent | undefined;
    private processDatagram;
    /** Returns false when the packet was dropped (undecryptable, invalid, duplicate). */
    private processPacket;
    private onPacketAuthenticated;
    private processFrame;
    private onAck;
    private onPacketAcked;
    private onPacketsLost;
    private onCrypto;
    private processTlsEvents;
    private installSecret;
    private retryUndecryptable;
    private onHandshakeComplete;
    private onHandshakeConfirmed;
    private discardSpace;
    private applyPeerTransportParameters;
    private localTransportParameters;
    private installInitialKeys;
    private onRetry;
    private onVersionNegotiation;
    private onPeerClose;
    private onError;
    private startClosing;
    /** Ends the connection silently (idle timeout, stateless reset, version negotiation failure). */
    private terminate;
    /**
     * Writes the next datagram into `out` and returns its size, or undefined when there is nothing
     * to send now. Call repeatedly until undefined.
     */
    pollTransmit(now: Micros, out: Uint8Array): number | undefined;
    private buildDatagram;
    private hasAppDataToSend;
    private spaceHasSomethingToSend;
    private buildPacket;
    /** Writes injectFrameForTest() frames unchecked; raw bytes are recorded as a PING for recovery. */
    private writeTestFrames;
    private peekCryptoOffset;
    private finishPacket;
    private sendClose;
    private buildClosePacket;
    private updateTimers;
    private lossContext;
    private ptoPeriod;
    private idleTimeoutWithPto;
    private pushEventOnce;
    private canUseStreams;
    private assertUsable;
    /**
     * @internal test hook: sends `frame` (or raw frame bytes, written verbatim) in the next 1-RTT
     * packet without any checks, so tests can play a peer that breaks the protocol.
     */
    injectFrameForTest(frame: Frame | Uint8Array): void;
    /**
     * Moves to the next connection ID the peer issued (retiring the current one). Returns false when
     * the peer has not issued a spare one. Used by tests; a path change would use it too.
     */
    switchRemoteConnectionId(): boolean;
    /** Whether any packet from the peer has been authenticated (decrypted) yet. */
    get hasReceivedPacket(): boolean;
    /** Diagnostic: packets held until their keys arrive (bounded). */
    get undecryptableBacklog(): number;
    get hasPendingEvents(): boolean;
    /** Test/diagnostic: whether the pacer is holding data back. */
    get isPacingBlocked(): boolean;
    /** The error the connection closed with, once closed. */
    get closeReason(): CloseInfo | undefined;
    /** Used by the endpoint: random bytes for tokens etc. share the connection's source. */
    get randomSource(): RandomSource;
}
