/**
 * CryptoProvider on node:crypto. Everything is synchronous; objects bound to one key (AEAD,
 * header protection) keep their key material and, where node allows, their cipher, so that the
 * per-packet cost stays small.
 */
import {
  X509Certificate, constants, createCipheriv, createDecipheriv, createECDH, createHash, createHmac,
  createSecretKey, diffieHellman, generateKeyPairSync, createPublicKey, verify,
  type Cipher, type ECDH, type Hash, type KeyObject,
} from 'node:crypto';
import type {
  Aead, AeadAlgorithm, CryptoProvider, HashAlgorithm, HeaderProtection, KeyExchangeGroup, KeyShare, TranscriptHash,
} from '../proto/crypto/provider.js';
import { hashLength } from '../proto/crypto/provider.js';
import { SignatureScheme } from '../proto/tls/signature-schemes.js';

const TAG_LENGTH = 16;
const EMPTY = Buffer.alloc(0);

/** A Buffer view over the same memory (no copy). */
function buf(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

function aeadKeyLength(algorithm: AeadAlgorithm): number {
  return algorithm === 'aes-128-gcm' ? 16 : 32;
}

class NodeAead implements Aead {
  private readonly algorithm: AeadAlgorithm;
  private readonly key: KeyObject;

  constructor(algorithm: AeadAlgorithm, key: Uint8Array) {
    if (key.length !== aeadKeyLength(algorithm)) throw new RangeError(`${algorithm}: bad key length ${key.length}`);
    this.algorithm = algorithm;
    this.key = createSecretKey(Buffer.from(key));
  }

  seal(nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array, out: Uint8Array, outOffset: number): number {
    // The GCM/ChaCha typings differ only in authTagLength; both accept it.
    const c = createCipheriv(this.algorithm as 'aes-128-gcm', this.key, nonce, { authTagLength: TAG_LENGTH });
    c.setAAD(aad);
    // update() copies its input before writing, so `out` may alias `plaintext`.
    const ct = c.update(plaintext);
    c.final();
    out.set(ct, outOffset);
    out.set(c.getAuthTag(), outOffset + ct.length);
    return ct.length + TAG_LENGTH;
  }

  open(nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, out?: Uint8Array): Uint8Array | null {
    if (ciphertext.length < TAG_LENGTH || nonce.length !== 12) return null;
    const ctLength = ciphertext.length - TAG_LENGTH;
    try {
      const d = createDecipheriv(this.algorithm as 'aes-128-gcm', this.key, nonce, { authTagLength: TAG_LENGTH });
      d.setAuthTag(ciphertext.subarray(ctLength));
      d.setAAD(aad);
      const pt = ctLength === 0 ? EMPTY : d.update(ciphertext.subarray(0, ctLength));
      d.final(); // throws when the tag does not verify
      if (out) {
        if (out.length < pt.length) return null;
        out.set(pt);
        return out.subarray(0, pt.length);
      }
      // A fresh Uint8Array over the Buffer's memory (update() returns an unpooled buffer for
      // large inputs, so the view pins only its own bytes).
      return new Uint8Array(pt.buffer, pt.byteOffset, pt.byteLength);
    } catch {
      return null;
    }
  }
}

/** AES header protection: one ECB cipher per key, reused (no final), one block per sample. */
class AesHeaderProtection implements HeaderProtection {
  private readonly cipher: Cipher;

  constructor(algorithm: 'aes-128-ecb' | 'aes-256-ecb', hpKey: Uint8Array) {
    this.cipher = createCipheriv(algorithm, Buffer.from(hpKey), null);
    this.cipher.setAutoPadding(false);
  }

  mask(sample: Uint8Array): Uint8Array {
    // ECB with no padding outputs exactly one block per 16-byte block; a partial block would stay
    // buffered in the reused cipher and shift every later mask, so refuse it.
    if (sample.length < 16) throw new RangeError('header protection sample must be 16 bytes');
    const block = this.cipher.update(sample.length === 16 ? sample : sample.subarray(0, 16));
    // A plain view: Buffer#subarray builds a Buffer through its JS constructor, once per packet.
    return new Uint8Array(block.buffer, block.byteOffset, 5);
  }
}

const FIVE_ZEROS = Buffer.alloc(5);

/** ChaCha20 header protection (RFC 9001 §5.4.4): counter||nonce = the 16-byte sample. */
class ChaChaHeaderProtection implements HeaderProtection {
  private readonly key: Buffer;

  constructor(hpKey: Uint8Array) {
    if (hpKey.length !== 32) throw new RangeError('chacha20: bad key length');
    this.key = Buffer.from(hpKey);
  }

  mask(sample: Uint8Array): Uint8Array {
    if (sample.length < 16) throw new RangeError('header protection sample must be 16 bytes');
    const c = createCipheriv('chacha20', this.key, sample.subarray(0, 16));
    return c.update(FIVE_ZEROS);
  }
}

class NodeTranscriptHash implements TranscriptHash {
  private readonly h: Hash;

  constructor(h: Hash) {
    this.h = h;
  }

  update(data: Uint8Array): void {
    this.h.update(data);
  }

  digest(): Uint8Array {
    return new Uint8Array(this.h.copy().digest());
  }

  clone(): TranscriptHash {
    return new NodeTranscriptHash(this.h.copy());
  }
}

function hmac(algorithm: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHmac(algorithm, key).update(data).digest());
}

const BLOCK_ONE = new Uint8Array([1]);

/** HKDF-Expand (RFC 5869 §2.3) with HMAC: hkdfSync would run Extract first. */
function hkdfExpand(algorithm: HashAlgorithm, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  const hashLen = hashLength(algorithm);
  if (!Number.isInteger(length) || length < 0 || length > 255 * hashLen) throw new RangeError(`HKDF-Expand: bad length ${length}`);
  if (length <= hashLen) {
    // One block, T(1) = HMAC(PRK, info | 0x01): every key, IV and secret TLS and QUIC derive.
    const block = createHmac(algorithm, prk).update(info).update(BLOCK_ONE).digest();
    return new Uint8Array(block.buffer, block.byteOffset, length);
  }
  const out = new Uint8Array(length);
  const counter = new Uint8Array(1);
  let prev: Uint8Array = new Uint8Array(0);
  for (let done = 0, i = 1; done < length; i++) {
    counter[0] = i;
    prev = createHmac(algorithm, prk).update(prev).update(info).update(counter).digest();
    const n = Math.min(hashLen, length - done);
    out.set(prev.subarray(0, n), done);
    done += n;
  }
  return out;
}

// ---- (EC)DHE ----

const NIST_CURVES = { secp256r1: { name: 'prime256v1', size: 32 }, secp384r1: { name: 'secp384r1', size: 48 } } as const;

interface X25519Pair {
  readonly privateKey: KeyObject;
  readonly publicKey: Uint8Array;
}

function generateX25519(): X25519Pair {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, publicKey: new Uint8Array(Buffer.from(jwk.x!, 'base64url')) };
}

/**
 * Ephemeral X25519 pairs generated ahead, between handshakes, so that key generation (~45 us) is
 * not on a handshake's critical path. Each pair is handed out once and never reused.
 */
const X25519_SPARES = 2;
const x25519Spares: X25519Pair[] = [];
let x25519RefillScheduled = false;

function refillX25519(): void {
  x25519RefillScheduled = false;
  while (x25519Spares.length < X25519_SPARES) x25519Spares.push(generateX25519());
}

function takeX25519(): X25519Pair {
  const pair = x25519Spares.pop() ?? generateX25519();
  if (!x25519RefillScheduled) {
    x25519RefillScheduled = true;
    // After this turn's I/O (a macrotask); unref'd so that it never keeps a process alive.
    setImmediate(refillX25519).unref();
  }
  return pair;
}

function x25519Share(): KeyShare {
  const { privateKey, publicKey: pub } = takeX25519();
  return {
    group: 'x25519',
    publicKey: pub,
    deriveSecret(peer: Uint8Array): Uint8Array {
      if (peer.length !== 32) throw new Error('x25519: bad public key length');
      const peerKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(peer).toString('base64url') }, format: 'jwk' });
      const secret = diffieHellman({ privateKey, publicKey: peerKey });
      // RFC 7748 §6.1 / RFC 8446 §7.4.2: an all-zero result means a low-order point.
      if (secret.every((b) => b === 0)) throw new Error('x25519: low-order peer key');
      return new Uint8Array(secret);
    },
  };
}

function nistShare(group: 'secp256r1' | 'secp384r1'): KeyShare {
  const curve = NIST_CURVES[group];
  const ecdh: ECDH = createECDH(curve.name);
  ecdh.generateKeys();
  return {
    group,
    publicKey: new Uint8Array(ecdh.getPublicKey(null, 'uncompressed')),
    deriveSecret(peer: Uint8Array): Uint8Array {
      // TLS 1.3 allows only the uncompressed form (RFC 8446 §4.2.8.2); computeSecret rejects
      // points not on the curve.
      if (peer.length !== 1 + 2 * curve.size || peer[0] !== 0x04) throw new Error(`${group}: bad public key encoding`);
      return new Uint8Array(ecdh.computeSecret(buf(peer)));
    },
  };
}

// ---- signatures ----

interface SchemeParams {
  hash: HashAlgorithm | null;
  keyType: 'ec' | 'rsa' | 'ed25519';
  curve?: string;
  pss?: boolean;
}

const SCHEMES: ReadonlyMap<number, SchemeParams> = new Map<number, SchemeParams>([
  [SignatureScheme.ecdsa_secp256r1_sha256, { hash: 'sha256', keyType: 'ec', curve: 'prime256v1' }],
  [SignatureScheme.ecdsa_secp384r1_sha384, { hash: 'sha384', keyType: 'ec', curve: 'secp384r1' }],
  [SignatureScheme.ecdsa_secp521r1_sha512, { hash: 'sha512', keyType: 'ec', curve: 'secp521r1' }],
  [SignatureScheme.rsa_pss_rsae_sha256, { hash: 'sha256', keyType: 'rsa', pss: true }],
  [SignatureScheme.rsa_pss_rsae_sha384, { hash: 'sha384', keyType: 'rsa', pss: true }],
  [SignatureScheme.rsa_pss_rsae_sha512, { hash: 'sha512', keyType: 'rsa', pss: true }],
  [SignatureScheme.rsa_pkcs1_sha256, { hash: 'sha256', keyType: 'rsa' }],
  [SignatureScheme.rsa_pkcs1_sha384, { hash: 'sha384', keyType: 'rsa' }],
  [SignatureScheme.rsa_pkcs1_sha512, { hash: 'sha512', keyType: 'rsa' }],
  [SignatureScheme.ed25519, { hash: null, keyType: 'ed25519' }],
]);

// ---- parsed certificates ----

/**
 * A small LRU keyed by DER bytes. OpenSSL 3 makes `new X509Certificate` cost about 0.3-0.5 ms and
 * the same certificates arrive on every handshake, so parsed objects are kept. Keys are the DER
 * as a latin1 string (one native copy, exact: no hash collisions to reason about).
 */
export class DerKeyedCache<V> {
  readonly capacity: number;
  readonly #entries = new Map<string, V>();

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  static keyOf(der: Uint8Array): string {
    return buf(der).toString('latin1');
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      // Most recently used goes last; eviction takes the first.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, value);
  }

  get size(): number {
    return this.#entries.size;
  }
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

const MAX_CACHED_CERTIFICATES = 256;
const x509Cache = new DerKeyedCache<CachedX509>(MAX_CACHED_CERTIFICATES);

/**
 * The X509Certificate (and its public key) for DER bytes, parsed once per distinct certificate.
 * Throws what X509Certificate throws on garbage (failures are not cached).
 */
export function cachedX509(der: Uint8Array): CachedX509 {
  const id = DerKeyedCache.keyOf(der);
  let entry = x509Cache.get(id);
  if (entry === undefined) {
    const x509 = new X509Certificate(Buffer.from(der));
    const key = x509.publicKey;
    entry = { x509, publicKey: { key, type: key.asymmetricKeyType, namedCurve: key.asymmetricKeyDetails?.namedCurve } };
    x509Cache.set(id, entry);
  }
  return entry;
}

function verifySignature(scheme: number, certificateDer: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  const p = SCHEMES.get(scheme);
  if (!p) return false;
  try {
    const { key, type, namedCurve } = cachedX509(certificateDer).publicKey;
    if (type !== p.keyType) return false;
    // TLS 1.3 binds ECDSA schemes to one curve (RFC 8446 §4.2.3).
    if (p.curve && namedCurve !== p.curve) return false;
    if (p.pss) {
      return verify(p.hash, buf(data), {
        key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: hashLength(p.hash!),
      }, buf(signature));
    }
    if (p.keyType === 'rsa') return verify(p.hash, buf(data), { key, padding: constants.RSA_PKCS1_PADDING }, buf(signature));
    // ECDSA signatures are DER (the default dsaEncoding); ed25519 takes no digest.
    return verify(p.hash, buf(data), key, buf(signature));
  } catch {
    return false;
  }
}

export const nodeCryptoProvider: CryptoProvider = {
  createAead(algorithm: AeadAlgorithm, key: Uint8Array): Aead {
    return new NodeAead(algorithm, key);
  },
  createHeaderProtection(algorithm: AeadAlgorithm, hpKey: Uint8Array): HeaderProtection {
    if (algorithm === 'chacha20-poly1305') return new ChaChaHeaderProtection(hpKey);
    if (hpKey.length !== aeadKeyLength(algorithm)) throw new RangeError(`${algorithm}: bad hp key length`);
    return new AesHeaderProtection(algorithm === 'aes-128-gcm' ? 'aes-128-ecb' : 'aes-256-ecb', hpKey);
  },
  hash(algorithm: HashAlgorithm, data: Uint8Array): Uint8Array {
    return new Uint8Array(createHash(algorithm).update(data).digest());
  },
  createTranscriptHash(algorithm: HashAlgorithm): TranscriptHash {
    return new NodeTranscriptHash(createHash(algorithm));
  },
  hmac,
  hkdfExtract(algorithm: HashAlgorithm, salt: Uint8Array, ikm: Uint8Array): Uint8Array {
    // RFC 5869 §2.2: a missing salt is HashLen zero bytes (HMAC would pad it the same way).
    return hmac(algorithm, salt.length === 0 ? new Uint8Array(hashLength(algorithm)) : salt, ikm);
  },
  hkdfExpand,
  generateKeyShare(group: KeyExchangeGroup): KeyShare {
    return group === 'x25519' ? x25519Share() : nistShare(group);
  },
  verifySignature,
};
