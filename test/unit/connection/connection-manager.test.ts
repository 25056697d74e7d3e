import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError } from '../../../src/index.js';
import { ConnectionManager } from '../../../src/connection/index.js';
import { FakeConnection, tick } from './fakes.js';

describe('ConnectionManager', () => {
  test('enforces the limit and forgets connections as they close', async () => {
    const m = new ConnectionManager({ maxConnections: 2 });
    const a = new FakeConnection('https://a.test/');
    const b = new FakeConnection('https://b.test/');
    assert.equal(m.add(a), a.id);
    assert.equal(m.add(a), a.id, 'adding twice is a no-op');
    m.add(b);
    assert.throws(() => m.add(new FakeConnection('https://c.test/')), ClientError);
    assert.equal(m.get(b.id), b);
    await a.close();
    await tick();
    assert.equal(m.count, 1);
    assert.equal(m.get(a.id), undefined);
    m.add(new FakeConnection('https://c.test/'));
    const st = m.stats();
    assert.equal(st.totalAdded, 3);
    assert.equal(st.totalClosed, 1);
    assert.equal(st.maxConcurrent, 2);
    assert.equal(m.remove(b.id), true);
    assert.equal(b.isClosed, false, 'remove does not close');
    const closed = new FakeConnection('https://d.test/');
    await closed.close();
    assert.throws(() => m.add(closed), ClientError);
    await m.shutdown();
  });

  test('sweepIdle closes only connections without sessions idle past the timeout', async () => {
    const time = { now: 0 };
    const m = new ConnectionManager({ idleTimeoutMs: 1000, clock: () => time.now });
    const idle = new FakeConnection('https://a.test/', 1, 0);
    const busy = new FakeConnection('https://b.test/', 1, 0);
    busy.sessionCount = 1;
    const fresh = new FakeConnection('https://c.test/', 1, 600);
    for (const c of [idle, busy, fresh]) m.add(c);
    time.now = 999;
    assert.equal(await m.sweepIdle(), 0);
    time.now = 1000;
    assert.equal(await m.sweepIdle(), 1);
    assert.equal(idle.isClosed, true);
    assert.equal(idle.closeReason, 'idle timeout');
    assert.equal(busy.isClosed, false, 'open sessions count as activity');
    assert.equal(fresh.isClosed, false);
    assert.equal(m.stats().idleClosed, 1);
    await m.shutdown();
    assert.equal(busy.isClosed, true);
    assert.throws(() => m.add(new FakeConnection('https://e.test/')), ClientError);
  });

  test('the optional sweep timer runs and is stopped by shutdown', async () => {
    const m = new ConnectionManager({ idleTimeoutMs: 0, sweepIntervalMs: 5, clock: () => 10 });
    const c = new FakeConnection('https://a.test/', 1, 0);
    m.add(c);
    // The sweep timer is unref'd (it must not keep a process alive), so hold the loop open here.
    let guard: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([c.closed, new Promise((r) => { guard = setTimeout(r, 5000); })]);
    clearTimeout(guard);
    assert.equal(c.isClosed, true);
    assert.equal(m.stats().idleClosed, 1);
    await m.shutdown();
  });
});
