/**
 * Deterministic randomness for tests: xoshiro128** (Blackman & Vigna) seeded through splitmix32.
 * Same seed -> same sequence. `fork(label)` derives an independent stream from the seed and the
 * label only, so adding traffic on one link never shifts the random choices of another.
 */
import type { RandomSource } from '../proto/util/random.js';
export declare class SeededRandom implements RandomSource {
    /** The seed this stream was created from (print it when a test fails). */
    readonly seed: number;
    private s0;
    private s1;
    private s2;
    private s3;
    constructor(seed: number);
    /** A uniformly distributed unsigned 32-bit integer. */
    nextU32(): number;
    /** A float in [0, 1) with 32 bits of randomness. */
    nextFloat(): number;
    /** An integer in [0, bound) for 0 < bound <= 2^32 (rejection sampling: no modulo bias). */
    nextInt(bound: number): number;
    /** True with probability `p` (never for p <= 0, always for p >= 1, and no draw in those cases). */
    chance(p: number): boolean;
    fill(out: Uint8Array): Uint8Array;
    /** An independent stream named `label`, determined by this stream's seed and the label only. */
    fork(label: string): SeededRandom;
}
/**
 * The seed for a test run: SIM_SEED from the environment when set (to replay a failure or run a
 * soak over many seeds), otherwise `fallback`.
 */
export declare function testSeed(fallback: number): number;
