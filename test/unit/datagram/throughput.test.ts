import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatagramError } from '../../../src/index.js';
import { measureDatagramThroughput } from '../../../src/datagram/throughput.js';

/** A clock that advances 1 ms per reading, so the run length does not depend on the machine. */
function steppingClock(): () => number {
  let t = 0;
  return () => t++;
}

test('counts accepted and refused sends and derives the rates from the clock', async () => {
  let calls = 0;
  const sender = {
    send(data: Uint8Array): void {
      assert.equal(data.length, 100);
      if (++calls % 4 === 0) throw new DatagramError('queue full');
    },
  };
  const r = await measureDatagramThroughput(sender, { durationMs: 10, datagramSize: 100, batchSize: 8, now: steppingClock() });
  assert.equal(r.datagramsSent + r.errors, calls);
  assert.equal(r.errors, calls / 4);
  assert.equal(r.errorRate, 0.25);
  assert.equal(r.throughputDps, (r.datagramsSent * 1000) / r.durationMs);
  assert.equal(r.throughputBps, r.throughputDps * 100 * 8);
});

test('takes a session-shaped object, stops on abort, rethrows foreign errors, validates options', async () => {
  const sent: Uint8Array[] = [];
  const controller = new AbortController();
  const session = { datagrams: { send: (d: Uint8Array) => { sent.push(d); if (sent.length === 3) controller.abort(); } } };
  const r = await measureDatagramThroughput(session, { durationMs: 60_000, batchSize: 3, signal: controller.signal });
  assert.equal(r.datagramsSent, 3);
  assert.equal(sent[0]!.length, 1000, 'default size');
  await assert.rejects(measureDatagramThroughput({ send: () => { throw new TypeError('bug'); } }, { durationMs: 5 }), TypeError);
  await assert.rejects(measureDatagramThroughput({ send: () => {} }, { durationMs: 0 }), RangeError);
  await assert.rejects(measureDatagramThroughput({ send: () => {} }, { datagramSize: 0 }), RangeError);
});
