/**
 * The datagram toolkit over real loopback UDP, through the public entry points only: the duplex
 * stream (priorities, JSON, batch reads) against an echo server, reliable datagrams echoed by a
 * server-side ReliableDatagrams, and a server broadcasting to several sessions, dropping one that
 * closed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPki } from '../../src/testing/test-pki.js';
import { WebTransportClient, WebTransportServer, type WebTransportSession } from '../../src/index.js';
import { DatagramBroadcaster, DatagramDuplexStream, ReliableDatagrams } from '../../src/datagram/index.js';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const until = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

describe('datagram toolkit over loopback', () => {
  let server: WebTransportServer;
  let client: WebTransportClient;
  let base: string;
  let caPem: string;
  const broadcaster = new DatagramBroadcaster();

  async function serveSession(session: WebTransportSession, path: string): Promise<void> {
    if (path === '/echo') {
      const d = new DatagramDuplexStream(session);
      for await (const data of d) d.trySend(data);
    } else if (path === '/reliable') {
      const r = new ReliableDatagrams(session, { ackTimeoutMs: 200 });
      for await (const data of r) r.send(data);
    } else if (path === '/subscribe') {
      broadcaster.add(session);
    }
  }

  before(async () => {
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    caPem = pki.caPem;
    server = await WebTransportServer.listen({
      host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey,
      config: { readTimeoutMs: null, writeTimeoutMs: null },
    });
    void (async () => {
      for await (const request of server) void serveSession(request.accept(), request.path).catch(() => {});
    })();
    client = new WebTransportClient({ config: { readTimeoutMs: null, writeTimeoutMs: null } });
    base = `https://localhost:${server.address.port}`;
  });

  after(async () => {
    await client?.close();
    await server?.close({ timeoutMs: 200 });
  });

  const open = (path: string): Promise<WebTransportSession> => client.connect(`${base}${path}`, { ca: caPem, timeoutMs: 5000 });

  test('duplex stream: echo with priorities, JSON and batch reads', async () => {
    const session = await open('/echo');
    const d = new DatagramDuplexStream(session);
    d.send('low');
    d.send('high', { priority: 2 });
    d.sendJson({ kind: 'json', n: 1 }, { priority: 1 });
    const first = await d.receive({ timeoutMs: 3000 });
    assert.equal(text(first), 'high'); // sent first within the burst
    const rest = new Set<string>();
    while (rest.size < 2) for (const x of await d.receiveMultiple({ timeoutMs: 3000 })) rest.add(text(x));
    assert.deepEqual([...rest].sort(), ['low', '{"kind":"json","n":1}'].sort());
    d.sendJson([1, 'two']);
    assert.deepEqual(await d.receiveJson({ timeoutMs: 3000 }), [1, 'two']);
    assert.ok(d.maxDatagramSize > 1000);
    assert.equal(d.stats.datagramsSent, 4);
    assert.equal(d.stats.datagramsReceived, 4);
    await session.close();
    assert.ok(d.isClosed);
  });

  test('reliable datagrams: every message acknowledged and echoed once', async () => {
    const session = await open('/reliable');
    const r = new ReliableDatagrams(session, { ackTimeoutMs: 200 });
    const msgs = Array.from({ length: 30 }, (_, i) => `r${i}`);
    await Promise.all(msgs.map((m) => r.sendAndWait(m)));
    const got = new Set<string>();
    while (got.size < msgs.length) got.add(text(await r.receive({ timeoutMs: 3000 })));
    assert.deepEqual([...got].sort(), [...msgs].sort());
    assert.equal(r.stats.acked, 30);
    r.close();
    await session.close();
  });

  test('broadcaster: one datagram reaches every subscriber, closed sessions are dropped', async () => {
    const sessions = await Promise.all([open('/subscribe'), open('/subscribe'), open('/subscribe')]);
    await until(() => broadcaster.size === 3);
    const result = broadcaster.broadcast('news');
    assert.deepEqual(result, { sent: 3, failed: 0, removed: 0 });
    for (const s of sessions) assert.equal(text(await s.datagrams.receive({ signal: AbortSignal.timeout(3000) })), 'news');
    await sessions[0]!.close();
    let removed = 0;
    await until(() => {
      removed += broadcaster.broadcast('tick').removed;
      return broadcaster.size === 2;
    });
    assert.equal(removed, 1);
    for (const s of sessions.slice(1)) await s.close();
  });
});
