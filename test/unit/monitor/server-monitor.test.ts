import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ServerMonitor } from '../../../src/monitor/index.js';
import { FakeTimer } from './fake-timer.js';
import type { Monitor, MonitorAlert } from '../../../src/monitor/index.js';

/** Read through a function so assertions do not narrow the getter's type. */
const active = (m: Monitor<unknown>): MonitorAlert[] => m.activeAlerts;

/** Mimics WebTransportServer.stats() / isServing / config. */
class FakeServer {
  isServing = true;
  config = { maxSessions: 10 };
  counters = { connectionsAccepted: 0, sessionsRequested: 0, sessionsAccepted: 0, sessionsRefused: 0, activeConnections: 0, activeSessions: 0, uptimeMs: 5 };
  stats(): Record<string, number> {
    return { ...this.counters };
  }
}

describe('ServerMonitor', () => {
  test('health: unknown, idle, healthy, degraded, unhealthy', () => {
    const timer = new FakeTimer();
    const server = new FakeServer();
    const m = new ServerMonitor(server, { timer });
    assert.equal(m.health(), 'unknown');
    m.start();
    assert.equal(m.health(), 'idle');
    server.counters.activeConnections = 1;
    timer.tick();
    assert.equal(m.health(), 'healthy');
    server.counters.sessionsRequested = 11;
    server.counters.sessionsAccepted = 9;
    timer.tick();
    assert.equal(m.health(), 'degraded');
    server.isServing = false;
    timer.tick();
    assert.equal(m.health(), 'unhealthy');
    m.stop();
  });

  test('alerts: low_accept_rate, high_session_load, server_not_serving', () => {
    const timer = new FakeTimer();
    const server = new FakeServer();
    const m = new ServerMonitor(server, { timer, minRequests: 2, minAcceptRate: 0.5 }).start();
    server.counters.sessionsRequested = 3;
    server.counters.sessionsAccepted = 1;
    server.counters.activeSessions = 9;
    timer.tick();
    assert.deepEqual(active(m).map((a) => a.type).sort(), ['high_session_load', 'low_accept_rate']);
    assert.equal(active(m).find((a) => a.type === 'high_session_load')!.value, 0.9);
    server.isServing = false;
    timer.tick();
    const down = m.alertHistory().at(-1)!;
    assert.equal(down.type, 'server_not_serving');
    assert.equal(down.severity, 'critical');
    m.stop();
  });

  test('requestsPerSecond is the request rate between samples', () => {
    const timer = new FakeTimer();
    const server = new FakeServer();
    const m = new ServerMonitor(server, { timer, intervalMs: 500 }).start();
    assert.equal(m.latest?.requestsPerSecond, 0);
    server.counters.sessionsRequested = 10;
    timer.tick();
    assert.equal(m.latest?.requestsPerSecond, 20);
    assert.equal(m.latest?.acceptRate, 0);
    m.stop();
  });
});
