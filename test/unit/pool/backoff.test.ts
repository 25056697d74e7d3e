import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, resolveBackoff, sleep } from '../../../src/pool/backoff.js';

test('grows exponentially up to the cap; no jitter when random is 0', () => {
  const b = resolveBackoff({ initialDelayMs: 100, maxDelayMs: 1000, multiplier: 2, jitter: 0.5 });
  assert.deepEqual([1, 2, 3, 4, 5, 50, 5000].map((n) => backoffDelay(n, b, () => 0)), [100, 200, 400, 800, 1000, 1000, 1000]);
});

test('jitter removes at most the jitter fraction', () => {
  const b = resolveBackoff({ initialDelayMs: 1000, maxDelayMs: 1000, jitter: 0.25 });
  assert.equal(backoffDelay(1, b, () => 0.999999), 750);
  assert.equal(backoffDelay(1, b, () => 0.5), 875);
  let seed = 1;
  const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < 200; i++) {
    const d = backoffDelay(1 + (i % 10), resolveBackoff({ initialDelayMs: 10, maxDelayMs: 5000 }), rnd);
    assert.ok(d >= 5 && d <= 5000, `delay ${d}`);
  }
});

test('bad options are refused', () => {
  assert.throws(() => resolveBackoff({ jitter: 2 }), RangeError);
  assert.throws(() => resolveBackoff({ multiplier: 0.5 }), RangeError);
  assert.throws(() => resolveBackoff({ initialDelayMs: 10, maxDelayMs: 5 }), RangeError);
});

test('sleep resolves, and rejects with the abort reason', async () => {
  await sleep(1);
  const c = new AbortController();
  const p = sleep(60_000, c.signal);
  c.abort(new Error('stop'));
  await assert.rejects(p, /stop/);
  await assert.rejects(sleep(1, c.signal), /stop/);
});
