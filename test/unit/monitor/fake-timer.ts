import type { MonitorTimer } from '../../../src/monitor/index.js';

/** A manual clock: tick() advances one interval and fires the callback. */
export class FakeTimer implements MonitorTimer {
  time = 1_000;
  callback: (() => void) | undefined;
  ms = 0;
  cleared = 0;
  now(): number {
    return this.time;
  }
  setInterval(callback: () => void, ms: number): unknown {
    this.callback = callback;
    this.ms = ms;
    return { ms };
  }
  clearInterval(): void {
    this.callback = undefined;
    this.cleared++;
  }
  tick(n = 1): void {
    for (let i = 0; i < n; i++) {
      this.time += this.ms;
      this.callback?.();
    }
  }
}
