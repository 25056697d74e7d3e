import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientMonitor } from '../../../src/monitor/index.js';
import { FakeTimer } from './fake-timer.js';
import type { Monitor, MonitorAlert } from '../../../src/monitor/index.js';

/** Read through a function so assertions do not narrow the getter's type. */
const active = (m: Monitor<unknown>): MonitorAlert[] => m.activeAlerts;

/** Mimics WebTransportClient.stats. */
class FakeClient {
  attempted = 0;
  successful = 0;
  avgConnectMs = 0;
  get stats(): Record<string, unknown> {
    return {
      connections: { attempted: this.attempted, successful: this.successful, failed: this.attempted - this.successful },
      performance: { avgConnectMs: this.avgConnectMs, maxConnectMs: this.avgConnectMs * 2 },
      activeSessions: 2,
    };
  }
}

describe('ClientMonitor', () => {
  test('samples the client stats', () => {
    const timer = new FakeTimer();
    const client = new FakeClient();
    client.attempted = 4; client.successful = 3; client.avgConnectMs = 12;
    const m = new ClientMonitor(client, { timer }).start();
    assert.equal(timer.ms, 30_000);
    assert.deepEqual(m.latest, {
      timestamp: 1000, attempted: 4, successful: 3, failed: 1, successRate: 0.75, avgConnectMs: 12, maxConnectMs: 24, activeSessions: 2,
    });
    m.stop();
  });

  test('low_success_rate only after more than 10 attempts, de-duplicated', () => {
    const timer = new FakeTimer();
    const client = new FakeClient();
    const m = new ClientMonitor(client, { timer }).start();
    client.attempted = 10; client.successful = 5;
    timer.tick();
    assert.deepEqual(active(m), [], '10 attempts are not enough');
    client.attempted = 11;
    timer.tick(); timer.tick();
    assert.deepEqual(m.alertHistory().map((a) => a.type), ['low_success_rate']);
    assert.equal(m.alertHistory()[0]!.threshold, 0.9);
    client.successful = 11;
    timer.tick();
    assert.deepEqual(active(m), []);
    m.stop();
  });

  test('slow_connections when the average connect time exceeds the threshold', () => {
    const timer = new FakeTimer();
    const client = new FakeClient();
    const m = new ClientMonitor(client, { timer, maxAvgConnectMs: 100 }).start();
    client.avgConnectMs = 100;
    timer.tick();
    assert.deepEqual(active(m), []);
    client.avgConnectMs = 101;
    timer.tick();
    assert.deepEqual(active(m).map((a) => [a.type, a.value]), [['slow_connections', 101]]);
    const s = m.summary();
    assert.equal(s.isMonitoring, true);
    assert.equal(s.sampleCount, 3);
    assert.equal(s.latest?.avgConnectMs, 101);
    assert.equal(s.recentAlerts.length, 1);
    m.stop();
    assert.equal(m.summary().isMonitoring, false);
  });
});
