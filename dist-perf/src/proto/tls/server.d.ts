import type { KeyExchangeGroup } from '../crypto/provider.js';
import type { Micros } from '../util/time.js';
import { type HandshakeMessage } from './messages.js';
import { EncryptionLevel, type CertificateVerifier, type SigningKey, type TlsSession } from './session.js';
import { TlsSessionBase, type TlsDeps } from './session-base.js';
export interface TlsServerConfig {
    /** DER certificates, leaf first. */
    certificateChain: Uint8Array[];
    signingKey: SigningKey;
    /** ALPN protocols in server preference order; no overlap with the client is fatal (120). */
    alpnProtocols: string[];
    transportParameters: Uint8Array;
    cipherSuites?: number[];
    groups?: KeyExchangeGroup[];
    requestClientCertificate?: boolean;
    /** Refuse a handshake without a client certificate (default: when a client verifier is set). */
    requireClientCertificate?: boolean;
    clientCertificateVerifier?: CertificateVerifier;
    /** 32 bytes: enables issuing tickets and accepting them for resumption. */
    ticketKey?: Uint8Array;
    ticketLifetimeSeconds?: number;
    /** Picks a certificate for the client's SNI; undefined falls back to certificateChain/signingKey. */
    selectCertificate?: (serverName: string | undefined) => {
        chain: Uint8Array[];
        key: SigningKey;
    } | undefined;
}
export declare function createTlsServer(config: TlsServerConfig, deps: TlsDeps): TlsSession;
export declare class TlsServer extends TlsSessionBase implements TlsSession {
    readonly isServer = true;
    private readonly config;
    private readonly suites;
    private readonly groups;
    private state;
    private retryGroup;
    private schedule;
    private hsSecrets;
    private clientAppSecret;
    private resumptionMaster;
    private ticketsIssued;
    constructor(config: TlsServerConfig, deps: TlsDeps);
    start(_now: Micros): void;
    protected handleMessage(level: EncryptionLevel, m: HandshakeMessage, now: Micros): void;
    private chooseSuite;
    private chooseAlpn;
    private onClientHello;
    private wantsClientCertificate;
    /** Our most preferred group the client sent a share for; undefined asks for a retry. */
    private chooseKeyShare;
    private sendHelloRetryRequest;
    /**
     * The first offered ticket we issued that is still valid for this suite and ALPN. Its binder
     * must verify (decrypt_error otherwise); other tickets just fall back to a full handshake.
     */
    private acceptPsk;
    /** EncryptedExtensions, [CertificateRequest], [Certificate, CertificateVerify], Finished. */
    private serverFlight;
    private onCertificate;
    private onCertificateVerify;
    private onFinished;
    /** Issues a NewSessionTicket at the APPLICATION level; a no-op without a ticket key or before completion. */
    sendSessionTicket(now: Micros): void;
}
