/**
 * ConnectionLoadBalancer: one cached connection per target, picked round robin, by weight or by the
 * lowest measured connect RTT. A target whose connect fails is marked unhealthy and skipped until
 * checkHealth() probes it successfully, or (circuit-breaker style) until retryAfterMs has passed on
 * the injected clock, when the next pick may try it again. A cached connection that is lost (its
 * handle reports a closeError: the server vanished, or a quiet connection idled out) is dropped and
 * its target is probed by the next checkHealth(), which marks it unhealthy if the server is gone.
 * No background timers.
 */
import { ClientError } from '../index.js';
import { connectionOpener } from './web-transport-connection.js';
import { monotonicClock, type Clock, type ConnectionHandle, type ConnectionOpener } from './types.js';

export type BalancingStrategy = 'round-robin' | 'weighted' | 'least-latency';

export interface LoadBalancerTarget {
  url: string;
  /** Relative weight for 'weighted' (default 1). */
  weight?: number;
}

export interface LoadBalancerOptions {
  opener?: ConnectionOpener;
  /** Default 'round-robin'. */
  strategy?: BalancingStrategy;
  clock?: Clock;
  /** [0, 1) random numbers for 'weighted' (default Math.random). */
  random?: () => number;
  /** An unhealthy target becomes eligible again after this long (default 30 000). */
  retryAfterMs?: number;
  /** Probe used by checkHealth (default: open a connection with the opener and close it). */
  healthCheck?: (url: string, signal: AbortSignal) => Promise<boolean>;
  /** Default 5000. */
  healthCheckTimeoutMs?: number;
}

export interface TargetStats {
  url: string;
  weight: number;
  healthy: boolean;
  connected: boolean;
  /** Its connection was lost since it last worked: the next checkHealth() probes it. */
  connectionLost: boolean;
  /** Last measured connect RTT (ms), undefined until one connect succeeded. */
  connectRttMs: number | undefined;
  picks: number;
  failures: number;
  lastError: string | undefined;
}

interface Target {
  url: string;
  weight: number;
  healthy: boolean;
  /** Its cached connection was lost since the last successful connect or probe. */
  lost: boolean;
  failedAt: number;
  rttMs: number | undefined;
  conn: ConnectionHandle | undefined;
  pending: Promise<ConnectionHandle> | undefined;
  picks: number;
  failures: number;
  lastError: string | undefined;
}

export class ConnectionLoadBalancer implements AsyncDisposable {
  readonly #targets: Target[] = [];
  readonly #opener: ConnectionOpener;
  readonly #strategy: BalancingStrategy;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #retryAfterMs: number;
  readonly #healthCheck: ((url: string, signal: AbortSignal) => Promise<boolean>) | undefined;
  readonly #healthTimeoutMs: number;
  readonly #abort = new AbortController();
  #next = 0;
  #closed = false;

  constructor(targets: ReadonlyArray<string | LoadBalancerTarget>, options: LoadBalancerOptions = {}) {
    for (const t of targets) {
      const target = typeof t === 'string' ? { url: t } : t;
      const url = new URL(target.url).href;
      if (this.#targets.some((x) => x.url === url)) continue;
      this.#targets.push({ url, weight: checkWeight(target.weight ?? 1), healthy: true, lost: false, failedAt: 0, rttMs: undefined, conn: undefined, pending: undefined, picks: 0, failures: 0, lastError: undefined });
    }
    if (this.#targets.length === 0) throw new RangeError('at least one target is required');
    this.#opener = options.opener ?? connectionOpener();
    this.#strategy = options.strategy ?? 'round-robin';
    this.#clock = options.clock ?? monotonicClock;
    this.#random = options.random ?? Math.random;
    this.#retryAfterMs = options.retryAfterMs ?? 30_000;
    this.#healthCheck = options.healthCheck;
    this.#healthTimeoutMs = options.healthCheckTimeoutMs ?? 5000;
  }

  get size(): number {
    return this.#targets.length;
  }

  /**
   * A connection to a target chosen by `strategy`. If connecting fails the target is marked
   * unhealthy and the next eligible one is tried; ClientError when none is left.
   */
  async getConnection(strategy: BalancingStrategy = this.#strategy): Promise<ConnectionHandle> {
    const tried = new Set<Target>();
    let lastError: unknown;
    for (;;) {
      if (this.#closed) throw new ClientError('the load balancer is closed');
      const t = this.#pick(strategy, tried);
      if (t === undefined) {
        throw new ClientError(`no healthy target (${this.#targets.length} configured)`, lastError !== undefined ? { cause: lastError } : {});
      }
      tried.add(t);
      try {
        return await this.#connect(t);
      } catch (error) {
        lastError = error;
      }
    }
  }

  updateWeight(url: string, weight: number): void {
    const t = this.#find(url);
    t.weight = checkWeight(weight);
  }

  /**
   * Probes every unhealthy target, and every target that lost its connection since it was last
   * seen working; returns the URLs whose probe succeeded. A failed probe marks the target unhealthy.
   */
  async checkHealth(): Promise<string[]> {
    const sick = this.#targets.filter((t) => !t.healthy || t.lost);
    const results = await Promise.all(sick.map((t) => this.#probe(t)));
    return sick.filter((_, i) => results[i]).map((t) => t.url);
  }

  targetStats(): TargetStats[] {
    return this.#targets.map((t) => ({
      url: t.url, weight: t.weight, healthy: t.healthy, connected: t.conn !== undefined && !t.conn.isClosed, connectionLost: t.lost,
      connectRttMs: t.rttMs, picks: t.picks, failures: t.failures, lastError: t.lastError,
    }));
  }

  stats(): { targets: number; healthy: number; connected: number; strategy: BalancingStrategy } {
    const s = this.targetStats();
    return { targets: s.length, healthy: s.filter((t) => t.healthy).length, connected: s.filter((t) => t.connected).length, strategy: this.#strategy };
  }

  /** Closes the cached connections; later getConnection() calls throw. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#abort.abort(new ClientError('the load balancer is closed'));
    const conns = this.#targets.map((t) => t.conn).filter((c): c is ConnectionHandle => c !== undefined);
    for (const t of this.#targets) t.conn = undefined;
    await Promise.all(conns.map((c) => c.close({ reason: 'load balancer closed' }).catch(() => {})));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #find(url: string): Target {
    const href = new URL(url).href;
    const t = this.#targets.find((x) => x.url === href);
    if (t === undefined) throw new RangeError(`unknown target ${url}`);
    return t;
  }

  #eligible(t: Target, now: number): boolean {
    return t.healthy || now - t.failedAt >= this.#retryAfterMs;
  }

  #pick(strategy: BalancingStrategy, tried: Set<Target>): Target | undefined {
    const now = this.#clock();
    const candidates = this.#targets.filter((t) => !tried.has(t) && this.#eligible(t, now));
    if (candidates.length === 0) return undefined;
    let chosen: Target;
    if (strategy === 'weighted') {
      const weighted = candidates.filter((t) => t.weight > 0);
      const pool = weighted.length > 0 ? weighted : candidates;
      const total = pool.reduce((sum, t) => sum + t.weight, 0);
      let r = this.#random() * total;
      chosen = pool[pool.length - 1]!;
      for (const t of pool) {
        r -= t.weight;
        if (r < 0) { chosen = t; break; }
      }
    } else if (strategy === 'least-latency') {
      // Unmeasured targets go first so every target gets a measurement.
      chosen = candidates.reduce((best, t) => ((t.rttMs ?? -1) < (best.rttMs ?? -1) ? t : best));
    } else {
      chosen = candidates[this.#next++ % candidates.length]!;
    }
    chosen.picks++;
    return chosen;
  }

  /** The cached connection, or one shared in-flight connect. */
  #connect(t: Target): Promise<ConnectionHandle> {
    if (t.conn !== undefined && !t.conn.isClosed) return Promise.resolve(t.conn);
    t.pending ??= this.#opener(t.url, this.#abort.signal).then((conn) => {
      t.pending = undefined;
      if (this.#closed) {
        void conn.close().catch(() => {});
        throw new ClientError('the load balancer is closed');
      }
      this.#markHealthy(t, conn.connectRttMs);
      t.conn = conn;
      void conn.closed.then(() => {
        if (t.conn !== conn) return;
        t.conn = undefined;
        if (conn.closeError === undefined || this.#closed) return;
        t.lost = true;
        t.lastError = conn.closeError.message;
      });
      return conn;
    }, (error: unknown) => {
      t.pending = undefined;
      this.#markFailed(t, error);
      throw error;
    });
    return t.pending;
  }

  async #probe(t: Target): Promise<boolean> {
    const signal = AbortSignal.any([this.#abort.signal, AbortSignal.timeout(this.#healthTimeoutMs)]);
    try {
      if (this.#healthCheck !== undefined) {
        if (!(await this.#healthCheck(t.url, signal))) throw new Error('health check failed');
        this.#markHealthy(t, t.rttMs);
      } else {
        const conn = await this.#opener(t.url, signal);
        this.#markHealthy(t, conn.connectRttMs);
        await conn.close({ reason: 'health check' });
      }
      return true;
    } catch (error) {
      this.#markFailed(t, error);
      return false;
    }
  }

  #markHealthy(t: Target, rttMs: number | undefined): void {
    t.healthy = true;
    t.lost = false;
    t.rttMs = rttMs;
  }

  #markFailed(t: Target, error: unknown): void {
    t.healthy = false;
    t.lost = false;
    t.failedAt = this.#clock();
    t.failures++;
    t.lastError = error instanceof Error ? error.message : String(error);
  }
}

function checkWeight(w: number): number {
  if (!Number.isFinite(w) || w < 0) throw new RangeError(`invalid weight ${w}`);
  return w;
}
