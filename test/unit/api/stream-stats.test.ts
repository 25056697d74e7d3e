import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StreamStats } from '../../../src/api/stream-stats.js';

function clock(start: number): { now: () => number; set: (t: number) => void } {
  let t = start;
  return { now: () => t, set: (v) => { t = v; } };
}

test('starts with every seed attribute at its default', () => {
  const c = clock(1_000);
  const stats = new StreamStats(4, { now: c.now });
  assert.deepEqual(stats.toObject(), {
    streamId: 4, createdAt: 1_000, closedAt: null, bytesSent: 0, bytesReceived: 0, writesCount: 0,
    readsCount: 0, totalWriteTimeMs: 0, totalReadTimeMs: 0, maxWriteTimeMs: 0, maxReadTimeMs: 0,
    writeErrors: 0, readErrors: 0, flowControlErrors: 0, avgReadTimeMs: 0, avgWriteTimeMs: 0, uptimeMs: 0,
  });
});

test('records reads and writes: totals, maxima and averages', () => {
  const stats = new StreamStats(0, { now: () => 0 });
  stats.recordRead(100, 2);
  stats.recordRead(50, 6);
  stats.recordWrite(10, 1);
  stats.recordWrite(30, 0.5);
  stats.recordWrite(5, 1.5);
  assert.equal(stats.bytesReceived, 150);
  assert.equal(stats.readsCount, 2);
  assert.equal(stats.totalReadTimeMs, 8);
  assert.equal(stats.maxReadTimeMs, 6);
  assert.equal(stats.avgReadTimeMs, 4);
  assert.equal(stats.bytesSent, 45);
  assert.equal(stats.writesCount, 3);
  assert.equal(stats.totalWriteTimeMs, 3);
  assert.equal(stats.maxWriteTimeMs, 1.5);
  assert.equal(stats.avgWriteTimeMs, 1);
});

test('error and flow-control counters', () => {
  const stats = new StreamStats(0);
  stats.recordReadError();
  stats.recordWriteError();
  stats.recordWriteError();
  stats.recordFlowControlBlocked();
  assert.equal(stats.readErrors, 1);
  assert.equal(stats.writeErrors, 2);
  assert.equal(stats.flowControlErrors, 1);
});

test('uptime grows while open and freezes at the first close', () => {
  const c = clock(10_000);
  const stats = new StreamStats(8, { now: c.now });
  c.set(10_250);
  assert.equal(stats.uptimeMs, 250);
  stats.markClosed();
  assert.equal(stats.closedAt, 10_250);
  c.set(20_000);
  stats.markClosed();
  assert.equal(stats.closedAt, 10_250);
  assert.equal(stats.uptimeMs, 250);
});

test('createdAt may be given; Date.now is the default clock', () => {
  assert.equal(new StreamStats(0, { createdAt: 5, now: () => 9 }).uptimeMs, 4);
  const before = Date.now();
  const stats = new StreamStats(0);
  assert.ok(stats.createdAt >= before && stats.createdAt <= Date.now());
});

test('JSON form equals toObject', () => {
  const stats = new StreamStats(12, { now: () => 7 });
  stats.recordRead(3, 1);
  assert.deepEqual(JSON.parse(JSON.stringify(stats)), stats.toObject());
});
