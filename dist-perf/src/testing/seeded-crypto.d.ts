import type { CryptoProvider, KeyExchangeGroup, KeyShare } from '../proto/crypto/provider.js';
import type { RandomSource } from '../proto/util/random.js';
/** `base` with generateKeyShare driven by `random`. */
export declare function withSeededKeyShares(base: CryptoProvider, random: RandomSource): CryptoProvider;
/** An ephemeral key pair whose private key comes from `random`. */
export declare function seededKeyShare(group: KeyExchangeGroup, random: RandomSource): KeyShare;
