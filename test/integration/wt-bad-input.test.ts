/**
 * Bad input against our WebTransport server over loopback UDP (issue 4, "Bad input"): a CONNECT
 * from a client whose SETTINGS lack WebTransport or HTTP datagrams, streams for unknown sessions,
 * oversized datagrams, a capsule flood and malformed capsules, session-limit overflows and a peer
 * that never reads. Each gets the protocol's answer and the server keeps serving other sessions.
 *
 * The misbehaving peer is a raw HTTP/3 client (H3Connection on our QUIC stack) whose SETTINGS and
 * frames the test controls; the well-behaved one is the public WebTransportClient.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPki } from '../../src/testing/test-pki.js';
import { createCertificateVerifier } from '../../src/crypto/node-cert-verifier.js';
import { WebTransportClient } from '../../src/api/client.js';
import { WebTransportServer, type WebTransportServerOptions } from '../../src/api/server.js';
import type { WebTransportSession } from '../../src/api/session.js';
import type { WebTransportStream } from '../../src/api/bidirectional-stream.js';
import { DEFAULT_WT_FLOW_CONTROL } from '../../src/api/wt-driver.js';
import { H3_ALPN, openEndpoint } from '../../src/api/http3/endpoint-setup.js';
import { DatagramError, SessionRejectedError, StreamError, SessionClosedError } from '../../src/api/errors.js';
import { H3Connection, type H3ConnectionOptions } from '../../src/proto/h3/connection.js';
import type { H3Event } from '../../src/proto/h3/events.js';
import { H3ErrorCode } from '../../src/proto/h3/errors.js';
import { localWebTransportSettings } from '../../src/proto/webtransport/protocol.js';
import { WtErrorCode } from '../../src/proto/webtransport/error-codes.js';
import { CapsuleType } from '../../src/proto/h3/capsule.js';
import type { EndpointDriver } from '../../src/runtime/endpoint-driver.js';
import type { ProtoConnection } from '../../src/runtime/proto-types.js';
import { ByteWriter } from '../../src/proto/util/bytes.js';

type TestPki = Awaited<ReturnType<typeof createTestPki>>;

const enc = new TextEncoder();
const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitUntil(cond: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await sleep(10);
  }
}

/** A raw HTTP/3 client: it sends what the test tells it to and records every H3 event. */
class RawPeer {
  readonly events: H3Event[] = [];
  readonly #driver: EndpointDriver;
  readonly h3: H3Connection;
  readonly proto: ProtoConnection;
  #wakeup: (() => void) | undefined;

  private constructor(driver: EndpointDriver, proto: ProtoConnection, h3: H3Connection) {
    this.#driver = driver;
    this.proto = proto;
    this.h3 = h3;
  }

  static async connect(port: number, pki: TestPki, settings: H3ConnectionOptions['settings']): Promise<RawPeer> {
    const transport = { initialMaxStreamsBidi: 128, initialMaxStreamsUni: 128, maxDatagramFrameSize: 65_535 };
    const { driver } = await openEndpoint({ host: '127.0.0.1', port: 0, transport });
    const ref: { peer?: RawPeer } = {};
    const proto = driver.connect({ address: '127.0.0.1', port }, {
      serverName: 'localhost', alpnProtocols: [H3_ALPN], verifier: createCertificateVerifier({ ca: [pki.caPem] }), transport,
    }, { onConnectionEvent: (ev) => ref.peer!.#onEvent(ev) });
    const peer = new RawPeer(driver, proto, new H3Connection(proto, { isServer: false, settings }));
    ref.peer = peer;
    await peer.waitFor((e) => e.type === 'settings');
    return peer;
  }

  #onEvent(ev: Parameters<H3Connection['handleQuicEvent']>[0]): void {
    this.h3.handleQuicEvent(ev, this.#driver.now());
    for (let e = this.h3.pollEvent(); e !== undefined; e = this.h3.pollEvent()) this.events.push(e);
    this.#wakeup?.();
  }

  /** Runs an H3 command and sends what it queued. */
  run<T>(fn: (h3: H3Connection) => T): T {
    try {
      return fn(this.h3);
    } finally {
      this.#driver.wake();
    }
  }

  async waitFor(pred: (e: H3Event) => boolean, ms = 3000): Promise<H3Event> {
    const until = Date.now() + ms;
    for (;;) {
      const hit = this.events.find(pred);
      if (hit !== undefined) return hit;
      if (Date.now() > until) throw new Error(`no matching H3 event within ${ms} ms; saw ${this.events.map((e) => e.type).join(',')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 20);
        this.#wakeup = () => { clearTimeout(t); resolve(); };
      });
    }
  }

  connectHeaders(port: number, path: string, protocol = 'webtransport'): Array<[string, string]> {
    return [[':method', 'CONNECT'], [':protocol', protocol], [':scheme', 'https'], [':authority', `localhost:${port}`], [':path', path]];
  }

  /** Sends an extended CONNECT and waits for the response status. */
  async openSession(port: number, path: string): Promise<{ id: number; status: number }> {
    const id = this.run((h3) => h3.sendRequest(this.connectHeaders(port, path)));
    assert.ok(id !== undefined);
    const ev = await this.waitFor((e) => (e.type === 'headers' && e.streamId === id) || (e.type === 'streamReset' && e.streamId === id));
    return { id, status: ev.type === 'headers' ? ev.status ?? 0 : 0 };
  }

  async close(): Promise<void> {
    if (!this.h3.isClosed) this.run((h3) => h3.close(H3ErrorCode.H3_NO_ERROR, 'done', this.#driver.now()));
    await this.#driver.close({ timeoutMs: 200 });
  }
}

/** What a well-behaved WebTransport client sends, for raw peers that mean well. */
const WT_CLIENT_SETTINGS = localWebTransportSettings({ isServer: false, flowControl: DEFAULT_WT_FLOW_CONTROL });

const h3CodeOf = (wtCode: number): bigint => BigInt(wtCode);

const seen = {
  slowWrites: [] as Array<{ stream: WebTransportStream; writing: Promise<unknown> }>,
};

async function serve(server: WebTransportServer): Promise<void> {
  for await (const request of server) {
    if (request.path === '/reject') {
      request.reject(404);
      continue;
    }
    const session = request.accept();
    if (request.path === '/firehose') {
      // Writes 8 MB to a client that never reads: must block on flow control, not buffer.
      void (async () => {
        const stream = await session.createBidirectionalStream();
        const writing = stream.writeAll(new Uint8Array(8 * 1024 * 1024), { chunkSize: 64 * 1024 });
        writing.catch(() => {});
        seen.slowWrites.push({ stream, writing });
      })();
      continue;
    }
    if (request.path === '/dgram-flood') {
      void (async () => {
        // 2000 datagrams in bursts, to a client that does not read them.
        for (let i = 0; i < 40 && !session.isClosed; i++) {
          for (let j = 0; j < 50; j++) session.datagrams.trySend(`flood ${i * 50 + j}`);
          await sleep(5);
        }
      })();
      continue;
    }
    if (request.path === '/big-datagram') {
      void (async () => {
        const max = session.datagrams.maxDatagramSize;
        let error: unknown;
        try {
          session.datagrams.send(new Uint8Array(max + 1));
        } catch (e) {
          error = e;
        }
        const verdict = error instanceof DatagramError ? `DatagramError max=${max}` : `no error for ${max + 1} bytes`;
        const stream = await session.createUnidirectionalStream();
        await stream.writeAll(verdict);
      })();
      continue;
    }
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
}

describe('bad input: the server answers per protocol and keeps serving', () => {
  let pki: TestPki;
  const servers: WebTransportServer[] = [];
  let server: WebTransportServer;
  let client: WebTransportClient;
  const peers: RawPeer[] = [];

  async function listen(options: Partial<WebTransportServerOptions> = {}): Promise<WebTransportServer> {
    const s = await WebTransportServer.listen({
      host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey, config: { readTimeoutMs: null, writeTimeoutMs: null }, ...options,
    });
    servers.push(s);
    void serve(s);
    return s;
  }

  async function rawPeer(port: number, settings: H3ConnectionOptions['settings'] = WT_CLIENT_SETTINGS): Promise<RawPeer> {
    const p = await RawPeer.connect(port, pki, settings);
    peers.push(p);
    return p;
  }

  /** A well-behaved client still gets a working session with a stream echo. */
  async function assertStillServing(srv: WebTransportServer = server): Promise<void> {
    const c = new WebTransportClient({ config: { readTimeoutMs: 5000 } });
    try {
      const session = await c.connect(`https://localhost:${srv.address.port}/echo`, { ca: pki.caPem, timeoutMs: 3000 });
      const st = await session.createBidirectionalStream();
      await st.write('still here');
      assert.equal(text(await st.readExactly(10)), 'still here');
      await session.close();
    } finally {
      await c.close();
    }
  }

  before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    server = await listen();
    client = new WebTransportClient({ config: { readTimeoutMs: 5000 } });
  });

  after(async () => {
    for (const p of peers) await p.close().catch(() => {});
    await client?.close();
    for (const s of servers) await s.close({ timeoutMs: 100 });
  });

  test('a CONNECT from a client whose SETTINGS do not enable WebTransport gets 400', async () => {
    const peer = await rawPeer(server.address.port, { enableConnectProtocol: false, h3Datagram: true, extra: [] });
    const r = await peer.openSession(server.address.port, '/echo');
    assert.equal(r.status, 400);
    await assertStillServing();
  });

  test('a CONNECT from a client without SETTINGS_H3_DATAGRAM gets 400', async () => {
    const peer = await rawPeer(server.address.port, { ...WT_CLIENT_SETTINGS, h3Datagram: false });
    const r = await peer.openSession(server.address.port, '/echo');
    assert.equal(r.status, 400);
    await assertStillServing();
  });

  test('a CONNECT with an unknown :protocol is not a WebTransport session', async () => {
    const peer = await rawPeer(server.address.port);
    const r = await peer.openSession(server.address.port, '/echo');
    assert.equal(r.status, 200, 'control: the real protocol token works on this peer');
    const id = peer.run((h3) => h3.sendRequest(peer.connectHeaders(server.address.port, '/echo', 'not-webtransport')));
    const ev = await peer.waitFor((e) => (e.type === 'headers' || e.type === 'streamReset') && e.streamId === id);
    // Not ours to serve: the plain-request fallback answers 404.
    assert.equal(ev.type === 'headers' ? ev.status : undefined, 404);
    await assertStillServing();
  });

  test('streams for a session that does not exist are buffered, then rejected past the limit', async () => {
    const peer = await rawPeer(server.address.port);
    // 400 is a client bidi id that was never a CONNECT stream: the server must buffer the streams
    // (the CONNECT could still come) but only up to its limit; the excess is rejected at once.
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) {
      const id = peer.run((h3) => h3.openWebTransportStream(400, 'bidi'));
      assert.ok(id !== undefined);
      peer.run((h3) => h3.writeRaw(id, enc.encode(`orphan ${i}`)));
      ids.push(id);
    }
    const rejected = (id: number): boolean => peer.events.some((e) => e.type === 'streamStopped' && e.streamId === id);
    await peer.waitFor((e) => e.type === 'streamStopped' && e.code === h3CodeOf(WtErrorCode.WT_BUFFERED_STREAM_REJECTED));
    await sleep(100);
    const early = ids.filter(rejected).length;
    assert.ok(early > 0 && early < 40, `${early} of 40 rejected at once`);
    // The buffered ones expire within the buffer's age limit (a few seconds) and are rejected too.
    await peer.waitFor(() => ids.every(rejected), 6000);
    for (const e of peer.events) {
      if (e.type === 'streamStopped' && ids.includes(e.streamId)) {
        assert.ok([h3CodeOf(WtErrorCode.WT_BUFFERED_STREAM_REJECTED), h3CodeOf(WtErrorCode.WT_SESSION_GONE)].includes(e.code), `code 0x${e.code.toString(16)}`);
      }
    }
    // The connection itself stays usable: a real session on it works.
    const s = await peer.openSession(server.address.port, '/echo');
    assert.equal(s.status, 200);
    await assertStillServing();
  });

  test('streams that arrived for a session the server then rejects are reset with WT_SESSION_GONE', async () => {
    const peer = await rawPeer(server.address.port);
    const connectId = peer.run((h3) => h3.sendRequest(peer.connectHeaders(server.address.port, '/reject')));
    assert.ok(connectId !== undefined);
    const early = peer.run((h3) => h3.openWebTransportStream(connectId, 'uni'));
    assert.ok(early !== undefined);
    peer.run((h3) => h3.writeRaw(early, enc.encode('too early')));
    const resp = await peer.waitFor((e) => e.type === 'headers' && e.streamId === connectId);
    assert.equal(resp.type === 'headers' ? resp.status : 0, 404);
    const stop = await peer.waitFor((e) => e.type === 'streamStopped' && e.streamId === early);
    assert.equal(stop.type === 'streamStopped' ? stop.code : 0n, h3CodeOf(WtErrorCode.WT_SESSION_GONE));
    await assertStillServing();
  });

  test('oversized datagrams: DatagramError on both sides, the sender cannot put them on the wire', async () => {
    const small = await listen({ transport: { maxDatagramFrameSize: 600 } });
    const session = await client.connect(`https://localhost:${small.address.port}/echo`, { ca: pki.caPem });
    const max = session.datagrams.maxDatagramSize;
    assert.ok(max > 0 && max < 600, `max ${max}`);
    assert.throws(() => session.datagrams.send(new Uint8Array(max + 1)), (e: unknown) => e instanceof DatagramError);
    assert.equal(session.datagrams.stats.sendFailures, 1);
    // A raw peer is stopped by QUIC itself: the frame would exceed the server's max_datagram_frame_size.
    const peer = await rawPeer(small.address.port);
    const s = await peer.openSession(small.address.port, '/echo');
    assert.equal(peer.run((h3) => h3.sendHttpDatagram(s.id, new Uint8Array(1000))), 'too-large');
    // The server side: its own oversized send is refused with DatagramError too.
    const bigSession = await client.connect(`https://localhost:${server.address.port}/big-datagram`, { ca: pki.caPem });
    const verdict = await bigSession.incomingUnidirectionalStreams[Symbol.asyncIterator]().next();
    assert.match(text(await verdict.value!.readAll()), /^DatagramError max=\d+$/);
    await bigSession.close();
    // Datagrams of the allowed size still echo.
    let echoed = false;
    const it = session.datagrams[Symbol.asyncIterator]();
    for (let i = 0; i < 10 && !echoed; i++) {
      session.datagrams.send(new Uint8Array(max).fill(7));
      const r = await Promise.race([it.next(), sleep(200).then(() => undefined)]);
      echoed = r !== undefined && !r.done && r.value.length === max;
    }
    assert.ok(echoed, 'a max-size datagram echoed');
    await session.close();
  });

  test('a capsule flood on the CONNECT stream is absorbed and the session keeps working', async () => {
    const peer = await rawPeer(server.address.port);
    const s = await peer.openSession(server.address.port, '/echo');
    assert.equal(s.status, 200);
    // 20,000 capsules of an unknown (ignored) type plus repeated, harmless flow-control credit.
    const junk = new Uint8Array(16);
    for (let i = 0; i < 20_000; i++) peer.run((h3) => h3.sendCapsule(s.id, 0x2a_00 + (i % 7), junk));
    for (let i = 0; i < 2000; i++) peer.run((h3) => h3.sendCapsule(s.id, CapsuleType.WT_MAX_DATA, new Uint8Array([0x80, 0x10, 0x00, 0x00])));
    // The session still echoes over a WebTransport stream of this peer.
    const st = peer.run((h3) => h3.openWebTransportStream(s.id, 'bidi'));
    assert.ok(st !== undefined);
    peer.run((h3) => h3.writeRaw(st, enc.encode('after the flood'), true));
    let got = '';
    await peer.waitFor(() => {
      for (let r = peer.h3.readRaw(st, 1024); r !== undefined && r.data.length > 0; r = peer.h3.readRaw(st, 1024)) got += text(r.data);
      return got === 'after the flood';
    }, 5000);
    assert.equal(peer.h3.isClosed, false);
    await assertStillServing();
  });

  test('a malformed capsule ends only its own session', async () => {
    const peer = await rawPeer(server.address.port);
    const bad = await peer.openSession(server.address.port, '/echo');
    const good = await peer.openSession(server.address.port, '/echo');
    assert.equal(bad.status, 200);
    assert.equal(good.status, 200);
    // CLOSE_WEBTRANSPORT_SESSION needs at least a 4-byte code: a 2-byte body is malformed.
    peer.run((h3) => h3.sendCapsule(bad.id, CapsuleType.CLOSE_WEBTRANSPORT_SESSION, new Uint8Array([1, 2])));
    // RFC 9297 §3.3: a malformed capsule makes the message malformed: H3_MESSAGE_ERROR on that stream.
    const reset = await peer.waitFor((e) => e.type === 'streamReset' && e.streamId === bad.id);
    assert.equal(reset.type === 'streamReset' ? reset.code : 0n, BigInt(H3ErrorCode.H3_MESSAGE_ERROR));
    // The other session on the same connection still echoes.
    const st = peer.run((h3) => h3.openWebTransportStream(good.id, 'bidi'));
    assert.ok(st !== undefined);
    peer.run((h3) => h3.writeRaw(st, enc.encode('good'), true));
    let got = '';
    await peer.waitFor(() => {
      for (let r = peer.h3.readRaw(st, 64); r !== undefined && r.data.length > 0; r = peer.h3.readRaw(st, 64)) got += text(r.data);
      return got === 'good';
    });
    assert.equal(peer.h3.isClosed, false);
  });

  test('a capsule announcing a huge length is refused without buffering it', async () => {
    const peer = await rawPeer(server.address.port);
    const bad = await peer.openSession(server.address.port, '/echo');
    const good = await peer.openSession(server.address.port, '/echo');
    // A CLOSE_WEBTRANSPORT_SESSION capsule claiming 2^30 bytes, then 200 KB of it.
    const head = new ByteWriter(16).varint(CapsuleType.CLOSE_WEBTRANSPORT_SESSION).varint(2 ** 30).finish();
    peer.run((h3) => h3.sendData(bad.id, head));
    for (let i = 0; i < 50; i++) peer.run((h3) => h3.sendData(bad.id, new Uint8Array(4096)));
    const reset = await peer.waitFor((e) => e.type === 'streamReset' && e.streamId === bad.id);
    // Over the capsule size limit: the stream is reset at once (nothing buffered up to 2^30).
    assert.equal(reset.type === 'streamReset' ? reset.code : 0n, BigInt(H3ErrorCode.H3_EXCESSIVE_LOAD));
    const st = peer.run((h3) => h3.openWebTransportStream(good.id, 'bidi'));
    assert.ok(st !== undefined);
    peer.run((h3) => h3.writeRaw(st, enc.encode('fine'), true));
    let got = '';
    await peer.waitFor(() => {
      for (let r = peer.h3.readRaw(st, 64); r !== undefined && r.data.length > 0; r = peer.h3.readRaw(st, 64)) got += text(r.data);
      return got === 'fine';
    });
    await assertStillServing();
  });

  test('a client that never reads datagrams keeps a bounded queue and counts the drops', async () => {
    const c = new WebTransportClient();
    try {
      const session = await c.connect(`https://localhost:${server.address.port}/dgram-flood`, { ca: pki.caPem });
      const dg = session.datagrams;
      await waitUntil(() => dg.stats.datagramsReceived + dg.stats.receiveDrops >= 1500, 5000);
      assert.ok(dg.receiveBufferSize <= dg.highWaterMark, `${dg.receiveBufferSize} queued, limit ${dg.highWaterMark}`);
      assert.ok(dg.stats.receiveDrops > 0, 'the excess was dropped');
      assert.equal(dg.stats.datagramsReceived - dg.stats.receiveDrops, dg.receiveBufferSize);
      // Oldest out first: what is kept are the latest, still readable.
      assert.notEqual(text(dg.tryReceive()!), 'flood 0');
      await session.close();
    } finally {
      await c.close();
    }
    await assertStillServing();
  });

  test('more sessions than the server allows get 503; more than a connection allows are refused', async () => {
    const limited = await listen({ config: { maxSessions: 2, readTimeoutMs: null }, maxSessionsPerConnection: 1 });
    const clients = [0, 1, 2].map(() => new WebTransportClient());
    try {
      const url = `https://localhost:${limited.address.port}/echo`;
      const a = await clients[0]!.connect(url, { ca: pki.caPem });
      const b = await clients[1]!.connect(url, { ca: pki.caPem });
      await assert.rejects(clients[2]!.connect(url, { ca: pki.caPem, timeoutMs: 3000 }), (e: unknown) => e instanceof SessionRejectedError && e.status === 503);
      // Per connection: a raw peer's second CONNECT on one connection is refused (H3_REQUEST_REJECTED).
      await a.close();
      for (let i = 0; i < 100 && limited.sessionCount >= 2; i++) await sleep(10);
      const peer = await rawPeer(limited.address.port);
      const first = await peer.openSession(limited.address.port, '/echo');
      assert.equal(first.status, 200);
      const second = await peer.openSession(limited.address.port, '/echo');
      assert.equal(second.status, 0, 'no response: the request was not processed (WT16 §5.2)');
      const reset = peer.events.find((e) => e.type === 'streamReset' && e.streamId === second.id);
      assert.equal(reset?.type === 'streamReset' ? reset.code : 0n, BigInt(H3ErrorCode.H3_REQUEST_REJECTED));
      // b is untouched.
      const st = await b.createBidirectionalStream();
      await st.write('b ok');
      assert.equal(text(await st.readExactly(4)), 'b ok');
    } finally {
      for (const c of clients) await c.close();
    }
  });

  test('a peer that never reads blocks the writer with bounded memory; closing frees it', async () => {
    const slow = await listen({ transport: { sendBufferSize: 256 * 1024 } });
    const c = new WebTransportClient({ transport: { initialMaxStreamDataBidiRemote: 128 * 1024, initialMaxStreamDataBidiLocal: 128 * 1024, maxStreamWindow: 128 * 1024 } });
    try {
      const session: WebTransportSession = await c.connect(`https://localhost:${slow.address.port}/firehose`, { ca: pki.caPem });
      for (let i = 0; i < 200 && seen.slowWrites.length === 0; i++) await sleep(10);
      const w = seen.slowWrites.at(-1)!;
      assert.ok(w, 'the server started writing');
      let last = -1;
      for (let i = 0; i < 50; i++) {
        await sleep(20);
        if (w.stream.stats.bytesSent === last) break;
        last = w.stream.stats.bytesSent;
      }
      let settled = false;
      void w.writing.then(() => { settled = true; }, () => { settled = true; });
      await sleep(50);
      assert.equal(settled, false, 'the writer is blocked');
      assert.ok(w.stream.stats.bytesSent < 2 * 1024 * 1024, `${w.stream.stats.bytesSent} bytes left the writer`);
      // Other sessions on the same server are served meanwhile.
      await assertStillServing(slow);
      // Closing the session releases the blocked writer with an error instead of hanging.
      await session.close({ code: 5, reason: 'not reading' });
      await assert.rejects(w.writing, (e: unknown) => e instanceof StreamError || e instanceof SessionClosedError);
    } finally {
      await c.close();
    }
  });
});
