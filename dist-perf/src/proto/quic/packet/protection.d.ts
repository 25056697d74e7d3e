/**
 * QUIC packet protection (RFC 9001 §5): packet keys from a traffic secret, Initial secrets,
 * AEAD payload protection and header protection, applied in place on datagram buffers.
 */
import type { CipherSuite } from '../../crypto/cipher-suites.js';
import type { Aead, CryptoProvider, HeaderProtection } from '../../crypto/provider.js';
/** initial_salt for QUIC version 1 (RFC 9001 §5.2). */
export declare const INITIAL_SALT_V1: Uint8Array;
export declare const AEAD_TAG_LENGTH = 16;
/** Header protection samples 16 bytes starting 4 bytes after the start of the packet number. */
export declare const HP_SAMPLE_OFFSET = 4;
export declare const HP_SAMPLE_LENGTH = 16;
/** Keys for one direction of one packet number space (or one 1-RTT key generation). */
export interface PacketKeys {
    suite: CipherSuite;
    /** The traffic secret these keys come from (the input of the next "quic ku" update). */
    secret: Uint8Array;
    aead: Aead;
    hp: HeaderProtection;
    iv: Uint8Array;
}
export interface UnprotectedHeader {
    /** The first byte with its protected bits restored. */
    firstByte: number;
    pnLength: 1 | 2 | 3 | 4;
    truncatedPn: number;
}
/** Derives "quic key", "quic iv" and "quic hp" from a traffic secret (RFC 9001 §5.1). */
export declare function derivePacketKeys(provider: CryptoProvider, suite: CipherSuite, secret: Uint8Array): PacketKeys;
/** client_initial_secret and server_initial_secret for a client-chosen DCID (RFC 9001 §5.2). */
export declare function initialSecrets(provider: CryptoProvider, dcid: Uint8Array): {
    client: Uint8Array;
    server: Uint8Array;
};
/** Initial packet keys for both directions (always AEAD_AES_128_GCM). */
export declare function initialKeys(provider: CryptoProvider, dcid: Uint8Array): {
    client: PacketKeys;
    server: PacketKeys;
};
/** The packet nonce as a new array (tests and diagnostics; the hot path uses the scratch). */
export declare function computeNonce(iv: Uint8Array, pn: number): Uint8Array;
/**
 * Protects the packet in buf[start..payloadEnd) in place: the header (first byte .. packet number,
 * already written) is the AAD, the payload after the packet number is encrypted, the 16-byte tag
 * is written at payloadEnd, then header protection is applied. Returns payloadEnd + 16.
 * The caller guarantees room for the tag and at least 4 - pnLength payload bytes, so that the
 * header protection sample fits (RFC 9001 §5.4.2).
 */
export declare function protectPacket(keys: PacketKeys, buf: Uint8Array, start: number, pnOffset: number, pnLength: 1 | 2 | 3 | 4, pn: number, payloadEnd: number): number;
/**
 * Removes header protection in place in `packet` (which starts at the first byte and ends at the
 * end of this packet) and returns the restored first byte, packet number length and truncated
 * packet number. Throws InvalidPacketError when the packet is too short to hold a sample.
 */
export declare function unprotectHeader(hp: HeaderProtection, packet: Uint8Array, pnOffset: number): UnprotectedHeader;
/**
 * Decrypts the payload of a packet whose header protection was removed: packet[0..headerLength)
 * is the AAD, the rest is ciphertext + tag. Returns a new plaintext array (frames may keep views
 * into it after the datagram buffer is reused) or null when authentication fails.
 */
export declare function decryptPayload(keys: PacketKeys, packet: Uint8Array, headerLength: number, pn: number): Uint8Array | null;
