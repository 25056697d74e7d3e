/** A broken internal invariant: a bug in this library, never the peer's fault. */
export class InternalError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InternalError';
    }
}
export function invariant(condition, message) {
    if (!condition)
        throw new InternalError(message);
}
export function unreachable(value, message = 'unreachable') {
    throw new InternalError(`${message}: ${String(value)}`);
}
//# sourceMappingURL=invariant.js.map