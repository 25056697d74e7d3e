import type { AeadAlgorithm, HashAlgorithm } from './provider.js';
/** TLS 1.3 cipher suites usable with QUIC (RFC 8446 §B.4, RFC 9001 §5.3). */
export declare const CipherSuiteId: {
    readonly TLS_AES_128_GCM_SHA256: 4865;
    readonly TLS_AES_256_GCM_SHA384: 4866;
    readonly TLS_CHACHA20_POLY1305_SHA256: 4867;
};
export type CipherSuiteId = (typeof CipherSuiteId)[keyof typeof CipherSuiteId];
export interface CipherSuite {
    readonly id: CipherSuiteId;
    readonly name: string;
    readonly aead: AeadAlgorithm;
    readonly hash: HashAlgorithm;
    readonly keyLength: number;
    readonly ivLength: number;
    readonly hashLength: number;
    /** Confidentiality limit in packets (RFC 9001 §6.6). */
    readonly confidentialityLimit: number;
    /** Integrity limit in failed decryptions (RFC 9001 §6.6). */
    readonly integrityLimit: number;
}
export declare const CIPHER_SUITES: Readonly<Record<CipherSuiteId, CipherSuite>>;
export declare function cipherSuite(id: number): CipherSuite | undefined;
