/** Randomness is injected into the sans-IO core: production uses node:crypto, tests a seeded PRNG. */
export interface RandomSource {
    /** Fills `out` with random bytes and returns it. */
    fill(out: Uint8Array): Uint8Array;
}
export declare function randomBytes(rng: RandomSource, n: number): Uint8Array;
