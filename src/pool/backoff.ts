/**
 * Exponential backoff with jitter, and an abortable sleep. Jitter spreads clients that lost
 * the same server so they do not all reconnect in the same instant.
 */
export interface BackoffOptions {
  /** Delay before the first retry (default 500 ms). */
  initialDelayMs?: number;
  /** Upper bound for any delay (default 30 000 ms). */
  maxDelayMs?: number;
  /** Growth factor per failed attempt (default 2). */
  multiplier?: number;
  /** Fraction of the delay that is randomised away, 0..1 (default 0.5): delay in [d*(1-jitter), d]. */
  jitter?: number;
}

export interface ResolvedBackoff {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
  readonly jitter: number;
}

export function resolveBackoff(options: BackoffOptions = {}): ResolvedBackoff {
  const b = {
    initialDelayMs: options.initialDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    multiplier: options.multiplier ?? 2,
    jitter: options.jitter ?? 0.5,
  };
  if (!(b.initialDelayMs >= 0) || !(b.maxDelayMs >= b.initialDelayMs)) throw new RangeError('backoff needs 0 <= initialDelayMs <= maxDelayMs');
  if (!(b.multiplier >= 1)) throw new RangeError('backoff multiplier must be >= 1');
  if (!(b.jitter >= 0 && b.jitter <= 1)) throw new RangeError('backoff jitter must be within 0..1');
  return b;
}

/** Delay before retry number `attempt` (1-based); `random` returns [0, 1). */
export function backoffDelay(attempt: number, backoff: ResolvedBackoff, random: () => number = Math.random): number {
  const exp = backoff.initialDelayMs * backoff.multiplier ** Math.max(0, attempt - 1);
  const capped = Math.min(Number.isFinite(exp) ? exp : backoff.maxDelayMs, backoff.maxDelayMs);
  return Math.round(capped - capped * backoff.jitter * random());
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
