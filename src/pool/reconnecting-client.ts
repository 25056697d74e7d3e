/**
 * ReconnectingClient keeps one session to `url` open: connect, wait for it to close, connect
 * again. Failed attempts back off exponentially with jitter; after `maxRetries` consecutive
 * failures (or an error `retryIf` refuses, by default a 4xx rejection) it gives up with
 * 'failed'. An AbortSignal or close() stops it for good.
 */
import { EventEmitter } from 'node:events';
import {
  ClientError, ConfigurationError, OperationTimeoutError, SessionRejectedError, WebTransportClient,
  type SessionCloseInfo, type WebTransportConnectOptions, type WebTransportSession,
} from '../index.js';
import { backoffDelay, resolveBackoff, sleep, type BackoffOptions, type ResolvedBackoff } from './backoff.js';

export type ReconnectState = 'idle' | 'connecting' | 'connected' | 'waiting' | 'failed' | 'closed';

export type Connector = (url: string, signal: AbortSignal) => Promise<WebTransportSession>;

export interface ReconnectingClientOptions {
  url: string | URL;
  /** Options for WebTransportClient.connect (ca, headers, timeoutMs...). */
  connectOptions?: WebTransportConnectOptions;
  /** Client to connect with (default: a private one, closed with this object). */
  client?: WebTransportClient;
  /** Replaces client.connect entirely (custom transports, tests). */
  connector?: Connector;
  backoff?: BackoffOptions;
  /** Consecutive failed attempts allowed before giving up (default Infinity). */
  maxRetries?: number;
  /** Whether an error is worth retrying (default: anything but a 4xx rejection other than 408/429, or a config error). */
  retryIf?: (error: unknown) => boolean;
  signal?: AbortSignal;
  /** [0, 1) source for jitter (default Math.random). */
  random?: () => number;
  /** Abortable wait, injectable for tests (default: setTimeout based). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface ReconnectingClientEvents {
  state: [ReconnectState, ReconnectState];
  connected: [{ session: WebTransportSession; attempt: number }];
  disconnected: [{ info: SessionCloseInfo }];
  retry: [{ attempt: number; delayMs: number; error: unknown }];
  failed: [{ error: unknown; attempts: number }];
}

export function defaultRetryIf(error: unknown): boolean {
  if (error instanceof ConfigurationError) return false;
  if (error instanceof SessionRejectedError) return !(error.status >= 400 && error.status < 500) || error.status === 408 || error.status === 429;
  return true;
}

interface Waiter {
  resolve: (s: WebTransportSession) => void;
  reject: (e: unknown) => void;
}

export class ReconnectingClient extends EventEmitter<ReconnectingClientEvents> implements AsyncDisposable {
  readonly url: string;
  readonly #connector: Connector;
  readonly #ownClient: WebTransportClient | undefined;
  readonly #backoff: ResolvedBackoff;
  readonly #maxRetries: number;
  readonly #retryIf: (error: unknown) => boolean;
  readonly #random: () => number;
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly #abort = new AbortController();
  readonly #waiters = new Set<Waiter>();
  #state: ReconnectState = 'idle';
  #session: WebTransportSession | undefined;
  #attempts = 0;
  #failure: unknown;
  #loop: Promise<void> | undefined;

  constructor(options: ReconnectingClientOptions) {
    super();
    this.url = String(options.url);
    this.#backoff = resolveBackoff(options.backoff);
    this.#maxRetries = options.maxRetries ?? Infinity;
    if (!(this.#maxRetries >= 0)) throw new RangeError('maxRetries must be >= 0');
    this.#retryIf = options.retryIf ?? defaultRetryIf;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? sleep;
    if (options.connector !== undefined) {
      this.#connector = options.connector;
    } else {
      const client = options.client ?? new WebTransportClient();
      this.#ownClient = options.client === undefined ? client : undefined;
      const base = options.connectOptions ?? {};
      this.#connector = (url, signal) => client.connect(url, { ...base, signal });
    }
    const outer = options.signal;
    if (outer !== undefined) {
      if (outer.aborted) void this.close();
      else outer.addEventListener('abort', () => void this.close(), { once: true });
    }
  }

  get state(): ReconnectState {
    return this.#state;
  }

  get isConnected(): boolean {
    return this.#state === 'connected';
  }

  /** The open session, if any. */
  get session(): WebTransportSession | undefined {
    return this.#session;
  }

  /** Connection attempts made so far (successful or not). */
  get attempts(): number {
    return this.#attempts;
  }

  /** Starts the connect loop (idempotent). */
  start(): this {
    if (this.#loop === undefined && this.#state === 'idle') this.#loop = this.#run();
    return this;
  }

  /**
   * The current session, or the next one; starts the loop if needed. Rejects with
   * OperationTimeoutError after `timeoutMs`, with the final error once 'failed', or ClientError
   * once closed.
   */
  getSession(options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<WebTransportSession> {
    if (this.#session !== undefined && this.#state === 'connected') return Promise.resolve(this.#session);
    if (this.#state === 'failed') return Promise.reject(this.#failure);
    if (this.#state === 'closed') return Promise.reject(new ClientError('the reconnecting client is closed', { targetUrl: this.url }));
    this.start();
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (): void => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        resolve: (s) => { done(); resolve(s); },
        reject: (e) => { done(); reject(e); },
      };
      const onAbort = (): void => waiter.reject(options.signal!.reason);
      if (options.signal?.aborted) return reject(options.signal.reason);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (options.timeoutMs !== undefined) {
        const ms = options.timeoutMs;
        timer = setTimeout(() => waiter.reject(new OperationTimeoutError(`no session to ${this.url} within ${ms} ms`, { timeoutMs: ms, operation: 'getSession' })), ms);
      }
      this.#waiters.add(waiter);
    });
  }

  #setState(next: ReconnectState): void {
    const prev = this.#state;
    if (prev === next) return;
    this.#state = next;
    this.emit('state', next, prev);
  }

  async #run(): Promise<void> {
    const signal = this.#abort.signal;
    let failures = 0;
    while (!signal.aborted) {
      this.#setState('connecting');
      this.#attempts++;
      let session: WebTransportSession;
      try {
        session = await this.#connector(this.url, signal);
      } catch (error) {
        if (signal.aborted) return;
        failures++;
        if (failures > this.#maxRetries || !this.#retryIf(error)) {
          this.#fail(error);
          return;
        }
        const delayMs = backoffDelay(failures, this.#backoff, this.#random);
        this.#setState('waiting');
        this.emit('retry', { attempt: failures, delayMs, error });
        try {
          await this.#sleep(delayMs, signal);
        } catch {
          return; // aborted
        }
        continue;
      }
      if (signal.aborted) {
        void session.close().catch(() => undefined);
        return;
      }
      failures = 0;
      this.#session = session;
      this.#setState('connected');
      this.emit('connected', { session, attempt: this.#attempts });
      for (const w of [...this.#waiters]) w.resolve(session);
      const info = await session.closed;
      this.#session = undefined;
      if (signal.aborted) return;
      this.emit('disconnected', { info });
    }
  }

  #fail(error: unknown): void {
    this.#failure = error;
    this.#setState('failed');
    this.emit('failed', { error, attempts: this.#attempts });
    for (const w of [...this.#waiters]) w.reject(error);
  }

  /** Stops reconnecting and closes the session (and the private client). */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    this.#abort.abort(new ClientError('the reconnecting client is closed', { targetUrl: this.url }));
    const session = this.#session;
    this.#session = undefined;
    this.#setState('closed');
    for (const w of [...this.#waiters]) w.reject(this.#abort.signal.reason);
    await session?.close({ code: 0, reason: 'client closed' }).catch(() => undefined);
    await this.#loop;
    await this.#ownClient?.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
