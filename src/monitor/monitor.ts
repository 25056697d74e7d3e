/**
 * Shared machinery of ClientMonitor / ServerMonitor / DatagramMonitor: sample a stats source every
 * `intervalMs`, keep bounded sample and alert histories, and raise an alert when a condition starts
 * to hold (not again while it keeps holding: alerts are de-duplicated until the condition clears).
 * Alerts arrive as 'alert' events and through alerts() for `for await`.
 */
import { EventEmitter } from 'node:events';
import type { AlertCondition, MonitorAlert } from './alert.js';
import { AlertSubscription } from './alert-subscription.js';
import { BoundedHistory } from './bounded-history.js';
import { systemTimer, type MonitorTimer } from './timer.js';

export interface MonitorOptions {
  /** Sampling period (ms). */
  intervalMs?: number;
  /** Samples kept (oldest forgotten first). */
  historySize?: number;
  /** Alerts kept, and the most undelivered alerts one alerts() feed buffers. */
  alertHistorySize?: number;
  timer?: MonitorTimer;
}

export interface StartOptions {
  /** Aborting stops the monitor (like stop()). */
  signal?: AbortSignal;
  /** Take a sample right away instead of waiting one interval (default true). */
  immediate?: boolean;
}

export interface MonitorEvents<S> {
  sample: [sample: S];
  alert: [alert: MonitorAlert];
  /** A condition that had raised an alert no longer holds. */
  alertCleared: [type: string];
  /** collect() threw (e.g. the source was torn down); sampling goes on. */
  error: [error: unknown];
}

export abstract class Monitor<S> extends EventEmitter<MonitorEvents<S>> implements Disposable {
  readonly intervalMs: number;
  protected readonly timer: MonitorTimer;
  protected readonly history: BoundedHistory<S>;
  readonly #alerts: BoundedHistory<MonitorAlert>;
  readonly #active = new Map<string, MonitorAlert>();
  readonly #subscriptions = new Set<AlertSubscription>();
  #handle: unknown;
  #signal: AbortSignal | undefined;
  readonly #onAbort = (): void => this.stop();

  constructor(defaults: Required<Omit<MonitorOptions, 'timer'>>, options: MonitorOptions = {}) {
    super();
    this.intervalMs = options.intervalMs ?? defaults.intervalMs;
    if (!(this.intervalMs > 0)) throw new RangeError(`intervalMs must be positive, got ${this.intervalMs}`);
    this.timer = options.timer ?? systemTimer;
    this.history = new BoundedHistory(options.historySize ?? defaults.historySize);
    this.#alerts = new BoundedHistory(options.alertHistorySize ?? defaults.alertHistorySize);
  }

  /** Reads the source once. */
  protected abstract collect(now: number): S;
  /** The alert conditions that hold given the newest sample (already in `history`). */
  protected abstract evaluate(sample: S): AlertCondition[];

  get isMonitoring(): boolean {
    return this.#handle !== undefined;
  }

  /** Starts periodic sampling (no-op when already running). */
  start(options: StartOptions = {}): this {
    if (this.#handle !== undefined) return this;
    if (options.signal?.aborted) return this;
    this.#handle = this.timer.setInterval(() => { this.sampleNow(); }, this.intervalMs);
    if (options.signal !== undefined) {
      this.#signal = options.signal;
      options.signal.addEventListener('abort', this.#onAbort, { once: true });
    }
    if (options.immediate ?? true) this.sampleNow();
    return this;
  }

  /** Stops sampling and ends every alerts() feed. */
  stop(): void {
    if (this.#handle !== undefined) {
      this.timer.clearInterval(this.#handle);
      this.#handle = undefined;
    }
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#signal = undefined;
    for (const sub of [...this.#subscriptions]) sub.close();
  }

  [Symbol.dispose](): void {
    this.stop();
  }

  /** Takes one sample now, checks thresholds and emits; undefined when the source failed. */
  sampleNow(): S | undefined {
    const now = this.timer.now();
    let sample: S;
    try {
      sample = this.collect(now);
    } catch (error) {
      if (this.listenerCount('error') > 0) this.emit('error', error);
      return undefined;
    }
    this.history.push(sample);
    this.emit('sample', sample);
    const holding = new Set<string>();
    for (const condition of this.evaluate(sample)) {
      holding.add(condition.type);
      if (this.#active.has(condition.type)) continue;
      const alert: MonitorAlert = { ...condition, timestamp: now };
      this.#active.set(condition.type, alert);
      this.#alerts.push(alert);
      this.emit('alert', alert);
      for (const sub of this.#subscriptions) sub.push(alert);
    }
    for (const type of [...this.#active.keys()]) {
      if (holding.has(type)) continue;
      this.#active.delete(type);
      this.emit('alertCleared', type);
    }
    return sample;
  }

  /** Newest sample, if any. */
  get latest(): S | undefined {
    return this.history.last();
  }

  /** Samples oldest first; `limit` keeps only the newest ones. */
  samples(limit?: number): S[] {
    return this.history.toArray(limit);
  }

  /** Past alerts oldest first; `limit` keeps only the newest ones. */
  alertHistory(limit?: number): MonitorAlert[] {
    return this.#alerts.toArray(limit);
  }

  /** Alerts whose condition still holds. */
  get activeAlerts(): MonitorAlert[] {
    return [...this.#active.values()];
  }

  /** Forgets samples and alerts (active conditions re-alert on the next sample). */
  clearHistory(): void {
    this.history.clear();
    this.#alerts.clear();
    this.#active.clear();
  }

  /** Live alerts from now on, until stop() or `signal` aborts. */
  alerts(options: { signal?: AbortSignal } = {}): AsyncIterableIterator<MonitorAlert> {
    const signal = options.signal;
    const onAbort = (): void => sub.close();
    const sub: AlertSubscription = new AlertSubscription(this.#alerts.capacity, () => {
      this.#subscriptions.delete(sub);
      signal?.removeEventListener('abort', onAbort);
    });
    if (signal?.aborted) {
      sub.close();
      return sub;
    }
    this.#subscriptions.add(sub);
    signal?.addEventListener('abort', onAbort, { once: true });
    return sub;
  }
}

/** Reads a finite number at `path` of a loosely typed stats record (0 when absent). */
export function statNumber(stats: unknown, ...path: string[]): number {
  let v: unknown = stats;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return 0;
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
