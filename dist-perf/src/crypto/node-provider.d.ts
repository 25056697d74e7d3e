import type { CryptoProvider } from '../proto/crypto/provider.js';
export declare const nodeCryptoProvider: CryptoProvider;
