import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatagramStats } from '../../../src/datagram/index.js';

test('DatagramStats derives sizes and success rate', () => {
  const s = new DatagramStats();
  assert.deepEqual(
    { ...s.snapshot(0, 0) },
    { datagramsSent: 0, bytesSent: 0, sendFailures: 0, sendDrops: 0, datagramsReceived: 0, bytesReceived: 0, receiveErrors: 0,
      minDatagramSize: 0, maxDatagramSize: 0, averageDatagramSize: 0, sendSuccessRate: 1, sendQueued: 0, receiveQueued: 0 },
  );
  s.recordSent(10);
  s.recordSent(30);
  s.recordReceived(20);
  s.sendFailures++;
  s.sendDrops++;
  const snap = s.snapshot(3, 4);
  assert.equal(snap.minDatagramSize, 10);
  assert.equal(snap.maxDatagramSize, 30);
  assert.equal(snap.averageDatagramSize, 20);
  assert.equal(snap.sendSuccessRate, 0.5);
  assert.equal(snap.bytesSent, 40);
  assert.equal(snap.sendQueued, 3);
  assert.equal(snap.receiveQueued, 4);
});
