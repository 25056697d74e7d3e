/** Thrown when a simulation hits its time or step bound; the message carries what replays it. */
export class SimBoundError extends Error {
    /** Seed of the run, when the thrower knows it (rerun with SIM_SEED=<seed>). */
    seed;
    /** Virtual time when the bound was hit, in µs. */
    atMicros;
    constructor(message, atMicros, seed) {
        super(seed === undefined ? message : `${message} (seed=${seed}, rerun with SIM_SEED=${seed})`);
        this.name = 'SimBoundError';
        this.seed = seed;
        this.atMicros = atMicros;
    }
}
//# sourceMappingURL=sim-bound-error.js.map