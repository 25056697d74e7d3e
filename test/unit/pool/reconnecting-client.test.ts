import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError, OperationTimeoutError, SessionRejectedError } from '../../../src/index.js';
import { ReconnectingClient, defaultRetryIf, type ReconnectState } from '../../../src/pool/reconnecting-client.js';
import { asFake, scriptedConnector, tick } from './fakes.js';

const down = (): Error => new Error('connection refused');

describe('ReconnectingClient', () => {
  test('backs off with growing delays, then connects; reconnects when the session is lost', async () => {
    const c = scriptedConnector([down(), down(), down(), 'ok', 'ok']);
    const delays: number[] = [];
    const states: ReconnectState[] = [];
    const rc = new ReconnectingClient({
      url: 'https://localhost:4433/x', connector: c.connector, random: () => 0,
      backoff: { initialDelayMs: 100, multiplier: 3, maxDelayMs: 500 },
      sleep: async (ms) => { delays.push(ms); },
    });
    rc.on('state', (s) => states.push(s));
    const connected: number[] = [];
    rc.on('connected', (e) => connected.push(e.attempt));
    const first = await rc.getSession();
    assert.deepEqual(delays, [100, 300, 500]);
    assert.deepEqual(connected, [4]);
    assert.equal(rc.isConnected, true);
    assert.equal(rc.session, first);
    const lost = new Promise((r) => rc.once('disconnected', r));
    asFake(first).kill(9);
    assert.deepEqual(await lost, { info: { code: 9, reason: 'peer', remote: true } });
    const second = await rc.getSession();
    assert.notEqual(second, first);
    assert.deepEqual(delays, [100, 300, 500], 'a lost session reconnects at once and the failure count was reset');
    assert.deepEqual(states.slice(0, 3), ['connecting', 'waiting', 'connecting']);
    await rc.close();
    assert.equal(asFake(second).isClosed, true, 'close() closes the session');
    assert.equal(rc.state, 'closed');
    await assert.rejects(rc.getSession(), ClientError);
  });

  test('gives up after maxRetries consecutive failures', async () => {
    const c = scriptedConnector([down(), down(), down(), down()]);
    const rc = new ReconnectingClient({ url: 'https://localhost/', connector: c.connector, maxRetries: 2, sleep: async () => {} });
    const failed = new Promise<{ error: unknown; attempts: number }>((r) => rc.once('failed', r));
    await assert.rejects(rc.getSession(), /connection refused/);
    assert.equal((await failed).attempts, 3);
    assert.equal(rc.state, 'failed');
    assert.equal(c.calls, 3);
    await assert.rejects(rc.getSession(), /connection refused/);
  });

  test('does not retry a 4xx rejection (but does retry 429 and 503)', async () => {
    const rej = (status: number): SessionRejectedError => new SessionRejectedError('no', { status });
    assert.equal(defaultRetryIf(rej(403)), false);
    assert.equal(defaultRetryIf(rej(429)), true);
    assert.equal(defaultRetryIf(rej(503)), true);
    assert.equal(defaultRetryIf(new Error('x')), true);
    const c = scriptedConnector([rej(503), rej(404)]);
    const rc = new ReconnectingClient({ url: 'https://localhost/', connector: c.connector, sleep: async () => {} });
    await assert.rejects(rc.getSession(), (e: unknown) => e instanceof SessionRejectedError && e.status === 404);
    assert.equal(c.calls, 2);
  });

  test('getSession times out while the server stays down; an AbortSignal stops everything', async () => {
    const c = scriptedConnector(Array.from({ length: 1000 }, down));
    const outer = new AbortController();
    const rc = new ReconnectingClient({ url: 'https://localhost/', connector: c.connector, signal: outer.signal, backoff: { initialDelayMs: 5, maxDelayMs: 5 } });
    await assert.rejects(rc.getSession({ timeoutMs: 30 }), OperationTimeoutError);
    const waiting = rc.getSession();
    outer.abort();
    await assert.rejects(waiting, ClientError);
    await tick();
    const calls = c.calls;
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(c.calls, calls, 'no attempts after abort');
    assert.equal(rc.state, 'closed');
  });

  test('an already aborted signal closes at once', async () => {
    const c = scriptedConnector([]);
    const rc = new ReconnectingClient({ url: 'https://localhost/', connector: c.connector, signal: AbortSignal.abort() });
    await tick();
    assert.equal(rc.state, 'closed');
    await assert.rejects(rc.getSession(), ClientError);
    assert.equal(c.calls, 0);
  });
});
