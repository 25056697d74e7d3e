import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigurationError } from '../../../src/index.js';
import { DatagramQueue, clampPriority, type QueuedDatagram } from '../../../src/datagram/index.js';

let seq = 0;
const item = (priority: number, expiresAt?: number): QueuedDatagram => ({
  data: new Uint8Array([seq & 0xff]), priority, sequence: seq++, enqueuedAt: 0, expiresAt,
});

describe('DatagramQueue', () => {
  test('serves high priority first, FIFO within a lane', () => {
    const q = new DatagramQueue({ maxSize: 10 });
    const a = item(0), b = item(2), c = item(1), d = item(2);
    for (const x of [a, b, c, d]) assert.equal(q.put(x), 'queued');
    assert.equal(q.size, 4);
    assert.deepEqual([q.take(), q.take(), q.take(), q.take(), q.take()], [b, d, c, a, undefined]);
    assert.ok(q.isEmpty);
  });

  test('clamps priorities into 0..2', () => {
    assert.deepEqual([-5, 0, 1, 1.7, 2, 9, Number.NaN].map(clampPriority), [0, 0, 1, 1, 2, 2, 0]);
  });

  test('full queue evicts the oldest lowest-priority entry, refuses when all outrank the newcomer', () => {
    const q = new DatagramQueue({ maxSize: 2 });
    const low = item(0), mid = item(1);
    q.put(low);
    q.put(mid);
    const high = item(2);
    assert.equal(q.put(high), 'queued-evicted');
    assert.equal(q.size, 2);
    assert.equal(q.put(item(0)), 'refused');
    assert.equal(q.put(item(1)), 'queued-evicted'); // evicts mid (same priority, older)
    assert.deepEqual(q.stats, { size: 2, maxSize: 2, dropped: 3, expired: 0 });
    assert.equal(q.take(), high);
    assert.notEqual(q.take(), mid);
  });

  test('TTL: expired entries are refused, skipped by take and purged before evicting', () => {
    let now = 100;
    const q = new DatagramQueue({ maxSize: 2, now: () => now });
    assert.equal(q.put(item(0, 100)), 'expired');
    const soon = item(2, 150), later = item(0, 500);
    q.put(soon);
    q.put(later);
    now = 200;
    const fresh = item(0);
    assert.equal(q.put(fresh), 'queued'); // the expired entry made room
    assert.equal(q.take(), later);
    assert.equal(q.take(), fresh);
    assert.equal(q.stats.expired, 2);
    q.put(item(1, 250));
    now = 300;
    assert.equal(q.take(), undefined);
    assert.equal(q.size, 0);
  });

  test('clear and bad config', () => {
    const q = new DatagramQueue({ maxSize: 3 });
    q.put(item(0));
    q.put(item(2));
    assert.equal(q.clear(), 2);
    assert.equal(q.take(), undefined);
    assert.throws(() => new DatagramQueue({ maxSize: 0 }), ConfigurationError);
  });

  test('long FIFO runs keep order across compaction', () => {
    const q = new DatagramQueue({ maxSize: 5000 });
    const items = Array.from({ length: 3000 }, () => item(1));
    for (const x of items) q.put(x);
    for (const x of items) assert.equal(q.take(), x);
  });
});
