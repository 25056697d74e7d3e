import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError, OperationTimeoutError } from '../../../src/index.js';
import { ConnectionPool } from '../../../src/connection/index.js';
import { fakeOpener, tick, type FakeConnection } from './fakes.js';

describe('ConnectionPool', () => {
  test('reuses released connections per origin and opens new ones under the limit', async () => {
    const f = fakeOpener();
    const pool = new ConnectionPool({ opener: f.opener, maxPerOrigin: 2 });
    const a = await pool.acquire('https://localhost:4433/x');
    pool.release(a);
    assert.equal(await pool.acquire('https://localhost:4433/other-path'), a, 'same origin, any path');
    const b = await pool.acquire('https://localhost:4433/');
    assert.notEqual(b, a);
    await pool.acquire('https://127.0.0.1:4433/');
    assert.equal(f.calls.length, 3);
    assert.deepEqual(pool.stats(), { origins: 2, idle: 0, inUse: 3, connecting: 0, waiting: 0 });
    await pool.close();
    for (const c of f.made) assert.equal(c.isClosed, true);
    await assert.rejects(pool.acquire('https://localhost:4433/'), ClientError);
  });

  test('at the limit acquire waits FIFO for a release, or times out, or is aborted', async () => {
    const f = fakeOpener();
    const pool = new ConnectionPool({ opener: f.opener, maxPerOrigin: 1 });
    const a = await pool.acquire('https://localhost:4433/');
    await assert.rejects(pool.acquire('https://localhost:4433/', { timeoutMs: 5 }), OperationTimeoutError);
    const ac = new AbortController();
    const aborted = pool.acquire('https://localhost:4433/', { signal: ac.signal });
    const w1 = pool.acquire('https://localhost:4433/');
    const w2 = pool.acquire('https://localhost:4433/', { timeoutMs: 5000 });
    ac.abort(new Error('stop'));
    await assert.rejects(aborted, /stop/);
    assert.equal(pool.stats().waiting, 2);
    pool.release(a);
    assert.equal(await w1, a);
    pool.release(a);
    assert.equal(await w2, a);
    assert.equal(f.calls.length, 1);
    await pool.close();
  });

  test('a connection that closes frees its slot for a waiter; failed opens reject only their caller', async () => {
    const f = fakeOpener();
    const pool = new ConnectionPool({ opener: f.opener, maxPerOrigin: 1 });
    const a = await pool.acquire('https://localhost:4433/');
    const waiting = pool.acquire('https://localhost:4433/');
    await a.close();
    const b = await waiting;
    assert.notEqual(b, a);
    pool.release(b);
    await b.close();
    await tick();
    assert.equal(pool.stats().idle, 0, 'closed idle connection dropped');
    f.failing.add('https://localhost:4433/bad');
    await assert.rejects(pool.acquire('https://localhost:4433/bad'), /refused/);
    assert.equal(pool.stats().connecting, 0);
    assert.ok(await pool.acquire('https://localhost:4433/'));
    await pool.close();
  });

  test('prune closes connections idle longer than maxIdleMs on the injected clock', async () => {
    const time = { now: 0 };
    const f = fakeOpener();
    const pool = new ConnectionPool({ opener: f.opener, maxIdleMs: 100, clock: () => time.now });
    const a = await pool.acquire('https://a.test/');
    const b = await pool.acquire('https://b.test/');
    pool.release(a);
    time.now = 50;
    pool.release(b);
    time.now = 120;
    assert.equal(pool.prune(), 1);
    assert.equal((a as FakeConnection).isClosed, true);
    assert.equal((b as FakeConnection).isClosed, false);
    assert.equal(pool.stats().idle, 1);
    await pool.close();
  });

  test('aborting the caller aborts its in-flight open', async () => {
    let seen: AbortSignal | undefined;
    const pool = new ConnectionPool({
      opener: (_url, signal) => new Promise((_, reject) => {
        seen = signal;
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
    });
    const ac = new AbortController();
    const p = pool.acquire('https://localhost:4433/', { signal: ac.signal });
    await tick();
    assert.equal(seen?.aborted, false);
    ac.abort(new Error('caller gave up'));
    await assert.rejects(p, /caller gave up/);
    assert.equal(pool.stats().connecting, 0);
    await pool.close();
  });
});

