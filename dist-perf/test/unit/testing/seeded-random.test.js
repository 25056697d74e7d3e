import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SeededRandom, testSeed } from '../../../src/testing/seeded-random.js';
function take(r, n) {
    return Array.from({ length: n }, () => r.nextU32());
}
describe('SeededRandom', () => {
    test('same seed gives the same sequence, different seeds differ', () => {
        assert.deepEqual(take(new SeededRandom(42), 100), take(new SeededRandom(42), 100));
        assert.notDeepEqual(take(new SeededRandom(42), 100), take(new SeededRandom(43), 100));
        assert.notDeepEqual(take(new SeededRandom(0), 10), take(new SeededRandom(2 ** 40), 10));
    });
    test('nextU32 is an unsigned 32-bit integer; nextFloat in [0, 1)', () => {
        const r = new SeededRandom(1);
        for (let i = 0; i < 10_000; i++) {
            const v = r.nextU32();
            assert.ok(Number.isInteger(v) && v >= 0 && v < 2 ** 32);
            const f = r.nextFloat();
            assert.ok(f >= 0 && f < 1);
        }
    });
    test('roughly uniform: bytes and nextInt buckets', () => {
        const r = new SeededRandom(99);
        const buf = r.fill(new Uint8Array(256 * 400));
        const counts = new Array(256).fill(0);
        for (const b of buf)
            counts[b]++;
        // Expected 400 per value; chi-square with 255 dof stays far below 400 for a decent PRNG.
        const chi = counts.reduce((s, c) => s + (c - 400) ** 2 / 400, 0);
        assert.ok(chi < 400, `chi-square ${chi}`);
        const buckets = new Array(10).fill(0);
        for (let i = 0; i < 10_000; i++)
            buckets[r.nextInt(10)]++;
        for (const b of buckets)
            assert.ok(b > 850 && b < 1150, `bucket ${b}`);
    });
    test('fill handles lengths that are not multiples of 4 and is deterministic', () => {
        for (const n of [0, 1, 3, 5, 17]) {
            const a = new SeededRandom(5).fill(new Uint8Array(n));
            const b = new SeededRandom(5).fill(new Uint8Array(n));
            assert.deepEqual(a, b);
            assert.equal(a.length, n);
        }
        assert.ok(new SeededRandom(5).fill(new Uint8Array(64)).some((x) => x !== 0));
    });
    test('fork depends on seed and label only', () => {
        const a = new SeededRandom(7);
        const fa = take(a.fork('link'), 20);
        const b = new SeededRandom(7);
        take(b, 1000); // consuming the parent does not change its forks
        assert.deepEqual(take(b.fork('link'), 20), fa);
        assert.notDeepEqual(take(new SeededRandom(7).fork('other'), 20), fa);
        assert.notDeepEqual(take(new SeededRandom(8).fork('link'), 20), fa);
        assert.notDeepEqual(take(new SeededRandom(7), 20), fa);
    });
    test('chance and nextInt edge cases', () => {
        const r = new SeededRandom(3);
        assert.equal(r.chance(0), false);
        assert.equal(r.chance(1), true);
        assert.equal(r.nextInt(1), 0);
        assert.throws(() => r.nextInt(0), RangeError);
        assert.throws(() => new SeededRandom(1.5), RangeError);
        const negative = new SeededRandom(-12345);
        assert.ok(negative.nextU32() >= 0);
    });
    test('testSeed reads SIM_SEED', () => {
        const saved = process.env['SIM_SEED'];
        try {
            delete process.env['SIM_SEED'];
            assert.equal(testSeed(11), 11);
            process.env['SIM_SEED'] = '1234';
            assert.equal(testSeed(11), 1234);
            process.env['SIM_SEED'] = 'nope';
            assert.throws(() => testSeed(11), RangeError);
        }
        finally {
            if (saved === undefined)
                delete process.env['SIM_SEED'];
            else
                process.env['SIM_SEED'] = saved;
        }
    });
});
//# sourceMappingURL=seeded-random.test.js.map