/**
 * What the three stream classes share: identity, state, stats, waitClosed, diagnoseIssues and
 * monitorHealth (pywebtransport v0.5.1 stream base), plus the narrow interface through which a
 * stream reaches the WebTransport engine (`StreamOps`, provided by the session).
 */
import { StreamDirection, StreamState } from './constants.js';
import { OperationTimeoutError } from './errors.js';
import { StreamStats } from './stream-stats.js';

/** Engine operations on one connection, as a stream needs them. Each call may throw when the stream is gone. */
export interface StreamOps {
  read(streamId: number, maxBytes: number): { data: Uint8Array; fin: boolean } | undefined;
  write(streamId: number, data: Uint8Array, fin: boolean): number;
  /** RESET_STREAM with an application code. */
  reset(streamId: number, code: number): void;
  /** STOP_SENDING with an application code. */
  stop(streamId: number, code: number): void;
  /** After reads (credit to advertise) and writes (bytes to send). */
  wake(): void;
}

export interface StreamSettings {
  /** Receive buffer of read-ahead bytes (pulled from the transport only while there is room). */
  readonly bufferSize: number;
  /** Bytes writes with waitFlush: false may leave queued before they wait. */
  readonly maxSendBuffered: number;
  /** null: reads wait forever. */
  readonly readTimeoutMs: number | null;
  /** null: writes wait forever. */
  readonly writeTimeoutMs: number | null;
}

export const DEFAULT_STREAM_SETTINGS: StreamSettings = {
  bufferSize: 65_536, maxSendBuffered: 1_048_576, readTimeoutMs: null, writeTimeoutMs: null,
};

/** Module-private key: stream objects are made by sessions, never by `new` in user code. */
export const STREAM_KEY: unique symbol = Symbol('tswebtransport.stream');

export interface StreamInit {
  readonly streamId: number;
  readonly sessionId: number;
  readonly ops: StreamOps;
  readonly settings: StreamSettings;
  /** Called once when the stream reaches a final state. */
  readonly onFinished?: (streamId: number) => void;
}

/** Where each half of a stream stands. */
export type SideState = 'open' | 'finished' | 'localAbort' | 'remoteAbort';

export interface DiagnoseOptions {
  /** Errors per operation above this ratio are reported (default 0.1). */
  errorRateThreshold?: number;
  /** Average read or write time above this is reported (default 1000 ms). */
  latencyThresholdMs?: number;
  /** An open stream older than this is reported (default 1 h). */
  staleThresholdMs?: number;
}

export interface MonitorHealthOptions {
  /** Default 30 s. */
  checkIntervalMs?: number;
  errorRateThreshold?: number;
  /** Stops monitoring. */
  signal?: AbortSignal;
  /** Receives the issues found at each check (none: nothing is called). */
  onIssues?: (issues: string[]) => void;
}

export function checkStreamKey(key: unknown): void {
  if (key !== STREAM_KEY) throw new TypeError('Illegal constructor: streams come from a WebTransportSession');
}

/** Rejects with OperationTimeoutError when `p` takes longer than `ms` (null: no limit). */
export function withTimeout<T>(p: Promise<T>, ms: number | null, operation: string): Promise<T> {
  if (ms === null || !Number.isFinite(ms)) return p;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OperationTimeoutError(`${operation} timed out after ${ms} ms`, { timeoutMs: ms, operation })), ms);
    timer.unref?.();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

export abstract class StreamBase {
  readonly streamId: number;
  readonly sessionId: number;
  abstract readonly direction: StreamDirection;
  readonly stats: StreamStats;
  /** Made on first waitClosed(): most streams are never awaited, so none is allocated up front. */
  #closed: Promise<void> | undefined;
  #resolveClosed: (() => void) | undefined;
  #finished = false;
  readonly #onFinished: ((streamId: number) => void) | undefined;

  protected constructor(init: StreamInit) {
    this.streamId = init.streamId;
    this.sessionId = init.sessionId;
    this.stats = new StreamStats(init.streamId);
    this.#onFinished = init.onFinished;
  }

  /** Receive-side state ('finished' once the end was read); undefined for a send-only stream. */
  protected abstract get receiveState(): SideState | undefined;
  /** Send-side state ('finished' once the FIN was handed over); undefined for a receive-only stream. */
  protected abstract get sendState(): SideState | undefined;

  /** pywebtransport StreamState, derived from both halves. */
  get state(): StreamState {
    const r = this.receiveState;
    const s = this.sendState;
    if (r === 'remoteAbort' || s === 'remoteAbort') return StreamState.RESET_RECEIVED;
    if (r === 'localAbort' || s === 'localAbort') return StreamState.RESET_SENT;
    const rDone = r === undefined || r === 'finished';
    const sDone = s === undefined || s === 'finished';
    if (rDone && sDone) return StreamState.CLOSED;
    if (s === 'finished') return StreamState.HALF_CLOSED_LOCAL;
    if (r === 'finished') return StreamState.HALF_CLOSED_REMOTE;
    return StreamState.OPEN;
  }

  /** True once neither half can carry data any more. */
  get isClosed(): boolean {
    return this.receiveState !== 'open' && this.sendState !== 'open';
  }

  /** Resolves once the stream is fully closed (both halves finished or aborted). */
  waitClosed(): Promise<void> {
    if (this.#closed === undefined) {
      this.#closed = this.#finished ? Promise.resolve() : new Promise((resolve) => { this.#resolveClosed = resolve; });
    }
    return this.#closed;
  }

  /** Called by the halves on every state change. */
  protected updateFinished(): void {
    if (this.#finished || !this.isClosed) return;
    this.#finished = true;
    this.stats.markClosed();
    this.#resolveClosed?.();
    this.#onFinished?.(this.streamId);
  }

  /** Checks the counters and returns human-readable issues (empty: healthy). */
  diagnoseIssues(options: DiagnoseOptions = {}): string[] {
    const errorRate = options.errorRateThreshold ?? 0.1;
    const latency = options.latencyThresholdMs ?? 1000;
    const stale = options.staleThresholdMs ?? 3_600_000;
    const st = this.stats;
    const issues: string[] = [];
    const ops = st.readsCount + st.writesCount;
    const errors = st.readErrors + st.writeErrors;
    if (ops + errors > 0 && errors / (ops + errors) > errorRate) {
      issues.push(`high error rate: ${errors} errors in ${ops + errors} operations`);
    }
    if (st.avgReadTimeMs > latency) issues.push(`slow reads: ${st.avgReadTimeMs.toFixed(1)} ms on average`);
    if (st.avgWriteTimeMs > latency) issues.push(`slow writes: ${st.avgWriteTimeMs.toFixed(1)} ms on average`);
    if (!this.isClosed && st.uptimeMs > stale) issues.push(`stale stream: open for ${Math.round(st.uptimeMs / 1000)} s`);
    if (st.flowControlErrors > 0 && st.flowControlErrors >= Math.max(1, st.writesCount)) {
      issues.push(`flow control: ${st.flowControlErrors} blocked writes`);
    }
    const state = this.state;
    if (state === StreamState.RESET_RECEIVED || state === StreamState.RESET_SENT) issues.push(`stream was reset (${state})`);
    return issues;
  }

  /**
   * Runs diagnoseIssues every `checkIntervalMs` until the stream closes or `signal` aborts;
   * issues go to `onIssues`.
   */
  async monitorHealth(options: MonitorHealthOptions = {}): Promise<void> {
    const interval = options.checkIntervalMs ?? 30_000;
    const signal = options.signal;
    const diag = { errorRateThreshold: options.errorRateThreshold ?? 0.1 };
    while (!this.isClosed && signal?.aborted !== true) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let onAbort: (() => void) | undefined;
      await Promise.race([
        this.waitClosed(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, interval);
          onAbort = resolve;
          signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
      clearTimeout(timer);
      if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
      if (isAborted(signal)) return;
      const issues = this.diagnoseIssues(diag);
      if (issues.length > 0) options.onIssues?.(issues);
    }
  }

  /** Plain summary (pywebtransport get_summary). */
  toJSON(): Record<string, unknown> {
    return { streamId: this.streamId, sessionId: this.sessionId, direction: this.direction, state: this.state, stats: this.stats.toObject() };
  }
}

export { StreamDirection, StreamState };
