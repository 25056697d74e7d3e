/** Time inside src/proto is integer microseconds since an arbitrary origin chosen by the runtime. */
export type Micros = number;
export declare const MICROS_PER_MS = 1000;
export declare const MICROS_PER_SECOND = 1000000;
export declare function msToMicros(ms: number): Micros;
export declare function microsToMs(us: Micros): number;
