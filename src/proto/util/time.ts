/** Time inside src/proto is integer microseconds since an arbitrary origin chosen by the runtime. */
export type Micros = number;

export const MICROS_PER_MS = 1000;
export const MICROS_PER_SECOND = 1_000_000;

export function msToMicros(ms: number): Micros {
  return Math.round(ms * MICROS_PER_MS);
}

export function microsToMs(us: Micros): number {
  return us / MICROS_PER_MS;
}
