import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MiddlewareRejectedError } from '../../../../src/index.js';
import { RateLimiter, createRateLimitMiddleware } from '../../../../src/app/middleware/rate-limit.js';
import { ctxFor, fakeRequest } from '../fakes.js';

test('sliding window: maxRequests per window, slots free up as old hits expire', () => {
  let now = 0;
  const rl = new RateLimiter({ maxRequests: 2, windowMs: 1000, now: () => now });
  assert.equal(rl.hit('a'), 0);
  now = 400;
  assert.equal(rl.hit('a'), 0);
  now = 500;
  assert.equal(rl.hit('a'), 500, 'full: wait until the first hit leaves the window');
  assert.equal(rl.hit('b'), 0, 'keys are independent');
  now = 1000;
  assert.equal(rl.hit('a'), 0, 'the hit at 0 expired');
  assert.equal(rl.hit('a'), 400);
});

test('the table is bounded: least recently seen keys are evicted', () => {
  let now = 0;
  const rl = new RateLimiter({ maxRequests: 1, windowMs: 10_000, maxClients: 3, now: () => now });
  for (const k of ['a', 'b', 'c']) rl.hit(k);
  assert.ok(rl.hit('a') > 0, 'a touched again, now most recent');
  rl.hit('d');
  assert.equal(rl.size, 3);
  assert.equal(rl.hit('b'), 0, 'b was evicted so it starts fresh');
  assert.ok(rl.hit('a') > 0, 'a survived');
  for (let i = 0; i < 10_000; i++) rl.hit(`k${i}`);
  assert.equal(rl.size, 3);
  now = 20_000;
  rl.prune();
  assert.equal(rl.size, 0);
});

test('rejects bad options', () => {
  assert.throws(() => new RateLimiter({ maxRequests: 0 }), RangeError);
  assert.throws(() => new RateLimiter({ windowMs: 1.5 }), RangeError);
});

test('middleware refuses with 429 and retry-after, keyed by peer IP', async () => {
  const now = 0;
  const mw = createRateLimitMiddleware({ maxRequests: 1, windowMs: 3500, now: () => now });
  let passed = 0;
  const next = async (): Promise<void> => { passed++; };
  await mw(ctxFor(fakeRequest('/', { ip: '127.0.0.1' })), next);
  await mw(ctxFor(fakeRequest('/', { ip: '127.0.0.2' })), next);
  await assert.rejects(async () => mw(ctxFor(fakeRequest('/', { ip: '127.0.0.1' })), next), (e: unknown) => {
    assert.ok(e instanceof MiddlewareRejectedError);
    assert.equal(e.status, 429);
    assert.equal(e.headers['retry-after'], '4');
    return true;
  });
  assert.equal(passed, 2);
  assert.equal(mw.limiter.size, 2);
});
