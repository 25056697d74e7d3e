import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PooledRandomSource, RANDOM_POOL_SIZE } from '../../../src/runtime/pooled-random.js';

describe('PooledRandomSource', () => {
  test('fills the given array and returns it', () => {
    const rng = new PooledRandomSource();
    const out = new Uint8Array(32);
    assert.equal(rng.fill(out), out);
    assert.ok(out.some((b) => b !== 0), '32 zero bytes from a CSPRNG are not plausible');
    assert.equal(rng.fill(new Uint8Array(0)).length, 0);
  });

  test('successive requests never repeat bytes, across pool refills', () => {
    const rng = new PooledRandomSource();
    const seen = new Set<string>();
    // 3 pools' worth of 16-byte values: a repeat would mean the pool was served twice.
    for (let i = 0; i < (3 * RANDOM_POOL_SIZE) / 16; i++) {
      const hex = Buffer.from(rng.fill(new Uint8Array(16))).toString('hex');
      assert.ok(!seen.has(hex), `value ${i} repeated`);
      seen.add(hex);
    }
  });

  test('odd sizes straddling the pool end and large requests are served in full', () => {
    const rng = new PooledRandomSource();
    for (const n of [1, 7, 255, 256, 257, 1000, RANDOM_POOL_SIZE + 1]) {
      const out = rng.fill(new Uint8Array(n));
      assert.equal(out.length, n);
      if (n >= 16) assert.ok(out.subarray(n - 16).some((b) => b !== 0), `tail of a ${n}-byte request is filled`);
    }
  });

  test('two sources are independent', () => {
    const a = new PooledRandomSource().fill(new Uint8Array(32));
    const b = new PooledRandomSource().fill(new Uint8Array(32));
    assert.notDeepEqual(a, b);
  });
});
