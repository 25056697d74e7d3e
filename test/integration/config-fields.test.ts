/**
 * Config fields applied end to end on loopback UDP: keepAlive / connectionKeepaliveTimeoutMs,
 * maxStreams (fail fast), maxIncomingStreams (bounded accept queue) and maxDatagramSize.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPki, type TestPki } from '../../src/testing/test-pki.js';
import { WebTransportClient } from '../../src/api/client.js';
import { WebTransportServer } from '../../src/api/server.js';
import type { ClientConfigOptions, ServerConfigOptions } from '../../src/api/config.js';
import type { WebTransportSession } from '../../src/api/session.js';
import { DatagramError, IdleTimeoutError, OperationTimeoutError, StreamError } from '../../src/api/errors.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
let pki: TestPki;

interface Pair {
  client: WebTransportClient;
  server: WebTransportServer;
  clientSession: WebTransportSession;
  serverSession: WebTransportSession;
  close(): Promise<void>;
}

async function open(serverConfig: ServerConfigOptions, clientConfig: ClientConfigOptions): Promise<Pair> {
  const server = await WebTransportServer.listen({
    host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey, config: serverConfig,
  });
  const accepted = (async () => {
    for await (const request of server) return request.accept();
    throw new Error('no session');
  })();
  const client = new WebTransportClient({ config: { connectTimeoutMs: 5_000, ...clientConfig } });
  const clientSession = await client.connect(`https://localhost:${server.address.port}/config`, { ca: pki.caPem });
  const serverSession = await accepted;
  return {
    client, server, clientSession, serverSession,
    async close() {
      await client.close();
      await server.close({ timeoutMs: 200 });
    },
  };
}

/** Resolves 'open' when the session is still up after `ms`, else 'closed'. */
async function stillOpenAfter(session: WebTransportSession, ms: number): Promise<'open' | 'closed'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const r = await Promise.race([
    session.closed.then(() => 'closed' as const),
    new Promise<'open'>((resolve) => { timer = setTimeout(() => resolve('open'), ms); }),
  ]);
  clearTimeout(timer);
  return r;
}

describe('config fields on loopback', () => {
  before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
  });
  test('keepAlive: a silent session outlives several idle timeouts', async () => {
    const p = await open(
      { connectionIdleTimeoutMs: 800, keepAlive: false },
      { connectionIdleTimeoutMs: 800, keepAlive: true, connectionKeepaliveTimeoutMs: 5_000 },
    );
    try {
      // PINGs every 400 ms (half the idle timeout, below the configured 5 s).
      assert.equal(await stillOpenAfter(p.clientSession, 2_500), 'open');
      assert.equal(p.serverSession.isClosed, false);
      // Still usable afterwards.
      const stream = await p.clientSession.createBidirectionalStream();
      await stream.write(new Uint8Array([1, 2, 3]), { endStream: true });
    } finally {
      await p.close();
    }
  });

  test('keepAlive off on both sides: the idle timeout closes the session (IdleTimeoutError)', async () => {
    const p = await open({ connectionIdleTimeoutMs: 300, keepAlive: false }, { connectionIdleTimeoutMs: 300, keepAlive: false });
    try {
      const info = await p.clientSession.closed;
      assert.ok(info.connectionError instanceof IdleTimeoutError, String(info.connectionError));
    } finally {
      await p.close();
    }
  });

  test('maxStreams: past the cap, creation waits for a local stream to finish (timeoutMs 0 fails at once)', async () => {
    const p = await open({}, { maxStreams: 2, streamCreationTimeoutMs: 200 });
    try {
      const a = await p.clientSession.createUnidirectionalStream();
      await p.clientSession.createUnidirectionalStream();
      await assert.rejects(p.clientSession.createUnidirectionalStream({ timeoutMs: 0 }),
        (e: unknown) => e instanceof OperationTimeoutError && /stream limit \(2\)/.test(e.message));
      await assert.rejects(p.clientSession.createBidirectionalStream(), OperationTimeoutError);
      // A waiting creation gets the slot once a stream finishes.
      const waiting = p.clientSession.createUnidirectionalStream({ timeoutMs: 5_000 });
      await a.close();
      const c = await waiting;
      assert.equal(typeof c.streamId, 'number');
    } finally {
      await p.close();
    }
  });

  test('maxStreamsPerConnection caps the streams a server session has open', async () => {
    const p = await open({ maxStreamsPerConnection: 1 }, {});
    try {
      await p.serverSession.createBidirectionalStream();
      await assert.rejects(p.serverSession.createBidirectionalStream({ timeoutMs: 0 }), OperationTimeoutError);
    } finally {
      await p.close();
    }
  });

  test('maxIncomingStreams: peer streams beyond the accept queue are refused with code 0x1003', async () => {
    const p = await open({ maxIncomingStreams: 2 }, {});
    try {
      const streams = [];
      for (let i = 0; i < 4; i++) {
        const s = await p.clientSession.createBidirectionalStream();
        await s.write(new Uint8Array([i]));
        streams.push(s);
        await sleep(30); // in order, so that the first two are the queued ones
      }
      const refused = await Promise.allSettled(streams.slice(2).map((s) => s.readAll()));
      for (const r of refused) {
        assert.equal(r.status, 'rejected');
        const e = (r as PromiseRejectedResult).reason as StreamError;
        assert.ok(e instanceof StreamError, String(e));
        assert.equal(Number(e.streamErrorCode), 0x1003);
      }
      // The two queued streams are delivered.
      const it = p.serverSession.incomingBidirectionalStreams[Symbol.asyncIterator]();
      const first = await it.next();
      const second = await it.next();
      assert.equal(first.done, false);
      assert.equal(second.done, false);
      assert.deepEqual((await first.value!.read({ size: 1 }))?.[0], 0);
    } finally {
      await p.close();
    }
  });

  test('maxDatagramSize caps what session.datagrams sends and sizes what the peer may send us', async () => {
    const p = await open({}, { maxDatagramSize: 100 });
    try {
      assert.equal(p.clientSession.datagrams.maxDatagramSize, 100);
      assert.throws(() => p.clientSession.datagrams.send(new Uint8Array(101)), (e: unknown) => e instanceof DatagramError && e.reason === 'too-large');
      p.clientSession.datagrams.send(new Uint8Array(100));
      assert.equal((await p.serverSession.datagrams.receive()).length, 100);
      // The client announced room for 100-byte payloads (plus framing), not 65535.
      const peerRoom = p.serverSession.datagrams.maxDatagramSize;
      assert.ok(peerRoom >= 100 && peerRoom <= 113, String(peerRoom));
      assert.throws(() => p.serverSession.datagrams.send(new Uint8Array(200)), DatagramError);
    } finally {
      await p.close();
    }
  });
});
