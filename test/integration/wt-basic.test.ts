/**
 * Our WebTransport client against our WebTransport server over real loopback UDP: bidi echo of
 * 1 MB, uni streams both ways, datagrams, readLine/readUntil/readExactly, abort codes reaching
 * the peer, session close code + reason both ways, 404 rejection, two sessions on one QUIC
 * connection, a slow reader holding back the writer, connect timeout and AbortSignal.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { createTestPki } from '../../src/testing/test-pki.js';
import { WebTransportClient, connect } from '../../src/api/client.js';
import { WebTransportServer } from '../../src/api/server.js';
import type { SessionCloseInfo, WebTransportSession } from '../../src/api/session.js';
import { WebTransportStream } from '../../src/api/bidirectional-stream.js';
import { WebTransportReceiveStream } from '../../src/api/receive-stream.js';
import { WebTransportSendStream } from '../../src/api/send-stream.js';
import {
  IncompleteReadError, OperationTimeoutError, SessionRejectedError, StreamResetError, StreamStoppedError, isAbortError, isTimeoutError,
} from '../../src/api/errors.js';

type TestPki = Awaited<ReturnType<typeof createTestPki>>;

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** What the server saw, for tests that check the peer side. */
const seen = {
  closes: new Map<string, SessionCloseInfo>(),
  abortErrors: [] as unknown[],
  slow: undefined as undefined | { stream: WebTransportStream; release: () => void },
};

async function echoStreams(session: WebTransportSession): Promise<void> {
  const bidi = (async () => {
    for await (const stream of session.incomingBidirectionalStreams) {
      void (async () => {
        for await (const chunk of stream) await stream.write(chunk);
        await stream.close();
      })().catch(() => {});
    }
  })();
  const uni = (async () => {
    for await (const stream of session.incomingUnidirectionalStreams) {
      void (async () => {
        const data = await stream.readAll();
        const out = await session.createUnidirectionalStream();
        await out.write(data, { endStream: true });
      })().catch(() => {});
    }
  })();
  const dgrams = (async () => {
    for await (const d of session.datagrams) session.datagrams.trySend(d);
  })();
  await Promise.all([bidi, uni, dgrams]);
}

async function serve(server: WebTransportServer): Promise<void> {
  for await (const request of server) {
    const path = request.path;
    if (path === '/reject') {
      request.reject(404);
      continue;
    }
    const session = request.accept();
    void session.closed.then((info) => seen.closes.set(request.query['tag'] ?? path, info));
    if (path === '/echo') {
      void echoStreams(session);
    } else if (path === '/server-close') {
      void session.createUnidirectionalStream().then(async (s) => {
        await s.write('bye soon', { endStream: true });
        await new Promise((r) => setTimeout(r, 20));
        await session.close({ code: 7, reason: 'server says bye' });
      });
    } else if (path === '/lines') {
      void (async () => {
        for await (const stream of session.incomingBidirectionalStreams) {
          await stream.write('first line\nsecond line\nrecord|tail-');
          await stream.write(new Uint8Array([1, 2, 3, 4, 5]), { endStream: true });
        }
      })();
    } else if (path === '/abort') {
      void (async () => {
        for await (const stream of session.incomingBidirectionalStreams) {
          const line = text(await stream.readLine());
          const code = Number(line.trim());
          await stream.abort(code);
          // Then wait to see what the client does to us on a second stream.
        }
      })();
      void (async () => {
        for await (const stream of session.incomingUnidirectionalStreams) {
          try {
            await stream.readAll();
          } catch (error) {
            seen.abortErrors.push(error);
          }
        }
      })();
    } else if (path === '/slow') {
      void (async () => {
        for await (const stream of session.incomingBidirectionalStreams) {
          let release!: () => void;
          const go = new Promise<void>((r) => { release = r; });
          seen.slow = { stream, release };
          await go;
          const all = await stream.readAll();
          await stream.write(sha(all), { endStream: true });
        }
      })();
    }
  }
}

describe('WebTransport client <-> server over loopback', () => {
  let pki: TestPki;
  let server: WebTransportServer;
  let client: WebTransportClient;
  let base: string;

  before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    server = await WebTransportServer.listen({
      host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey,
      config: { readTimeoutMs: null, writeTimeoutMs: null },
      // Small windows so a slow reader stops the writer quickly.
      transport: { initialMaxStreamDataBidiRemote: 256 * 1024, maxStreamWindow: 256 * 1024, sendBufferSize: 256 * 1024 },
    });
    void serve(server);
    client = new WebTransportClient({ config: { readTimeoutMs: null, writeTimeoutMs: null }, transport: { sendBufferSize: 256 * 1024 } });
    base = `https://localhost:${server.address.port}`;
  });

  after(async () => {
    await client?.close();
    await server?.close({ timeoutMs: 200 });
  });

  const open = (path: string, extra: Parameters<WebTransportClient['connect']>[1] = {}): Promise<WebTransportSession> =>
    client.connect(`${base}${path}`, { ca: pki.caPem, timeoutMs: 5000, ...extra });

  test('bidirectional echo of 1 MB', async () => {
    const session = await open('/echo');
    assert.equal(session.state, 'connected');
    const stream = await session.createBidirectionalStream();
    assert.ok(stream instanceof WebTransportStream);
    assert.ok(stream instanceof WebTransportSendStream, 'a bidi stream is a send stream too');
    assert.equal(stream.direction, 'bidirectional');
    const payload = randomBytes(1024 * 1024);
    const [got] = await Promise.all([stream.readAll(), stream.writeAll(payload, { chunkSize: 64 * 1024 })]);
    assert.equal(got.length, payload.length);
    assert.equal(sha(got), sha(payload));
    await stream.waitClosed();
    assert.equal(stream.state, 'closed');
    assert.equal(stream.stats.bytesReceived, payload.length);
    assert.equal(stream.stats.bytesSent, payload.length);
    await session.close();
  });

  test('unidirectional streams both ways', async () => {
    const session = await open('/echo');
    const out = await session.createUnidirectionalStream();
    assert.equal(out.direction, 'sendOnly');
    assert.equal(out.isWritable, true);
    await out.write('hello over uni');
    await out.close();
    assert.equal(out.isWritable, false);
    const back = await session.incomingUnidirectionalStreams[Symbol.asyncIterator]().next();
    assert.equal(back.done, false);
    const incoming = back.value as WebTransportReceiveStream;
    assert.ok(incoming instanceof WebTransportReceiveStream);
    assert.equal(incoming.direction, 'receiveOnly');
    assert.equal(text(await incoming.readAll()), 'hello over uni');
    assert.equal((await incoming.read()).length, 0, 'read at EOF gives an empty array');
    assert.equal(incoming.isReadable, false);
    await session.close();
  });

  test('datagrams echo and report a max size', async () => {
    const session = await open('/echo');
    assert.ok(session.datagrams.maxDatagramSize > 1000, `maxDatagramSize ${session.datagrams.maxDatagramSize}`);
    const it = session.datagrams[Symbol.asyncIterator]();
    const got = new Set<string>();
    // Datagrams are unreliable: resend until each came back (loopback rarely drops any).
    for (let round = 0; round < 20 && got.size < 5; round++) {
      for (let i = 0; i < 5; i++) if (!got.has(`d${i}`)) session.datagrams.send(`d${i}`);
      const deadline = AbortSignal.timeout(200);
      try {
        while (got.size < 5) got.add(text((await Promise.race([it.next(), new Promise<never>((_, rej) => deadline.addEventListener('abort', () => rej(deadline.reason)))])).value!));
      } catch {
        // next round
      }
    }
    assert.equal(got.size, 5);
    assert.throws(() => session.datagrams.send(new Uint8Array(session.datagrams.maxDatagramSize + 1)), { name: 'DatagramError' });
    await session.close();
  });

  test('readLine, readUntil and readExactly', async () => {
    const session = await open('/lines');
    const stream = await session.createBidirectionalStream();
    await stream.write('go', { endStream: true });
    assert.equal(text(await stream.readLine()), 'first line\n');
    assert.equal(text(await stream.readUntil('\n')), 'second line\n');
    assert.equal(text(await stream.readUntil('|')), 'record|');
    assert.equal(text(await stream.readExactly(5)), 'tail-');
    await assert.rejects(stream.readExactly(10), (e: unknown) => e instanceof IncompleteReadError && e.partial.length === 5);
    await session.close();
  });

  test('abort codes reach the peer (RESET_STREAM and STOP_SENDING)', async () => {
    const session = await open('/abort');
    const stream = await session.createBidirectionalStream();
    await stream.write('4242\n');
    // The server aborts both sides with 4242: our reads see the reset, our writes the stop.
    await assert.rejects(stream.readAll(), (e: unknown) => e instanceof StreamResetError && e.streamErrorCode === 4242 && e.remote);
    await assert.rejects((async () => {
      for (let i = 0; i < 100; i++) {
        await stream.write(new Uint8Array(1000));
        await new Promise((r) => setTimeout(r, 5));
      }
    })(), (e: unknown) => e instanceof StreamStoppedError && e.streamErrorCode === 4242);
    // Our reset reaches the server's reader.
    const uni = await session.createUnidirectionalStream();
    await uni.write('partial');
    await new Promise((r) => setTimeout(r, 30));
    await uni.abort(77);
    for (let i = 0; i < 100 && seen.abortErrors.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const err = seen.abortErrors[0];
    assert.ok(err instanceof StreamResetError, String(err));
    assert.equal(err.streamErrorCode, 77);
    await session.close();
  });

  test('session close code and reason reach the peer, both directions', async () => {
    const session = await open('/echo?tag=client-close');
    const info = await session.close({ code: 1234, reason: 'client done' });
    assert.deepEqual(info, { code: 1234, reason: 'client done', remote: false });
    for (let i = 0; i < 100 && !seen.closes.has('client-close'); i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(seen.closes.get('client-close'), { code: 1234, reason: 'client done', remote: true });

    const s2 = await open('/server-close');
    const closed = await s2.closed;
    assert.deepEqual(closed, { code: 7, reason: 'server says bye', remote: true });
    assert.equal(s2.state, 'closed');
    await assert.rejects(s2.createBidirectionalStream(), { name: 'SessionClosedError' });
  });

  test('a rejected request gives SessionRejectedError with the status', async () => {
    await assert.rejects(open('/reject'), (e: unknown) => e instanceof SessionRejectedError && e.status === 404);
  });

  test('two sessions share one QUIC connection', async () => {
    const fresh = new WebTransportClient({ config: { readTimeoutMs: null } });
    try {
      const a = await fresh.connect(`${base}/echo`, { ca: pki.caPem });
      const b = await fresh.connect(`${base}/echo`, { ca: pki.caPem });
      assert.notEqual(a.sessionId, b.sessionId);
      assert.equal(fresh.connectionCount, 1);
      const [ra, rb] = await Promise.all([a, b].map(async (s, i) => {
        const st = await s.createBidirectionalStream();
        await st.write(`session ${i}`);
        const echoed = text(await st.readExactly(9));
        await st.close();
        return echoed;
      }));
      assert.equal(ra, 'session 0');
      assert.equal(rb, 'session 1');
      await a.close();
      const st = await b.createBidirectionalStream();
      await st.write('still here');
      assert.equal(text(await st.readExactly(10)), 'still here');
    } finally {
      await fresh.close();
    }
  });

  test('a slow reader holds the writer back, then everything arrives', async () => {
    const session = await open('/slow');
    const stream = await session.createBidirectionalStream();
    const payload = randomBytes(8 * 1024 * 1024);
    let finished = false;
    const writing = stream.writeAll(payload, { chunkSize: 64 * 1024 }).then(() => { finished = true; });
    for (let i = 0; i < 200 && seen.slow === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(seen.slow, 'the server got the stream');
    // Wait until the sender stops making progress.
    let last = -1;
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const sent = stream.stats.bytesSent;
      if (sent === last) break;
      last = sent;
    }
    assert.equal(finished, false, 'the writer is blocked while nobody reads');
    assert.ok(stream.stats.bytesSent < payload.length / 2, `only ${stream.stats.bytesSent} bytes written`);
    assert.ok(stream.stats.flowControlErrors > 0);
    seen.slow.release();
    await writing;
    assert.equal(text(await stream.readAll()), sha(payload));
    await session.close();
  });

  test('connect timeout and AbortSignal', async () => {
    // A UDP socket that never answers.
    const silent = createSocket('udp4');
    await new Promise<void>((r) => silent.bind(0, '127.0.0.1', () => r()));
    const port = silent.address().port;
    try {
      await assert.rejects(client.connect(`https://127.0.0.1:${port}/x`, { ca: pki.caPem, timeoutMs: 150 }), (e: unknown) => {
        assert.ok(e instanceof OperationTimeoutError);
        assert.ok(isTimeoutError(e));
        return true;
      });
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 50);
      await assert.rejects(client.connect(`https://127.0.0.1:${port}/x`, { ca: pki.caPem, signal: ac.signal }), (e: unknown) => isAbortError(e));
    } finally {
      silent.close();
    }
  });

  test('connect() helper and await using', async () => {
    await using session = await connect(`${base}/echo`, { ca: pki.caPem });
    await using stream = await session.createBidirectionalStream();
    await stream.write('x');
    assert.equal(text(await stream.readExactly(1)), 'x');
  });

  test('a FIN in the first flight of a client bidi stream reaches the server', async () => {
    const session = await open('/echo');
    const stream = await session.createBidirectionalStream();
    await stream.write('x', { endStream: true });
    const got = await Promise.race([stream.readAll(), new Promise<Uint8Array>((r) => setTimeout(() => r(new Uint8Array(0)), 500))]);
    await session.close();
    assert.equal(text(got), 'x');
  });
});
