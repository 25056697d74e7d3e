/**
 * Pool toolkit over real loopback UDP: ReconnectingClient reconnecting after the server
 * restarts on the same port, ClientPool fanning sessions over several clients, SessionPool
 * reusing a live session and replacing one the server closed, StreamPool reusing open streams
 * and StreamManager enforcing its limit on a real session.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPki } from '../../src/testing/test-pki.js';
import { StreamError, WebTransportClient, WebTransportServer, type WebTransportSession } from '../../src/index.js';
import { ClientPool, ReconnectingClient, SessionPool, StreamManager, StreamPool } from '../../src/pool/index.js';

type TestPki = Awaited<ReturnType<typeof createTestPki>>;
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

async function startServer(pki: TestPki, port: number, tag: string): Promise<WebTransportServer> {
  const server = await WebTransportServer.listen({ host: '127.0.0.1', port, certificateChain: pki.chain, signingKey: pki.signingKey });
  void (async () => {
    for await (const request of server) {
      const session = request.accept();
      const lines = request.path === '/lines';
      void (async () => {
        for await (const stream of session.incomingBidirectionalStreams) {
          if (!lines) {
            await stream.readAll();
            await stream.write(tag, { endStream: true });
            continue;
          }
          // Line protocol: one reply line per request line, the stream stays open.
          void (async () => {
            for (;;) {
              const line = text(await stream.readLine());
              if (!line.endsWith('\n')) break;
              await stream.write(`${stream.streamId}:${line}`);
            }
          })().catch(() => undefined);
        }
      })().catch(() => undefined);
    }
  })();
  return server;
}

async function ask(session: WebTransportSession): Promise<string> {
  const stream = await session.createBidirectionalStream();
  await stream.write('?', { endStream: true });
  return text(await stream.readAll());
}

describe('pool toolkit over loopback', () => {
  let pki: TestPki;
  let server: WebTransportServer;
  let port: number;

  before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    server = await startServer(pki, 0, 'first');
    port = server.address.port;
  });

  after(async () => {
    await server?.close({ timeoutMs: 100 });
  });

  test('ReconnectingClient reconnects after the server restarts', async () => {
    const rc = new ReconnectingClient({
      url: `https://localhost:${port}/echo`,
      connectOptions: { ca: pki.caPem, timeoutMs: 1000 },
      backoff: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    const retries: number[] = [];
    rc.on('retry', (e) => retries.push(e.attempt));
    try {
      const first = await rc.getSession({ timeoutMs: 5000 });
      assert.equal(await ask(first), 'first');
      const lost = new Promise((r) => rc.once('disconnected', r));
      await server.close({ timeoutMs: 100 });
      await lost;
      assert.notEqual(rc.state, 'connected');
      // Keep it down long enough for at least one failed attempt.
      while (retries.length === 0) await new Promise((r) => setTimeout(r, 20));
      server = await startServer(pki, port, 'second');
      const second = await rc.getSession({ timeoutMs: 10_000 });
      assert.notEqual(second, first);
      assert.equal(await ask(second), 'second');
      assert.equal(rc.state, 'connected');
    } finally {
      await rc.close();
    }
    assert.equal(rc.state, 'closed');
  });

  test('ClientPool: one session per client; SessionPool reuses and replaces sessions', async () => {
    const url = `https://localhost:${port}/pool`;
    const fleet = new ClientPool({ size: 2 });
    try {
      const { sessions, errors } = await fleet.connectAll(url, { ca: pki.caPem, timeoutMs: 5000 });
      assert.equal(errors.length, 0);
      assert.equal(sessions.length, 2);
      for (const s of sessions) assert.ok((await ask(s)).length > 0);
    } finally {
      await fleet.close();
    }

    const pool = new SessionPool({ connectOptions: { ca: pki.caPem, timeoutMs: 5000 }, maxPerKey: 1 });
    try {
      const a = await pool.acquire(url);
      pool.release(a);
      const again = await pool.acquire(url);
      assert.equal(again, a, 'the live session is reused');
      await again.close({ code: 3 });
      pool.release(again);
      const b = await pool.acquire(url, { timeoutMs: 5000 });
      assert.notEqual(b, a, 'a closed session is replaced');
      assert.ok((await ask(b)).length > 0);
      pool.release(b);
      assert.deepEqual(pool.stats(), { keys: 1, idle: 1, inUse: 0, connecting: 0, waiting: 0 });
    } finally {
      await pool.close();
    }
  });

  test('StreamPool reuses real streams; StreamManager refuses past its limit', async () => {
    const client = new WebTransportClient();
    try {
      const session = await client.connect(`https://localhost:${port}/lines`, { ca: pki.caPem, timeoutMs: 5000 });
      const pool = new StreamPool(session, { size: 2 });
      assert.deepEqual(await pool.fill(), []);
      const ids = new Set<number>();
      for (let i = 0; i < 6; i++) {
        const stream = await pool.acquire();
        ids.add(stream.streamId);
        await stream.write(`req${i}\n`);
        assert.equal(text(await stream.readLine()), `${stream.streamId}:req${i}\n`);
        pool.release(stream);
      }
      assert.equal(ids.size, 2, 'six requests over the two pooled streams');
      await pool.closeAll();

      const manager = new StreamManager(session, { maxStreams: 2 });
      const a = await manager.createBidirectionalStream();
      await manager.createBidirectionalStream();
      await assert.rejects(manager.createBidirectionalStream(), StreamError);
      await a.abort(0);
      await a.waitClosed();
      await new Promise((r) => setImmediate(r));
      await manager.createBidirectionalStream();
      await manager.shutdown();
      await session.close();
    } finally {
      await client.close();
    }
  });
});
