import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError } from '../../../src/index.js';
import { ConnectionLoadBalancer } from '../../../src/connection/index.js';
import { fakeOpener } from './fakes.js';

const A = 'https://a.test/';
const B = 'https://b.test/';
const C = 'https://c.test/';

describe('ConnectionLoadBalancer', () => {
  test('round robin over de-duplicated targets, one cached connection each', async () => {
    const f = fakeOpener();
    const lb = new ConnectionLoadBalancer([A, B, 'https://a.test', C], { opener: f.opener });
    assert.equal(lb.size, 3);
    const picks = [];
    for (let i = 0; i < 6; i++) picks.push(new URL((await lb.getConnection()).origin).host);
    assert.deepEqual(picks, ['a.test', 'b.test', 'c.test', 'a.test', 'b.test', 'c.test']);
    assert.equal(f.calls.length, 3, 'connections are cached');
    await lb.close();
    for (const c of f.made) assert.equal(c.isClosed, true);
    await assert.rejects(lb.getConnection(), ClientError);
  });

  test('concurrent callers share the in-flight connect; a closed connection is replaced', async () => {
    const f = fakeOpener();
    const lb = new ConnectionLoadBalancer([A], { opener: f.opener });
    const [x, y] = await Promise.all([lb.getConnection(), lb.getConnection()]);
    assert.equal(x, y);
    assert.equal(f.calls.length, 1);
    await x.close();
    await Promise.resolve();
    assert.notEqual(await lb.getConnection(), x);
    assert.equal(f.calls.length, 2);
    await lb.close();
  });

  test('weighted picks follow the weights (injected random); zero weight is never picked', async () => {
    const f = fakeOpener();
    const randoms = [0.0, 0.5, 0.74, 0.76, 0.99];
    const lb = new ConnectionLoadBalancer([{ url: A, weight: 3 }, { url: B, weight: 1 }, { url: C, weight: 0 }], {
      opener: f.opener, strategy: 'weighted', random: () => randoms.shift() ?? 0,
    });
    const hosts = [];
    for (let i = 0; i < 5; i++) hosts.push(new URL((await lb.getConnection()).origin).host);
    assert.deepEqual(hosts, ['a.test', 'a.test', 'a.test', 'b.test', 'b.test']);
    lb.updateWeight(A, 0);
    assert.equal(new URL((await lb.getConnection()).origin).host, 'b.test');
    assert.throws(() => lb.updateWeight(A, -1), RangeError);
    assert.throws(() => lb.updateWeight('https://nope.test/', 1), RangeError);
    await lb.close();
  });

  test('least latency measures every target once, then prefers the fastest', async () => {
    const f = fakeOpener({ [A]: 30, [B]: 5, [C]: 12 });
    const lb = new ConnectionLoadBalancer([A, B, C], { opener: f.opener, strategy: 'least-latency' });
    for (let i = 0; i < 3; i++) await lb.getConnection();
    assert.deepEqual(f.calls, [A, B, C]);
    assert.deepEqual(lb.targetStats().map((t) => t.connectRttMs), [30, 5, 12]);
    for (let i = 0; i < 3; i++) assert.equal((await lb.getConnection()).origin, 'https://b.test');
    await lb.close();
  });

  test('failed targets are skipped until a health check or the retry delay; all failing is a ClientError', async () => {
    const time = { now: 0 };
    const f = fakeOpener();
    f.failing.add(A);
    let probeOk = false;
    const lb = new ConnectionLoadBalancer([A, B], {
      opener: f.opener, clock: () => time.now, retryAfterMs: 1000, healthCheck: async () => probeOk,
    });
    assert.equal((await lb.getConnection()).origin, 'https://b.test', 'fell over to B');
    assert.equal(lb.targetStats()[0]!.healthy, false);
    assert.match(lb.targetStats()[0]!.lastError!, /refused/);
    for (let i = 0; i < 3; i++) assert.equal((await lb.getConnection()).origin, 'https://b.test');
    assert.equal(f.calls.filter((u) => u === A).length, 1, 'A not retried while unhealthy');
    assert.deepEqual(await lb.checkHealth(), []);
    probeOk = true;
    f.failing.delete(A);
    assert.deepEqual(await lb.checkHealth(), [A]);
    assert.equal(lb.stats().healthy, 2);
    f.failing.add(A);
    f.failing.add(B);
    for (const c of f.made) await c.close();
    await Promise.resolve();
    await assert.rejects(lb.getConnection(), (e: unknown) => e instanceof ClientError && /no healthy target/.test(e.message));
    f.failing.clear();
    await assert.rejects(lb.getConnection(), ClientError, 'still excluded before retryAfterMs');
    time.now = 1000;
    assert.ok(await lb.getConnection(), 'eligible again after retryAfterMs');
    await lb.close();
  });

  test('the default health probe opens and closes a connection', async () => {
    const f = fakeOpener();
    f.failing.add(A);
    const lb = new ConnectionLoadBalancer([A], { opener: f.opener });
    await assert.rejects(lb.getConnection(), ClientError);
    f.failing.delete(A);
    assert.deepEqual(await lb.checkHealth(), [A]);
    assert.equal(f.made.length, 1);
    assert.equal(f.made[0]!.isClosed, true);
    assert.equal(f.made[0]!.closeReason, 'health check');
    await lb.close();
  });

  test('rejects an empty target list and bad weights', () => {
    assert.throws(() => new ConnectionLoadBalancer([]), RangeError);
    assert.throws(() => new ConnectionLoadBalancer([{ url: A, weight: Number.NaN }]), RangeError);
  });
});
