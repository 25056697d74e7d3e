import type { SigningKey } from '../proto/tls/session.js';
export type TestKeyType = 'ec-p256' | 'ec-p384' | 'rsa-2048' | 'ed25519';
export interface TestPkiOptions {
    readonly keyType?: TestKeyType;
    /** Leaf subjectAltName entries (DNS names and IP literals). Default: localhost, 127.0.0.1, ::1. */
    readonly hostnames?: readonly string[];
    /** Leaf validity in days. Default 14. */
    readonly validityDays?: number;
    /** Leaf notBefore (ms since epoch or Date). Default: one hour ago. Put it in the past for an expired leaf. */
    readonly notBefore?: number | Date;
    /** Put the root CA at the end of `chain`. Default true. */
    readonly includeChain?: boolean;
    /** Issue the leaf from an intermediate CA (always included in `chain`). Default false. */
    readonly intermediate?: boolean;
    /** Fresh, uncached keys (e.g. an impostor CA with the same name but another key). */
    readonly freshKeys?: boolean;
    /** CA common name. Default: unique per call. */
    readonly caName?: string;
}
export interface TestPki {
    readonly caPem: string;
    readonly caDer: Uint8Array;
    /** Present when `intermediate` was requested. */
    readonly intermediatePem?: string;
    readonly intermediateDer?: Uint8Array;
    readonly leafPem: string;
    readonly leafDer: Uint8Array;
    /** The leaf's private key, PKCS#8 PEM. */
    readonly keyPem: string;
    /** DER chain to present: leaf, [intermediate], [root]. */
    readonly chain: Uint8Array[];
    readonly signingKey: SigningKey;
    readonly notBefore: Date;
    readonly notAfter: Date;
}
/** Creates a CA (+ optional intermediate) and a leaf for `hostnames`. */
export declare function createTestPki(options?: TestPkiOptions): Promise<TestPki>;
