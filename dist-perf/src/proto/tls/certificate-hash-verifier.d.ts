/**
 * Server authentication by certificate hash, as the W3C WebTransport API defines it for
 * `serverCertificateHashes` ("verify a certificate hash" and the "custom certificate
 * requirements"): the leaf's SHA-256 must equal one of the 'sha-256' hashes, and the leaf must be
 * an X.509v3 certificate with an allowed (non-RSA) key, currently valid, valid for at most two
 * weeks. No chain or host name is checked: the hash is the trust.
 */
import type { CryptoProvider } from '../crypto/provider.js';
import type { Micros } from '../util/time.js';
import { type CertificateVerifier } from './session.js';
export interface CertificateHash {
    /** Compared ASCII case-insensitively with 'sha-256'; other algorithms are ignored. */
    readonly algorithm: string;
    readonly value: Uint8Array;
}
/** The W3C limit on the total validity period of a hash-pinned certificate. */
export declare const MAX_HASH_PINNED_VALIDITY_MS: number;
export declare class CertificateHashVerifier implements CertificateVerifier {
    private readonly hashes;
    private readonly crypto;
    constructor(serverCertificateHashes: readonly CertificateHash[], crypto: Pick<CryptoProvider, 'hash'>);
    /** How many usable (sha-256) hashes were given. */
    get size(): number;
    verify(chain: readonly Uint8Array[], _serverName: string | undefined, now: Micros): void;
}
