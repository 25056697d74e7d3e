import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DatagramMonitor } from '../../../src/monitor/index.js';
import { FakeTimer } from './fake-timer.js';
import type { Monitor, MonitorAlert } from '../../../src/monitor/index.js';

/** Read through a function so assertions do not narrow the getter's type. */
const active = (m: Monitor<unknown>): MonitorAlert[] => m.activeAlerts;

/** Mimics DatagramChannel.stats / highWaterMark. */
class FakeChannel {
  highWaterMark = 100;
  s = { datagramsSent: 0, bytesSent: 0, sendFailures: 0, datagramsReceived: 0, bytesReceived: 0, receiveDrops: 0, queued: 0 };
  get stats(): FakeChannel['s'] {
    return { ...this.s };
  }
}

describe('DatagramMonitor', () => {
  test('samples counts, success rate and per-second rates', () => {
    const timer = new FakeTimer();
    const ch = new FakeChannel();
    const m = new DatagramMonitor(ch, { timer, intervalMs: 1000 }).start();
    assert.equal(m.latest?.sendSuccessRate, 1);
    ch.s.datagramsSent = 9; ch.s.sendFailures = 1; ch.s.datagramsReceived = 4; ch.s.queued = 3;
    timer.tick();
    assert.deepEqual(m.latest, {
      timestamp: 2000, sent: 9, received: 4, sendFailures: 1, receiveDrops: 0, sendSuccessRate: 0.9, queued: 3, sendRate: 9, receiveRate: 4,
    });
    assert.deepEqual(active(m), []);
    m.stop();
  });

  test('high_queue_size at 90% of the high-water mark; low_success_rate below 80%', () => {
    const timer = new FakeTimer();
    const ch = new FakeChannel();
    const m = new DatagramMonitor(ch, { timer }).start();
    ch.s.queued = 89;
    timer.tick();
    assert.deepEqual(active(m), []);
    ch.s.queued = 90; ch.s.datagramsSent = 7; ch.s.sendFailures = 3;
    timer.tick();
    assert.deepEqual(active(m).map((a) => a.type).sort(), ['high_queue_size', 'low_success_rate']);
    m.stop();
  });

  test('receive_drops while drops keep growing', () => {
    const timer = new FakeTimer();
    const ch = new FakeChannel();
    const m = new DatagramMonitor(ch, { timer }).start();
    ch.s.receiveDrops = 5;
    timer.tick();
    assert.deepEqual(active(m).map((a) => [a.type, a.value]), [['receive_drops', 5]]);
    timer.tick();
    assert.deepEqual(active(m), [], 'no new drops: cleared');
    m.stop();
  });

  test('increasing_queue_size when the newer half of the window averages >25% more', () => {
    const timer = new FakeTimer();
    const ch = new FakeChannel();
    ch.highWaterMark = 1000;
    const m = new DatagramMonitor(ch, { timer, trendWindow: 4 });
    const types = (): string[] => active(m).map((a) => a.type);
    for (const q of [10, 10, 12, 12]) { ch.s.queued = q; m.sampleNow(); }
    assert.deepEqual(types(), [], '+20% is below the threshold');
    for (const q of [20, 20]) { ch.s.queued = q; m.sampleNow(); }
    assert.deepEqual(types(), ['increasing_queue_size']);
    for (const q of [20, 20]) { ch.s.queued = q; m.sampleNow(); }
    assert.deepEqual(types(), []);
    for (const q of [0, 0, 0, 0]) { ch.s.queued = q; m.sampleNow(); }
    assert.deepEqual(types(), [], 'an empty queue is no trend');
  });
});
