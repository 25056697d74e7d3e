/** A broken internal invariant: a bug in this library, never the peer's fault. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InternalError(message);
}

export function unreachable(value: never, message = 'unreachable'): never {
  throw new InternalError(`${message}: ${String(value)}`);
}
