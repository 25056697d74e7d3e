import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError } from '../../../src/index.js';
import { WebTransportConnection } from '../../../src/connection/index.js';
import { asFake, fakeClient, tick } from './fakes.js';

describe('WebTransportConnection', () => {
  test('connect opens the first session and measures the connect RTT with the injected clock', async () => {
    const time = { now: 1000 };
    const f = fakeClient(time, 7);
    const conn = await WebTransportConnection.connect('https://localhost:4433/a?x=1', {
      createClient: () => f.client, clock: () => time.now, connectOptions: { insecure: true },
    });
    assert.equal(conn.origin, 'https://localhost:4433');
    assert.match(conn.id, /^conn_[0-9a-f-]{36}$/);
    assert.equal(conn.connectRttMs, 7);
    assert.equal(conn.state, 'connected');
    assert.equal(conn.sessionCount, 1);
    assert.equal(asFake(conn.initialSession).url, 'https://localhost:4433/a?x=1');
    assert.equal(f.lastOptions?.insecure, true, 'default connect options are passed');
    assert.equal(conn.lastActivityMs, 1007);
  });

  test('openSession resolves paths against the origin and refuses other origins', async () => {
    const time = { now: 0 };
    const f = fakeClient(time, 3);
    const conn = await WebTransportConnection.connect('https://localhost:4433/', { createClient: () => f.client, clock: () => time.now });
    const s = await conn.openSession('/chat?room=1');
    assert.equal(asFake(s).url, 'https://localhost:4433/chat?room=1');
    assert.equal(conn.sessionCount, 2);
    await assert.rejects(conn.openSession('https://other.example:4433/x'), ClientError);
    await assert.rejects(conn.openSession('/fail'), /refused/);
    const st = conn.stats();
    assert.equal(st.sessionsOpened, 2);
    assert.equal(st.sessionsFailed, 1);
    assert.equal(st.avgSessionOpenMs, 3);
    asFake(s).kill();
    await tick();
    assert.equal(conn.sessionCount, 1, 'a closed session is forgotten');
  });

  test('close closes sessions with the code, then the client; idempotent; later opens fail', async () => {
    const time = { now: 0 };
    const f = fakeClient(time);
    const conn = await WebTransportConnection.connect('https://localhost:4433/', { createClient: () => f.client, clock: () => time.now });
    await conn.openSession('/b');
    const p1 = conn.close({ code: 9, reason: 'done' });
    assert.equal(conn.state, 'closing');
    assert.equal(conn.close(), p1);
    await p1;
    await conn.closed;
    assert.equal(conn.state, 'closed');
    assert.equal(f.closed, true);
    for (const s of f.sessions) assert.deepEqual(s.closeInfo, { code: 9, reason: 'done', remote: false });
    await assert.rejects(conn.openSession('/c'), ClientError);
  });

  test('a failed first connect closes the client and rethrows', async () => {
    const time = { now: 0 };
    const f = fakeClient(time);
    await assert.rejects(WebTransportConnection.connect('https://localhost:4433/fail', { createClient: () => f.client }), /refused/);
    assert.equal(f.closed, true);
  });
});
