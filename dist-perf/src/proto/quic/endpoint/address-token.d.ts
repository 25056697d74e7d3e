import type { CryptoProvider } from '../../crypto/provider.js';
import type { RandomSource } from '../../util/random.js';
import type { Micros } from '../../util/time.js';
export interface RetryTokenContents {
    originalDcid: Uint8Array;
    retrySourceCid: Uint8Array;
}
export declare class AddressTokenCodec {
    private readonly aead;
    private readonly random;
    private readonly lifetime;
    constructor(crypto: CryptoProvider, random: RandomSource, key: Uint8Array, lifetime?: Micros);
    seal(now: Micros, address: string, port: number, contents: RetryTokenContents): Uint8Array;
    /** The token's contents when it is ours, unexpired and issued to this address; else undefined. */
    open(now: Micros, address: string, port: number, token: Uint8Array): RetryTokenContents | undefined;
}
export declare function sameCid(a: Uint8Array, b: Uint8Array): boolean;
