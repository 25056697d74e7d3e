/**
 * The acceptance scenarios of pywebtransport's tests/e2e (01-07) and tests/integration (01-04),
 * ported to our client against our server on real loopback UDP. The server keeps the e2e route
 * contract (`/`, `/echo` with the `ECHO: ` prefix, `/health`, `/stats`) plus the integration
 * routes (`/raw-echo`, `/uni`, `/datagram`, `/close-me`, `/path_one`, `/path_two`, `/items/<id>`,
 * `/secure`). Error paths that were artefacts of 0.5.1 are tightened (a 404/403 status promptly).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { createTestPki } from '../../src/testing/test-pki.js';
import { WebTransportClient } from '../../src/api/client.js';
import { WebTransportServer } from '../../src/api/server.js';
import type { WebTransportSession } from '../../src/api/session.js';
import type { SessionRequest } from '../../src/api/session-request.js';
import {
  ClientError, DatagramError, OperationTimeoutError, SessionClosedError, SessionRejectedError, StreamError, WebTransportError, isTimeoutError,
} from '../../src/api/errors.js';

type TestPki = Awaited<ReturnType<typeof createTestPki>>;

const enc = new TextEncoder();
const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const ECHO = enc.encode('ECHO: ');

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Repeating text pattern (pywebtransport's test_04 payload). */
function pattern(size: number): Uint8Array {
  const unit = enc.encode('WebTransport test data 0123456789 ');
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = unit[i % unit.length]!;
  return out;
}

async function waitFor(cond: () => boolean, ms = 2000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) return false;
    await sleep(5);
  }
  return true;
}

/** Resolves with the next datagram, or undefined after `ms`. */
async function nextDatagram(session: WebTransportSession, ms: number): Promise<Uint8Array | undefined> {
  const it = session.datagrams[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const r = await Promise.race([it.next(), new Promise<undefined>((r) => { timer = setTimeout(() => r(undefined), ms); })]);
    return r === undefined || r.done ? undefined : r.value;
  } finally {
    clearTimeout(timer);
  }
}

/** Sends `payload` until its echo comes back (datagrams are unreliable, loopback rarely drops). */
async function datagramRoundTrip(session: WebTransportSession, payload: Uint8Array, expect: (d: Uint8Array) => boolean): Promise<Uint8Array> {
  for (let round = 0; round < 10; round++) {
    session.datagrams.send(payload);
    const until = Date.now() + 300;
    while (Date.now() < until) {
      const d = await nextDatagram(session, until - Date.now());
      if (d !== undefined && expect(d)) return d;
    }
  }
  throw new Error('no datagram echo');
}

/** What the server's handlers observed. */
const seen = {
  handled: [] as string[],
  uniData: [] as Uint8Array[],
  headers: [] as Record<string, string>[],
  closes: new Map<string, { code: number; reason: string; remote: boolean }>(),
};

function echoPrefixed(session: WebTransportSession): void {
  void (async () => {
    for await (const stream of session.incomingBidirectionalStreams) {
      void (async () => {
        const data = await stream.readAll();
        await stream.writeAll(concat(ECHO, data));
      })().catch(() => {});
    }
  })();
  void (async () => {
    for await (const stream of session.incomingUnidirectionalStreams) void stream.readAll().catch(() => {});
  })();
  void (async () => {
    for await (const d of session.datagrams) session.datagrams.trySend(concat(ECHO, d));
  })().catch(() => {});
}

function echoRaw(session: WebTransportSession): void {
  void (async () => {
    for await (const stream of session.incomingBidirectionalStreams) {
      void (async () => {
        for await (const chunk of stream) await stream.write(chunk);
        await stream.close();
      })().catch(() => {});
    }
  })();
  void (async () => {
    for await (const d of session.datagrams) session.datagrams.trySend(d);
  })().catch(() => {});
}

/** The next `/hold` request is handed to the test instead of being answered. */
let holdNext: ((r: SessionRequest) => void) | undefined;

function handle(server: WebTransportServer, request: SessionRequest): void {
  const path = request.path;
  if (path === '/hold' && holdNext !== undefined) {
    holdNext(request);
    holdNext = undefined;
    return;
  }
  const tag = request.query['tag'];
  if (path === '/secure' && request.headers['x-auth-token'] !== 'valid-token') {
    request.reject(403);
    return;
  }
  const known = ['/', '/echo', '/health', '/stats', '/raw-echo', '/uni', '/datagram', '/close-me', '/path_one', '/path_two', '/secure', '/silent'];
  const item = /^\/items\/([a-zA-Z0-9-]+)$/.exec(path);
  if (!known.includes(path) && item === null) {
    request.reject(404);
    return;
  }
  const session = request.accept();
  seen.handled.push(path);
  if (tag !== undefined) void session.closed.then((info) => seen.closes.set(tag, info));
  switch (path) {
    case '/':
    case '/echo':
      echoPrefixed(session);
      return;
    case '/health':
      void (async () => {
        const s = server.stats();
        session.datagrams.send(JSON.stringify({ status: 'healthy', timestamp: Date.now(), uptime: s['uptimeMs'], active_sessions: s['activeSessions'] }));
        await sleep(50);
        await session.close({ code: 0, reason: 'health reported' });
      })();
      return;
    case '/stats':
      void (async () => {
        const stream = await session.createBidirectionalStream();
        await stream.writeAll(JSON.stringify(server.stats()));
      })();
      return;
    case '/raw-echo':
    case '/datagram':
      echoRaw(session);
      return;
    case '/uni':
      void (async () => {
        for await (const stream of session.incomingUnidirectionalStreams) seen.uniData.push(await stream.readAll());
      })().catch(() => {});
      return;
    case '/close-me':
      void session.close({ code: 3, reason: 'closing as asked' });
      return;
    case '/secure':
      seen.headers.push({ ...request.headers });
      echoRaw(session);
      return;
    case '/silent':
      // Reads nothing, answers nothing: for read timeouts.
      return;
    default: {
      const reply = path.startsWith('/items/') ? `Accessed item: ${item![1]}` : `handled ${path}`;
      void (async () => {
        for await (const stream of session.incomingBidirectionalStreams) {
          await stream.readAll();
          await stream.writeAll(reply);
        }
      })().catch(() => {});
    }
  }
}

describe('pywebtransport acceptance scenarios (our client <-> our server, loopback UDP)', () => {
  let pki: TestPki;
  let server: WebTransportServer;
  let client: WebTransportClient;
  let base: string;

  before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    server = await WebTransportServer.listen({
      host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey,
      config: { readTimeoutMs: null, writeTimeoutMs: null },
    });
    void (async () => {
      for await (const request of server) handle(server, request);
    })();
    client = new WebTransportClient({ config: { readTimeoutMs: 15_000, connectTimeoutMs: 5000 } });
    base = `https://localhost:${server.address.port}`;
  });

  after(async () => {
    await client?.close();
    await server?.close({ timeoutMs: 200 });
  });

  const open = (path: string, extra: Parameters<WebTransportClient['connect']>[1] = {}): Promise<WebTransportSession> =>
    client.connect(`${base}${path}`, { ca: pki.caPem, ...extra });

  /** e2e `/echo` contract: write_all then read_all gives the prefixed data. */
  async function echoOnce(session: WebTransportSession, payload: Uint8Array): Promise<Uint8Array> {
    const stream = await session.createBidirectionalStream();
    await stream.writeAll(payload);
    return stream.readAll();
  }

  // ---------------------------------------------------------------- e2e test_01
  test('e2e 01: connect to / and close cleanly', async () => {
    const session = await open('/?tag=e2e01');
    assert.equal(session.isReady, true);
    assert.equal(session.state, 'connected');
    const info = await session.close();
    assert.deepEqual(info, { code: 0, reason: '', remote: false });
    assert.equal(session.isClosed, true);
    assert.ok(await waitFor(() => seen.closes.has('e2e01')), 'the server saw the close');
    assert.equal(seen.closes.get('e2e01')!.remote, true);
  });

  // ---------------------------------------------------------------- e2e test_02
  test('e2e 02: stream creation, simple echo, one stream per message', async () => {
    const session = await open('/echo');
    const stream = await session.createBidirectionalStream();
    assert.equal(stream.isReadable, true);
    assert.equal(stream.isWritable, true);
    await stream.close();
    assert.equal(stream.isWritable, false);

    assert.equal(text(await echoOnce(session, enc.encode('Hello, WebTransport!'))), 'ECHO: Hello, WebTransport!');
    for (const msg of ['first message', 'second message', 'third message']) {
      assert.equal(text(await echoOnce(session, enc.encode(msg))), `ECHO: ${msg}`);
    }
    await session.close();
  });

  // ---------------------------------------------------------------- e2e test_03
  test('e2e 03: sequential, 10 concurrent, lifecycle and 20-iteration stress', async () => {
    const session = await open('/echo');
    for (let i = 0; i < 3; i++) assert.equal(text(await echoOnce(session, enc.encode(`seq ${i}`))), `ECHO: seq ${i}`);

    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => echoOnce(session, enc.encode(`concurrent ${i}`))));
    results.forEach((r, i) => assert.equal(text(r), `ECHO: concurrent ${i}`));

    // After write_all (FIN) and read_all a further write raises StreamError.
    const stream = await session.createBidirectionalStream();
    await stream.writeAll('lifecycle');
    assert.equal(text(await stream.readAll()), 'ECHO: lifecycle');
    await assert.rejects(stream.write('too late'), (e: unknown) => e instanceof StreamError);

    for (let i = 0; i < 20; i++) assert.equal(text(await echoOnce(session, enc.encode(`stress ${i}`))), `ECHO: stress ${i}`);
    assert.ok((session.stats()['streamsCreated'] as number) >= 34);
    await session.close();
  });

  // ---------------------------------------------------------------- e2e test_04
  test('e2e 04: small, medium, chunked, binary and 1 MiB transfers echo byte-exactly', async () => {
    const session = await open('/echo');
    for (const size of [10, 100, 500, 1000, 1024, 4096, 16 * 1024, 64 * 1024]) {
      const payload = pattern(size);
      const got = await echoOnce(session, payload);
      assert.equal(got.length, size + ECHO.length, `size ${size}`);
      assert.deepEqual(got.subarray(ECHO.length), payload);
    }
    // Chunked: 32 KiB as eight 4 KiB writes, FIN on the last.
    const chunked = pattern(32 * 1024);
    const stream = await session.createBidirectionalStream();
    for (let i = 0; i < 8; i++) await stream.write(chunked.subarray(i * 4096, (i + 1) * 4096), { endStream: i === 7 });
    const back = await stream.readAll();
    assert.deepEqual(back.subarray(ECHO.length), chunked);
    // Binary: bytes(range(256)) * 100.
    const binary = new Uint8Array(25_600).map((_, i) => i % 256);
    assert.deepEqual((await echoOnce(session, binary)).subarray(ECHO.length), binary);
    // 1 MiB round trip.
    const big = randomBytes(1024 * 1024);
    const bigBack = await echoOnce(session, big);
    assert.equal(bigBack.length, big.length + ECHO.length);
    assert.equal(sha(bigBack.subarray(ECHO.length)), sha(big));
    await session.close();
  });

  // ---------------------------------------------------------------- e2e test_05
  test('e2e 05: datagram echo, counters, oversize, burst', async () => {
    const session = await open('/echo');
    const got = await datagramRoundTrip(session, enc.encode('Hello, Datagram!'), (d) => text(d) === 'ECHO: Hello, Datagram!');
    assert.equal(text(got), 'ECHO: Hello, Datagram!');
    for (let i = 0; i < 10; i++) session.datagrams.send(`seq ${i}`);
    assert.ok(session.datagrams.stats.datagramsSent >= 10);
    const max = session.datagrams.maxDatagramSize;
    assert.ok(max > 1000);
    assert.throws(() => session.datagrams.send(new Uint8Array(max + 1)), (e: unknown) => e instanceof DatagramError);
    session.datagrams.send(new Uint8Array(max)); // exactly the max is fine
    const before = session.datagrams.stats.datagramsSent;
    const burst = await Promise.allSettled(Array.from({ length: 50 }, async (_, i) => session.datagrams.send(`burst ${i}`)));
    assert.ok(burst.every((r) => r.status === 'fulfilled'));
    assert.equal(session.datagrams.stats.datagramsSent, before + 50);
    session.datagrams.send(JSON.stringify({ type: 'json', n: 1 }));
    assert.ok(session.datagrams.stats.bytesSent > 0);
    await session.close();
  });

  // ---------------------------------------------------------------- e2e test_06
  test('e2e 06: unreachable port times out; bad host and wrong scheme fail', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((r) => silent.bind(0, '127.0.0.1', () => r()));
    try {
      await assert.rejects(client.connect(`https://127.0.0.1:${silent.address().port}/`, { ca: pki.caPem, timeoutMs: 300 }),
        (e: unknown) => e instanceof OperationTimeoutError && isTimeoutError(e));
    } finally {
      silent.close();
    }
    await assert.rejects(client.connect('https://invalid-hostname-for-testing.invalid/', { ca: pki.caPem, timeoutMs: 2000 }),
      (e: unknown) => e instanceof WebTransportError);
    await assert.rejects(client.connect(`http://127.0.0.1:${server.address.port}/`, { ca: pki.caPem }),
      (e: unknown) => e instanceof ClientError && /scheme/.test(e.message));
  });

  test('e2e 06: write after close, read timeout, closed session, write(null)', async () => {
    // pywebtransport's read_timeout, shortened: every read of this client gives up after 300 ms.
    const impatient = new WebTransportClient({ config: { readTimeoutMs: 300 } });
    const session = await impatient.connect(`${base}/silent`, { ca: pki.caPem });
    const stream = await session.createBidirectionalStream();
    await stream.close();
    await assert.rejects(stream.write('after close'), (e: unknown) => e instanceof StreamError);

    const quiet = await session.createBidirectionalStream();
    await quiet.write('anyone?');
    const t0 = Date.now();
    await assert.rejects(quiet.read(), (e: unknown) => isTimeoutError(e));
    assert.ok(Date.now() - t0 >= 250, 'the read waited for its timeout');

    await assert.rejects(quiet.write(null as unknown as Uint8Array), (e: unknown) => e instanceof TypeError);

    await session.close();
    await assert.rejects(session.createBidirectionalStream(), (e: unknown) => e instanceof SessionClosedError);
    assert.throws(() => session.datagrams.send('x'), (e: unknown) => e instanceof DatagramError);
    await impatient.close();
  });

  // ---------------------------------------------------------------- e2e test_07
  test('e2e 07: session, datagram and client statistics', async () => {
    const fresh = new WebTransportClient({ config: { readTimeoutMs: 10_000 } });
    try {
      for (let i = 0; i < 3; i++) {
        const s = await fresh.connect(`${base}/echo`, { ca: pki.caPem, reuseConnection: false });
        await s.close();
      }
      const stats = fresh.stats as { connections: { attempted: number; successful: number } };
      assert.ok(stats.connections.attempted >= 3);
      assert.ok(stats.connections.successful >= 3);

      const session = await fresh.connect(`${base}/echo`, { ca: pki.caPem });
      for (let i = 0; i < 3; i++) assert.equal(text(await echoOnce(session, enc.encode(`s${i}`))), `ECHO: s${i}`);
      for (let i = 0; i < 5; i++) session.datagrams.send(`d${i}`);
      const st = session.stats();
      assert.ok((st['streamsCreated'] as number) >= 3);
      assert.ok((st['datagrams'] as { datagramsSent: number }).datagramsSent >= 5);
      assert.equal(session.remoteAddress.address, '127.0.0.1');
      assert.equal(session.remoteAddress.port, server.address.port);
      // Five open streams at once are all tracked.
      const five = await Promise.all(Array.from({ length: 5 }, () => session.createBidirectionalStream()));
      assert.ok((session.stats()['activeStreams'] as number) >= 5);
      for (const size of [1024, 8192]) {
        const s = await session.createBidirectionalStream();
        await s.writeAll(pattern(size));
        assert.equal((await s.readAll()).length, size + ECHO.length);
      }
      for (const s of five) await s.close();
      await session.close();
    } finally {
      await fresh.close();
    }
  });

  test('e2e server routes: /health datagram then close, /stats server-initiated stream', async () => {
    const health = await open('/health');
    const d = await nextDatagram(health, 2000);
    assert.ok(d !== undefined, 'a health datagram arrived');
    const report = JSON.parse(text(d)) as { status: string; active_sessions: number };
    assert.equal(report.status, 'healthy');
    assert.ok(report.active_sessions >= 1);
    const info = await health.closed;
    assert.equal(info.remote, true);
    assert.equal(info.reason, 'health reported');

    const statsSession = await open('/stats');
    const incoming = await statsSession.incomingBidirectionalStreams[Symbol.asyncIterator]().next();
    assert.equal(incoming.done, false);
    const stats = JSON.parse(text(await incoming.value!.readAll())) as Record<string, number>;
    assert.ok(stats['sessionsAccepted']! >= 1);
    assert.ok(stats['activeConnections']! >= 1);
    await statsSession.close();
  });

  // ---------------------------------------------------------------- integration test_01
  test('integration 01: handler runs, client close, server close, unknown route', async () => {
    const before = seen.handled.length;
    const session = await open('/echo?tag=int01');
    assert.ok(await waitFor(() => seen.handled.length > before, 1000), 'the server handler ran within 1 s');
    await session.close({ reason: 'client done' });
    assert.ok(await waitFor(() => seen.closes.has('int01'), 1000));
    assert.deepEqual(seen.closes.get('int01'), { code: 0, reason: 'client done', remote: true });

    const closeMe = await open('/close-me');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const info = await Promise.race([closeMe.closed, new Promise<never>((_, rej) => { timer = setTimeout(() => rej(new Error('not closed in 2 s')), 2000); })]);
    clearTimeout(timer);
    assert.deepEqual(info, { code: 3, reason: 'closing as asked', remote: true });
    assert.equal(closeMe.state, 'closed');

    const t0 = Date.now();
    await assert.rejects(open('/nonexistent'), (e: unknown) => e instanceof SessionRejectedError && e.status === 404);
    assert.ok(Date.now() - t0 < 2000, 'the rejection is prompt, not a timeout');
  });

  // ---------------------------------------------------------------- integration test_02
  test('integration 02: bidi echo, uni to server, datagram echo, 5+5 concurrent workers', async () => {
    const session = await open('/raw-echo');
    const stream = await session.createBidirectionalStream();
    await stream.writeAll('raw echo');
    assert.equal(text(await stream.readAll()), 'raw echo');
    await session.close();

    const uni = await open('/uni');
    const out = await uni.createUnidirectionalStream();
    await out.writeAll('one way to the server');
    assert.ok(await waitFor(() => seen.uniData.length > 0));
    assert.equal(text(seen.uniData[0]!), 'one way to the server');
    await uni.close();

    const dg = await open('/datagram');
    assert.equal(text(await datagramRoundTrip(dg, enc.encode('ping'), (d) => text(d) === 'ping')), 'ping');
    const workers = [
      ...Array.from({ length: 5 }, async (_, i) => {
        const s = await dg.createBidirectionalStream();
        await s.writeAll(`stream worker ${i}`);
        return text(await s.readAll()) === `stream worker ${i}`;
      }),
      ...Array.from({ length: 5 }, async (_, i) => {
        // Datagram echoes may arrive in any order: accept any worker's echo, check ours came.
        const msg = `dgram worker ${i}`;
        const d = await datagramRoundTrip(dg, enc.encode(msg), (x) => text(x).startsWith('dgram worker'));
        return text(d).startsWith('dgram worker');
      }),
    ];
    assert.deepEqual(await Promise.all(workers), Array(10).fill(true));
    await dg.close();
  });

  // ---------------------------------------------------------------- integration test_03
  test('integration 03: exact and pattern routing, header check accepts and rejects', async () => {
    for (const path of ['/path_one', '/path_two']) {
      const s = await open(path);
      const st = await s.createBidirectionalStream();
      await st.writeAll('which?');
      assert.equal(text(await st.readAll()), `handled ${path}`);
      await s.close();
    }
    const item = await open('/items/123-abc');
    const st = await item.createBidirectionalStream();
    await st.writeAll('get');
    assert.equal(text(await st.readAll()), 'Accessed item: 123-abc');
    await item.close();

    const ok = await open('/secure', { headers: { 'x-auth-token': 'valid-token' } });
    assert.equal(seen.headers.at(-1)?.['x-auth-token'], 'valid-token');
    await ok.close();
    const handled = seen.handled.length;
    await assert.rejects(open('/secure', { headers: { 'x-auth-token': 'wrong' } }), (e: unknown) => e instanceof SessionRejectedError && e.status === 403);
    assert.equal(seen.handled.length, handled, 'the handler never ran for the rejected request');
  });

  // ---------------------------------------------------------------- integration test_04
  test('integration 04: maxConnections=1 refuses a second client', async () => {
    const small = await WebTransportServer.listen({
      host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey, config: { maxConnections: 1 },
    });
    void (async () => {
      for await (const r of small) echoRaw(r.accept());
    })();
    const a = new WebTransportClient();
    const b = new WebTransportClient();
    try {
      const url = `https://localhost:${small.address.port}/`;
      const first = await a.connect(url, { ca: pki.caPem, timeoutMs: 3000 });
      assert.equal(first.isReady, true);
      await assert.rejects(b.connect(url, { ca: pki.caPem, timeoutMs: 1000 }), (e: unknown) => e instanceof WebTransportError);
      assert.equal(small.connectionCount, 1);
      // The first client is still served.
      const st = await first.createBidirectionalStream();
      await st.write('still served');
      assert.equal(text(await st.readExactly(12)), 'still served');
    } finally {
      await a.close();
      await b.close();
      await small.close({ timeoutMs: 200 });
    }
  });

  test('integration 04: a stream limit of 2 blocks the third stream; connection count goes 0 -> 1 -> 0', async () => {
    // CONNECT uses one bidi stream: 3 = the CONNECT + 2 WebTransport streams.
    const limited = await WebTransportServer.listen({
      host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey, transport: { initialMaxStreamsBidi: 3 },
    });
    void (async () => {
      for await (const r of limited) echoRaw(r.accept());
    })();
    const c = new WebTransportClient();
    try {
      assert.equal(limited.connectionCount, 0);
      const session = await c.connect(`https://localhost:${limited.address.port}/`, { ca: pki.caPem });
      assert.equal(limited.connectionCount, 1);
      const s1 = await session.createBidirectionalStream();
      const s2 = await session.createBidirectionalStream();
      await assert.rejects(session.createBidirectionalStream({ timeoutMs: 300 }), (e: unknown) => e instanceof OperationTimeoutError);
      // The two open streams still work.
      for (const s of [s1, s2]) {
        await s.write('ok');
        assert.equal(text(await s.readExactly(2)), 'ok');
      }
      await session.close();
      await c.close();
      assert.ok(await waitFor(() => limited.connectionCount === 0, 3000), `server connections: ${limited.connectionCount}`);
    } finally {
      await c.close();
      await limited.close({ timeoutMs: 200 });
    }
  });

  // ---------------------------------------------------------------- extras named by the brief
  test('multiple sessions from several clients are served side by side', async () => {
    const clients = Array.from({ length: 3 }, () => new WebTransportClient({ config: { readTimeoutMs: 10_000 } }));
    try {
      const sessions = await Promise.all(clients.flatMap((c) => [0, 1].map(() => c.connect(`${base}/echo`, { ca: pki.caPem }))));
      // Two sessions per client, sharing that client's one QUIC connection.
      assert.deepEqual(clients.map((c) => c.connectionCount), [1, 1, 1]);
      assert.equal(new Set(sessions.map((s, i) => `${Math.floor(i / 2)}:${s.sessionId}`)).size, 6);
      const replies = await Promise.all(sessions.map((s, i) => echoOnce(s, enc.encode(`session ${i}`))));
      replies.forEach((r, i) => assert.equal(text(r), `ECHO: session ${i}`));
      await Promise.all(sessions.map((s) => s.close()));
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });

  test('session close reasons: u32 codes, UTF-8 reasons, long reasons capped at 1024 bytes', async () => {
    const a = await open('/echo?tag=reason-utf8');
    await assert.rejects(a.close({ code: 2 ** 32 }), (e: unknown) => e instanceof RangeError);
    assert.equal(a.state, 'connected', 'a refused close leaves the session open');
    assert.equal(text(await echoOnce(a, enc.encode('open'))), 'ECHO: open');
    await a.close({ code: 0xffffffff, reason: 'déjà vu ✓' });
    assert.ok(await waitFor(() => seen.closes.has('reason-utf8')));
    assert.deepEqual(seen.closes.get('reason-utf8'), { code: 0xffffffff, reason: 'déjà vu ✓', remote: true });

    const long = 'é'.repeat(1000); // 2000 bytes of UTF-8
    const b = await open('/echo?tag=reason-long');
    await b.close({ code: 1, reason: long });
    assert.ok(await waitFor(() => seen.closes.has('reason-long')));
    const got = seen.closes.get('reason-long')!;
    assert.equal(got.code, 1);
    assert.ok(enc.encode(got.reason).length <= 1024, `${enc.encode(got.reason).length} bytes`);
    assert.ok(got.reason.length > 0 && long.startsWith(got.reason), 'the peer got a whole-character prefix');
  });

  test('150 concurrent streams x 16 KiB: more than the initial stream credit, all echo', async () => {
    const session = await open('/echo');
    const payloads = Array.from({ length: 150 }, (_, i) => pattern(16 * 1024).map((b) => (b + i) & 0xff));
    const back = await Promise.all(payloads.map((p) => echoOnce(session, p)));
    back.forEach((b, i) => {
      assert.equal(b.length, payloads[i]!.length + ECHO.length);
      assert.deepEqual(b.subarray(ECHO.length), payloads[i]);
    });
    await session.close();
  });

  test('a request the server holds past the client timeout: timeout error, late accept fails, server fine', async () => {
    const held = new Promise<SessionRequest>((resolve) => { holdNext = resolve; });
    await assert.rejects(open('/hold', { timeoutMs: 300 }), (e: unknown) => isTimeoutError(e));
    const request = await held;
    await sleep(100); // let the client's cancellation reach the server
    assert.throws(() => request.accept(), (e: unknown) => e instanceof WebTransportError);
    assert.equal(text(await echoOnce(await open('/echo'), enc.encode('after hold'))), 'ECHO: after hold');
  });

  test('server close sends GOAWAY: sessions see draining, then the close', async () => {
    const srv = await WebTransportServer.listen({ host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey });
    void (async () => {
      for await (const r of srv) echoRaw(r.accept());
    })();
    const c = new WebTransportClient();
    try {
      const session = await c.connect(`https://localhost:${srv.address.port}/`, { ca: pki.caPem });
      let drained = false;
      void session.draining.then(() => { drained = true; });
      const closing = srv.close({ timeoutMs: 300, code: 99, reason: 'maintenance' });
      const info = await session.closed;
      await closing;
      assert.equal(drained, true, 'the session was asked to drain first');
      assert.equal(info.remote, true);
      assert.equal(info.code, 99);
      assert.equal(info.reason, 'maintenance');
      assert.equal(srv.isServing, false);
    } finally {
      await c.close();
      await srv.close();
    }
  });
});
