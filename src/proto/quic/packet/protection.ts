/**
 * QUIC packet protection (RFC 9001 §5): packet keys from a traffic secret, Initial secrets,
 * AEAD payload protection and header protection, applied in place on datagram buffers.
 */
import type { CipherSuite } from '../../crypto/cipher-suites.js';
import { CIPHER_SUITES, CipherSuiteId } from '../../crypto/cipher-suites.js';
import { EMPTY_CONTEXT, hkdfExpandLabel } from '../../crypto/hkdf-label.js';
import type { Aead, CryptoProvider, HeaderProtection } from '../../crypto/provider.js';
import { invariant } from '../../util/invariant.js';
import { InvalidPacketError } from '../wire/packet-error.js';

/** initial_salt for QUIC version 1 (RFC 9001 §5.2). */
export const INITIAL_SALT_V1: Uint8Array = Uint8Array.from([
  0x38, 0x76, 0x2c, 0xf7, 0xf5, 0x59, 0x34, 0xb3, 0x4d, 0x17, 0x9a, 0xe6, 0xa4, 0xc8, 0x0c, 0xad, 0xcc, 0xbb, 0x7f, 0x0a,
]);

export const AEAD_TAG_LENGTH = 16;
/** Header protection samples 16 bytes starting 4 bytes after the start of the packet number. */
export const HP_SAMPLE_OFFSET = 4;
export const HP_SAMPLE_LENGTH = 16;

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

/** Derives "quic key" and "quic iv" from a traffic secret: the AEAD half of the packet keys. */
export function derivePayloadKeys(provider: CryptoProvider, suite: CipherSuite, secret: Uint8Array): { aead: Aead; iv: Uint8Array } {
  const key = hkdfExpandLabel(provider, suite.hash, secret, 'quic key', EMPTY_CONTEXT, suite.keyLength);
  const iv = hkdfExpandLabel(provider, suite.hash, secret, 'quic iv', EMPTY_CONTEXT, suite.ivLength);
  return { aead: provider.createAead(suite.aead, key), iv };
}

/** Derives "quic key", "quic iv" and "quic hp" from a traffic secret (RFC 9001 §5.1). */
export function derivePacketKeys(provider: CryptoProvider, suite: CipherSuite, secret: Uint8Array): PacketKeys {
  const { aead, iv } = derivePayloadKeys(provider, suite, secret);
  const hpKey = hkdfExpandLabel(provider, suite.hash, secret, 'quic hp', EMPTY_CONTEXT, suite.keyLength);
  const packed = packSecretAndIv(secret, iv);
  return { suite, secret: packed.secret, iv: packed.iv, aead, hp: provider.createHeaderProtection(suite.aead, hpKey) };
}

/**
 * Copies of a key set's secret and iv as views on one buffer: each key set lives as long as its
 * phase (an idle connection holds three), and one ArrayBuffer costs less than two.
 */
export function packSecretAndIv(secret: Uint8Array, iv: Uint8Array): { secret: Uint8Array; iv: Uint8Array } {
  const buf = new Uint8Array(secret.length + iv.length);
  buf.set(secret);
  buf.set(iv, secret.length);
  return { secret: buf.subarray(0, secret.length), iv: buf.subarray(secret.length) };
}

/** client_initial_secret and server_initial_secret for a client-chosen DCID (RFC 9001 §5.2). */
export function initialSecrets(provider: CryptoProvider, dcid: Uint8Array): { client: Uint8Array; server: Uint8Array } {
  const suite = CIPHER_SUITES[CipherSuiteId.TLS_AES_128_GCM_SHA256];
  const initialSecret = provider.hkdfExtract(suite.hash, INITIAL_SALT_V1, dcid);
  return {
    client: hkdfExpandLabel(provider, suite.hash, initialSecret, 'client in', EMPTY_CONTEXT, suite.hashLength),
    server: hkdfExpandLabel(provider, suite.hash, initialSecret, 'server in', EMPTY_CONTEXT, suite.hashLength),
  };
}

/** Initial packet keys for both directions (always AEAD_AES_128_GCM). */
export function initialKeys(provider: CryptoProvider, dcid: Uint8Array): { client: PacketKeys; server: PacketKeys } {
  const suite = CIPHER_SUITES[CipherSuiteId.TLS_AES_128_GCM_SHA256];
  const secrets = initialSecrets(provider, dcid);
  return { client: derivePacketKeys(provider, suite, secrets.client), server: derivePacketKeys(provider, suite, secrets.server) };
}

// One scratch nonce: every call below is synchronous and the AEAD consumes the nonce at once.
const nonceScratch = new Uint8Array(12);
const TWO_POW_32 = 0x1_0000_0000;

/** iv XOR the packet number left-padded to the iv length (RFC 9001 §5.3), in the scratch buffer. */
function packetNonce(iv: Uint8Array, pn: number): Uint8Array {
  const n = iv.length;
  const nonce = n === 12 ? nonceScratch : new Uint8Array(n);
  nonce.set(iv);
  const lo = pn >>> 0;
  const hi = Math.floor(pn / TWO_POW_32);
  nonce[n - 1]! ^= lo & 0xff;
  nonce[n - 2]! ^= (lo >>> 8) & 0xff;
  nonce[n - 3]! ^= (lo >>> 16) & 0xff;
  nonce[n - 4]! ^= lo >>> 24;
  nonce[n - 5]! ^= hi & 0xff;
  nonce[n - 6]! ^= (hi >>> 8) & 0xff;
  nonce[n - 7]! ^= (hi >>> 16) & 0xff;
  nonce[n - 8]! ^= hi >>> 24;
  return nonce;
}

/** The packet nonce as a new array (tests and diagnostics; the hot path uses the scratch). */
export function computeNonce(iv: Uint8Array, pn: number): Uint8Array {
  return packetNonce(iv, pn).slice();
}

/** Bits of the first byte covered by header protection: 4 for long headers, 5 for short. */
function firstByteMask(firstByte: number): number {
  return (firstByte & 0x80) !== 0 ? 0x0f : 0x1f;
}

/**
 * Protects the packet in buf[start..payloadEnd) in place: the header (first byte .. packet number,
 * already written) is the AAD, the payload after the packet number is encrypted, the 16-byte tag
 * is written at payloadEnd, then header protection is applied. Returns payloadEnd + 16.
 * The caller guarantees room for the tag and at least 4 - pnLength payload bytes, so that the
 * header protection sample fits (RFC 9001 §5.4.2).
 */
export function protectPacket(
  keys: PacketKeys, buf: Uint8Array, start: number, pnOffset: number, pnLength: 1 | 2 | 3 | 4, pn: number, payloadEnd: number,
): number {
  const headerEnd = pnOffset + pnLength;
  const end = payloadEnd + AEAD_TAG_LENGTH;
  const sampleAt = pnOffset + HP_SAMPLE_OFFSET;
  invariant(sampleAt + HP_SAMPLE_LENGTH <= end && end <= buf.length, 'packet too short to protect or buffer too small');
  keys.aead.seal(
    packetNonce(keys.iv, pn), buf.subarray(start, headerEnd), buf.subarray(headerEnd, payloadEnd), buf, headerEnd,
  );
  const mask = keys.hp.mask(buf.subarray(sampleAt, sampleAt + HP_SAMPLE_LENGTH));
  buf[start] = buf[start]! ^ (mask[0]! & firstByteMask(buf[start]!));
  for (let i = 0; i < pnLength; i++) buf[pnOffset + i] = buf[pnOffset + i]! ^ mask[1 + i]!;
  return end;
}

/**
 * Removes header protection in place in `packet` (which starts at the first byte and ends at the
 * end of this packet) and returns the restored first byte, packet number length and truncated
 * packet number. Throws InvalidPacketError when the packet is too short to hold a sample.
 */
export function unprotectHeader(hp: HeaderProtection, packet: Uint8Array, pnOffset: number): UnprotectedHeader {
  const sampleAt = pnOffset + HP_SAMPLE_OFFSET;
  if (pnOffset < 1 || sampleAt + HP_SAMPLE_LENGTH > packet.length) {
    throw new InvalidPacketError('packet too short for a header protection sample');
  }
  const mask = hp.mask(packet.subarray(sampleAt, sampleAt + HP_SAMPLE_LENGTH));
  const firstByte = packet[0]! ^ (mask[0]! & firstByteMask(packet[0]!));
  packet[0] = firstByte;
  const pnLength = ((firstByte & 0x03) + 1) as 1 | 2 | 3 | 4;
  let truncatedPn = 0;
  for (let i = 0; i < pnLength; i++) {
    const b = packet[pnOffset + i]! ^ mask[1 + i]!;
    packet[pnOffset + i] = b;
    truncatedPn = truncatedPn * 256 + b;
  }
  return { firstByte, pnLength, truncatedPn };
}

/**
 * Decrypts the payload of a packet whose header protection was removed: packet[0..headerLength)
 * is the AAD, the rest is ciphertext + tag. Returns a new plaintext array (frames may keep views
 * into it after the datagram buffer is reused) or null when authentication fails.
 */
export function decryptPayload(keys: PacketKeys, packet: Uint8Array, headerLength: number, pn: number): Uint8Array | null {
  if (headerLength < 1 || packet.length - headerLength < AEAD_TAG_LENGTH) return null;
  return keys.aead.open(packetNonce(keys.iv, pn), packet.subarray(0, headerLength), packet.subarray(headerLength));
}
