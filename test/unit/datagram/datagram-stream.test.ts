import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DatagramDuplexStream, DatagramError, OperationTimeoutError, createHeartbeatDatagram, isHeartbeatDatagram } from '../../../src/datagram/index.js';
import { FakeChannel, bytes, text, tick } from './fake-channel.js';

describe('DatagramDuplexStream', () => {
  test('a burst of sends in one tick leaves in priority order, then reaches the peer', async () => {
    const [a, b] = FakeChannel.pair();
    const s = new DatagramDuplexStream(a);
    const r = new DatagramDuplexStream(b);
    assert.equal(s.send('low'), 0);
    assert.equal(s.send('high', { priority: 2 }), 1);
    assert.equal(s.send('mid', { priority: 1 }), 2);
    assert.equal(s.sendBufferSize, 3);
    assert.equal(a.sent.length, 0); // nothing handed over before the microtask
    await tick();
    assert.deepEqual(a.sent.map(text), ['high', 'mid', 'low']);
    assert.deepEqual((await r.receiveMultiple({ maxCount: 2 })).map(text), ['high', 'mid']);
    const m = await r.receiveWithMetadata();
    assert.equal(text(m.data), 'low');
    assert.equal(m.sequence, 2);
    assert.equal(s.stats.datagramsSent, 3);
    assert.equal(s.stats.bytesSent, 10);
    assert.equal(r.stats.datagramsReceived, 3);
    assert.equal(r.receiveSequence, 3);
  });

  test('TTL: a datagram that expires before the flush is dropped, not sent', () => {
    const [a] = FakeChannel.pair();
    let now = 1000;
    const s = new DatagramDuplexStream(a, { now: () => now });
    s.send('stale', { ttlMs: 5 });
    s.send('fresh');
    now = 1010;
    assert.equal(s.flush(), 1);
    assert.deepEqual(a.sent.map(text), ['fresh']);
    assert.equal(s.stats.sendDrops, 1);
    assert.throws(() => s.send('dead', { ttlMs: 0 }), DatagramError);
  });

  test('bounded queue: a full queue of higher priorities refuses, trySend/sendMultiple report it', () => {
    const [a] = FakeChannel.pair();
    const s = new DatagramDuplexStream(a, { outgoingHighWaterMark: 2 });
    assert.equal(s.sendMultiple(['x', 'y'], { priority: 2 }), 2);
    assert.equal(s.sendMultiple(['z', 'u'], { priority: 1 }), 0); // stops at the first refusal
    assert.equal(s.trySend('w'), false);
    assert.equal(s.stats.sendDrops, 2);
    s.send('v', { priority: 2 }); // same priority: the oldest ('x') makes room
    assert.equal(s.stats.sendDrops, 3);
    assert.ok(s.diagnose().some((i) => i.includes('queue nearly full')));
    assert.equal(s.flush(), 2);
    assert.deepEqual(a.sent.map(text), ['y', 'v']);
    s.send('q');
    assert.equal(s.clearSendBuffer(), 1);
  });

  test('size limit, closed stream and transport failures', async () => {
    const [a] = FakeChannel.pair();
    a.maxDatagramSize = 8;
    const s = new DatagramDuplexStream(a);
    assert.throws(() => s.send(new Uint8Array(9)), (e: unknown) => e instanceof DatagramError && e.reason === 'too-large');
    s.send(new Uint8Array(8));
    a.maxDatagramSize = 4; // shrank before the flush
    await tick();
    assert.equal(s.stats.sendFailures, 2);
    s.close();
    assert.ok(s.isClosed);
    assert.equal(s.maxDatagramSize, 0);
    assert.throws(() => s.send('x'), (e: unknown) => e instanceof DatagramError && e.reason === 'closed');
  });

  test('JSON both ways; a non-JSON datagram raises DatagramError and is consumed', async () => {
    const [a, b] = FakeChannel.pair();
    const s = new DatagramDuplexStream(a);
    const r = new DatagramDuplexStream(b);
    s.sendJson({ hello: 'world', n: [1, 2] });
    s.send('{not json');
    s.sendJson(7);
    assert.throws(() => s.sendJson(undefined), DatagramError);
    assert.throws(() => s.sendJson({ big: 1n }), DatagramError);
    await tick();
    assert.deepEqual(await r.receiveJson(), { hello: 'world', n: [1, 2] });
    await assert.rejects(r.receiveJson(), DatagramError);
    assert.equal(await r.receiveJson(), 7);
    assert.equal(r.stats.receiveErrors, 1);
    assert.equal(text(a.sent[0]!), '{"hello":"world","n":[1,2]}');
  });

  test('receive timeout and abort', async () => {
    const [a] = FakeChannel.pair();
    const s = new DatagramDuplexStream(a);
    await assert.rejects(s.receive({ timeoutMs: 5 }), (e: unknown) => e instanceof OperationTimeoutError && e.name === 'TimeoutError');
    const ac = new AbortController();
    const p = s.receive({ signal: ac.signal });
    ac.abort(new Error('stop'));
    await assert.rejects(p, /stop/);
    assert.equal(s.tryReceive(), undefined);
    a.push(bytes('late'));
    assert.equal(text(await s.receive({ timeoutMs: 1000 })), 'late');
  });

  test('iteration ends when the transport closes; buffers can be cleared', async () => {
    const [a, b] = FakeChannel.pair();
    const s = new DatagramDuplexStream(a);
    const r = new DatagramDuplexStream(b);
    s.sendMultiple(['1', '2', '3']);
    await tick();
    assert.equal(r.receiveBufferSize, 3);
    assert.equal(text(r.tryReceive()!), '1');
    const got: string[] = [];
    const done = (async () => { for await (const d of r) got.push(text(d)); })();
    await tick();
    b.close();
    await done;
    assert.deepEqual(got, ['2', '3']);
    s.send('x');
    await tick();
    assert.equal(r.clearReceiveBuffer(), 0);
  });

  test('heartbeat sends HEARTBEAT datagrams at priority 1 until stopped', async () => {
    const [a] = FakeChannel.pair();
    const s = new DatagramDuplexStream(a);
    const stop = s.startHeartbeat(2);
    const ref = setInterval(() => {}, 1000); // the heartbeat timer is unref()ed
    while (a.sent.length < 2) await new Promise((r) => setTimeout(r, 2));
    stop();
    clearInterval(ref);
    const n = a.sent.length;
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(a.sent.length, n);
    assert.ok(a.sent.every(isHeartbeatDatagram));
    assert.equal(createHeartbeatDatagram(0).length, 11);
  });
});

test('close() rejects waiting reads and ends iteration', async () => {
  const [a] = FakeChannel.pair();
  const s = new DatagramDuplexStream(a);
  const waiting = s.receive();
  const iterated = (async () => { let n = 0; for await (const _ of s) n++; return n; })();
  await tick();
  s.close();
  await assert.rejects(waiting, (e: unknown) => e instanceof DatagramError && e.reason === 'closed');
  assert.equal(await iterated, 0);
  await assert.rejects(s.receive(), DatagramError);
  a.push(bytes('after'));
  assert.equal(text(s.tryReceive()!), 'after'); // tryReceive still drains what the session holds
});
