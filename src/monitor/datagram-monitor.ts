/**
 * DatagramMonitor (pywebtransport datagram.monitor): samples a session's DatagramChannel.stats and
 * alerts on a nearly full receive queue, a low send success rate, received datagrams being
 * dropped, and a growing receive queue (second half of the trend window >25 % above the first).
 * Our send() hands datagrams straight to QUIC (no send queue or send time to watch), so the
 * queue checks apply to the receive queue, which is where datagrams pile up.
 */
import type { AlertCondition } from './alert.js';
import { Monitor, type MonitorOptions } from './monitor.js';

/** The parts of DatagramChannel a DatagramMonitor reads. */
export interface DatagramStatsSource {
  readonly stats: {
    readonly datagramsSent: number;
    readonly bytesSent: number;
    readonly sendFailures: number;
    readonly datagramsReceived: number;
    readonly bytesReceived: number;
    readonly receiveDrops: number;
    readonly queued: number;
  };
  readonly highWaterMark: number;
}

export interface DatagramMonitorOptions extends MonitorOptions {
  /** Alert when the receive queue is at least this fraction of highWaterMark (default 0.9). */
  queueSizeThreshold?: number;
  /** Alert below this send success rate (default 0.8). */
  successRateThreshold?: number;
  /** Samples compared by the queue trend check (default 10; at least 4 needed). */
  trendWindow?: number;
}

export interface DatagramSample {
  readonly timestamp: number;
  readonly sent: number;
  readonly received: number;
  readonly sendFailures: number;
  readonly receiveDrops: number;
  /** sent / (sent + failures) (1 before any send). */
  readonly sendSuccessRate: number;
  readonly queued: number;
  /** Datagrams per second since the previous sample. */
  readonly sendRate: number;
  readonly receiveRate: number;
}

export class DatagramMonitor extends Monitor<DatagramSample> {
  readonly #channel: DatagramStatsSource;
  readonly #queueThreshold: number;
  readonly #successThreshold: number;
  readonly #trendWindow: number;

  constructor(channel: DatagramStatsSource, options: DatagramMonitorOptions = {}) {
    super({ intervalMs: 5000, historySize: 100, alertHistorySize: 50 }, options);
    this.#channel = channel;
    this.#queueThreshold = options.queueSizeThreshold ?? 0.9;
    this.#successThreshold = options.successRateThreshold ?? 0.8;
    this.#trendWindow = Math.max(4, Math.floor(options.trendWindow ?? 10));
  }

  protected collect(now: number): DatagramSample {
    const s = this.#channel.stats;
    const prev = this.latest;
    const dt = prev === undefined ? 0 : now - prev.timestamp;
    const rate = (cur: number, old: number | undefined): number => (old === undefined || dt <= 0 ? 0 : ((cur - old) * 1000) / dt);
    const attempts = s.datagramsSent + s.sendFailures;
    return {
      timestamp: now,
      sent: s.datagramsSent,
      received: s.datagramsReceived,
      sendFailures: s.sendFailures,
      receiveDrops: s.receiveDrops,
      sendSuccessRate: attempts === 0 ? 1 : s.datagramsSent / attempts,
      queued: s.queued,
      sendRate: rate(s.datagramsSent, prev?.sent),
      receiveRate: rate(s.datagramsReceived, prev?.received),
    };
  }

  protected evaluate(sample: DatagramSample): AlertCondition[] {
    const out: AlertCondition[] = [];
    const hwm = this.#channel.highWaterMark;
    const fill = hwm > 0 ? sample.queued / hwm : 0;
    if (fill >= this.#queueThreshold) {
      out.push({ type: 'high_queue_size', severity: 'warning', value: fill, threshold: this.#queueThreshold, message: `receive queue ${sample.queued}/${hwm}` });
    }
    if (sample.sendSuccessRate < this.#successThreshold) {
      out.push({
        type: 'low_success_rate', severity: 'warning', value: sample.sendSuccessRate, threshold: this.#successThreshold,
        message: `datagram send success rate ${(sample.sendSuccessRate * 100).toFixed(1)}%`,
      });
    }
    const previous = this.samples(2)[0];
    if (previous !== undefined && previous !== sample && sample.receiveDrops > previous.receiveDrops) {
      const dropped = sample.receiveDrops - previous.receiveDrops;
      out.push({ type: 'receive_drops', severity: 'warning', value: dropped, threshold: 0, message: `${dropped} received datagrams dropped unread` });
    }
    const growth = this.#queueGrowth();
    if (growth !== undefined && growth > 1.25) {
      out.push({ type: 'increasing_queue_size', severity: 'warning', value: growth, threshold: 1.25, message: `receive queue grew ${((growth - 1) * 100).toFixed(0)}% over the trend window` });
    }
    return out;
  }

  /** Mean queue size of the newer half of the trend window over the older half (undefined: too few samples or empty queue). */
  #queueGrowth(): number | undefined {
    const window = this.samples(this.#trendWindow);
    if (window.length < this.#trendWindow) return undefined;
    const half = Math.floor(window.length / 2);
    const mean = (xs: DatagramSample[]): number => xs.reduce((a, s) => a + s.queued, 0) / xs.length;
    const older = mean(window.slice(0, half));
    const newer = mean(window.slice(window.length - half));
    if (newer === 0) return undefined;
    return older === 0 ? Infinity : newer / older;
  }
}
