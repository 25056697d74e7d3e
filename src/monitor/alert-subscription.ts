import type { MonitorAlert } from './alert.js';

/**
 * A live feed of alerts for `for await`: buffers at most `capacity` undelivered alerts (dropping
 * the oldest, so a slow consumer cannot grow memory) and ends on close().
 */
export class AlertSubscription implements AsyncIterableIterator<MonitorAlert> {
  readonly #capacity: number;
  readonly #onDone: () => void;
  #buffer: MonitorAlert[] = [];
  #waiter: ((r: IteratorResult<MonitorAlert>) => void) | undefined;
  #done = false;
  /** Alerts lost because the consumer fell more than `capacity` behind. */
  dropped = 0;

  constructor(capacity: number, onDone: () => void) {
    this.#capacity = capacity;
    this.#onDone = onDone;
  }

  push(alert: MonitorAlert): void {
    if (this.#done) return;
    if (this.#waiter !== undefined) {
      const w = this.#waiter;
      this.#waiter = undefined;
      w({ value: alert, done: false });
      return;
    }
    if (this.#buffer.length >= this.#capacity) {
      this.#buffer.shift();
      this.dropped++;
    }
    this.#buffer.push(alert);
  }

  /** Ends the feed; alerts already buffered are still delivered. */
  close(): void {
    if (this.#done) return;
    this.#done = true;
    this.#onDone();
    if (this.#waiter !== undefined) {
      const w = this.#waiter;
      this.#waiter = undefined;
      w({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<MonitorAlert>> {
    const item = this.#buffer.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => { this.#waiter = resolve; });
  }

  return(): Promise<IteratorResult<MonitorAlert>> {
    this.#buffer = [];
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<MonitorAlert> {
    return this;
  }
}
