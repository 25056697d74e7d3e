/**
 * Waiting helpers (pywebtransport utils: Timer, wait_for_condition, run_with_timeout), built on
 * AbortSignal so callers can cancel them; timers never outlive the call.
 */
import { OperationTimeoutError } from '../index.js';

/** Stopwatch on performance.now(); `using t = new Timer()` stops it at the end of the scope. */
export class Timer implements Disposable {
  readonly name: string;
  #start: number | undefined;
  #stop: number | undefined;

  constructor(name = 'timer') {
    this.name = name;
  }

  start(): this {
    this.#start = performance.now();
    this.#stop = undefined;
    return this;
  }

  /** Stops and returns the elapsed milliseconds. */
  stop(): number {
    if (this.#start === undefined) throw new Error(`timer ${this.name} was not started`);
    this.#stop ??= performance.now();
    return this.#stop - this.#start;
  }

  /** Milliseconds so far (or until stop()); 0 before start(). */
  get elapsedMs(): number {
    if (this.#start === undefined) return 0;
    return (this.#stop ?? performance.now()) - this.#start;
  }

  [Symbol.dispose](): void {
    if (this.#start !== undefined) this.stop();
  }
}

export interface WaitForConditionOptions {
  /** Reject with OperationTimeoutError after this long (default: wait forever). */
  timeoutMs?: number;
  /** Polling period (default 100 ms). */
  intervalMs?: number;
  signal?: AbortSignal;
}

/** Resolves once `condition()` is truthy, polling every `intervalMs`. */
export function waitForCondition(condition: () => unknown, options: WaitForConditionOptions = {}): Promise<void> {
  const { timeoutMs, intervalMs = 100, signal } = options;
  return new Promise<void>((resolve, reject) => {
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const finish = (error?: unknown): void => {
      clearInterval(poll);
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const check = (): void => {
      try {
        if (condition()) finish();
      } catch (error) {
        finish(error);
      }
    };
    const onAbort = (): void => finish(signal!.reason);
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) {
      deadline = setTimeout(() => finish(new OperationTimeoutError(`condition not met within ${timeoutMs} ms`, { timeoutMs, operation: 'waitForCondition' })), timeoutMs);
    }
    const poll = setInterval(check, intervalMs);
    check();
  });
}

/**
 * The result of `work` (a promise, or a function given an AbortSignal that fires at the
 * deadline), or `defaultValue` when it takes longer than `timeoutMs`.
 */
export async function runWithTimeout<T, D = undefined>(
  work: Promise<T> | ((signal: AbortSignal) => Promise<T>),
  timeoutMs: number,
  defaultValue?: D,
): Promise<T | D> {
  const controller = new AbortController();
  const timedOut = Symbol('timeout');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => {
      // Settle the deadline first: work that rejects on abort must not win the race.
      resolve(timedOut);
      controller.abort(new OperationTimeoutError(`timed out after ${timeoutMs} ms`, { timeoutMs, operation: 'runWithTimeout' }));
    }, timeoutMs);
  });
  try {
    const result = await Promise.race([typeof work === 'function' ? work(controller.signal) : work, deadline]);
    return result === timedOut ? (defaultValue as D) : (result as T);
  } finally {
    clearTimeout(timer);
  }
}
