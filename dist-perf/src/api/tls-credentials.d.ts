/**
 * Server credentials: loading a PEM certificate chain and private key (inline or from files),
 * and generating a development self-signed certificate that browsers accept through
 * `serverCertificateHashes` (W3C rules: X.509v3, ECDSA P-256, validity of at most 14 days).
 */
import { type KeyObject } from 'node:crypto';
import type * as X509 from '@peculiar/x509';
import type { SigningKey } from '../proto/tls/session.js';
export interface TlsCredentials {
    /** DER certificates, leaf first. */
    readonly chain: Uint8Array[];
    readonly signingKey: SigningKey;
    /** SHA-256 of the leaf DER: the value for a client's serverCertificateHashes. */
    readonly leafSha256: Uint8Array;
}
export interface LoadCredentialsOptions {
    /** PEM text (one or more certificates, leaf first), a path to a PEM file, or DER/PEM bytes. */
    readonly cert: string | Uint8Array;
    /** PEM text, a path to a PEM file, DER PKCS#8 / PEM bytes, or a private KeyObject. */
    readonly key: string | Uint8Array | KeyObject;
    /** Passphrase of an encrypted key. */
    readonly passphrase?: string;
}
export declare function certificateSha256(der: Uint8Array): Uint8Array;
/**
 * Loads a certificate chain and its private key, checking that the key belongs to the leaf.
 * Throws TypeError for unreadable or mismatched input.
 */
export declare function loadCredentials(options: LoadCredentialsOptions): Promise<TlsCredentials>;
export interface SelfSignedOptions {
    /** DNS names and IP literals for subjectAltName. Default: localhost, 127.0.0.1, ::1. */
    readonly hostnames?: readonly string[];
    /** Validity in days, at most 14 (the W3C limit for certificate hashes). Default 14. */
    readonly days?: number;
    readonly keyType?: 'ec-p256';
}
export interface SelfSignedCertificate extends TlsCredentials {
    readonly certPem: string;
    readonly keyPem: string;
    readonly certDer: Uint8Array;
    /** Same as leafSha256. */
    readonly sha256: Uint8Array;
    readonly sha256Hex: string;
    readonly notBefore: Date;
    readonly notAfter: Date;
}
/** @peculiar/x509, loaded on first use and bound to node's WebCrypto. Internal (also used by src/testing). */
export declare function loadX509(): Promise<typeof X509>;
/** subjectAltName entries: IP literals (brackets allowed for IPv6) as iPAddress, the rest as dNSName. */
export declare function subjectAltNames(hostnames: readonly string[]): {
    type: 'dns' | 'ip';
    value: string;
}[];
/**
 * A fresh ECDSA P-256 self-signed certificate for development and for clients that pin its
 * SHA-256 with serverCertificateHashes.
 */
export declare function generateSelfSignedCertificate(options?: SelfSignedOptions): Promise<SelfSignedCertificate>;
