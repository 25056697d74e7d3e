import { ByteWriter, utf8 } from '../util/bytes.js';
import type { CryptoProvider, HashAlgorithm } from './provider.js';

const EMPTY = new Uint8Array(0);

/** Labels with an empty context (QUIC key/iv/hp/ku, "derived"...) are the same bytes every time. */
const constantLabels = new Map<string, Uint8Array>();
const MAX_CONSTANT_LABELS = 64;

/** The HkdfLabel structure of RFC 8446 §7.1 ("tls13 " + label). */
export function hkdfLabel(label: string, context: Uint8Array, length: number): Uint8Array {
  if (context.length === 0) {
    const key = `${length}:${label}`;
    let cached = constantLabels.get(key);
    if (cached === undefined) {
      cached = encodeLabel(label, context, length);
      if (constantLabels.size < MAX_CONSTANT_LABELS) constantLabels.set(key, cached);
    }
    return cached;
  }
  return encodeLabel(label, context, length);
}

function encodeLabel(label: string, context: Uint8Array, length: number): Uint8Array {
  const full = utf8('tls13 ' + label);
  return new ByteWriter(4 + full.length + context.length).u16(length).vec8(full).vec8(context).finish();
}

/** HKDF-Expand-Label(Secret, Label, Context, Length) (RFC 8446 §7.1). */
export function hkdfExpandLabel(
  provider: CryptoProvider, hash: HashAlgorithm, secret: Uint8Array, label: string, context: Uint8Array, length: number,
): Uint8Array {
  return provider.hkdfExpand(hash, secret, hkdfLabel(label, context, length), length);
}

/** Derive-Secret(Secret, Label, Messages) given the transcript hash of Messages (RFC 8446 §7.1). */
export function deriveSecret(
  provider: CryptoProvider, hash: HashAlgorithm, secret: Uint8Array, label: string, transcriptHash: Uint8Array,
): Uint8Array {
  return hkdfExpandLabel(provider, hash, secret, label, transcriptHash, transcriptHash.length || hashLen(hash));
}

function hashLen(hash: HashAlgorithm): number {
  return hash === 'sha256' ? 32 : hash === 'sha384' ? 48 : 64;
}

export { EMPTY as EMPTY_CONTEXT };
