import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatagramBroadcaster, DatagramDuplexStream } from '../../../src/datagram/index.js';
import { FakeChannel, text, tick } from './fake-channel.js';

test('broadcasts one payload to every live target and drops dead ones', async () => {
  const [a1, b1] = FakeChannel.pair();
  const [a2] = FakeChannel.pair();
  const [a3] = FakeChannel.pair();
  const [a4] = FakeChannel.pair();
  const small = new FakeChannel();
  small.maxDatagramSize = 2;
  const stream = new DatagramDuplexStream(a4);
  const bc = new DatagramBroadcaster();
  bc.add(a1);
  bc.add({ datagrams: a2 as never }); // a session-shaped target
  bc.add(a3);
  bc.add(stream);
  bc.add(small);
  assert.equal(bc.size, 5);
  assert.ok(bc.has({ datagrams: a2 as never }));
  assert.deepEqual(bc.broadcast('hello', { priority: 2 }), { sent: 4, failed: 1, removed: 0 });
  assert.equal(a1.sent[0], a2.sent[0]); // encoded once, the same bytes for everyone
  await tick();
  assert.equal(text(b1.tryReceive()!), 'hello');
  assert.deepEqual(a4.sent.map(text), ['hello']);
  a3.close(); // closed: pruned before sending
  stream.close();
  assert.deepEqual(bc.broadcast('again'), { sent: 2, failed: 1, removed: 2 });
  assert.equal(bc.size, 3);
  assert.ok(bc.remove(small));
  assert.ok(!bc.remove(small));
  bc.clear();
  assert.equal(bc.size, 0);
  const closed = new FakeChannel();
  closed.close();
  bc.add(closed);
  assert.equal(bc.size, 0);
});

test('a target whose send fails because it closed is removed', () => {
  const bc = new DatagramBroadcaster();
  let closed = false;
  const flaky = { get isClosed() { return closed; }, send() { closed = true; throw new Error('gone'); } };
  bc.add(flaky);
  assert.deepEqual(bc.broadcast(new Uint8Array([1])), { sent: 0, failed: 0, removed: 1 });
  assert.equal(bc.size, 0);
});
