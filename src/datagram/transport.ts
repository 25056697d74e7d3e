/**
 * What the datagram toolkit needs from a datagram source: the public DatagramChannel
 * (`session.datagrams`) satisfies it as is; tests pass a fake with injected loss.
 */
import { DatagramError, OperationTimeoutError, type DatagramChannel, type StreamData } from '../index.js';

export interface DatagramTransport {
  /** Hands one datagram to the transport at once; throws DatagramError when it cannot. */
  send(data: Uint8Array): void;
  receive(options?: { signal?: AbortSignal }): Promise<Uint8Array>;
  tryReceive(): Uint8Array | undefined;
  readonly maxDatagramSize: number;
  readonly isClosed: boolean;
  /** Received datagrams waiting to be read (optional: 0 when missing). */
  readonly receiveBufferSize?: number;
  clearReceiveBuffer?(): number;
}

/** A session (anything with `.datagrams`) or the datagram transport itself. */
export type DatagramSource = DatagramTransport | { readonly datagrams: DatagramChannel | DatagramTransport };

export function resolveTransport(source: DatagramSource): DatagramTransport {
  return 'datagrams' in source ? source.datagrams : source;
}

const encoder = new TextEncoder();

/** StreamData as bytes, without copying views. */
export function asBytes(data: StreamData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new DatagramError('datagram data must be a Uint8Array, ArrayBuffer(View) or string');
}

export interface WaitOptions {
  /** Give up after this many milliseconds with OperationTimeoutError. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Runs `op` with a signal that aborts on the caller's signal or after `timeoutMs`
 * (then rejecting with OperationTimeoutError, pywebtransport's TimeoutError).
 */
export async function withTimeout<T>(operation: string, options: WaitOptions, op: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
  const { timeoutMs, signal } = options;
  if (timeoutMs === undefined) return op(signal);
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal!.reason);
  if (signal?.aborted) throw signal.reason;
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    controller.abort(new OperationTimeoutError(`${operation} timed out after ${timeoutMs} ms`, { timeoutMs, operation }));
  }, timeoutMs);
  try {
    return await op(controller.signal);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
