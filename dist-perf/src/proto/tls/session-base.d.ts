/**
 * What the client and server sessions share: the event queue, per-level reassembly, the
 * transcript, negotiated facts, and latching the first fatal alert.
 */
import type { CipherSuite } from '../crypto/cipher-suites.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { RandomSource } from '../util/random.js';
import type { Micros } from '../util/time.js';
import { TlsAlertError } from './alerts.js';
import { type HandshakeMessage } from './messages.js';
import { EncryptionLevel, type CertificateVerifier, type TlsEvent } from './session.js';
import { Transcript } from './transcript.js';
export interface TlsDeps {
    readonly crypto: CryptoProvider;
    readonly random: RandomSource;
}
export declare abstract class TlsSessionBase {
    abstract readonly isServer: boolean;
    handshakeComplete: boolean;
    alpn: string | undefined;
    serverName: string | undefined;
    peerTransportParameters: Uint8Array | undefined;
    cipherSuite: CipherSuite | undefined;
    peerCertificates: readonly Uint8Array[];
    resumed: boolean;
    protected readonly crypto: CryptoProvider;
    protected readonly random: RandomSource;
    protected readonly transcript: Transcript;
    protected clientRandom: Uint8Array;
    private readonly events;
    private readonly reassemblers;
    private failure;
    constructor(deps: TlsDeps);
    pollEvent(): TlsEvent | undefined;
    handleHandshakeData(level: EncryptionLevel, data: Uint8Array, now: Micros): void;
    protected abstract handleMessage(level: EncryptionLevel, message: HandshakeMessage, now: Micros): void;
    protected emit(event: TlsEvent): void;
    protected send(level: EncryptionLevel, data: Uint8Array): void;
    protected emitSecret(level: EncryptionLevel, direction: 'read' | 'write', secret: Uint8Array): void;
    protected emitKeyLog(label: string, secret: Uint8Array): void;
    /** Keys change only at message boundaries (RFC 9001 §4.1.3): no partial message may remain. */
    protected requireNoPendingData(level: EncryptionLevel): void;
    protected unexpected(level: EncryptionLevel, message: HandshakeMessage, state: string): never;
    /** Runs a certificate verifier, mapping its refusal to the alert it implies. */
    protected verifyChain(verifier: CertificateVerifier, chain: readonly Uint8Array[], serverName: string | undefined, now: Micros): void;
    /** Verifies a CertificateVerify signature with the leaf's public key; failure is decrypt_error. */
    protected verifySignature(scheme: number, leaf: Uint8Array, input: Uint8Array, signature: Uint8Array): void;
    /** (EC)DHE with the peer's share; a bad point is illegal_parameter. */
    protected deriveShared(deriver: {
        deriveSecret(peer: Uint8Array): Uint8Array;
    }, peer: Uint8Array): Uint8Array;
}
/** The alert that a certificate verifier's refusal implies (RFC 8446 §6.2). */
export declare function certificateAlert(err: unknown): TlsAlertError;
