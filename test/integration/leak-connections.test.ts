/**
 * The connection toolkit, the datagram tools and ServerApp never leak when the peer vanishes:
 * the server (or, for ServerApp, the client) runs in a child process and is SIGKILLed
 * mid-transfer. The survivor notices through its short QUIC idle timeout; then handles close
 * themselves, tables empty, pending calls reject with typed errors, retransmission stops, and
 * no socket, timer or child process is left (checked after each test).
 */
import { afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError, OperationTimeoutError, WebTransportServer, type WebTransportSession } from '../../src/index.js';
import { ConnectionLoadBalancer, ConnectionManager, ConnectionPool, WebTransportConnection, connectionOpener } from '../../src/connection/index.js';
import { DatagramBroadcaster, ReliableDatagrams } from '../../src/datagram/index.js';
import { ServerApp } from '../../src/app/index.js';
import { ServerMonitor } from '../../src/monitor/index.js';
import {
  IDLE_MS, KillableFixture, assertTypedFailure, causedByIdleTimeout, rejectionOf, startWriting, waitFor,
} from './helpers/killable-fixture.js';
import { spawnKillableClient } from './helpers/killable-process.js';

const fx = new KillableFixture();

describe('connections, datagrams and ServerApp when the peer is killed mid-transfer', { timeout: 30_000 }, () => {
  before(() => fx.setup());
  afterEach(() => fx.cleanup());

  test('WebTransportConnection closes itself and ConnectionManager forgets it', async () => {
    const { peer, port } = await fx.startServer();
    const manager = new ConnectionManager({ maxConnections: 4 });
    const open = (): Promise<WebTransportConnection> => WebTransportConnection.connect(`https://127.0.0.1:${port}/echo`, {
      client: fx.clientOptions(), connectOptions: fx.connectOptions(),
    });
    const conns = [await open(), await open()];
    try {
      for (const c of conns) manager.add(c);
      const extra = await conns[0]!.openSession('/sink');
      const { failure: writeFailure } = await startWriting(await extra.createBidirectionalStream());
      const stream = await conns[1]!.initialSession.createBidirectionalStream();
      await stream.write('x');
      await stream.readExactly(1);
      const pendingRead = rejectionOf(stream.read(), 'pending read');
      assert.equal(manager.stats().current, 2);

      await peer.kill();
      await Promise.all(conns.map((c) => c.closed));
      assertTypedFailure(await writeFailure, 'pending write');
      assertTypedFailure(await pendingRead, 'pending read');
      for (const c of conns) {
        assert.equal(c.state, 'closed');
        assert.equal(c.sessionCount, 0);
        assert.ok(causedByIdleTimeout(c.closeError), `closeError says why: ${String(c.closeError)}`);
      }
      assert.equal(manager.count, 0);
      assert.deepEqual({ current: manager.stats().current, idle: manager.stats().idle, totalClosed: manager.stats().totalClosed }, { current: 0, idle: 0, totalClosed: 2 });
      await assert.rejects(conns[0]!.openSession('/echo'), ClientError);
    } finally {
      await manager.shutdown();
      await Promise.all(conns.map((c) => c.close()));
    }
  });

  test('ConnectionPool drops dead connections; waiters and acquire timeouts reject', async () => {
    const { peer, port } = await fx.startServer();
    const url = `https://127.0.0.1:${port}/echo`;
    const pool = new ConnectionPool({ opener: connectionOpener({ client: fx.clientOptions(), connectOptions: fx.connectOptions() }), maxPerOrigin: 2 });
    try {
      const a = await pool.acquire(url);
      const b = await pool.acquire(url);
      const waiting = rejectionOf(pool.acquire(url), 'waiting acquire');
      const { failure: writeFailure } = await startWriting(await a.openSession('/sink').then((s) => s.createBidirectionalStream()));
      assert.deepEqual(pool.stats(), { origins: 1, idle: 0, inUse: 2, connecting: 0, waiting: 1 });

      await peer.kill();
      await Promise.all([a.closed, b.closed]);
      assertTypedFailure(await writeFailure, 'pending write');
      // The waiter got a free slot and tried the dead server: that failed, typed.
      assertTypedFailure(await waiting, 'waiting acquire');
      assert.deepEqual(pool.stats(), { origins: 0, idle: 0, inUse: 0, connecting: 0, waiting: 0 });
      pool.release(a);
      assert.equal(pool.stats().idle, 0, 'a dead connection given back is not pooled');
      // A connect under way to the dead server stops at the caller's timeout.
      const late = await rejectionOf(pool.acquire(url, { timeoutMs: 200 }), 'acquire');
      assert.ok(late instanceof OperationTimeoutError, `the acquire timeout, got ${String(late)}`);
      await waitFor(() => pool.stats().connecting === 0, 'the abandoned connect to stop');
      assert.deepEqual(pool.stats(), { origins: 0, idle: 0, inUse: 0, connecting: 0, waiting: 0 });
    } finally {
      await pool.close();
    }
  });

  test('ConnectionLoadBalancer marks a vanished target unhealthy and health checks bring it back', async () => {
    const gone = await fx.startServer();
    const stays = await fx.startServer();
    const urlGone = `https://127.0.0.1:${gone.port}/echo`;
    const urlStays = `https://127.0.0.1:${stays.port}/echo`;
    const lb = new ConnectionLoadBalancer([urlGone, urlStays], {
      opener: connectionOpener({ client: fx.clientOptions(), connectOptions: fx.connectOptions() }),
      healthCheckTimeoutMs: 500,
    });
    try {
      const first = await lb.getConnection();
      const second = await lb.getConnection();
      assert.deepEqual(new Set([first.origin, second.origin]), new Set([new URL(urlGone).origin, new URL(urlStays).origin]));
      const lost = first.origin === new URL(urlGone).origin ? first : second;
      assert.equal(lb.stats().connected, 2);

      await gone.peer.kill();
      await lost.closed;
      const suspect = lb.targetStats().find((t) => t.url === urlGone)!;
      assert.deepEqual([suspect.connected, suspect.connectionLost], [false, true]);
      assert.match(suspect.lastError ?? '', /idle/);
      // The health check probes the target that lost its connection: the server is gone.
      assert.ok(!(await lb.checkHealth()).includes(urlGone), 'the probe of a dead server fails');
      const sick = lb.targetStats().find((t) => t.url === urlGone)!;
      assert.deepEqual([sick.healthy, sick.connectionLost], [false, false]);
      for (let i = 0; i < 3; i++) assert.equal((await lb.getConnection()).origin, new URL(urlStays).origin, 'picks skip the dead target');

      const back = await fx.startServer(gone.port);
      assert.equal(back.port, gone.port);
      assert.ok((await lb.checkHealth()).includes(urlGone), 'the probe finds the server back');
      assert.equal(lb.stats().healthy, 2);
    } finally {
      await lb.close();
    }
    assert.equal(lb.stats().connected, 0);
  });

  test('ReliableDatagrams stop retransmitting and reject what waits', async () => {
    const { peer, port } = await fx.startServer();
    const client = fx.newClient();
    try {
      const session = await client.connect(`https://127.0.0.1:${port}/reliable`, fx.connectOptions());
      const reliable = new ReliableDatagrams(session, { ackTimeoutMs: 50, maxRetries: 1_000_000 });
      await reliable.sendAndWait('acknowledged while the server lives');
      const receiving = rejectionOf(reliable.receive(), 'receive');
      await peer.kill();
      const sends = Array.from({ length: 5 }, (_, i) => rejectionOf(reliable.sendAndWait(`lost ${i}`), 'sendAndWait'));
      await waitFor(() => reliable.stats.retransmissions > 0, 'retransmissions');
      for (const e of await Promise.all(sends)) assertTypedFailure(e, 'sendAndWait');
      assertTypedFailure(await receiving, 'receive');
      assert.equal(reliable.isClosed, true);
      assert.equal(reliable.stats.inFlight, 0);
      assert.equal(session.isClosed, true);
      const retransmitted = reliable.stats.retransmissions;
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(reliable.stats.retransmissions, retransmitted, 'no retransmission after the close');
    } finally {
      await client.close();
    }
  });

  test('DatagramBroadcaster drops the dead session while it keeps broadcasting', async () => {
    const gone = await fx.startServer();
    const stays = await fx.startServer();
    const client = fx.newClient();
    const broadcaster = new DatagramBroadcaster();
    // Broadcasting all along: that is the transfer the kill interrupts (and the live session's echo keeps it from idling out).
    const ticker = setInterval(() => broadcaster.broadcast('tick'), 50);
    try {
      const dead = await client.connect(`https://127.0.0.1:${gone.port}/echo`, fx.connectOptions());
      const live = await client.connect(`https://127.0.0.1:${stays.port}/echo`, fx.connectOptions());
      broadcaster.add(dead);
      broadcaster.add(live);
      assert.equal(new TextDecoder().decode(await live.datagrams.receive()), 'tick');
      await gone.peer.kill();
      await dead.closed;
      await waitFor(() => broadcaster.size === 1, 'the dead session to leave');
      assert.equal(broadcaster.has(dead), false);
      assert.equal(broadcaster.has(live), true);
      const last = broadcaster.broadcast('one');
      assert.deepEqual([last.sent, last.failed], [1, 0]);
      assert.equal(live.isClosed, false);
    } finally {
      clearInterval(ticker);
      await client.close();
    }
    assert.equal(broadcaster.size, 0, 'closing the client closed the live session: it left too');
  });

  test('ServerApp: a killed client fails the handler read and leaves no session behind', async () => {
    const app = new ServerApp();
    const handlerErrors: unknown[] = [];
    app.on('handlerError', (info) => handlerErrors.push(info.error));
    let readFailure: unknown;
    let readLine!: () => void;
    const gotLine = new Promise<void>((resolve) => { readLine = resolve; });
    let serverSession: WebTransportSession | undefined;
    app.route('/app', async (session) => {
      serverSession = session;
      for await (const stream of session.incomingBidirectionalStreams) {
        try {
          for (;;) {
            const line = await stream.readLine();
            if (line.length === 0) break;
            readLine();
          }
        } catch (error) {
          readFailure = error;
          throw error;
        }
      }
    });
    const server: WebTransportServer = await app.listen({
      host: '127.0.0.1', port: 0, certificateChain: fx.pki.chain, signingKey: fx.pki.signingKey, config: { connectionIdleTimeoutMs: IDLE_MS },
    });
    const monitor = new ServerMonitor(server);
    try {
      const child = await spawnKillableClient({ url: `https://127.0.0.1:${server.address.port}/app`, caPem: fx.pki.caPem });
      fx.track(child);
      await gotLine;
      assert.equal(monitor.sampleNow()?.activeSessions, 1);
      assert.equal(app.stats().activeHandlers, 1);

      await child.kill();
      const info = await serverSession!.closed;
      assert.ok(causedByIdleTimeout(info.connectionError), 'the session ended with the idle timeout');
      await waitFor(() => app.stats().activeHandlers === 0, 'the handler to end');
      assertTypedFailure(readFailure, 'handler read');
      assert.deepEqual(handlerErrors, [readFailure], 'the failed read is reported as the handler error');
      assert.equal(server.sessionCount, 0);
      await waitFor(() => server.connectionCount === 0, 'the connection to leave');
      const sample = monitor.sampleNow()!;
      assert.equal(sample.activeSessions, 0);
      assert.equal(sample.activeConnections, 0);
      assert.equal(sample.sessionsAccepted, 1);
    } finally {
      monitor.stop();
      await app.close({ timeoutMs: 100 });
    }
  });
});
