/**
 * The cryptographic primitives the sans-IO core needs, injected by the runtime
 * (src/crypto/node-provider.ts implements them on node:crypto). Every call is synchronous.
 */
export type HashAlgorithm = 'sha256' | 'sha384' | 'sha512';
export type AeadAlgorithm = 'aes-128-gcm' | 'aes-256-gcm' | 'chacha20-poly1305';
export type KeyExchangeGroup = 'x25519' | 'secp256r1' | 'secp384r1';
/** An AEAD bound to one key. Objects are reused for every packet under that key. */
export interface Aead {
    /**
     * Encrypts `plaintext` and writes ciphertext followed by the 16-byte tag into `out` at
     * `outOffset` (out may alias plaintext at the same offset). Returns the bytes written.
     */
    seal(nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array, out: Uint8Array, outOffset: number): number;
    /**
     * Decrypts `ciphertext` (which ends with the 16-byte tag). Returns the plaintext (a view
     * into `out` when given, else a new array) or null when authentication fails.
     */
    open(nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, out?: Uint8Array): Uint8Array | null;
}
/** QUIC header protection (RFC 9001 §5.4): 5 mask bytes from a 16-byte sample. */
export interface HeaderProtection {
    mask(sample: Uint8Array): Uint8Array;
}
/** An incremental hash whose running value can be read without ending it (TLS transcripts). */
export interface TranscriptHash {
    update(data: Uint8Array): void;
    /** Digest of everything so far; the hash stays usable. */
    digest(): Uint8Array;
    clone(): TranscriptHash;
}
/** An ephemeral key pair for (EC)DHE. */
export interface KeyShare {
    readonly group: KeyExchangeGroup;
    /** Public key in TLS encoding (x25519: 32 raw bytes; NIST curves: uncompressed point). */
    readonly publicKey: Uint8Array;
    /** Shared secret with the peer's public key; throws on an invalid point. */
    deriveSecret(peerPublicKey: Uint8Array): Uint8Array;
}
export interface CryptoProvider {
    createAead(algorithm: AeadAlgorithm, key: Uint8Array): Aead;
    createHeaderProtection(algorithm: AeadAlgorithm, hpKey: Uint8Array): HeaderProtection;
    hash(algorithm: HashAlgorithm, data: Uint8Array): Uint8Array;
    createTranscriptHash(algorithm: HashAlgorithm): TranscriptHash;
    hmac(algorithm: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array;
    hkdfExtract(algorithm: HashAlgorithm, salt: Uint8Array, ikm: Uint8Array): Uint8Array;
    hkdfExpand(algorithm: HashAlgorithm, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array;
    generateKeyShare(group: KeyExchangeGroup): KeyShare;
    /** Verifies a TLS signature made with the public key of a DER certificate. */
    verifySignature(scheme: number, certificateDer: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean;
}
export declare function hashLength(algorithm: HashAlgorithm): number;
