/**
 * The handshake transcript (RFC 8446 §4.4.1). Messages seen before the cipher suite (and so
 * the hash) is known are kept raw, then hashed once it is chosen.
 */
import type { CryptoProvider, HashAlgorithm } from '../crypto/provider.js';
export declare class Transcript {
    private readonly crypto;
    private running;
    private pending;
    private algorithm;
    constructor(crypto: CryptoProvider);
    get hash(): HashAlgorithm | undefined;
    add(message: Uint8Array): void;
    /** Fixes the hash algorithm and hashes what was kept so far. */
    setHash(algorithm: HashAlgorithm): void;
    digest(): Uint8Array;
    /** Hash of the transcript followed by `extra`, without adding it (PSK binders). */
    digestWith(algorithm: HashAlgorithm, extra: Uint8Array): Uint8Array;
    /**
     * After a HelloRetryRequest, ClientHello1 is replaced by the synthetic message_hash message
     * (RFC 8446 §4.4.1). Call with the hash chosen and only ClientHello1 in the transcript.
     */
    replaceWithMessageHash(): void;
}
