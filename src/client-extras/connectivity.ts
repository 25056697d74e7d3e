/**
 * Client checks (pywebtransport client.utils): a one-shot connectivity probe and a small
 * request/response benchmark, each on its own WebTransportClient that is closed afterwards.
 * A "request" is one session with one bidirectional stream: payload + FIN out, the whole answer back.
 */
import {
  WebTransportClient,
  type WebTransportClientOptions, type WebTransportConnectOptions,
} from '../index.js';

export interface ClientCheckOptions {
  /** Options of the client created for the check. */
  client?: WebTransportClientOptions;
  /** Options of each connect (certificate hashes, headers, ...); `signal` is set by the check. */
  connectOptions?: Omit<WebTransportConnectOptions, 'signal'>;
  /** Cancels the whole check. */
  signal?: AbortSignal;
}

export interface ConnectivityOptions extends ClientCheckOptions {
  /** Give up after this long (default 10 000 ms). */
  timeoutMs?: number;
}

export interface ConnectivityResult {
  readonly success: boolean;
  /** Time until the session was ready (or until the failure). */
  readonly connectTimeMs: number;
  readonly clientStats: Record<string, unknown>;
  readonly error?: unknown;
}

function withDeadline(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
}

/** Opens one session to `url` and closes it; never rejects (failures are in the result). */
export async function testClientConnectivity(url: string, options: ConnectivityOptions = {}): Promise<ConnectivityResult> {
  const client = new WebTransportClient(options.client ?? {});
  const started = performance.now();
  try {
    const session = await client.connect(url, { ...options.connectOptions, signal: withDeadline(options.signal, options.timeoutMs ?? 10_000) });
    const connectTimeMs = performance.now() - started;
    await session.close().catch(() => undefined);
    return { success: true, connectTimeMs, clientStats: client.stats };
  } catch (error) {
    return { success: false, connectTimeMs: performance.now() - started, clientStats: client.stats, error };
  } finally {
    await client.close();
  }
}

export interface BenchmarkOptions extends ClientCheckOptions {
  /** Requests in total (default 100). */
  numRequests?: number;
  /** Requests in flight at once (default 10). */
  concurrency?: number;
  /** Sent on each request's stream (default 'ping'). */
  payload?: Uint8Array | string;
  /** Per-request limit (default 10 000 ms). */
  requestTimeoutMs?: number;
  /** Largest answer accepted per request (default 1 MiB). */
  maxResponseSize?: number;
}

export interface BenchmarkResult {
  readonly requests: number;
  readonly successful: number;
  readonly failed: number;
  readonly totalTimeMs: number;
  readonly requestsPerSecond: number;
  /** Latency of the successful requests (0 when none succeeded). */
  readonly avgLatencyMs: number;
  readonly minLatencyMs: number;
  readonly maxLatencyMs: number;
  /** The first failure, if any (the others are only counted). */
  readonly firstError?: unknown;
}

function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** Runs `numRequests` session + stream round trips against `url`, `concurrency` at a time. */
export async function benchmarkClientPerformance(url: string, options: BenchmarkOptions = {}): Promise<BenchmarkResult> {
  const total = positiveInt('numRequests', options.numRequests ?? 100);
  const concurrency = positiveInt('concurrency', options.concurrency ?? 10);
  const payload = options.payload ?? 'ping';
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const maxSize = options.maxResponseSize ?? 1_048_576;
  const client = new WebTransportClient(options.client ?? {});
  const latencies: number[] = [];
  let failed = 0;
  let firstError: unknown;
  let next = 0;

  const one = async (): Promise<void> => {
    const signal = withDeadline(options.signal, requestTimeoutMs);
    const started = performance.now();
    const session = await client.connect(url, { ...options.connectOptions, signal });
    try {
      const stream = await session.createBidirectionalStream();
      await stream.write(payload, { endStream: true });
      await stream.readAll({ maxSize, signal });
      latencies.push(performance.now() - started);
    } finally {
      await session.close().catch(() => undefined);
    }
  };
  const worker = async (): Promise<void> => {
    while (next < total && options.signal?.aborted !== true) {
      next++;
      try {
        await one();
      } catch (error) {
        failed++;
        firstError ??= error;
      }
    }
  };

  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  } finally {
    await client.close();
  }
  const totalTimeMs = performance.now() - started;
  const successful = latencies.length;
  const result: BenchmarkResult = {
    requests: successful + failed,
    successful,
    failed,
    totalTimeMs,
    requestsPerSecond: totalTimeMs > 0 ? (successful * 1000) / totalTimeMs : 0,
    avgLatencyMs: successful > 0 ? latencies.reduce((a, b) => a + b, 0) / successful : 0,
    minLatencyMs: successful > 0 ? latencies.reduce((a, b) => Math.min(a, b)) : 0,
    maxLatencyMs: successful > 0 ? latencies.reduce((a, b) => Math.max(a, b)) : 0,
  };
  return firstError === undefined ? result : { ...result, firstError };
}
