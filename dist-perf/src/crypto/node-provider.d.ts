/**
 * CryptoProvider on node:crypto. Everything is synchronous; objects bound to one key (AEAD,
 * header protection) keep their key material and, where node allows, their cipher, so that the
 * per-packet cost stays small.
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import type { CryptoProvider } from '../proto/crypto/provider.js';
/**
 * A small LRU keyed by DER bytes. OpenSSL 3 makes `new X509Certificate` cost about 0.3-0.5 ms and
 * the same certificates arrive on every handshake, so parsed objects are kept. Keys are the DER
 * as a latin1 string (one native copy, exact: no hash collisions to reason about).
 */
export declare class DerKeyedCache<V> {
    #private;
    readonly capacity: number;
    constructor(capacity: number);
    static keyOf(der: Uint8Array): string;
    get(key: string): V | undefined;
    set(key: string, value: V): void;
    get size(): number;
}
/** A certificate's public key with the facts signature checks ask for, read once. */
export interface CertificatePublicKey {
    readonly key: KeyObject;
    readonly type: string | undefined;
    readonly namedCurve: string | undefined;
}
export interface CachedX509 {
    readonly x509: X509Certificate;
    readonly publicKey: CertificatePublicKey;
}
/**
 * The X509Certificate (and its public key) for DER bytes, parsed once per distinct certificate.
 * Throws what X509Certificate throws on garbage (failures are not cached).
 */
export declare function cachedX509(der: Uint8Array): CachedX509;
export declare const nodeCryptoProvider: CryptoProvider;
