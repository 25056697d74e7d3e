/**
 * ClientMonitor (pywebtransport client.monitor): samples WebTransportClient.stats and alerts on a
 * low connect success rate and on slow connects.
 */
import type { AlertCondition, MonitorAlert } from './alert.js';
import { Monitor, statNumber, type MonitorOptions } from './monitor.js';

/** Anything with the shape of WebTransportClient.stats (e.g. the client itself). */
export interface ClientStatsSource {
  readonly stats: Record<string, unknown>;
}

export interface ClientMonitorOptions extends MonitorOptions {
  /** Alert below this success rate (default 0.9)... */
  minSuccessRate?: number;
  /** ...once more than this many connects were attempted (default 10). */
  minAttempts?: number;
  /** Alert when the average connect time exceeds this (default 5000 ms). */
  maxAvgConnectMs?: number;
}

export interface ClientSample {
  readonly timestamp: number;
  readonly attempted: number;
  readonly successful: number;
  readonly failed: number;
  /** successful / attempted (1 before any attempt). */
  readonly successRate: number;
  readonly avgConnectMs: number;
  readonly maxConnectMs: number;
  readonly activeSessions: number;
}

export interface ClientMonitorSummary {
  readonly isMonitoring: boolean;
  readonly sampleCount: number;
  readonly latest: ClientSample | undefined;
  readonly activeAlerts: MonitorAlert[];
  readonly recentAlerts: MonitorAlert[];
}

export class ClientMonitor extends Monitor<ClientSample> {
  readonly #client: ClientStatsSource;
  readonly #minSuccessRate: number;
  readonly #minAttempts: number;
  readonly #maxAvgConnectMs: number;

  constructor(client: ClientStatsSource, options: ClientMonitorOptions = {}) {
    super({ intervalMs: 30_000, historySize: 120, alertHistorySize: 100 }, options);
    this.#client = client;
    this.#minSuccessRate = options.minSuccessRate ?? 0.9;
    this.#minAttempts = options.minAttempts ?? 10;
    this.#maxAvgConnectMs = options.maxAvgConnectMs ?? 5000;
  }

  protected collect(now: number): ClientSample {
    const s = this.#client.stats;
    const attempted = statNumber(s, 'connections', 'attempted');
    const successful = statNumber(s, 'connections', 'successful');
    return {
      timestamp: now,
      attempted,
      successful,
      failed: statNumber(s, 'connections', 'failed'),
      successRate: attempted === 0 ? 1 : successful / attempted,
      avgConnectMs: statNumber(s, 'performance', 'avgConnectMs'),
      maxConnectMs: statNumber(s, 'performance', 'maxConnectMs'),
      activeSessions: statNumber(s, 'activeSessions'),
    };
  }

  protected evaluate(sample: ClientSample): AlertCondition[] {
    const out: AlertCondition[] = [];
    if (sample.attempted > this.#minAttempts && sample.successRate < this.#minSuccessRate) {
      out.push({
        type: 'low_success_rate', severity: 'warning', value: sample.successRate, threshold: this.#minSuccessRate,
        message: `connect success rate ${(sample.successRate * 100).toFixed(1)}% over ${sample.attempted} attempts`,
      });
    }
    if (sample.avgConnectMs > this.#maxAvgConnectMs) {
      out.push({
        type: 'slow_connections', severity: 'warning', value: sample.avgConnectMs, threshold: this.#maxAvgConnectMs,
        message: `average connect time ${sample.avgConnectMs.toFixed(0)} ms`,
      });
    }
    return out;
  }

  summary(): ClientMonitorSummary {
    return {
      isMonitoring: this.isMonitoring,
      sampleCount: this.history.size,
      latest: this.latest,
      activeAlerts: this.activeAlerts,
      recentAlerts: this.alertHistory(10),
    };
  }
}
