import type { CryptoProvider } from '../proto/crypto/provider.js';
import type { RandomSource } from '../proto/util/random.js';
export declare function defaultCryptoProvider(): CryptoProvider;
/** Operating-system randomness (crypto.randomFillSync). */
export declare const nodeRandomSource: RandomSource;
