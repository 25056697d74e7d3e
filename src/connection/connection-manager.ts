/**
 * ConnectionManager: tracks connections under a limit, forgets closed ones as they close and reaps
 * idle ones (no session for idleTimeoutMs). Sweeping is explicit (sweepIdle) unless sweepIntervalMs
 * is set; that timer is unref'd and stopped by shutdown(), so nothing keeps the process alive.
 */
import { ClientError } from '../index.js';
import { monotonicClock, type Clock, type ConnectionHandle } from './types.js';

export interface ConnectionManagerOptions {
  /** Default 100. */
  maxConnections?: number;
  /** A connection with no session for this long is closed by sweepIdle (default 60 000). */
  idleTimeoutMs?: number;
  /** Run sweepIdle periodically (off by default). */
  sweepIntervalMs?: number;
  clock?: Clock;
}

export interface ConnectionManagerStats {
  current: number;
  totalAdded: number;
  totalClosed: number;
  idleClosed: number;
  maxConcurrent: number;
  maxConnections: number;
  /** Connections without any open session. */
  idle: number;
}

export class ConnectionManager implements AsyncDisposable {
  readonly #connections = new Map<string, ConnectionHandle>();
  readonly #max: number;
  readonly #idleTimeoutMs: number;
  readonly #clock: Clock;
  readonly #counts = { added: 0, closed: 0, idleClosed: 0, maxConcurrent: 0 };
  #timer: ReturnType<typeof setInterval> | undefined;
  #shutdown = false;

  constructor(options: ConnectionManagerOptions = {}) {
    this.#max = options.maxConnections ?? 100;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.#clock = options.clock ?? monotonicClock;
    if (!(this.#max >= 1)) throw new RangeError('maxConnections must be at least 1');
    if (options.sweepIntervalMs !== undefined) {
      this.#timer = setInterval(() => void this.sweepIdle(), options.sweepIntervalMs);
      this.#timer.unref();
    }
  }

  get count(): number {
    return this.#connections.size;
  }

  /** Starts tracking `connection`; throws ClientError when the manager is full or shut down. */
  add(connection: ConnectionHandle): string {
    if (this.#shutdown) throw new ClientError('the connection manager is shut down');
    if (connection.isClosed) throw new ClientError('cannot add a closed connection');
    if (this.#connections.has(connection.id)) return connection.id;
    if (this.#connections.size >= this.#max) throw new ClientError(`connection limit reached (${this.#max})`);
    this.#connections.set(connection.id, connection);
    this.#counts.added++;
    this.#counts.maxConcurrent = Math.max(this.#counts.maxConcurrent, this.#connections.size);
    void connection.closed.then(() => {
      if (this.#connections.get(connection.id) === connection) {
        this.#connections.delete(connection.id);
        this.#counts.closed++;
      }
    });
    return connection.id;
  }

  /** Stops tracking without closing; true if it was tracked. */
  remove(id: string): boolean {
    return this.#connections.delete(id);
  }

  get(id: string): ConnectionHandle | undefined {
    return this.#connections.get(id);
  }

  all(): ConnectionHandle[] {
    return [...this.#connections.values()];
  }

  /** Closes connections that had no session for idleTimeoutMs; returns how many. */
  async sweepIdle(): Promise<number> {
    const now = this.#clock();
    const idle = this.all().filter((c) => !c.isClosed && c.sessionCount === 0 && now - c.lastActivityMs >= this.#idleTimeoutMs);
    this.#counts.idleClosed += idle.length;
    await Promise.all(idle.map((c) => c.close({ code: 0, reason: 'idle timeout' }).catch(() => {})));
    return idle.length;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.all().map((c) => c.close({ code: 0, reason: 'manager closed' }).catch(() => {})));
  }

  stats(): ConnectionManagerStats {
    let idle = 0;
    for (const c of this.#connections.values()) if (c.sessionCount === 0) idle++;
    return {
      current: this.#connections.size,
      totalAdded: this.#counts.added,
      totalClosed: this.#counts.closed,
      idleClosed: this.#counts.idleClosed,
      maxConcurrent: this.#counts.maxConcurrent,
      maxConnections: this.#max,
      idle,
    };
  }

  /** Stops the sweep timer, closes everything; later add() calls throw. */
  async shutdown(): Promise<void> {
    this.#shutdown = true;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.closeAll();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }
}
