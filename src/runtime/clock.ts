/** Time sources for the runtime: a monotonic clock for protocol time, the wall clock for certificates. */
import type { Micros } from '../proto/util/time.js';

export interface Clock {
  /** Monotonic integer microseconds from an arbitrary origin; never goes backwards. */
  now(): Micros;
}

/** performance.now() is monotonic (unlike Date.now), which loss detection and timers need. */
export const systemClock: Clock = {
  now: () => Math.floor(performance.now() * 1000),
};

/** Microseconds since the Unix epoch: only for certificate validity, never for protocol timers. */
export function wallClockMicros(): Micros {
  return Date.now() * 1000;
}
