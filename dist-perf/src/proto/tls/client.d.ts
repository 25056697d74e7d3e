import type { KeyExchangeGroup } from '../crypto/provider.js';
import type { Micros } from '../util/time.js';
import { type HandshakeMessage } from './messages.js';
import { EncryptionLevel, type CertificateVerifier, type SessionTicket, type SigningKey, type TlsSession } from './session.js';
import { TlsSessionBase, type TlsDeps } from './session-base.js';
export interface TlsClientConfig {
    /** Host name for SNI and certificate checks; SNI is left out for IP literals. */
    serverName?: string;
    alpnProtocols: string[];
    /** Our encoded quic_transport_parameters. */
    transportParameters: Uint8Array;
    /** Offered cipher suites in preference order (default 0x1301, 0x1302, 0x1303). */
    cipherSuites?: number[];
    /** Supported groups; a key share is sent for the first (default x25519, secp256r1). */
    groups?: KeyExchangeGroup[];
    /** signature_algorithms for CertificateVerify (default: every scheme we verify). */
    signatureSchemes?: number[];
    /** null disables certificate verification explicitly (the CertificateVerify signature is still checked). */
    verifier: CertificateVerifier | null;
    clientCertificate?: {
        chain: Uint8Array[];
        key: SigningKey;
    };
    /** Offer this ticket for PSK resumption (psk_dhe_ke). */
    sessionTicket?: SessionTicket;
}
/** An IPv4 or IPv6 literal (RFC 6066 §3: literal addresses are not sent in SNI). */
export declare function isIpLiteral(host: string): boolean;
export declare function createTlsClient(config: TlsClientConfig, deps: TlsDeps): TlsSession;
export declare class TlsClient extends TlsSessionBase implements TlsSession {
    readonly isServer = false;
    private readonly config;
    private readonly suites;
    private readonly groups;
    private readonly sigSchemes;
    private readonly alpnBytes;
    private state;
    private keyShare;
    private offered;
    private ticket;
    private ticketPsk;
    private retried;
    private retrySuite;
    private schedule;
    private hsSecrets;
    private certRequest;
    private resumptionMaster;
    constructor(config: TlsClientConfig, deps: TlsDeps);
    start(now: Micros): void;
    private usableTicket;
    private buildClientHello;
    protected handleMessage(level: EncryptionLevel, m: HandshakeMessage, now: Micros): void;
    /** Extensions the server may only echo when we offered them; `allowed` are legal in this message. */
    private checkResponseExtensions;
    private checkCommonHello;
    private onServerHello;
    private onHelloRetryRequest;
    private onEncryptedExtensions;
    private onCertificateRequest;
    private onCertificate;
    private onCertificateVerify;
    private onFinished;
    /** Certificate (empty when we have none usable) and CertificateVerify (RFC 8446 §4.4.2). */
    private writeClientCertificate;
    private onNewSessionTicket;
}
