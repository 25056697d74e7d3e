/**
 * ServerMonitor (pywebtransport server.monitor): samples WebTransportServer.stats(), derives a
 * health status and alerts when the server stops serving, refuses too many sessions or runs
 * near its session limit.
 */
import type { AlertCondition } from './alert.js';
import { Monitor, statNumber, type MonitorOptions } from './monitor.js';

/** The parts of WebTransportServer a ServerMonitor reads. */
export interface ServerStatsSource {
  stats(): Record<string, number>;
  readonly isServing: boolean;
  readonly config?: { readonly maxSessions?: number };
}

export type ServerHealth = 'unknown' | 'unhealthy' | 'degraded' | 'healthy' | 'idle';

export interface ServerMonitorOptions extends MonitorOptions {
  /** Degraded / alert below this session accept rate (default 0.9)... */
  minAcceptRate?: number;
  /** ...once more than this many sessions were requested (default 10). */
  minRequests?: number;
  /** Alert when active sessions reach this fraction of config.maxSessions (default 0.9). */
  sessionLoadThreshold?: number;
}

export interface ServerSample {
  readonly timestamp: number;
  readonly isServing: boolean;
  readonly connectionsAccepted: number;
  readonly sessionsRequested: number;
  readonly sessionsAccepted: number;
  readonly sessionsRefused: number;
  /** sessionsAccepted / sessionsRequested (1 before any request). */
  readonly acceptRate: number;
  readonly activeConnections: number;
  readonly activeSessions: number;
  /** Sessions requested since the previous sample, per second. */
  readonly requestsPerSecond: number;
  readonly uptimeMs: number;
}

export class ServerMonitor extends Monitor<ServerSample> {
  readonly #server: ServerStatsSource;
  readonly #minAcceptRate: number;
  readonly #minRequests: number;
  readonly #loadThreshold: number;

  constructor(server: ServerStatsSource, options: ServerMonitorOptions = {}) {
    super({ intervalMs: 30_000, historySize: 120, alertHistorySize: 100 }, options);
    this.#server = server;
    this.#minAcceptRate = options.minAcceptRate ?? 0.9;
    this.#minRequests = options.minRequests ?? 10;
    this.#loadThreshold = options.sessionLoadThreshold ?? 0.9;
  }

  protected collect(now: number): ServerSample {
    const s = this.#server.stats();
    const requested = statNumber(s, 'sessionsRequested');
    const accepted = statNumber(s, 'sessionsAccepted');
    const prev = this.latest;
    const dt = prev === undefined ? 0 : now - prev.timestamp;
    return {
      timestamp: now,
      isServing: this.#server.isServing,
      connectionsAccepted: statNumber(s, 'connectionsAccepted'),
      sessionsRequested: requested,
      sessionsAccepted: accepted,
      sessionsRefused: statNumber(s, 'sessionsRefused'),
      acceptRate: requested === 0 ? 1 : accepted / requested,
      activeConnections: statNumber(s, 'activeConnections'),
      activeSessions: statNumber(s, 'activeSessions'),
      requestsPerSecond: prev === undefined || dt <= 0 ? 0 : ((requested - prev.sessionsRequested) * 1000) / dt,
      uptimeMs: statNumber(s, 'uptimeMs'),
    };
  }

  protected evaluate(sample: ServerSample): AlertCondition[] {
    const out: AlertCondition[] = [];
    if (!sample.isServing) {
      out.push({ type: 'server_not_serving', severity: 'critical', value: 0, threshold: 1, message: 'the server is no longer serving' });
    }
    if (this.#lowAcceptRate(sample)) {
      out.push({
        type: 'low_accept_rate', severity: 'warning', value: sample.acceptRate, threshold: this.#minAcceptRate,
        message: `session accept rate ${(sample.acceptRate * 100).toFixed(1)}% over ${sample.sessionsRequested} requests`,
      });
    }
    const max = this.#server.config?.maxSessions;
    if (max !== undefined && max > 0 && Number.isFinite(max) && sample.activeSessions >= max * this.#loadThreshold) {
      out.push({
        type: 'high_session_load', severity: 'warning', value: sample.activeSessions / max, threshold: this.#loadThreshold,
        message: `${sample.activeSessions} of ${max} sessions in use`,
      });
    }
    return out;
  }

  #lowAcceptRate(sample: ServerSample): boolean {
    return sample.sessionsRequested > this.#minRequests && sample.acceptRate < this.#minAcceptRate;
  }

  /** unknown (no sample yet) / unhealthy (not serving) / degraded (low accept rate) / healthy (connections open) / idle. */
  health(): ServerHealth {
    const s = this.latest;
    if (s === undefined) return 'unknown';
    if (!s.isServing) return 'unhealthy';
    if (this.#lowAcceptRate(s)) return 'degraded';
    return s.activeConnections > 0 ? 'healthy' : 'idle';
  }
}
