import type { CryptoProvider } from '../proto/crypto/provider.js';
import type { Micros } from '../proto/util/time.js';
import { type CertificateVerifier } from '../proto/tls/session.js';
import { type CertificateHash } from '../proto/tls/certificate-hash-verifier.js';
export interface NodeCertificateVerifierOptions {
    /** Trust anchors, PEM (one or many per string) or DER. Default: node:tls rootCertificates. */
    readonly ca?: readonly (string | Uint8Array)[];
}
export declare class NodeCertificateVerifier implements CertificateVerifier {
    private readonly anchors;
    constructor(options?: NodeCertificateVerifierOptions);
    verify(chain: readonly Uint8Array[], serverName: string | undefined, now: Micros): void;
    /** Depth-first search for a trusted path; `nowMs` undefined skips validity checks. */
    private buildPath;
}
export interface CertificateVerifierOptions {
    readonly ca?: readonly (string | Uint8Array)[];
    /** W3C serverCertificateHashes: when non-empty, the hash decides instead of the PKI. */
    readonly serverCertificateHashes?: readonly CertificateHash[];
    /** false turns verification off (returns null); anything else keeps it on. */
    readonly rejectUnauthorized?: boolean;
    /** SHA-256 for hash pinning. Default: the node:crypto provider. */
    readonly crypto?: Pick<CryptoProvider, 'hash'>;
}
/**
 * The verifier for a client's options: null when rejectUnauthorized is false (verification
 * off), a CertificateHashVerifier for non-empty serverCertificateHashes, else a
 * NodeCertificateVerifier over `ca` (or the system roots).
 */
export declare function createCertificateVerifier(options?: CertificateVerifierOptions): CertificateVerifier | null;
