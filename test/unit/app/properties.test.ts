/** Property tests for the app building blocks: rate-limit bounds and route param round trips. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RateLimiter } from '../../../src/app/middleware/rate-limit.js';
import { Router } from '../../../src/app/router.js';

// Evicting a key forgets its history, so the per-window limit is exact only while keys fit the table.
test('RateLimiter: table bounded by maxClients; exact per-window limit while no key is evicted', () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 6 }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 20 })), { maxLength: 200 }),
    (maxRequests, windowMs, maxClients, steps) => {
      let now = 0;
      const rl = new RateLimiter({ maxRequests, windowMs, maxClients, now: () => now });
      const allowed = new Map<string, number[]>();
      for (const [k, dt] of steps) {
        now += dt;
        const key = `k${k}`;
        const fits = maxClients >= 4; // all 4 keys fit: nothing is ever evicted
        if (rl.hit(key) === 0 && fits) {
          const times = allowed.get(key) ?? [];
          times.push(now);
          allowed.set(key, times);
          assert.ok(times.filter((t) => t > now - windowMs).length <= maxRequests);
        }
        assert.ok(rl.size <= maxClients);
      }
    },
  ), { numRuns: 500 });
});

test('Router: any segment text survives percent-encoding into params', () => {
  const r = new Router().addPattern('/a/:x/b/:y', () => {});
  fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 20 }), (x, y) => {
    const m = r.match(`/a/${encodeURIComponent(x)}/b/${encodeURIComponent(y)}`);
    assert.deepEqual(m?.params, { x, y });
  }), { numRuns: 500 });
});
