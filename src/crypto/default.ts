/** The providers the runtime uses unless the application injects its own. */
import { randomFillSync } from 'node:crypto';
import type { CryptoProvider } from '../proto/crypto/provider.js';
import type { RandomSource } from '../proto/util/random.js';
import { nodeCryptoProvider } from './node-provider.js';

export function defaultCryptoProvider(): CryptoProvider {
  return nodeCryptoProvider;
}

/** Operating-system randomness (crypto.randomFillSync). */
export const nodeRandomSource: RandomSource = {
  fill(out: Uint8Array): Uint8Array {
    return randomFillSync(out);
  },
};
