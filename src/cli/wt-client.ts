/**
 * `client --mode wt <url>`: echo checks against any WebTransport server that implements the WPT
 * echo contract (bidi echo with FIN, uni -> new server uni stream, datagram echo), then a clean
 * close. When the server also has /client-close and /query (ours, WPT's), the close is verified
 * on the server side. Prints ONE JSON line; exit 0 only when every check passed.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { WebTransportClient, type WebTransportConnectOptions } from '../api/client.js';
import { SessionRejectedError } from '../api/errors.js';
import type { WebTransportSession } from '../api/session.js';
import type { ClientArgs } from './interop-args.js';
import type { InteropDeps } from './interop-deps.js';

export const CLOSE_CODE = 4242;
export const CLOSE_REASON = 'client-bye';

export interface WtEchoPlan {
  /** Bytes per stream. */
  bytes: number;
  /** Concurrent client bidi streams. */
  streams: number;
  /** Client uni streams (each should come back on a server uni stream). */
  uni: number;
  datagrams: number;
}

/** `fresh`: a QUIC connection of its own (no pooling), so closing it cannot race other sessions. */
export type SessionOpener = (url: URL, options?: { fresh?: boolean }) => Promise<WebTransportSession>;

/** Position- and stream-dependent bytes, so a misplaced or swapped chunk is caught. */
export function pattern(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed * 7 + (i >>> 8)) & 0xff;
  return out;
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The URL with its last path segment replaced (keeping a .py suffix), as wt-client.mjs derives it. */
export function siblingUrl(base: URL, name: string, query: Record<string, string>): URL {
  const url = new URL(base.href);
  const segments = url.pathname.split('/');
  const last = segments.pop() ?? '';
  segments.push(last.endsWith('.py') ? `${name}.py` : name);
  url.pathname = segments.join('/');
  url.search = new URLSearchParams(query).toString();
  return url;
}

async function checkBidi(session: WebTransportSession, plan: WtEchoPlan): Promise<{ ok: boolean; streams: number; bytes: number; failures: string[] }> {
  const failures: string[] = [];
  await Promise.all(Array.from({ length: plan.streams }, async (_, i) => {
    try {
      const stream = await session.createBidirectionalStream();
      const payload = pattern(plan.bytes, i);
      const [echo] = await Promise.all([stream.readAll(), stream.writeAll(payload, { chunkSize: 64 * 1024 }).then(() => stream.close())]);
      if (echo.length !== payload.length || sha(echo) !== sha(payload)) failures.push(`bidi ${i}: ${echo.length} bytes back, content ${sha(echo) === sha(payload) ? 'same' : 'differs'}`);
    } catch (error) {
      failures.push(`bidi ${i}: ${(error as Error).message}`);
    }
  }));
  return { ok: failures.length === 0, streams: plan.streams, bytes: plan.streams * plan.bytes, failures };
}

async function checkUni(session: WebTransportSession, plan: WtEchoPlan): Promise<{ ok: boolean; streams: number; received: number; failures: string[] }> {
  const failures: string[] = [];
  const expected = new Map<string, number>();
  for (let i = 0; i < plan.uni; i++) {
    const h = sha(pattern(plan.bytes, 1000 + i));
    expected.set(h, (expected.get(h) ?? 0) + 1);
  }
  let received = 0;
  const incoming = (async () => {
    const it = session.incomingUnidirectionalStreams[Symbol.asyncIterator]();
    const reads: Promise<void>[] = [];
    for (let n = 0; n < plan.uni; n++) {
      const next = await it.next();
      if (next.done) throw new Error(`the session ended after ${n} of ${plan.uni} server uni streams`);
      reads.push(next.value.readAll().then((data) => {
        const h = sha(data);
        const left = expected.get(h) ?? 0;
        if (left === 0) failures.push(`a server uni stream carried ${data.length} unexpected bytes`);
        else expected.set(h, left - 1);
        received++;
      }));
    }
    await Promise.all(reads);
  })();
  const outgoing = Promise.all(Array.from({ length: plan.uni }, async (_, i) => {
    const stream = await session.createUnidirectionalStream();
    await stream.writeAll(pattern(plan.bytes, 1000 + i), { chunkSize: 64 * 1024 });
    await stream.close();
  }));
  try {
    await Promise.all([incoming, outgoing]);
  } catch (error) {
    failures.push(`uni: ${(error as Error).message}`);
  }
  return { ok: failures.length === 0 && received === plan.uni, streams: plan.uni, received, failures };
}

async function checkDatagrams(session: WebTransportSession, count: number): Promise<{ ok: boolean; sent: number; echoed: number; corrupt: number; maxDatagramSize: number }> {
  const echoed = new Set<number>();
  let corrupt = 0;
  const payload = (seq: number): string => `tswt-dgram-${seq}-${'x'.repeat(100)}`;
  const it = session.datagrams[Symbol.asyncIterator]();
  let sent = 0;
  // Unreliable by design: up to 5 rounds resend what has not come back yet.
  for (let round = 0; round < 5 && echoed.size < count; round++) {
    for (let seq = 0; seq < count; seq++) {
      if (!echoed.has(seq) && session.datagrams.trySend(payload(seq))) sent++;
    }
    const deadline = AbortSignal.timeout(300);
    const timeout = new Promise<undefined>((r) => deadline.addEventListener('abort', () => r(undefined), { once: true }));
    while (echoed.size < count) {
      const next = await Promise.race([it.next(), timeout]);
      if (next === undefined || next.done) break;
      const text = new TextDecoder().decode(next.value);
      const m = /^tswt-dgram-(\d+)-x{100}$/.exec(text);
      if (m && Number(m[1]) < count) echoed.add(Number(m[1]));
      else corrupt++;
    }
  }
  return { ok: echoed.size === count && corrupt === 0, sent, echoed: echoed.size, corrupt, maxDatagramSize: session.datagrams.maxDatagramSize };
}

/** Closes `session` with our code/reason; when the server has /client-close + /query, asks it what it saw. */
async function checkClose(session: WebTransportSession, open: SessionOpener, url: URL): Promise<{ ok: boolean; verified: boolean | null; detail?: string }> {
  const info = await session.close({ code: CLOSE_CODE, reason: CLOSE_REASON });
  if (info.code !== CLOSE_CODE || info.reason !== CLOSE_REASON) return { ok: false, verified: null, detail: `closed with ${info.code} ${JSON.stringify(info.reason)}` };
  const token = `tswt-${process.pid}-${Date.now()}`;
  let closer: WebTransportSession;
  try {
    closer = await open(siblingUrl(url, 'client-close', { token }), { fresh: true });
  } catch (error) {
    if (error instanceof SessionRejectedError) return { ok: true, verified: null, detail: `no /client-close endpoint (status ${error.status})` };
    throw error;
  }
  await closer.close({ code: CLOSE_CODE, reason: CLOSE_REASON });
  // The server records the close when the capsule arrives; give it a moment before asking.
  for (let attempt = 0; attempt < 5; attempt++) {
    await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    const query = await open(siblingUrl(url, 'query', { token }), { fresh: true });
    const next = await query.incomingUnidirectionalStreams[Symbol.asyncIterator]().next();
    const text = next.done ? '{}' : new TextDecoder().decode(await next.value.readAll({ maxSize: 65536 }));
    await query.close().catch(() => {});
    const record = JSON.parse(text) as { 'session-close-info'?: { abruptly?: boolean; close_info?: { code?: number; reason?: string } } };
    const seen = record['session-close-info'];
    if (seen === undefined) continue;
    const ok = seen.abruptly === false && seen.close_info?.code === CLOSE_CODE && seen.close_info.reason === CLOSE_REASON;
    return { ok, verified: ok, ...(ok ? {} : { detail: `the server saw ${text}` }) };
  }
  return { ok: false, verified: false, detail: 'the server recorded no close for our token' };
}

/** All checks on sessions opened with `open`; the report's `ok` is true only if each passed. */
export async function runWtEchoChecks(open: SessionOpener, url: URL, plan: WtEchoPlan): Promise<Record<string, unknown>> {
  const started = performance.now();
  const session = await open(url);
  const report: Record<string, unknown> = { sessionMs: Math.round((performance.now() - started) * 100) / 100 };
  const bidi = await checkBidi(session, plan);
  const uni = await checkUni(session, plan);
  const datagrams = await checkDatagrams(session, plan.datagrams);
  const close = await checkClose(session, open, url);
  Object.assign(report, { bidi, uni, datagrams, close, ok: bidi.ok && uni.ok && datagrams.ok && close.ok });
  return report;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function runWtClient(args: ClientArgs, deps: InteropDeps): Promise<number> {
  const url = new URL(args.urls[0]!);
  const keyLog = args.keylog ? deps.createKeyLogWriter(args.keylog) : undefined;
  const timeout = AbortSignal.timeout(args.timeoutSeconds * 1000);
  const trust: WebTransportConnectOptions = args.certHash !== undefined
    ? { serverCertificateHashes: [{ algorithm: 'sha-256', value: hexToBytes(args.certHash) }] }
    : args.insecure ? { insecure: true } : args.ca ? { ca: readFileSync(args.ca, 'utf8') } : {};
  const client = new WebTransportClient({ ...(keyLog ? { keyLog } : {}) });
  const open: SessionOpener = (target, o) => client.connect(target, {
    ...trust, signal: timeout, ...(args.sni ? { serverName: args.sni } : {}), ...(o?.fresh ? { reuseConnection: false } : {}),
  });
  const plan: WtEchoPlan = { bytes: args.bytes, streams: args.streams, uni: args.uni === 0 ? 1 : args.uni, datagrams: args.datagrams === 0 ? 10 : args.datagrams };
  const started = performance.now();
  const report: Record<string, unknown> = { ok: false, mode: 'wt', url: url.href };
  try {
    const result = await Promise.race([
      runWtEchoChecks(open, url, plan),
      new Promise<never>((_, reject) => {
        if (timeout.aborted) reject(timeout.reason);
        timeout.addEventListener('abort', () => reject(timeout.reason), { once: true });
      }),
    ]);
    Object.assign(report, result);
  } catch (error) {
    report.ok = false;
    report.error = (error as Error).message ?? String(error);
  }
  report.elapsedMs = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  await Promise.race([client.close(), new Promise((r) => setTimeout(r, 1000).unref())]);
  return report.ok === true ? 0 : 1;
}
