/**
 * Monitors over real loopback: ServerMonitor / ClientMonitor / DatagramMonitor reading the public
 * stats of a live WebTransportServer, WebTransportClient and session datagrams.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPki } from '../../src/testing/test-pki.js';
import { WebTransportClient, WebTransportServer, type WebTransportSession } from '../../src/index.js';
import { ClientMonitor, DatagramMonitor, ServerMonitor, type MonitorAlert } from '../../src/monitor/index.js';
import { FakeTimer } from '../unit/monitor/fake-timer.js';

type TestPki = Awaited<ReturnType<typeof createTestPki>>;

async function serve(server: WebTransportServer): Promise<void> {
  for await (const request of server) {
    if (request.path !== '/echo') {
      request.reject(404);
      continue;
    }
    const session = request.accept();
    void (async () => {
      for await (const d of session.datagrams) session.datagrams.trySend(d);
    })().catch(() => {});
  }
}

const until = async (cond: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('monitors on a live server and client', () => {
  let pki: TestPki;
  let server: WebTransportServer;
  let base: string;
  const clients: WebTransportClient[] = [];

  const newClient = (): WebTransportClient => {
    const c = new WebTransportClient();
    clients.push(c);
    return c;
  };
  const open = (client: WebTransportClient, path = '/echo'): Promise<WebTransportSession> =>
    client.connect(`${base}${path}`, { ca: pki.caPem, timeoutMs: 5000 });

  before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    server = await WebTransportServer.listen({ host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey });
    base = `https://localhost:${server.address.port}`;
    void serve(server);
  });

  after(async () => {
    for (const c of clients) await c.close();
    await server.close({ timeoutMs: 200 });
  });

  test('ServerMonitor and ClientMonitor follow a real session', async () => {
    const timer = new FakeTimer();
    const serverMonitor = new ServerMonitor(server, { timer }).start();
    assert.equal(serverMonitor.health(), 'idle');
    const client = newClient();
    const clientTimer = new FakeTimer();
    const clientMonitor = new ClientMonitor(client, { timer: clientTimer }).start();
    assert.equal(clientMonitor.latest?.attempted, 0);
    const session = await open(client);
    await until(() => server.sessionCount === 1);
    timer.tick();
    clientTimer.tick();
    assert.equal(serverMonitor.health(), 'healthy');
    assert.equal(serverMonitor.latest?.activeSessions, 1);
    assert.equal(serverMonitor.latest?.sessionsAccepted, 1);
    const c = clientMonitor.latest!;
    assert.deepEqual([c.attempted, c.successful, c.failed, c.successRate, c.activeSessions], [1, 1, 0, 1, 1]);
    assert.ok(c.avgConnectMs > 0);
    assert.deepEqual(clientMonitor.activeAlerts, []);
    await session.close();
    serverMonitor.stop();
    clientMonitor.stop();
  });

  test('a real interval raises low_success_rate through alerts()', async () => {
    const client = newClient();
    const monitor = new ClientMonitor(client, { intervalMs: 20, minAttempts: 1, minSuccessRate: 0.99 });
    const ac = new AbortController();
    monitor.start({ signal: ac.signal });
    // Subscribe first: the alert may fire while the second connect is still in flight.
    const feed = monitor.alerts({ signal: AbortSignal.timeout(3000) });
    const ok = await open(client);
    await assert.rejects(open(client, '/missing'));
    const got: MonitorAlert[] = [];
    for await (const alert of feed) {
      got.push(alert);
      break;
    }
    assert.equal(got[0]?.type, 'low_success_rate');
    assert.equal(got[0]?.value, 0.5);
    ac.abort();
    assert.equal(monitor.isMonitoring, false);
    await ok.close();
  });

  test('DatagramMonitor sees echoed datagrams pile up unread', async () => {
    const client = newClient();
    const session = await open(client);
    const timer = new FakeTimer();
    const monitor = new DatagramMonitor(session.datagrams, { timer, queueSizeThreshold: 4 / session.datagrams.highWaterMark }).start();
    for (let i = 0; i < 5; i++) session.datagrams.trySend(new Uint8Array([i]));
    await until(() => session.datagrams.stats.queued >= 5);
    timer.tick();
    const s = monitor.latest!;
    assert.equal(s.sent, 5);
    assert.equal(s.received, 5);
    assert.equal(s.queued, 5);
    assert.equal(s.sendSuccessRate, 1);
    assert.deepEqual(monitor.activeAlerts.map((a) => a.type), ['high_queue_size']);
    for (let i = 0; i < 5; i++) await session.datagrams.receive();
    timer.tick();
    assert.equal(monitor.latest?.queued, 0);
    assert.deepEqual(monitor.alertHistory().map((a) => a.type), ['high_queue_size']);
    monitor.stop();
    await session.close();
  });

  test('ServerMonitor reports a closed server as unhealthy (runs last)', async () => {
    const timer = new FakeTimer();
    const monitor = new ServerMonitor(server, { timer }).start();
    await server.close({ timeoutMs: 200 });
    timer.tick();
    assert.equal(monitor.health(), 'unhealthy');
    assert.equal(monitor.activeAlerts[0]?.type, 'server_not_serving');
    monitor.stop();
  });
});
