/**
 * Pools and managers of src/pool never leak when the server vanishes: each test runs the server
 * in a child process and SIGKILLs it mid-transfer (no CLOSE, no reset: packets just stop). The
 * client notices through its short QUIC idle timeout; then every table must be empty again,
 * every pending call must have rejected with a typed error, and no socket, timer or child
 * process may be left (checked after each test).
 */
import { afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError, SessionClosedError, StreamError, type WebTransportSession } from '../../src/index.js';
import { ClientPool, PooledClient, ReconnectingClient, StreamManager, StreamPool } from '../../src/pool/index.js';
import {
  KillableFixture, assertTypedFailure, causedByIdleTimeout, rejectionOf, startWriting, waitFor,
} from './helpers/killable-fixture.js';

const fx = new KillableFixture();
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** A bidi stream on an /echo session with one round trip done and a read left pending. */
async function pendingEchoRead(session: WebTransportSession): Promise<{ failure: Promise<unknown> }> {
  const stream = await session.createBidirectionalStream();
  await stream.write('x');
  await stream.readExactly(1);
  return { failure: rejectionOf(stream.read(), 'pending read') };
}

describe('src/pool when the server is killed mid-transfer', { timeout: 30_000 }, () => {
  before(() => fx.setup());
  afterEach(() => fx.cleanup());

  test('StreamManager: streams being written fail, the table empties, permits come back', async () => {
    const { peer, port } = await fx.startServer();
    const client = fx.newClient();
    try {
      const session = await client.connect(`https://127.0.0.1:${port}/sink`, fx.connectOptions());
      const manager = new StreamManager(session, { maxStreams: 4 });
      const streams = await Promise.all(Array.from({ length: 4 }, () => manager.createBidirectionalStream()));
      assert.equal(manager.size, 4);
      await assert.rejects(manager.createBidirectionalStream(), StreamError, 'the limit holds');
      const writes = await Promise.all(streams.map((s) => startWriting(s)));

      await peer.kill();
      const info = await session.closed;
      assert.equal(info.remote, true);
      assert.ok(causedByIdleTimeout(info.connectionError), 'the close info says the connection timed out');
      for (const e of await Promise.all(writes.map((w) => w.failure))) {
        assertTypedFailure(e, 'write');
        assert.ok(causedByIdleTimeout(e), `the write failed because of the idle timeout: ${String(e)}`);
      }
      assert.equal(manager.size, 0);
      assert.equal(manager.stats().localActive, 0);
      await assert.rejects(manager.createBidirectionalStream(), SessionClosedError);
      assert.equal(manager.stats().localActive, 0, 'a failed creation gives its permit back');
      await manager.shutdown();
      assert.equal(client.connectionCount, 0);
    } finally {
      await client.close();
    }
  });

  test('StreamPool: lent streams, idle streams and a waiting acquire all let go', async () => {
    const { peer, port } = await fx.startServer();
    const client = fx.newClient();
    try {
      const session = await client.connect(`https://127.0.0.1:${port}/echo`, fx.connectOptions());
      const pool = new StreamPool(session, { size: 4 });
      assert.deepEqual(await pool.fill(), []);
      const reader = await pool.acquire();
      const writer = await pool.acquire();
      await reader.write('ping');
      assert.equal(text(await reader.readExactly(4)), 'ping');
      const pendingRead = rejectionOf(reader.read(), 'pending read');
      const { failure: writeFailure } = await startWriting(writer);
      // A second, full pool on the same session holds a waiter.
      const small = new StreamPool(session, { size: 1 });
      const only = await small.acquire();
      const waiter = rejectionOf(small.acquire({ timeoutMs: 60_000 }), 'waiting acquire');
      assert.deepEqual(pool.stats(), { size: 4, idle: 2, inUse: 2, opening: 0, waiting: 0 });
      assert.equal(small.stats().waiting, 1);

      await peer.kill();
      await session.closed;
      assertTypedFailure(await pendingRead, 'pending read');
      assertTypedFailure(await writeFailure, 'pending write');
      assertTypedFailure(await waiter, 'waiting acquire');
      assert.deepEqual(pool.stats(), { size: 4, idle: 0, inUse: 0, opening: 0, waiting: 0 });
      assert.deepEqual(small.stats(), { size: 1, idle: 0, inUse: 0, opening: 0, waiting: 0 });
      await assert.rejects(pool.acquire(), SessionClosedError);
      assert.equal(pool.stats().opening, 0);
      pool.release(reader);
      small.release(only);
      assert.equal(pool.stats().idle, 0, 'a dead stream given back is not pooled');
      await pool.closeAll();
      await small.closeAll();
    } finally {
      await client.close();
    }
  });

  test('PooledClient (SessionPool): in-use, idle and waiting sessions are dropped', async () => {
    const { peer, port } = await fx.startServer();
    const client = fx.newClient();
    const pool = new PooledClient({ client, connectOptions: fx.connectOptions(), maxPerKey: 2 });
    try {
      const echoUrl = `https://127.0.0.1:${port}/echo`;
      const sinkUrl = `https://127.0.0.1:${port}/sink`;
      const a = await pool.getSession(echoUrl);
      const b = await pool.getSession(echoUrl);
      pool.returnSession(b);
      const c = await pool.getSession(sinkUrl);
      await pool.getSession(sinkUrl);
      const waiting = rejectionOf(pool.getSession(sinkUrl, { timeoutMs: 60_000 }), 'waiting getSession');
      const { failure: pendingRead } = await pendingEchoRead(a);
      const { failure: writeFailure } = await startWriting(await c.createBidirectionalStream());
      assert.deepEqual(pool.stats(), { keys: 2, idle: 1, inUse: 3, connecting: 0, waiting: 1 });

      await peer.kill();
      assertTypedFailure(await pendingRead, 'pending read');
      assertTypedFailure(await writeFailure, 'pending write');
      // The waiter wakes when a slot frees and tries the dead server: that fails too, typed.
      assertTypedFailure(await waiting, 'waiting getSession');
      for (const s of [a, b, c]) assert.equal(s.isClosed, true);
      assert.deepEqual(pool.stats(), { keys: 0, idle: 0, inUse: 0, connecting: 0, waiting: 0 });
      assert.equal(client.connectionCount, 0);
    } finally {
      await pool.close();
      await client.close();
    }
  });

  test('ClientPool: every client forgets its dead session and connection', async () => {
    const { peer, port } = await fx.startServer();
    const fleet = new ClientPool({ size: 2, createClient: () => fx.newClient() });
    try {
      const { sessions, errors } = await fleet.connectAll(`https://127.0.0.1:${port}/echo`, fx.connectOptions());
      assert.deepEqual(errors, []);
      const reads = await Promise.all(sessions.map((s) => pendingEchoRead(s)));
      await peer.kill();
      for (const e of await Promise.all(reads.map((r) => r.failure))) assertTypedFailure(e, 'pending read');
      await Promise.all(sessions.map((s) => s.closed));
      for (const c of fleet.clients) {
        assert.equal((c.stats as { activeSessions: number }).activeSessions, 0);
        assert.equal(c.connectionCount, 0);
      }
    } finally {
      await fleet.close();
    }
  });

  test('ReconnectingClient reconnects when the server comes back, and stops on its AbortSignal', async () => {
    const first = await fx.startServer();
    const port = first.port;
    const client = fx.newClient();
    const controller = new AbortController();
    const rc = new ReconnectingClient({
      url: `https://127.0.0.1:${port}/echo`, client, connectOptions: fx.connectOptions(),
      backoff: { initialDelayMs: 50, maxDelayMs: 200 }, signal: controller.signal,
    });
    const retries: unknown[] = [];
    rc.on('retry', (e) => retries.push(e.error));
    try {
      const s1 = await rc.getSession({ timeoutMs: 5000 });
      const { failure: pendingRead } = await pendingEchoRead(s1);
      const lost = new Promise((resolve) => rc.once('disconnected', resolve));
      await first.peer.kill();
      await lost;
      assertTypedFailure(await pendingRead, 'pending read');
      // Let at least one attempt fail against the dead port before the server comes back.
      await waitFor(() => retries.length > 0, 'a failed attempt');
      for (const e of retries) assertTypedFailure(e, 'failed attempt');
      const second = await fx.startServer(port);
      const s2 = await rc.getSession({ timeoutMs: 10_000 });
      assert.notEqual(s2, s1);
      const again = await s2.createBidirectionalStream();
      await again.write('back', { endStream: true });
      assert.equal(text(await again.readAll()), 'back');

      // Gone again: this time the caller gives up while it is retrying.
      const lostAgain = new Promise((resolve) => rc.once('disconnected', resolve));
      await second.peer.kill();
      await lostAgain;
      const waiting = rejectionOf(rc.getSession({ timeoutMs: 60_000 }), 'getSession');
      controller.abort();
      assert.ok((await waiting) instanceof ClientError);
      assert.equal(rc.state, 'closed');
      await assert.rejects(rc.getSession(), ClientError);
    } finally {
      await rc.close();
      await client.close();
    }
    assert.equal(client.connectionCount, 0);
  });
});
