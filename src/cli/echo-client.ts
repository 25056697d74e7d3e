/** Echo mode, client side: send random payloads on bidi/uni streams and as datagrams, check every echo. */
import { randomBytes } from 'node:crypto';
import type { QuicConnection } from '../runtime/quic-connection.js';
import type { QuicStream } from '../runtime/quic-stream.js';

export interface EchoClientOptions {
  /** Bytes per stream. */
  bytes: number;
  /** Bidirectional streams. */
  streams: number;
  /** Unidirectional streams (echoed back on new server uni streams). */
  uni: number;
  datagrams: number;
  /** How long to wait for datagram echoes once the streams are done. */
  datagramWaitMs?: number;
}

export interface EchoStreamResult {
  ok: boolean;
  n: number;
  bytes: number;
  errors?: string[];
}

export interface EchoResult {
  ok: boolean;
  bidi: EchoStreamResult;
  uni: EchoStreamResult;
  datagrams: { sent: number; received: number; corrupt: number };
}

const WRITE_CHUNK = 64 * 1024;

export async function runEchoClient(connection: QuicConnection, options: EchoClientOptions): Promise<EchoResult> {
  const datagramCheck = options.datagrams > 0 ? checkDatagrams(connection, options) : undefined;
  const [bidi, uni] = await Promise.all([checkBidi(connection, options), checkUni(connection, options)]);
  const datagrams = datagramCheck ? await datagramCheck : { sent: 0, received: 0, corrupt: 0 };
  return { ok: bidi.ok && uni.ok && datagrams.corrupt === 0, bidi, uni, datagrams };
}

async function checkBidi(connection: QuicConnection, options: EchoClientOptions): Promise<EchoStreamResult> {
  const errors: string[] = [];
  let good = 0;
  await Promise.all(Array.from({ length: options.streams }, async () => {
    try {
      const payload = randomBytes(options.bytes);
      const stream = await connection.openBidirectionalStream();
      const [echoed] = await Promise.all([readAll(stream), sendAll(stream, payload)]);
      if (equal(echoed, payload)) good++;
      else errors.push(`bidi stream ${stream.id}: echo differs (${echoed.length} of ${payload.length} bytes)`);
    } catch (error) {
      errors.push(`bidi: ${(error as Error).message}`);
    }
  }));
  return summary(good, options.streams, options.bytes, errors);
}

async function checkUni(connection: QuicConnection, options: EchoClientOptions): Promise<EchoStreamResult> {
  if (options.uni === 0) return summary(0, 0, options.bytes, []);
  const errors: string[] = [];
  const payloads = Array.from({ length: options.uni }, () => randomBytes(options.bytes));
  const unmatched = new Set(payloads.map((_, i) => i));
  let good = 0;
  const receive = (async () => {
    const it = connection.incomingStreams[Symbol.asyncIterator]();
    const reads: Promise<void>[] = [];
    for (let i = 0; i < options.uni; i++) {
      const next = await it.next();
      if (next.done) throw new Error(`connection ended after ${i} of ${options.uni} echoed uni streams`);
      reads.push(readAll(next.value).then((echoed) => {
        // Echo streams come back in any order: match them by content.
        for (const idx of unmatched) {
          if (equal(echoed, payloads[idx]!)) {
            unmatched.delete(idx);
            good++;
            return;
          }
        }
        errors.push(`uni stream ${next.value.id}: echo matches no payload (${echoed.length} bytes)`);
      }));
    }
    await Promise.all(reads);
  })();
  const send = Promise.all(payloads.map(async (payload) => sendAll(await connection.openUnidirectionalStream(), payload)));
  try {
    await Promise.all([receive, send]);
  } catch (error) {
    errors.push(`uni: ${(error as Error).message}`);
  }
  return summary(good, options.uni, options.bytes, errors);
}

async function checkDatagrams(connection: QuicConnection, options: EchoClientOptions): Promise<EchoResult['datagrams']> {
  const size = Math.max(8, Math.min(1000, connection.maxDatagramSize));
  const sentPayloads: Uint8Array[] = [];
  let received = 0;
  let corrupt = 0;
  const seen = new Set<number>();
  const done = new Promise<void>((resolve) => {
    void (async () => {
      for await (const d of connection.datagrams) {
        const index = d.length >= 4 ? new DataView(d.buffer, d.byteOffset, 4).getUint32(0) : -1;
        const original = sentPayloads[index];
        if (original === undefined || !equal(d, original) || seen.has(index)) corrupt++;
        else {
          seen.add(index);
          received++;
        }
        if (received + corrupt >= options.datagrams) break;
      }
      resolve();
    })();
  });
  let sent = 0;
  for (let i = 0; i < options.datagrams; i++) {
    const payload = randomBytes(size);
    new DataView(payload.buffer, payload.byteOffset, 4).setUint32(0, i);
    sentPayloads.push(payload);
    try {
      connection.sendDatagram(payload);
      sent++;
    } catch {
      // Counted as not sent.
    }
    // Let the driver flush between bursts so the core's datagram queue does not overflow.
    if (i % 32 === 31) await new Promise((r) => setImmediate(r));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([done, new Promise((r) => { timer = setTimeout(r, options.datagramWaitMs ?? 1000); })]);
  clearTimeout(timer);
  return { sent, received, corrupt };
}

async function sendAll(stream: QuicStream, payload: Uint8Array): Promise<void> {
  for (let offset = 0; offset < payload.length; offset += WRITE_CHUNK) {
    await stream.write(payload.subarray(offset, Math.min(payload.length, offset + WRITE_CHUNK)));
  }
  await stream.end();
}

async function readAll(stream: QuicStream): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    total += chunk.length;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function summary(good: number, n: number, bytes: number, errors: string[]): EchoStreamResult {
  return { ok: good === n && errors.length === 0, n, bytes, ...(errors.length > 0 ? { errors } : {}) };
}
