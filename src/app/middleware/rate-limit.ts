/**
 * Sliding-window rate limit per client (default key: the peer IP). The table is bounded: at
 * most `maxClients` keys, least recently seen evicted first, and each key keeps at most
 * `maxRequests` timestamps, so memory stays O(maxClients * maxRequests) whatever peers do.
 */
import { MiddlewareRejectedError } from '../../index.js';
import type { Middleware, RequestContext } from '../types.js';

export interface RateLimitOptions {
  /** Requests allowed per key inside one window (default 100). */
  maxRequests?: number;
  /** Window length in ms (default 60 000). */
  windowMs?: number;
  /** Keys tracked at once (default 10 000). */
  maxClients?: number;
  /** Millisecond clock (default Date.now). */
  now?: () => number;
  /** Request -> key (default the remote IP); undefined means "do not limit". */
  key?: (ctx: RequestContext) => string | undefined;
}

export class RateLimiter {
  readonly maxRequests: number;
  readonly windowMs: number;
  readonly maxClients: number;
  readonly #now: () => number;
  /** key -> ascending timestamps (Map order = least recently seen first). */
  readonly #hits = new Map<string, number[]>();

  constructor(options: RateLimitOptions = {}) {
    this.maxRequests = options.maxRequests ?? 100;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxClients = options.maxClients ?? 10_000;
    for (const [name, v] of [['maxRequests', this.maxRequests], ['windowMs', this.windowMs], ['maxClients', this.maxClients]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
    }
    this.#now = options.now ?? Date.now;
  }

  /** Keys currently tracked. */
  get size(): number {
    return this.#hits.size;
  }

  /** Records a request for `key`; returns 0 if allowed, else the ms until a slot frees up. */
  hit(key: string): number {
    const now = this.#now();
    let times = this.#hits.get(key);
    if (times === undefined) {
      times = [];
    } else {
      this.#hits.delete(key); // re-inserted below: most recently seen last
    }
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < times.length && times[drop]! <= cutoff) drop++;
    if (drop > 0) times.splice(0, drop);
    let wait = 0;
    if (times.length >= this.maxRequests) wait = Math.max(1, times[0]! + this.windowMs - now);
    else times.push(now);
    this.#hits.set(key, times);
    while (this.#hits.size > this.maxClients) this.#hits.delete(this.#hits.keys().next().value!);
    return wait;
  }

  /** Forgets keys with no request inside the window. */
  prune(): void {
    const cutoff = this.#now() - this.windowMs;
    for (const [key, times] of this.#hits) if (times.length === 0 || times[times.length - 1]! <= cutoff) this.#hits.delete(key);
  }

  clear(): void {
    this.#hits.clear();
  }
}

/**
 * Middleware refusing with 429 + retry-after (seconds) once a key exceeds its window. Disposing it
 * (ServerApp does when it closes) forgets every tracked key.
 */
export function createRateLimitMiddleware(options: RateLimitOptions = {}): Middleware & { readonly limiter: RateLimiter; [Symbol.dispose](): void } {
  const limiter = new RateLimiter(options);
  const keyOf = options.key ?? ((ctx: RequestContext) => ctx.request.remoteAddress.address);
  const mw: Middleware = async (ctx, next) => {
    const key = keyOf(ctx);
    if (key !== undefined) {
      const wait = limiter.hit(key);
      if (wait > 0) {
        throw new MiddlewareRejectedError(`rate limit exceeded for ${key}`, { status: 429, headers: { 'retry-after': String(Math.ceil(wait / 1000)) } });
      }
    }
    await next();
  };
  return Object.assign(mw, { limiter, [Symbol.dispose]: () => limiter.clear() });
}
