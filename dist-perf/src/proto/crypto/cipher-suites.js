/** TLS 1.3 cipher suites usable with QUIC (RFC 8446 §B.4, RFC 9001 §5.3). */
export const CipherSuiteId = {
    TLS_AES_128_GCM_SHA256: 0x1301,
    TLS_AES_256_GCM_SHA384: 0x1302,
    TLS_CHACHA20_POLY1305_SHA256: 0x1303,
};
export const CIPHER_SUITES = {
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
export function cipherSuite(id) {
    return CIPHER_SUITES[id];
}
//# sourceMappingURL=cipher-suites.js.map