/** Finished (RFC 8446 §4.4.4): HMAC(finished_key, transcript hash). */
import type { CryptoProvider, HashAlgorithm } from '../crypto/provider.js';
export declare function finishedKey(crypto: CryptoProvider, hash: HashAlgorithm, baseKey: Uint8Array): Uint8Array;
export declare function computeVerifyData(crypto: CryptoProvider, hash: HashAlgorithm, baseKey: Uint8Array, transcriptHash: Uint8Array): Uint8Array;
export declare function encodeFinished(verifyData: Uint8Array): Uint8Array;
/** Constant-time comparison of verify_data (the peer must not learn how many bytes matched). */
export declare function verifyDataEquals(a: Uint8Array, b: Uint8Array): boolean;
