/**
 * Client side of the WebTransport benchmark: pywebtransport's published scenarios (inventory
 * §4.2 BENCHMARK.md, §3.3), each run returning named lists of measurements (one value per
 * transfer, request, datagram or run) that the report summarizes as min / median / max.
 * Streams are opened on an established session: connection setup is measured on its own
 * (handshake, session rate).
 */
import { setImmediate as yieldTurn } from 'node:timers/promises';
import type { WebTransportClient } from '../src/api/client.js';
import type { WebTransportSession } from '../src/api/session.js';
import type { WebTransportStream } from '../src/api/bidirectional-stream.js';
import { drain, WT_CHUNK, type WtMemorySnapshot } from './wt-server.js';
import { openQuicConnectionCount } from '../src/runtime/endpoint-driver.js';

import type { WtScenario } from './wt-names.js';

export { WT_SCENARIOS, type WtScenario } from './wt-names.js';

/** Metric name -> measurements of one run. */
export type WtSample = Record<string, number[]>;

export interface WtScenarioSettings {
  /** Transfers (upload/download/duplex) per run. */
  transfers: number;
  transferBytes: number;
  /** Sessions per handshake run. */
  handshakes: number;
  /** Requests per size per request-response run; datagram round trips per RTT run. */
  requests: number;
  /** Datagrams per send-rate run (pywebtransport: a burst of 10,000). */
  datagrams: number;
  /** Concurrent streams x bytes each. */
  streams: number;
  streamBytes: number;
  /** Idle sessions opened for the memory measurement. */
  idleSessions: number;
}

export interface WtContext {
  client: WebTransportClient;
  base: string;
  ca: string;
  settings: WtScenarioSettings;
}

const PAYLOAD = new Uint8Array(1024 * 1024).fill(0x61);
const decoder = new TextDecoder();
const ms = (t0: number): number => performance.now() - t0;

function open(ctx: WtContext, path: string, reuseConnection = true): Promise<WebTransportSession> {
  return ctx.client.connect(`${ctx.base}${path}`, { ca: ctx.ca, timeoutMs: 10_000, reuseConnection });
}

async function withSession<T>(ctx: WtContext, path: string, body: (s: WebTransportSession) => Promise<T>): Promise<T> {
  const session = await open(ctx, path, false);
  try {
    return await body(session);
  } finally {
    await session.close().catch(() => {});
  }
}

/** Writes `n` payload bytes as views on one buffer, FIN with the last write. */
async function send(stream: WebTransportStream, n: number, prefix?: Uint8Array): Promise<void> {
  if (prefix !== undefined) await stream.write(prefix, { endStream: n === 0 });
  for (let sent = 0; sent < n;) {
    const k = Math.min(WT_CHUNK, n - sent);
    sent += k;
    await stream.write(PAYLOAD.subarray(0, k), { endStream: sent === n });
  }
}

export async function runWtScenario(scenario: WtScenario, ctx: WtContext): Promise<WtSample> {
  const s = ctx.settings;
  switch (scenario) {
    case 'upload': return withSession(ctx, '/discard', (session) => transfers(s.transfers, 'uploadMBps', () => upload(session, s.transferBytes)));
    case 'download': return withSession(ctx, '/produce', (session) => transfers(s.transfers, 'downloadMBps', () => download(session, s.transferBytes)));
    case 'duplex': return withSession(ctx, '/echo', (session) => transfers(s.transfers, 'duplexMBps', () => duplex(session, s.transferBytes)));
    case 'handshake': return handshakes(ctx, s.handshakes);
    case 'request-response': return withSession(ctx, '/request_response', (session) => requestResponse(session, s.requests));
    case 'datagram-rtt': return withSession(ctx, '/echo', (session) => datagramRtt(session, s.requests));
    case 'datagram-rate': return withSession(ctx, '/discard', (session) => datagramRate(session, s.datagrams));
    case 'streams': return withSession(ctx, '/discard', (session) => concurrentStreams(session, s.streams, s.streamBytes));
    case 'memory': return idleMemory(ctx, s.idleSessions);
    default: throw new Error(`unknown WebTransport scenario ${String(scenario)}`);
  }
}

/** `count` transfers one after the other, each sample in MB/s (1 MB = 10^6 bytes). */
async function transfers(count: number, metric: string, once: () => Promise<number>): Promise<WtSample> {
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(await once());
  return { [metric]: values };
}

/** Client -> server, until the server confirmed it counted every byte. */
async function upload(session: WebTransportSession, bytes: number): Promise<number> {
  const t0 = performance.now();
  const stream = await session.createBidirectionalStream();
  await send(stream, bytes);
  const reply = JSON.parse(decoder.decode(await stream.readAll())) as { bytes: number };
  if (reply.bytes !== bytes) throw new Error(`server counted ${reply.bytes} of ${bytes} bytes`);
  return bytes / 1e3 / ms(t0);
}

/** Server -> client, from the request to the payload's FIN. */
async function download(session: WebTransportSession, bytes: number): Promise<number> {
  const t0 = performance.now();
  const stream = await session.createBidirectionalStream();
  await stream.write(`SEND:${bytes}`, { endStream: true });
  const got = await drain(stream);
  if (got !== bytes) throw new Error(`received ${got} of ${bytes} bytes`);
  return bytes / 1e3 / ms(t0);
}

/** Both ways on one echoed stream; MB/s counts the bytes of both directions (pywebtransport's definition). */
async function duplex(session: WebTransportSession, bytes: number): Promise<number> {
  const t0 = performance.now();
  const stream = await session.createBidirectionalStream();
  const [got] = await Promise.all([drain(stream), send(stream, bytes)]);
  if (got !== bytes) throw new Error(`echo returned ${got} of ${bytes} bytes`);
  return (2 * bytes) / 1e3 / ms(t0);
}

/** Sequential sessions, each on its own new QUIC connection; closes are not awaited in the loop. */
async function handshakes(ctx: WtContext, count: number): Promise<WtSample> {
  const latencies: number[] = [];
  const closing: Promise<unknown>[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const session = await open(ctx, '/connection_test', false);
    latencies.push(ms(t0));
    closing.push(session.close().catch(() => {}));
  }
  const seconds = ms(start) / 1000;
  await Promise.all(closing);
  return { handshakeMs: latencies, sessionsPerSecond: [count / seconds] };
}

/** One new stream per request: request + FIN, reply of the same length + FIN. */
async function requestResponse(session: WebTransportSession, count: number): Promise<WtSample> {
  const out: WtSample = {};
  for (const size of [64, 1024]) {
    const values: number[] = [];
    const request = PAYLOAD.subarray(0, size);
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      const stream = await session.createBidirectionalStream();
      await stream.write(request, { endStream: true });
      const reply = await stream.readAll();
      values.push(ms(t0));
      if (reply.length !== size) throw new Error(`reply of ${reply.length} bytes to a ${size}-byte request`);
    }
    out[`rr${size}Ms`] = values;
  }
  return out;
}

/** 16-byte datagrams echoed one at a time (pywebtransport sends a uuid); a lost one is retried. */
async function datagramRtt(session: WebTransportSession, count: number): Promise<WtSample> {
  const values: number[] = [];
  let lost = 0;
  const datagram = new Uint8Array(16);
  const view = new DataView(datagram.buffer);
  for (let i = 0; i < count; i++) {
    view.setUint32(0, i);
    const t0 = performance.now();
    session.datagrams.send(datagram);
    const echoed = await session.datagrams.receive({ signal: AbortSignal.timeout(1000) }).catch(() => undefined);
    if (echoed === undefined || new DataView(echoed.buffer, echoed.byteOffset).getUint32(0) !== i) {
      lost++;
      session.datagrams.clearReceiveBuffer();
      continue;
    }
    values.push(ms(t0));
  }
  return { datagramRttMs: values, datagramRttLost: [lost] };
}

/**
 * A burst of `count` 64-byte datagrams in batches well under QUIC's send queue (1024, which drops
 * the oldest when full), yielding between batches so the connection writes them out and while the
 * congestion window is full (datagrams are congestion controlled: sending past it only makes QUIC
 * drop queued ones); then the server says how many arrived.
 */
async function datagramRate(session: WebTransportSession, count: number): Promise<WtSample> {
  const datagram = new Uint8Array(64).fill(0x64);
  const batch = 128;
  const t0 = performance.now();
  let sent = 0;
  while (sent < count) {
    for (let k = 0; k < batch && sent < count; k++, sent++) session.datagrams.send(datagram);
    await yieldTurn();
    // Datagrams are congestion controlled: past the window QUIC's queue drops the oldest, so hold off.
    while (congested(session)) await yieldTurn();
  }
  await yieldTurn();
  const seconds = ms(t0) / 1000;
  await new Promise((r) => setTimeout(r, 200));
  const stream = await session.createBidirectionalStream();
  await stream.close();
  const reply = JSON.parse(decoder.decode(await stream.readAll())) as { datagrams: number; receiveDrops: number };
  return {
    datagramsSentPerSecond: [sent / seconds],
    datagramsDeliveredPerSecond: [reply.datagrams / seconds],
    datagramLossPercent: [Math.max(0, (1 - reply.datagrams / sent) * 100)],
  };
}

/** Less than ~4 packets of room left in the congestion window. */
function congested(session: WebTransportSession): boolean {
  const c = (session.stats()['connection'] as { bytesInFlight: number; congestionWindow: number } | undefined);
  return c !== undefined && c.bytesInFlight + 4800 > c.congestionWindow;
}

/** `count` streams opened at once, each uploading `bytes` to /discard; aggregate MB/s. */
async function concurrentStreams(session: WebTransportSession, count: number, bytes: number): Promise<WtSample> {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: count }, async () => {
    const stream = await session.createBidirectionalStream({ timeoutMs: 30_000 });
    await send(stream, bytes);
    const reply = JSON.parse(decoder.decode(await stream.readAll())) as { bytes: number };
    if (reply.bytes !== bytes) throw new Error(`server counted ${reply.bytes} of ${bytes} bytes`);
  }));
  return { concurrentMBps: [(count * bytes) / 1e3 / ms(t0)] };
}

/** The server's memory report, asked on a new stream of the control session. */
async function serverMemory(control: WebTransportSession): Promise<WtMemorySnapshot> {
  const stream = await control.createBidirectionalStream();
  await stream.close();
  return JSON.parse(decoder.decode(await stream.readAll())) as WtMemorySnapshot;
}

function localMemory(): { heap: number; rss: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.external, rss: m.rss };
}

const sleep = (ms_: number): Promise<void> => new Promise((r) => setTimeout(r, ms_));

/** Polls `ready` every 100 ms; throws after `timeoutMs` rather than measure an unsettled process. */
async function until(what: string, timeoutMs: number, ready: () => Promise<boolean> | boolean): Promise<void> {
  for (const deadline = performance.now() + timeoutMs; !(await ready());) {
    if (performance.now() > deadline) throw new Error(`memory: gave up waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Server and client memory (heap + external after GC, and RSS) before and after `count` idle
 * sessions, each on its own QUIC connection as pywebtransport's connections were; per session.
 * Both measurements wait for a settled process: before, until the connections of earlier runs
 * have finished draining on both sides (3 PTOs, which after loaded handshakes can be seconds:
 * measured too early they made runs bimodal); after, until every new connection has nothing in
 * flight. The reports travel on one control session open throughout, so that no measurement
 * leaves a draining connection of its own behind.
 */
async function idleMemory(ctx: WtContext, count: number): Promise<WtSample> {
  return withSession(ctx, '/memory', async (control) => {
    let before = await serverMemory(control);
    await until('the connections of earlier runs to drain', 30_000, async () => {
      if (before.connections <= 1 && openQuicConnectionCount() <= 1) return true;
      before = await serverMemory(control);
      return false;
    });
    const localBefore = localMemory();
    const sessions: WebTransportSession[] = [];
    for (let i = 0; i < count; i++) sessions.push(await open(ctx, '/idle', false));
    await until('the idle sessions to settle', 30_000, () => sessions.every((s) => !busy(s)));
    await sleep(300); // the peer's last ACKs (max_ack_delay) and timers
    const after = await serverMemory(control);
    const localAfter = localMemory();
    await Promise.all(sessions.map((s) => s.close().catch(() => {})));
    if (!after.gc) throw new Error('the server process runs without --expose-gc');
    const kb = (a: number, b: number): number => (a - b) / 1024 / count;
    return {
      serverKBPerSession: [kb(after.heapUsed + after.external, before.heapUsed + before.external)],
      serverRssKBPerSession: [kb(after.rss, before.rss)],
      clientKBPerSession: [kb(localAfter.heap, localBefore.heap)],
      idleSessionsOpen: [after.sessions - before.sessions],
    };
  });
}

/** Bytes of this session's connection still unacknowledged. */
function busy(session: WebTransportSession): boolean {
  const c = session.stats()['connection'] as { bytesInFlight: number } | undefined;
  return c !== undefined && c.bytesInFlight > 0;
}
