/** Time sources for the runtime: a monotonic clock for protocol time, the wall clock for certificates. */
import type { Micros } from '../proto/util/time.js';
export interface Clock {
    /** Monotonic integer microseconds from an arbitrary origin; never goes backwards. */
    now(): Micros;
}
/** performance.now() is monotonic (unlike Date.now), which loss detection and timers need. */
export declare const systemClock: Clock;
/** Microseconds since the Unix epoch: only for certificate validity, never for protocol timers. */
export declare function wallClockMicros(): Micros;
