/**
 * ECDSA and RSA-PSS signatures are randomised, which would make every simulated handshake
 * different even with the same seed. Wrapping the key so that signing the same bytes twice
 * returns the first signature keeps transcripts reproducible within a process. Test use only.
 */
import type { SigningKey } from '../proto/tls/session.js';

export function memoizedSigningKey(key: SigningKey): SigningKey {
  const cache = new Map<string, Uint8Array>();
  return {
    schemes: key.schemes,
    sign(scheme: number, data: Uint8Array): Uint8Array {
      const k = `${scheme}:${Buffer.from(data.buffer, data.byteOffset, data.length).toString('base64')}`;
      let sig = cache.get(k);
      if (sig === undefined) {
        sig = key.sign(scheme, data);
        cache.set(k, sig);
      }
      return sig.slice();
    },
  };
}
