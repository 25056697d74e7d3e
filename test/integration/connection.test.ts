/**
 * The connection toolkit and the browser-like client against our WebTransport server over real
 * loopback UDP: sessions on a WebTransportConnection carry data and close, the pool reuses a
 * connection, the load balancer measures connect RTT and fails over from a dead target, and the
 * browser navigates between paths.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { WebTransportServer, type WebTransportSession } from '../../src/index.js';
import { createTestPki } from '../../src/testing/test-pki.js';
import { ConnectionLoadBalancer, ConnectionPool, WebTransportConnection, connectionOpener } from '../../src/connection/index.js';
import { WebTransportBrowser } from '../../src/client-extras/index.js';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

async function echo(session: WebTransportSession): Promise<void> {
  for await (const stream of session.incomingBidirectionalStreams) {
    void (async () => {
      for await (const chunk of stream) await stream.write(chunk);
      await stream.close();
    })().catch(() => {});
  }
}

async function roundTrip(session: WebTransportSession, message: string): Promise<string> {
  const s = await session.createBidirectionalStream();
  await s.write(message, { endStream: true });
  return text(await s.readAll());
}

/** A loopback port with nothing answering: bound then closed. */
async function deadPort(): Promise<number> {
  const sock = createSocket('udp4');
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  const port = sock.address().port;
  await new Promise<void>((r) => sock.close(() => r()));
  return port;
}

describe('connection toolkit over loopback', () => {
  let server: WebTransportServer;
  let caPem: string;
  let base: string;
  const serverSessions: Array<{ path: string; session: WebTransportSession }> = [];

  before(async () => {
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    caPem = pki.caPem;
    server = await WebTransportServer.listen({ host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey });
    base = `https://127.0.0.1:${server.address.port}`;
    void (async () => {
      for await (const request of server) {
        const session = request.accept();
        serverSessions.push({ path: request.path, session });
        void echo(session).catch(() => {});
      }
    })();
  });

  after(async () => {
    await server?.close({ timeoutMs: 500 });
  });

  test('WebTransportConnection: sessions on one origin carry data, stats count them, close ends them', async () => {
    const conn = await WebTransportConnection.connect(`${base}/echo`, { connectOptions: { ca: [caPem] } });
    try {
      assert.equal(conn.origin, base);
      assert.ok(conn.connectRttMs > 0);
      assert.equal(await roundTrip(conn.initialSession, 'first'), 'first');
      const second = await conn.openSession('/echo?n=2');
      assert.equal(await roundTrip(second, 'second'), 'second');
      assert.equal(conn.sessionCount, 2);
      assert.equal(conn.stats().sessionsOpened, 2);
    } finally {
      await conn.close({ code: 77, reason: 'bye' });
    }
    assert.equal(conn.state, 'closed');
    const mine = serverSessions.filter((s) => s.path === '/echo').slice(-2);
    const infos = await Promise.all(mine.map((s) => s.session.closed));
    for (const info of infos) assert.equal(info.code, 77);
  });

  test('ConnectionPool hands the released connection back out', async () => {
    const pool = new ConnectionPool({ opener: connectionOpener({ connectOptions: { ca: [caPem] } }), maxPerOrigin: 1 });
    try {
      const a = await pool.acquire(`${base}/echo`);
      pool.release(a);
      const b = await pool.acquire(`${base}/other`);
      assert.equal(b, a);
      assert.equal(await roundTrip(await b.openSession('/echo'), 'pooled'), 'pooled');
    } finally {
      await pool.close();
    }
  });

  test('ConnectionLoadBalancer fails over from a dead target and records the live one\'s RTT', async () => {
    const dead = `https://127.0.0.1:${await deadPort()}/echo`;
    const lb = new ConnectionLoadBalancer([dead, `${base}/echo`], {
      strategy: 'least-latency',
      opener: connectionOpener({ connectOptions: { ca: [caPem], timeoutMs: 500 } }),
    });
    try {
      const conn = await lb.getConnection();
      assert.equal(conn.origin, base);
      const [deadStats, liveStats] = lb.targetStats();
      assert.equal(deadStats!.healthy, false);
      assert.equal(liveStats!.healthy, true);
      assert.ok(liveStats!.connectRttMs! > 0);
      assert.equal(await lb.getConnection(), conn, 'cached');
    } finally {
      await lb.close();
    }
  });

  test('WebTransportBrowser navigates, goes back and closes the previous session', async () => {
    const browser = new WebTransportBrowser({ connectOptions: { ca: [caPem] } });
    try {
      const one = await browser.navigate(`${base}/page1`);
      const two = await browser.navigate(`${base}/page2`);
      assert.equal(one.isClosed, true);
      assert.equal(await roundTrip(two, 'p2'), 'p2');
      const back = await browser.back();
      assert.equal(two.isClosed, true);
      assert.equal(browser.currentUrl, `${base}/page1`);
      assert.equal(await roundTrip(back!, 'p1'), 'p1');
    } finally {
      await browser.close();
    }
  });
});
