/** Finished (RFC 8446 §4.4.4): HMAC(finished_key, transcript hash). */
import type { CryptoProvider, HashAlgorithm } from '../crypto/provider.js';
import { hashLength } from '../crypto/provider.js';
import { hkdfExpandLabel } from '../crypto/hkdf-label.js';
import { EMPTY_CONTEXT } from '../crypto/hkdf-label.js';
import { HandshakeType, frameHandshake } from './messages.js';

export function finishedKey(crypto: CryptoProvider, hash: HashAlgorithm, baseKey: Uint8Array): Uint8Array {
  return hkdfExpandLabel(crypto, hash, baseKey, 'finished', EMPTY_CONTEXT, hashLength(hash));
}

export function computeVerifyData(
  crypto: CryptoProvider, hash: HashAlgorithm, baseKey: Uint8Array, transcriptHash: Uint8Array,
): Uint8Array {
  return crypto.hmac(hash, finishedKey(crypto, hash, baseKey), transcriptHash);
}

export function encodeFinished(verifyData: Uint8Array): Uint8Array {
  return frameHandshake(HandshakeType.finished, verifyData);
}

/** Constant-time comparison of verify_data (the peer must not learn how many bytes matched). */
export function verifyDataEquals(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
