/**
 * ECDSA and RSA-PSS signatures are randomised, which would make every simulated handshake
 * different even with the same seed. Wrapping the key so that signing the same bytes twice
 * returns the first signature keeps transcripts reproducible within a process. Test use only.
 */
import type { SigningKey } from '../proto/tls/session.js';

const caches = new WeakMap<SigningKey, Map<string, Uint8Array>>();

export function memoizedSigningKey(key: SigningKey): SigningKey {
  // One cache per underlying key, shared by every wrapper, so repeated scenarios match.
  let cache = caches.get(key);
  if (!cache) {
    cache = new Map<string, Uint8Array>();
    caches.set(key, cache);
  }
  const signatures = cache;
  return {
    schemes: key.schemes,
    sign(scheme: number, data: Uint8Array): Uint8Array {
      const k = `${scheme}:${Buffer.from(data.buffer, data.byteOffset, data.length).toString('base64')}`;
      let sig = signatures.get(k);
      if (sig === undefined) {
        sig = key.sign(scheme, data);
        signatures.set(k, sig);
      }
      return sig.slice();
    },
  };
}
