/** The clock and interval timer a monitor samples with; inject a fake one in tests. */
export interface MonitorTimer {
  /** Milliseconds; only differences matter. */
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Wall clock + Node timers; the interval is unref'd so a forgotten monitor never keeps the process alive. */
export const systemTimer: MonitorTimer = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};
