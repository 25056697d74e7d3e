import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperationTimeoutError, StreamError } from '../../../src/index.js';
import { StreamPool } from '../../../src/pool/stream-pool.js';
import { asFakeStream, fakeStreamSession } from './fake-streams.js';
import { tick } from './fakes.js';

test('fill pre-opens streams; acquire lends idle ones first and returned ones are reused', async () => {
  const f = fakeStreamSession();
  const pool = new StreamPool(f.session, { size: 3 });
  assert.deepEqual(await pool.fill(), []);
  assert.equal(f.opened.length, 3);
  assert.deepEqual(pool.stats(), { size: 3, idle: 3, inUse: 0, opening: 0, waiting: 0 });
  const a = await pool.acquire();
  pool.release(a);
  const all = [await pool.acquire(), await pool.acquire(), await pool.acquire()];
  assert.equal(new Set(all).size, 3);
  assert.equal(f.opened.length, 3, 'no extra streams were opened');
  await pool.closeAll();
});

test('opens on demand up to size, then waits for a release or times out', async () => {
  const f = fakeStreamSession();
  const pool = new StreamPool(f.session, { size: 1 });
  const [a, b] = await Promise.allSettled([pool.acquire(), pool.acquire({ timeoutMs: 20 })]);
  assert.equal(a.status, 'fulfilled');
  assert.ok(b.status === 'rejected' && b.reason instanceof OperationTimeoutError);
  assert.equal(f.opened.length, 1, 'concurrent acquires never exceed size');
  const s = (a as PromiseFulfilledResult<Awaited<ReturnType<typeof pool.acquire>>>).value;
  const waiting = pool.acquire();
  await tick();
  assert.equal(pool.stats().waiting, 1);
  pool.release(s);
  assert.equal(await waiting, s);
  await pool.closeAll();
});

test('unusable or closed streams leave the pool and free their slot', async () => {
  const f = fakeStreamSession();
  const pool = new StreamPool(f.session, { size: 1 });
  const s = await pool.acquire();
  asFakeStream(s).isWritable = false; // e.g. the caller sent FIN
  pool.release(s);
  assert.deepEqual(asFakeStream(s).aborted, [0]);
  const t = await pool.acquire();
  assert.notEqual(t, s);
  const waiting = pool.acquire();
  asFakeStream(t).finish(); // the peer closed it while lent
  const u = await waiting;
  assert.notEqual(u, t);
  pool.release(u);
  asFakeStream(u).finish(); // closed while idle
  await tick();
  assert.equal(pool.stats().idle, 0);
  assert.equal(f.opened.length, 3);
  await pool.closeAll();
});

test('closeAll aborts lent and idle streams and rejects waiters; signal aborts a wait', async () => {
  const f = fakeStreamSession();
  const pool = new StreamPool(f.session, { size: 1 });
  const lent = await pool.acquire();
  const ac = new AbortController();
  const cancelled = pool.acquire({ signal: ac.signal });
  ac.abort(new Error('cancelled'));
  await assert.rejects(cancelled, /cancelled/);
  const waiter = pool.acquire();
  await pool.closeAll(9);
  await assert.rejects(waiter, StreamError);
  assert.deepEqual(asFakeStream(lent).aborted, [9]);
  await assert.rejects(pool.acquire(), StreamError);
  f.failNext = 1;
  const p2 = new StreamPool(f.session, { size: 2 });
  assert.equal((await p2.fill()).length, 1, 'fill reports the failed opening');
  await p2.closeAll();
});
