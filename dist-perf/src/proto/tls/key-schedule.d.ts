/**
 * The TLS 1.3 key schedule (RFC 8446 §7.1): early secret (from a PSK or zeros), handshake
 * secret (from the (EC)DHE shared secret), master secret, and the secrets derived from each.
 */
import type { CryptoProvider, HashAlgorithm } from '../crypto/provider.js';
export interface TrafficSecrets {
    readonly client: Uint8Array;
    readonly server: Uint8Array;
}
export declare class KeySchedule {
    readonly hash: HashAlgorithm;
    readonly earlySecret: Uint8Array;
    private readonly crypto;
    private readonly emptyHash;
    private handshakeSecret;
    private masterSecret;
    /** Starts from Extract(0, PSK), with zeros as the PSK when none is used. */
    constructor(crypto: CryptoProvider, hash: HashAlgorithm, psk?: Uint8Array);
    /** The PSK binder key: "res binder" for resumption tickets, "ext binder" for external PSKs. */
    binderKey(external?: boolean): Uint8Array;
    /** Mixes in the (EC)DHE shared secret; returns the handshake secret. */
    deriveHandshakeSecret(sharedSecret: Uint8Array): Uint8Array;
    /** "c/s hs traffic" over Transcript-Hash(ClientHello..ServerHello). */
    handshakeTrafficSecrets(transcriptHash: Uint8Array): TrafficSecrets;
    /** Extract(Derive-Secret(handshake, "derived", ""), 0); returns the master secret. */
    deriveMasterSecret(): Uint8Array;
    private master;
    /** "c/s ap traffic" over Transcript-Hash(ClientHello..server Finished). */
    applicationTrafficSecrets(transcriptHash: Uint8Array): TrafficSecrets;
    /** "exp master" over Transcript-Hash(ClientHello..server Finished). */
    exporterMasterSecret(transcriptHash: Uint8Array): Uint8Array;
    /** "res master" over Transcript-Hash(ClientHello..client Finished). */
    resumptionMasterSecret(transcriptHash: Uint8Array): Uint8Array;
}
/** The PSK a NewSessionTicket stands for (RFC 8446 §4.6.1). */
export declare function resumptionPsk(crypto: CryptoProvider, hash: HashAlgorithm, resumptionMasterSecret: Uint8Array, ticketNonce: Uint8Array): Uint8Array;
