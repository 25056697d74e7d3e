import type { CryptoProvider, HashAlgorithm } from './provider.js';
declare const EMPTY: Uint8Array<ArrayBuffer>;
/** The HkdfLabel structure of RFC 8446 §7.1 ("tls13 " + label). */
export declare function hkdfLabel(label: string, context: Uint8Array, length: number): Uint8Array;
/** HKDF-Expand-Label(Secret, Label, Context, Length) (RFC 8446 §7.1). */
export declare function hkdfExpandLabel(provider: CryptoProvider, hash: HashAlgorithm, secret: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array;
/** Derive-Secret(Secret, Label, Messages) given the transcript hash of Messages (RFC 8446 §7.1). */
export declare function deriveSecret(provider: CryptoProvider, hash: HashAlgorithm, secret: Uint8Array, label: string, transcriptHash: Uint8Array): Uint8Array;
export { EMPTY as EMPTY_CONTEXT };
