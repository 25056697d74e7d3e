/**
 * Datagram send-rate probe (pywebtransport datagram_throughput_test): sends fixed-size datagrams
 * for a while and reports how many the transport accepted. It measures what the local side could
 * hand to QUIC, not what the peer received (datagrams are unreliable).
 */
import { DatagramError } from '../index.js';

/** Anything that sends one datagram and throws when it cannot (a DatagramChannel, DatagramDuplexStream...). */
export interface DatagramSender {
  send(data: Uint8Array): unknown;
}

export interface ThroughputOptions {
  /** How long to send (default 10 000 ms). */
  durationMs?: number;
  /** Payload size in bytes (default 1000). */
  datagramSize?: number;
  /** Sends between yields to the event loop, so the transport can flush (default 16). */
  batchSize?: number;
  signal?: AbortSignal;
  /** Millisecond clock (default performance.now). */
  now?: () => number;
}

export interface ThroughputResult {
  readonly durationMs: number;
  readonly datagramsSent: number;
  /** Sends the transport refused (queue full, too large...). */
  readonly errors: number;
  /** Datagrams per second. */
  readonly throughputDps: number;
  /** Payload bits per second. */
  readonly throughputBps: number;
  /** errors / attempts (0 without attempts). */
  readonly errorRate: number;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Sends `datagramSize`-byte datagrams on `target` (a session or a sender) for `durationMs`. */
export async function measureDatagramThroughput(
  target: DatagramSender | { readonly datagrams: DatagramSender },
  options: ThroughputOptions = {},
): Promise<ThroughputResult> {
  const durationMs = options.durationMs ?? 10_000;
  const size = options.datagramSize ?? 1000;
  const batch = options.batchSize ?? 16;
  if (!(durationMs > 0)) throw new RangeError(`durationMs must be positive, got ${durationMs}`);
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`datagramSize must be a positive integer, got ${size}`);
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batchSize must be a positive integer, got ${batch}`);
  const sender = 'datagrams' in target ? target.datagrams : target;
  const now = options.now ?? (() => performance.now());
  const payload = new Uint8Array(size).fill(0x78);
  let sent = 0;
  let errors = 0;
  const started = now();
  while (now() - started < durationMs && options.signal?.aborted !== true) {
    for (let i = 0; i < batch; i++) {
      try {
        sender.send(payload);
        sent++;
      } catch (error) {
        if (!(error instanceof DatagramError)) throw error;
        errors++;
      }
    }
    await yieldToLoop();
  }
  const elapsed = Math.max(now() - started, Number.EPSILON);
  const attempts = sent + errors;
  return {
    durationMs: elapsed,
    datagramsSent: sent,
    errors,
    throughputDps: (sent * 1000) / elapsed,
    throughputBps: (sent * size * 8 * 1000) / elapsed,
    errorRate: attempts === 0 ? 0 : errors / attempts,
  };
}
