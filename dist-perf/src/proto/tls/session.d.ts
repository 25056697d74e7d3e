/**
 * The boundary between QUIC and TLS 1.3 (RFC 9001 §4). QUIC feeds the handshake bytes it
 * received in CRYPTO frames, in order, per encryption level; TLS answers with events in the
 * order they must take effect: handshake bytes to send at a level, secrets to install, key-log
 * lines, and completion. The TLS implementations are in client.ts and server.ts.
 */
import type { CipherSuite } from '../crypto/cipher-suites.js';
import type { Micros } from '../util/time.js';
/** QUIC encryption levels (packet number spaces map Initial→0, Handshake→2, 0-RTT/1-RTT→3). */
export declare const EncryptionLevel: {
    readonly INITIAL: 0;
    readonly EARLY_DATA: 1;
    readonly HANDSHAKE: 2;
    readonly APPLICATION: 3;
};
export type EncryptionLevel = (typeof EncryptionLevel)[keyof typeof EncryptionLevel];
export type TlsEvent = 
/** Handshake bytes to send in CRYPTO frames at `level`. */
{
    type: 'handshakeData';
    level: EncryptionLevel;
    data: Uint8Array;
}
/** A traffic secret to install: `direction` 'read' decrypts peer packets, 'write' protects ours. */
 | {
    type: 'secret';
    level: EncryptionLevel;
    direction: 'read' | 'write';
    suite: CipherSuite;
    secret: Uint8Array;
}
/** One SSLKEYLOGFILE line's parts (NSS key log format). */
 | {
    type: 'keyLog';
    label: string;
    clientRandom: Uint8Array;
    secret: Uint8Array;
}
/** The handshake completed: both Finished messages are verified / sent. */
 | {
    type: 'handshakeComplete';
}
/** Client only: a NewSessionTicket arrived and can be used to resume later. */
 | {
    type: 'sessionTicket';
    ticket: SessionTicket;
};
/** What a client must keep to resume a session (PSK from a NewSessionTicket, RFC 8446 §4.6.1). */
export interface SessionTicket {
    readonly serverName: string;
    readonly alpn: string;
    readonly suite: number;
    readonly ticket: Uint8Array;
    readonly resumptionSecret: Uint8Array;
    readonly ticketNonce: Uint8Array;
    readonly ticketAgeAdd: number;
    readonly lifetimeSeconds: number;
    /** Local receive time of the ticket in microseconds (same clock as `now`). */
    readonly receivedAt: Micros;
    readonly maxEarlyData: number;
    /** Peer transport parameters of the original connection (for 0-RTT; unused until 0-RTT lands). */
    readonly transportParameters?: Uint8Array;
}
export interface TlsSession {
    readonly isServer: boolean;
    /** Client: produces the ClientHello. Server: no-op. */
    start(now: Micros): void;
    /** Handshake bytes from CRYPTO frames, contiguous and in order for that level. Throws TlsAlertError. */
    handleHandshakeData(level: EncryptionLevel, data: Uint8Array, now: Micros): void;
    pollEvent(): TlsEvent | undefined;
    readonly handshakeComplete: boolean;
    /** Negotiated ALPN protocol, once known. */
    readonly alpn: string | undefined;
    /** Server name: the client's SNI (server side) or the name the client asked for. */
    readonly serverName: string | undefined;
    /** The peer's quic_transport_parameters extension body, once received. */
    readonly peerTransportParameters: Uint8Array | undefined;
    readonly cipherSuite: CipherSuite | undefined;
    /** The peer's certificate chain (DER, leaf first), when it sent one. */
    readonly peerCertificates: readonly Uint8Array[];
    /** True when the handshake resumed a session with a PSK. */
    readonly resumed: boolean;
    /** Server: issue a NewSessionTicket now (emitted as APPLICATION handshake data). */
    sendSessionTicket?(now: Micros): void;
}
/** A private key able to sign CertificateVerify (held by the runtime; e.g. a node:crypto KeyObject). */
export interface SigningKey {
    /** The TLS SignatureScheme values this key can produce, in preference order. */
    readonly schemes: readonly number[];
    sign(scheme: number, data: Uint8Array): Uint8Array;
}
/** Decides whether a peer certificate chain is acceptable. Implementations are in src/crypto/. */
export interface CertificateVerifier {
    /**
     * Throws CertificateVerificationError when the chain must be refused. `serverName` is the
     * host name or IP literal the client connects to (undefined on the server side for client certs).
     */
    verify(chain: readonly Uint8Array[], serverName: string | undefined, now: Micros): void;
}
export declare class CertificateVerificationError extends Error {
    readonly reason: 'expired' | 'hostname' | 'untrusted' | 'hash-mismatch' | 'bad-certificate' | 'unsupported';
    constructor(reason: CertificateVerificationError['reason'], message: string);
}
