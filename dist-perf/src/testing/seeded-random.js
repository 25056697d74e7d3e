const TWO_POW_32 = 0x1_0000_0000;
export class SeededRandom {
    /** The seed this stream was created from (print it when a test fails). */
    seed;
    s0 = 0;
    s1 = 0;
    s2 = 0;
    s3 = 0;
    constructor(seed) {
        if (!Number.isSafeInteger(seed))
            throw new RangeError(`seed must be a safe integer, got ${seed}`);
        this.seed = seed;
        const lo = seed >>> 0;
        const hi = Math.floor(seed / TWO_POW_32) >>> 0;
        let x = (lo ^ Math.imul(hi ^ 0x5bd1e995, 0x9e3779b1)) >>> 0;
        const next = () => {
            x = (x + 0x9e3779b9) >>> 0;
            let z = x;
            z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
            z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
            return (z ^ (z >>> 15)) >>> 0;
        };
        this.s0 = next();
        this.s1 = next();
        this.s2 = next();
        this.s3 = next();
        // xoshiro must not start from the all-zero state.
        if ((this.s0 | this.s1 | this.s2 | this.s3) === 0)
            this.s0 = 1;
    }
    /** A uniformly distributed unsigned 32-bit integer. */
    nextU32() {
        const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
        const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
        const t = s1 << 9;
        let n2 = s2 ^ s0;
        let n3 = s3 ^ s1;
        const n1 = s1 ^ n2;
        const n0 = s0 ^ n3;
        n2 ^= t;
        n3 = rotl(n3, 11);
        this.s0 = n0 >>> 0;
        this.s1 = n1 >>> 0;
        this.s2 = n2 >>> 0;
        this.s3 = n3 >>> 0;
        return result;
    }
    /** A float in [0, 1) with 32 bits of randomness. */
    nextFloat() {
        return this.nextU32() / TWO_POW_32;
    }
    /** An integer in [0, bound) for 0 < bound <= 2^32 (rejection sampling: no modulo bias). */
    nextInt(bound) {
        if (!(bound > 0 && bound <= TWO_POW_32 && Number.isInteger(bound))) {
            throw new RangeError(`bound must be an integer in 1..2^32, got ${bound}`);
        }
        const limit = TWO_POW_32 - (TWO_POW_32 % bound);
        for (;;) {
            const v = this.nextU32();
            if (v < limit)
                return v % bound;
        }
    }
    /** True with probability `p` (never for p <= 0, always for p >= 1, and no draw in those cases). */
    chance(p) {
        if (p <= 0)
            return false;
        if (p >= 1)
            return true;
        return this.nextFloat() < p;
    }
    fill(out) {
        let i = 0;
        const n = out.length;
        for (; i + 4 <= n; i += 4) {
            const v = this.nextU32();
            out[i] = v & 0xff;
            out[i + 1] = (v >>> 8) & 0xff;
            out[i + 2] = (v >>> 16) & 0xff;
            out[i + 3] = v >>> 24;
        }
        if (i < n) {
            let v = this.nextU32();
            for (; i < n; i++, v >>>= 8)
                out[i] = v & 0xff;
        }
        return out;
    }
    /** An independent stream named `label`, determined by this stream's seed and the label only. */
    fork(label) {
        let h = 0x811c9dc5;
        for (let i = 0; i < label.length; i++)
            h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
        const seedLo = this.seed >>> 0;
        const seedHi = Math.floor(this.seed / TWO_POW_32);
        const hi = (seedHi ^ h) & 0x1f_ffff;
        const lo = (seedLo ^ Math.imul(h ^ (h >>> 13), 0x85ebca6b)) >>> 0;
        return new SeededRandom(hi * TWO_POW_32 + lo);
    }
}
function rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}
/**
 * The seed for a test run: SIM_SEED from the environment when set (to replay a failure or run a
 * soak over many seeds), otherwise `fallback`.
 */
export function testSeed(fallback) {
    const raw = process.env['SIM_SEED'];
    if (raw === undefined || raw === '')
        return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n))
        throw new RangeError(`SIM_SEED must be an integer, got ${raw}`);
    return n;
}
//# sourceMappingURL=seeded-random.js.map