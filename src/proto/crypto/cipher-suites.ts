import type { AeadAlgorithm, HashAlgorithm } from './provider.js';

/** TLS 1.3 cipher suites usable with QUIC (RFC 8446 §B.4, RFC 9001 §5.3). */
export const CipherSuiteId = {
  TLS_AES_128_GCM_SHA256: 0x1301,
  TLS_AES_256_GCM_SHA384: 0x1302,
  TLS_CHACHA20_POLY1305_SHA256: 0x1303,
} as const;
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

export const CIPHER_SUITES: Readonly<Record<CipherSuiteId, CipherSuite>> = {
  [CipherSuiteId.TLS_AES_128_GCM_SHA256]: {
    id: CipherSuiteId.TLS_AES_128_GCM_SHA256, name: 'TLS_AES_128_GCM_SHA256', aead: 'aes-128-gcm', hash: 'sha256',
    keyLength: 16, ivLength: 12, hashLength: 32, confidentialityLimit: 2 ** 23, integrityLimit: 2 ** 52,
  },
  [CipherSuiteId.TLS_AES_256_GCM_SHA384]: {
    id: CipherSuiteId.TLS_AES_256_GCM_SHA384, name: 'TLS_AES_256_GCM_SHA384', aead: 'aes-256-gcm', hash: 'sha384',
    keyLength: 32, ivLength: 12, hashLength: 48, confidentialityLimit: 2 ** 23, integrityLimit: 2 ** 52,
  },
  [CipherSuiteId.TLS_CHACHA20_POLY1305_SHA256]: {
    id: CipherSuiteId.TLS_CHACHA20_POLY1305_SHA256, name: 'TLS_CHACHA20_POLY1305_SHA256', aead: 'chacha20-poly1305', hash: 'sha256',
    keyLength: 32, ivLength: 12, hashLength: 32, confidentialityLimit: Number.MAX_SAFE_INTEGER, integrityLimit: 2 ** 36,
  },
};

export function cipherSuite(id: number): CipherSuite | undefined {
  return (CIPHER_SUITES as Record<number, CipherSuite>)[id];
}
