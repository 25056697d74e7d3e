/**
 * Parity rows 59, 78, 97 and 103 over real loopback UDP: the development server (self-signed
 * certificate trusted by its hash) with the simple app's /echo and /health routes, stateful
 * middleware started and disposed with the app, the client connectivity probe and benchmark,
 * and the datagram throughput probe on a live session.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebTransportClient, type WebTransportConnectOptions, type WebTransportSession } from '../../src/index.js';
import {
  ECHO_PREFIX, createDevelopmentServer, createSimpleApp, type DevelopmentServer, type RequestContext,
} from '../../src/app/index.js';
import { benchmarkClientPerformance, testClientConnectivity } from '../../src/client-extras/index.js';
import { measureDatagramThroughput } from '../../src/datagram/index.js';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** The next datagram, or undefined after `ms`. */
async function nextDatagram(session: WebTransportSession, ms: number): Promise<Uint8Array | undefined> {
  const signal = AbortSignal.timeout(ms);
  return session.datagrams.receive({ signal }).catch(() => undefined);
}

describe('parity: development server, client checks and datagram throughput', () => {
  let dev: DevelopmentServer;
  let client: WebTransportClient;
  let connectOptions: WebTransportConnectOptions;
  const lifecycle: string[] = [];

  before(async () => {
    const stateful = Object.assign(async (_ctx: RequestContext, next: () => Promise<void>) => { await next(); }, {
      startup: () => { lifecycle.push('middleware startup'); },
      [Symbol.asyncDispose]: async () => { lifecycle.push('middleware disposed'); },
    });
    const app = createSimpleApp().use(stateful).onStartup(() => { lifecycle.push('hook startup'); });
    dev = await createDevelopmentServer({ host: '127.0.0.1', port: 0, app });
    connectOptions = { serverCertificateHashes: [dev.certificateHash] };
    client = new WebTransportClient();
  });

  after(async () => {
    await client.close();
    await dev.close();
    assert.deepEqual(lifecycle, ['middleware startup', 'hook startup', 'middleware disposed']);
  });

  test('the development server listens on the asked host with a certificate for it', () => {
    assert.equal(dev.server.address.address, '127.0.0.1');
    assert.match(dev.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(dev.certificate.notAfter.getTime() - dev.certificate.notBefore.getTime() <= 14 * 24 * 3600 * 1000);
    assert.deepEqual(dev.app.router.routes(), ['/health', '/echo']);
  });

  test('/echo: streams come back prefixed with "ECHO: ", datagrams too', async () => {
    const session = await client.connect(`${dev.url}/echo`, connectOptions);
    const payload = new Uint8Array(200_000).map((_, i) => i % 251);
    const stream = await session.createBidirectionalStream();
    await stream.write(payload, { endStream: true });
    const back = await stream.readAll();
    assert.equal(text(back.subarray(0, ECHO_PREFIX.length)), ECHO_PREFIX);
    assert.deepEqual(back.subarray(ECHO_PREFIX.length), payload);
    const uni = await session.createUnidirectionalStream();
    await uni.write('discarded', { endStream: true });
    let echoed: Uint8Array | undefined;
    for (let round = 0; round < 10 && echoed === undefined; round++) {
      session.datagrams.send('ping');
      echoed = await nextDatagram(session, 300);
    }
    assert.equal(text(echoed!), 'ECHO: ping');
    await session.close();
  });

  test('/health: one JSON datagram, then the server closes the session', async () => {
    const session = await client.connect(`${dev.url}/health`, connectOptions);
    const closed = await session.closed;
    assert.equal(closed.code, 0);
    assert.equal(closed.reason, 'healthy');
    const d = session.datagrams.tryReceive();
    if (d !== undefined) assert.equal((JSON.parse(text(d)) as { status: string }).status, 'healthy');
    assert.equal(dev.app.router.stats().matches['/health'], 1);
  });

  test('testClientConnectivity: success against the server, a failure result (not an exception) for an untrusted certificate', async () => {
    const ok = await testClientConnectivity(`${dev.url}/echo`, { connectOptions });
    assert.equal(ok.success, true);
    assert.ok(ok.connectTimeMs >= 0);
    assert.equal(ok.error, undefined);
    const bad = await testClientConnectivity(`${dev.url}/echo`, { timeoutMs: 300 });
    assert.equal(bad.success, false, 'no certificate hash: the self-signed certificate is refused');
    assert.ok(bad.error instanceof Error);
  });

  test('benchmarkClientPerformance: every request is one session and one echoed stream', async () => {
    const r = await benchmarkClientPerformance(`${dev.url}/echo`, { connectOptions, numRequests: 6, concurrency: 3 });
    assert.equal(r.requests, 6);
    assert.equal(r.successful, 6, String(r.firstError));
    assert.equal(r.failed, 0);
    assert.ok(r.minLatencyMs <= r.avgLatencyMs && r.avgLatencyMs <= r.maxLatencyMs);
    assert.ok(r.requestsPerSecond > 0);
    await assert.rejects(benchmarkClientPerformance(dev.url, { numRequests: 0 }), RangeError);
  });

  test('measureDatagramThroughput on a live session', async () => {
    const session = await client.connect(`${dev.url}/echo`, connectOptions);
    const r = await measureDatagramThroughput(session, { durationMs: 100, datagramSize: 200 });
    assert.ok(r.datagramsSent > 0);
    assert.equal(r.datagramsSent + r.errors > 0, true);
    assert.ok(r.errorRate >= 0 && r.errorRate <= 1);
    await session.close();
  });
});
