/**
 * CUBIC congestion control (RFC 9438) on the RFC 9002 framework: slow start and recovery periods
 * as NewReno, a cubic window curve in congestion avoidance with the Reno-friendly region
 * (§4.3) and fast convergence (§4.7). No HyStart.
 */
import type { Micros } from '../../../util/time.js';
import type { RttEstimator } from '../rtt.js';
import type { SentPacket } from '../sent-packets.js';
import { type CongestionController, initialWindow, minimumWindow, windowPacingRate } from './controller.js';

/** RFC 9438 §5: C = 0.4 (segments / s^3), beta_cubic = 0.7. */
export const CUBIC_C = 0.4;
export const CUBIC_BETA = 0.7;
/** alpha_cubic of the Reno-friendly estimate: 3 * (1 - beta) / (1 + beta). */
const ALPHA = (3 * (1 - CUBIC_BETA)) / (1 + CUBIC_BETA);

export interface CubicOptions {
  maxDatagramSize?: number;
  initialWindow?: number;
}

export class Cubic implements CongestionController {
  window: number;
  bytesInFlight = 0;
  appLimited = false;
  ssthresh = Infinity;
  recoveryStartTime: Micros | undefined;
  private mds: number;
  /** W_max in bytes: the window just before the last reduction. */
  private wMax = 0;
  /** K in µs: time for the cubic curve to climb back to W_max. */
  private k = 0;
  /** Start of the current congestion avoidance epoch. */
  private epochStart: Micros | undefined;
  /** W_est in bytes: what Reno would have now (RFC 9438 §4.3). */
  private wEst = 0;

  constructor(opts: CubicOptions = {}) {
    this.mds = opts.maxDatagramSize ?? 1200;
    this.window = opts.initialWindow ?? initialWindow(this.mds);
  }

  inRecovery(sentTime: Micros): boolean {
    return this.recoveryStartTime !== undefined && sentTime <= this.recoveryStartTime;
  }

  onPacketSent(size: number, _now: Micros): void {
    this.bytesInFlight += size;
  }

  onPacketsAcked(packets: readonly SentPacket[], now: Micros, rtt: RttEstimator): void {
    for (const p of packets) {
      if (!p.inFlight) continue;
      this.bytesInFlight = Math.max(0, this.bytesInFlight - p.size);
      if (this.appLimited || this.inRecovery(p.timeSent)) continue;
      if (this.window < this.ssthresh) {
        this.window += p.size;
        continue;
      }
      this.avoidance(p.size, now, rtt);
    }
  }

  onPacketsLost(packets: readonly SentPacket[], now: Micros, persistentCongestion: boolean): void {
    let lastLossSent: Micros | undefined;
    for (const p of packets) {
      if (!p.inFlight) continue;
      this.bytesInFlight = Math.max(0, this.bytesInFlight - p.size);
      if (lastLossSent === undefined || p.timeSent > lastLossSent) lastLossSent = p.timeSent;
    }
    if (lastLossSent !== undefined) this.onCongestionEvent(lastLossSent, now);
    if (persistentCongestion) {
      this.window = minimumWindow(this.mds);
      this.recoveryStartTime = undefined;
      this.epochStart = undefined;
    }
  }

  onEcnCe(sentTime: Micros, now: Micros): void {
    this.onCongestionEvent(sentTime, now);
  }

  onPacketDiscarded(p: SentPacket): void {
    if (p.inFlight) this.bytesInFlight = Math.max(0, this.bytesInFlight - p.size);
  }

  canSend(bytes: number): boolean {
    return this.bytesInFlight + bytes <= this.window;
  }

  pacingRate(rtt: RttEstimator): number {
    return windowPacingRate(this.window, rtt);
  }

  setMaxDatagramSize(mds: number): void {
    this.mds = mds;
    this.window = Math.max(this.window, minimumWindow(mds));
  }

  /** W_cubic(t) in bytes, t in µs since the epoch start (RFC 9438 §4.2). */
  cubicWindow(t: Micros): number {
    const dt = (t - this.k) / 1e6;
    return (CUBIC_C * dt * dt * dt) * this.mds + this.wMax;
  }

  private avoidance(acked: number, now: Micros, rtt: RttEstimator): void {
    if (this.epochStart === undefined) {
      this.epochStart = now;
      if (this.wMax < this.window) {
        // Grown past the old maximum (or none yet): the curve starts at its plateau here.
        this.wMax = this.window;
        this.k = 0;
      }
      this.wEst = this.window;
    }
    // Reno-friendly estimate grows alpha segments per window acknowledged; alpha becomes 1
    // once it passes the old maximum (RFC 9438 §4.3).
    const alpha = this.wEst >= this.wMax ? 1 : ALPHA;
    this.wEst += (alpha * this.mds * acked) / this.window;
    const t = now - this.epochStart + rtt.smoothedRtt;
    const target = Math.min(Math.max(this.cubicWindow(t), this.window), 1.5 * this.window);
    if (this.cubicWindow(now - this.epochStart) < this.wEst) {
      this.window = Math.max(this.window, Math.floor(this.wEst));
    } else {
      this.window += Math.floor(((target - this.window) * acked) / this.window);
    }
  }

  private onCongestionEvent(sentTime: Micros, now: Micros): void {
    if (this.inRecovery(sentTime)) return;
    this.recoveryStartTime = now;
    // Fast convergence: release bandwidth to newer flows when the maximum keeps shrinking.
    this.wMax = this.window < this.wMax ? (this.window * (1 + CUBIC_BETA)) / 2 : this.window;
    this.ssthresh = Math.floor(this.window * CUBIC_BETA);
    this.window = Math.max(this.ssthresh, minimumWindow(this.mds));
    this.k = Math.cbrt(((this.wMax - this.window) / this.mds) / CUBIC_C) * 1e6;
    this.epochStart = undefined;
  }
}
