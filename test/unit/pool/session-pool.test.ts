import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError, OperationTimeoutError } from '../../../src/index.js';
import { PooledClient, SessionPool, sessionPoolKey } from '../../../src/pool/session-pool.js';
import { asFake, scriptedConnector, tick } from './fakes.js';

const URL_A = 'https://localhost:4433/chat';

describe('SessionPool', () => {
  test('keys ignore fragments and default ports, keep path and query', () => {
    assert.equal(sessionPoolKey('https://h:443/a?x=1#f'), 'https://h/a?x=1');
    assert.notEqual(sessionPoolKey('https://h/a'), sessionPoolKey('https://h/b'));
  });

  test('reuses released sessions, opens new ones under the limit', async () => {
    const c = scriptedConnector([]);
    const pool = new SessionPool({ connector: c.connector, maxPerKey: 2 });
    const a = await pool.acquire(URL_A);
    pool.release(a);
    assert.equal(await pool.acquire(URL_A), a, 'idle session reused');
    const b = await pool.acquire(URL_A);
    assert.notEqual(b, a);
    assert.equal(c.calls, 2);
    const other = await pool.acquire('https://localhost:4433/other');
    assert.equal(c.calls, 3, 'another key has its own limit');
    assert.deepEqual(pool.stats(), { keys: 2, idle: 0, inUse: 3, connecting: 0, waiting: 0 });
    pool.release(other);
    await pool.close();
    for (const s of c.made) assert.equal(s.isClosed, true);
    await assert.rejects(pool.acquire(URL_A), ClientError);
  });

  test('at the limit, acquire waits for a release (FIFO) or times out', async () => {
    const c = scriptedConnector([]);
    const pool = new SessionPool({ connector: c.connector, maxPerKey: 1 });
    const a = await pool.acquire(URL_A);
    await assert.rejects(pool.acquire(URL_A, { timeoutMs: 10 }), OperationTimeoutError);
    const w1 = pool.acquire(URL_A);
    const w2 = pool.acquire(URL_A, { timeoutMs: 5000 });
    await tick();
    assert.equal(pool.stats().waiting, 2);
    pool.release(a);
    assert.equal(await w1, a);
    pool.release(a);
    assert.equal(await w2, a);
    assert.equal(c.calls, 1);
    await pool.close();
  });

  test('a session that dies (idle or in use) frees its slot; nothing leaks', async () => {
    const c = scriptedConnector([]);
    const pool = new SessionPool({ connector: c.connector, maxPerKey: 1 });
    const a = await pool.acquire(URL_A);
    const waiting = pool.acquire(URL_A);
    asFake(a).kill();
    const b = await waiting;
    assert.notEqual(b, a, 'a fresh session replaced the dead one');
    pool.release(b);
    asFake(b).kill();
    await tick();
    assert.deepEqual(pool.stats(), { keys: 0, idle: 0, inUse: 0, connecting: 0, waiting: 0 });
    const d = await pool.acquire(URL_A);
    pool.release(a); // stale release of a dead session is ignored
    assert.equal(pool.stats().inUse, 1);
    await pool.discard(d);
    assert.equal(asFake(d).isClosed, true);
    assert.equal(pool.stats().inUse, 0);
    await pool.close();
  });

  test('connect failures free the slot and surface to the caller; close rejects waiters', async () => {
    const c = scriptedConnector([new Error('refused')]);
    const pool = new SessionPool({ connector: c.connector, maxPerKey: 1 });
    await assert.rejects(pool.acquire(URL_A), /refused/);
    const a = await pool.acquire(URL_A);
    const waiter = pool.acquire(URL_A);
    await pool.close();
    await assert.rejects(waiter, ClientError);
    assert.equal(asFake(a).isClosed, true);
  });

  test('an aborted signal stops the wait', async () => {
    const c = scriptedConnector([]);
    const pool = new SessionPool({ connector: c.connector, maxPerKey: 1 });
    await pool.acquire(URL_A);
    const ac = new AbortController();
    const p = pool.acquire(URL_A, { signal: ac.signal });
    ac.abort(new Error('user cancelled'));
    await assert.rejects(p, /user cancelled/);
    assert.equal(pool.stats().waiting, 0);
    await pool.close();
  });

  test('PooledClient keeps the pywebtransport names', async () => {
    const c = scriptedConnector([]);
    const pool = new PooledClient({ connector: c.connector });
    const s = await pool.getSession(URL_A);
    pool.returnSession(s);
    assert.equal(await pool.getSession(URL_A), s);
    await pool.close();
  });
});
