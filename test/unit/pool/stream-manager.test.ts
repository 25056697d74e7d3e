import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StreamError } from '../../../src/index.js';
import { StreamManager } from '../../../src/pool/stream-manager.js';
import { asFakeStream, asStream, fakeStream, fakeStreamSession } from './fake-streams.js';
import { tick } from './fakes.js';

test('refuses creation at once past maxStreams, even for concurrent calls; closing frees a permit', async () => {
  const f = fakeStreamSession();
  const m = new StreamManager(f.session, { maxStreams: 2 });
  const results = await Promise.allSettled([m.createBidirectionalStream(), m.createUnidirectionalStream(), m.createBidirectionalStream()]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected']);
  const refused = (results[2] as PromiseRejectedResult).reason;
  assert.ok(refused instanceof StreamError);
  assert.match(refused.message, /stream limit \(2\) reached/);
  assert.equal(f.opened.length, 2);
  f.opened[0]!.finish();
  await tick();
  assert.equal(m.size, 1);
  const again = await m.createBidirectionalStream();
  assert.equal(m.get(again.streamId), again);
  assert.deepEqual(m.stats(), { active: 2, localActive: 2, maxStreams: 2, created: 3, added: 0, closed: 1, refused: 1 });
});

test('a failed creation returns its permit', async () => {
  const f = fakeStreamSession();
  const m = new StreamManager(f.session, { maxStreams: 1 });
  f.failNext = 1;
  await assert.rejects(m.createBidirectionalStream(), /cannot open/);
  await m.createBidirectionalStream();
});

test('incoming streams are tracked without taking permits; closeAll/shutdown abort everything', async () => {
  const f = fakeStreamSession();
  const m = new StreamManager(f.session, { maxStreams: 1 });
  const incoming = [fakeStream(1), fakeStream(5)];
  for (const s of incoming) m.add(asStream(s));
  m.add(asStream(incoming[0]!));
  assert.equal(m.size, 2);
  const mine = await m.createBidirectionalStream();
  assert.ok(m.has(mine));
  assert.deepEqual([...m].map((s) => s.streamId).sort((a, b) => a - b), [0, 1, 5]);
  incoming[1]!.finish();
  await tick();
  assert.equal(m.stats().localActive, 1, 'an incoming stream closing does not give back a permit it never took');
  await m.shutdown(7);
  assert.deepEqual(asFakeStream(mine).aborted, [7]);
  assert.deepEqual(incoming[0]!.aborted, [7]);
  await tick();
  assert.equal(m.size, 0);
  await assert.rejects(m.createBidirectionalStream(), StreamError);
  assert.throws(() => new StreamManager(f.session, { maxStreams: 0 }), RangeError);
});
