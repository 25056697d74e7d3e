/** Thrown when a simulation hits its time or step bound; the message carries what replays it. */
export declare class SimBoundError extends Error {
    /** Seed of the run, when the thrower knows it (rerun with SIM_SEED=<seed>). */
    readonly seed: number | undefined;
    /** Virtual time when the bound was hit, in µs. */
    readonly atMicros: number;
    constructor(message: string, atMicros: number, seed?: number);
}
