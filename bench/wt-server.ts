/**
 * Server side of the WebTransport benchmark: our WebTransportServer with the routes of
 * pywebtransport's performance server (inventory §3.3), so the client's scenarios do the same
 * work theirs did. Every handler tolerates a client that goes away mid-way.
 *
 *   /echo               bidi streams echoed chunk by chunk, datagrams echoed
 *   /discard            bidi streams drained, answered with {"bytes":n,"datagrams":d} + FIN;
 *                       datagrams of the session counted
 *   /produce            bidi: request "SEND:<n>" + FIN, answered with n bytes + FIN
 *   /request_response   bidi: request + FIN, answered with as many 'R' bytes + FIN
 *   /memory             bidi: any request + FIN, answered with this process's memory after GC
 *   anything else       accepted and left idle (handshake, session-rate and idle-memory runs)
 */
import { WebTransportServer } from '../src/api/server.js';
import type { WebTransportSession } from '../src/api/session.js';
import type { WebTransportStream } from '../src/api/bidirectional-stream.js';
import { createTestPki } from '../src/testing/test-pki.js';
import { openQuicConnectionCount } from '../src/runtime/endpoint-driver.js';

export const WT_CHUNK = 64 * 1024;
/** Shared read-only payloads: writes take views on them (no per-write allocation). */
const FILL = new Uint8Array(WT_CHUNK).fill(0x61);
const R_FILL = new Uint8Array(WT_CHUNK).fill(0x52);

export interface WtMemorySnapshot {
  heapUsed: number;
  external: number;
  rss: number;
  sessions: number;
  /** QUIC connections the server still holds (open, closing or draining). */
  connections: number;
  gc: boolean;
}

export interface StartedWtServer {
  server: WebTransportServer;
  port: number;
  caPem: string;
  stop(): Promise<void>;
}

const decoder = new TextDecoder();

/** Streams beyond QUIC's default 128 would wait for credit: pywebtransport's benchmark grants 1000. */
const BENCH_TRANSPORT = { initialMaxStreamsBidi: 1200, initialMaxStreamsUni: 1200 };

export async function startWtServer(): Promise<StartedWtServer> {
  // Like a real deployment, the server sends its chain without the root (RFC 8446 §4.4.2): one flight datagram.
  const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'], includeChain: false });
  const server = await WebTransportServer.listen({
    host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey,
    config: { readTimeoutMs: null, writeTimeoutMs: null },
    transport: BENCH_TRANSPORT,
  });
  void (async () => {
    for await (const request of server) {
      const session = request.accept();
      route(session, request.path, server);
    }
  })();
  return { server, port: server.address.port, caPem: pki.caPem, stop: () => server.close({ timeoutMs: 100 }) };
}

function route(session: WebTransportSession, path: string, server: WebTransportServer): void {
  const serve = (handler: (s: WebTransportStream) => Promise<void>): void => {
    void (async () => {
      for await (const stream of session.incomingBidirectionalStreams) {
        handler(stream).catch(() => { void stream.abort(1).catch(() => {}); });
      }
    })().catch(() => {});
  };
  const counters = { datagrams: 0 };
  switch (path) {
    case '/echo':
      serve(echo);
      void (async () => {
        for await (const d of session.datagrams) session.datagrams.trySend(d);
      })().catch(() => {});
      return;
    case '/discard':
      void (async () => {
        for await (const _ of session.datagrams) counters.datagrams++;
      })().catch(() => {});
      serve(async (s) => {
        const bytes = await drain(s);
        const receiveDrops = session.datagrams.stats.receiveDrops;
        await s.write(JSON.stringify({ bytes, datagrams: counters.datagrams, receiveDrops }), { endStream: true });
      });
      void (async () => {
        for await (const uni of session.incomingUnidirectionalStreams) void drain(uni).catch(() => {});
      })().catch(() => {});
      return;
    case '/produce':
      serve(async (s) => {
        const request = decoder.decode(await s.readAll());
        const n = Number(/^SEND:(\d+)$/.exec(request)?.[1] ?? NaN);
        if (!Number.isSafeInteger(n)) throw new Error(`bad produce request '${request.slice(0, 40)}'`);
        await writeFill(s, FILL, n);
      });
      return;
    case '/request_response':
      serve(async (s) => {
        const request = await s.readAll();
        await writeFill(s, R_FILL, request.length);
      });
      return;
    case '/memory':
      serve(async (s) => {
        await s.readAll();
        await s.write(JSON.stringify(memorySnapshot(server.sessionCount, openQuicConnectionCount())), { endStream: true });
      });
      return;
    default:
      return;
  }
}

async function echo(stream: WebTransportStream): Promise<void> {
  for (let c = await stream.read({ size: WT_CHUNK }); c.length > 0; c = await stream.read({ size: WT_CHUNK })) await stream.write(c);
  await stream.close();
}

/** Reads to FIN, counting and dropping the bytes. */
export async function drain(stream: { read(o: { size: number }): Promise<Uint8Array> }): Promise<number> {
  let n = 0;
  for (let c = await stream.read({ size: WT_CHUNK }); c.length > 0; c = await stream.read({ size: WT_CHUNK })) n += c.length;
  return n;
}

/** Writes `n` bytes as views on `fill`, then FIN (also for n = 0). */
export async function writeFill(stream: WebTransportStream, fill: Uint8Array, n: number): Promise<void> {
  for (let sent = 0; sent < n;) {
    const k = Math.min(fill.length, n - sent);
    sent += k;
    await stream.write(fill.subarray(0, k), { endStream: sent === n });
  }
  if (n === 0) await stream.close();
}

export function memorySnapshot(sessions: number, connections: number): WtMemorySnapshot {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external, rss: m.rss, sessions, connections, gc: gc !== undefined };
}
