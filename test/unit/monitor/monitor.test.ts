import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Monitor, statNumber, type AlertCondition, type MonitorAlert, type MonitorOptions } from '../../../src/monitor/index.js';
import { FakeTimer } from './fake-timer.js';

/** Samples a mutable number; alerts 'high' while it exceeds 10. */
class ValueMonitor extends Monitor<{ timestamp: number; value: number }> {
  value = 0;
  failNext = false;
  constructor(options: MonitorOptions) {
    super({ intervalMs: 100, historySize: 5, alertHistorySize: 3 }, options);
  }
  protected collect(now: number): { timestamp: number; value: number } {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('source gone');
    }
    return { timestamp: now, value: this.value };
  }
  protected evaluate(s: { value: number }): AlertCondition[] {
    return s.value > 10 ? [{ type: 'high', severity: 'critical', message: 'too high', value: s.value, threshold: 10 }] : [];
  }
}

describe('Monitor', () => {
  test('start samples immediately and on every interval; stop clears the timer', () => {
    const timer = new FakeTimer();
    const m = new ValueMonitor({ timer });
    const seen: number[] = [];
    m.on('sample', (s) => seen.push(s.timestamp));
    m.start();
    assert.equal(m.isMonitoring, true);
    assert.equal(timer.ms, 100);
    timer.tick(2);
    assert.deepEqual(seen, [1000, 1100, 1200]);
    m.start();
    assert.equal(seen.length, 3, 'second start is a no-op');
    m.stop();
    assert.equal(m.isMonitoring, false);
    assert.equal(timer.cleared, 1);
    timer.tick();
    assert.equal(seen.length, 3);
  });

  test('immediate: false waits one interval; options override the defaults', () => {
    const timer = new FakeTimer();
    const m = new ValueMonitor({ timer, intervalMs: 7, historySize: 2 });
    m.start({ immediate: false });
    assert.equal(m.samples().length, 0);
    timer.tick(3);
    assert.equal(timer.ms, 7);
    assert.deepEqual(m.samples().map((s) => s.timestamp), [1014, 1021]);
    assert.throws(() => new ValueMonitor({ timer, intervalMs: 0 }), RangeError);
  });

  test('history is bounded and limit returns the newest', () => {
    const timer = new FakeTimer();
    const m = new ValueMonitor({ timer }).start();
    for (let i = 1; i <= 9; i++) { m.value = i; timer.tick(); }
    assert.deepEqual(m.samples().map((s) => s.value), [5, 6, 7, 8, 9]);
    assert.deepEqual(m.samples(2).map((s) => s.value), [8, 9]);
    assert.equal(m.latest?.value, 9);
    m.stop();
  });

  test('an alert fires once while its condition holds, clears, and re-fires', () => {
    const timer = new FakeTimer();
    const m = new ValueMonitor({ timer }).start();
    const alerts: MonitorAlert[] = [];
    const cleared: string[] = [];
    m.on('alert', (a) => alerts.push(a));
    m.on('alertCleared', (t) => cleared.push(t));
    m.value = 20; timer.tick(); timer.tick();
    assert.equal(alerts.length, 1);
    assert.deepEqual(alerts[0], { type: 'high', severity: 'critical', message: 'too high', value: 20, threshold: 10, timestamp: 1100 });
    assert.deepEqual(m.activeAlerts.map((a) => a.type), ['high']);
    m.value = 1; timer.tick();
    assert.deepEqual(cleared, ['high']);
    assert.deepEqual(m.activeAlerts, []);
    m.value = 30; timer.tick();
    assert.equal(alerts.length, 2);
    assert.deepEqual(m.alertHistory().map((a) => a.value), [20, 30]);
    m.stop();
  });

  test('alert history is bounded; clearHistory forgets everything and re-arms', () => {
    const timer = new FakeTimer();
    const m = new ValueMonitor({ timer }).start();
    for (let i = 0; i < 5; i++) { m.value = 50 + i; timer.tick(); m.value = 0; timer.tick(); }
    assert.deepEqual(m.alertHistory().map((a) => a.value), [52, 53, 54]);
    assert.deepEqual(m.alertHistory(1).map((a) => a.value), [54]);
    m.value = 99; timer.tick();
    m.clearHistory();
    assert.equal(m.samples().length, 0);
    assert.equal(m.alertHistory().length, 0);
    timer.tick();
    assert.equal(m.alertHistory().length, 1, 'a still-holding condition alerts again after clearHistory');
    m.stop();
  });

  test('alerts() yields live alerts and ends on stop', async () => {
    const timer = new FakeTimer();
    const m = new ValueMonitor({ timer }).start();
    const feed = m.alerts();
    m.value = 11; timer.tick();
    m.value = 0; timer.tick();
    m.value = 12; timer.tick();
    m.stop();
    const got: number[] = [];
    for await (const a of feed) got.push(a.value);
    assert.deepEqual(got, [11, 12]);
  });

  test('an aborted signal stops sampling and ends alert feeds', async () => {
    const timer = new FakeTimer();
    const ac = new AbortController();
    const m = new ValueMonitor({ timer }).start({ signal: ac.signal });
    const feedAc = new AbortController();
    const feed = m.alerts({ signal: feedAc.signal });
    feedAc.abort();
    assert.equal((await feed.next()).done, true);
    assert.equal(m.isMonitoring, true, 'a feed signal does not stop the monitor');
    ac.abort();
    assert.equal(m.isMonitoring, false);
    const pre = new AbortController();
    pre.abort();
    const m2 = new ValueMonitor({ timer }).start({ signal: pre.signal });
    assert.equal(m2.isMonitoring, false);
    assert.equal((await m2.alerts({ signal: pre.signal }).next()).done, true);
  });

  test('a failing source emits error and keeps sampling; without listeners it is swallowed', () => {
    const timer = new FakeTimer();
    const m = new ValueMonitor({ timer }).start();
    m.failNext = true;
    assert.equal(m.sampleNow(), undefined);
    const errors: unknown[] = [];
    m.on('error', (e) => errors.push(e));
    m.failNext = true;
    timer.tick();
    assert.equal((errors[0] as Error).message, 'source gone');
    timer.tick();
    assert.equal(m.samples().length, 2);
    m[Symbol.dispose]();
    assert.equal(m.isMonitoring, false);
  });
});

describe('statNumber', () => {
  test('reads nested finite numbers, 0 otherwise', () => {
    const s = { a: { b: 3, c: 'x', d: Infinity }, e: null };
    assert.equal(statNumber(s, 'a', 'b'), 3);
    assert.equal(statNumber(s, 'a', 'c'), 0);
    assert.equal(statNumber(s, 'a', 'd'), 0);
    assert.equal(statNumber(s, 'e', 'f'), 0);
    assert.equal(statNumber(undefined, 'x'), 0);
  });
});
