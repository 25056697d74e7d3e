/** A broken internal invariant: a bug in this library, never the peer's fault. */
export declare class InternalError extends Error {
    constructor(message: string);
}
export declare function invariant(condition: unknown, message: string): asserts condition;
export declare function unreachable(value: never, message?: string): never;
