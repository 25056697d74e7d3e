/**
 * A TLS 1.3 CertificateVerify signer over a node:crypto private key. The schemes a key offers
 * follow RFC 8446 §4.2.3: ECDSA is bound to its curve, rsaEncryption keys sign with
 * rsa_pss_rsae_*, RSASSA-PSS keys with rsa_pss_pss_* (limited to the hash the key is bound to),
 * PSS salt = hash length, ECDSA signatures DER-encoded.
 */
import { type KeyObject } from 'node:crypto';
import type { SigningKey } from '../proto/tls/session.js';
export interface SigningKeyOptions {
    /** Passphrase of an encrypted PEM / PKCS#8 key. */
    readonly passphrase?: string;
}
/**
 * A SigningKey from a PEM string (PKCS#8, SEC1 or PKCS#1), PEM or DER PKCS#8 bytes, or a
 * private KeyObject. Throws TypeError for key types TLS 1.3 cannot use.
 */
export declare function createSigningKey(key: string | Uint8Array | KeyObject, options?: SigningKeyOptions): SigningKey & {
    readonly key: KeyObject;
};
