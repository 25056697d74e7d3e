/** NewReno congestion control as specified by RFC 9002 §7 and Appendix B. */
import type { Micros } from '../../../util/time.js';
import type { RttEstimator } from '../rtt.js';
import type { SentPacket } from '../sent-packets.js';
import { type CongestionController, initialWindow, minimumWindow, windowPacingRate } from './controller.js';

export const K_LOSS_REDUCTION_FACTOR = 0.5;

export interface NewRenoOptions {
  /** max_datagram_size in bytes (default 1200, the QUIC minimum). */
  maxDatagramSize?: number;
  /** Override of kInitialWindow. */
  initialWindow?: number;
}

export class NewReno implements CongestionController {
  window: number;
  bytesInFlight = 0;
  appLimited = false;
  /** Slow start threshold; Infinity until the first congestion event. */
  ssthresh = Infinity;
  /** congestion_recovery_start_time; undefined when no recovery period has started. */
  recoveryStartTime: Micros | undefined;
  private mds: number;
  /** Bytes acknowledged in congestion avoidance since the window last grew (RFC 3465). */
  private bytesAckedInAvoidance = 0;

  constructor(opts: NewRenoOptions = {}) {
    this.mds = opts.maxDatagramSize ?? 1200;
    this.window = opts.initialWindow ?? initialWindow(this.mds);
  }

  get maxDatagramSize(): number {
    return this.mds;
  }

  inSlowStart(): boolean {
    return this.window < this.ssthresh;
  }

  /** InCongestionRecovery(sent_time): packets sent before recovery began do not grow the window. */
  inRecovery(sentTime: Micros): boolean {
    return this.recoveryStartTime !== undefined && sentTime <= this.recoveryStartTime;
  }

  onPacketSent(size: number, _now: Micros): void {
    this.bytesInFlight += size;
  }

  onPacketsAcked(packets: readonly SentPacket[], _now: Micros, _rtt: RttEstimator): void {
    for (const p of packets) {
      if (!p.inFlight) continue;
      this.removeFromFlight(p.size);
      if (this.appLimited || this.inRecovery(p.timeSent)) continue;
      if (this.inSlowStart()) {
        this.window += p.size;
      } else {
        this.bytesAckedInAvoidance += p.size;
        if (this.bytesAckedInAvoidance >= this.window) {
          this.bytesAckedInAvoidance -= this.window;
          this.window += this.mds;
        }
      }
    }
  }

  onPacketsLost(packets: readonly SentPacket[], now: Micros, persistentCongestion: boolean): void {
    let lastLossSent: Micros | undefined;
    for (const p of packets) {
      if (!p.inFlight) continue;
      this.removeFromFlight(p.size);
      if (lastLossSent === undefined || p.timeSent > lastLossSent) lastLossSent = p.timeSent;
    }
    if (lastLossSent !== undefined) this.onCongestionEvent(lastLossSent, now);
    if (persistentCongestion) {
      this.window = minimumWindow(this.mds);
      this.recoveryStartTime = undefined;
      this.bytesAckedInAvoidance = 0;
    }
  }

  onEcnCe(sentTime: Micros, now: Micros): void {
    this.onCongestionEvent(sentTime, now);
  }

  onPacketDiscarded(p: SentPacket): void {
    if (p.inFlight) this.removeFromFlight(p.size);
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

  /** OnCongestionEvent (RFC 9002 B.6): halve once per recovery period. */
  private onCongestionEvent(sentTime: Micros, now: Micros): void {
    if (this.inRecovery(sentTime)) return;
    this.recoveryStartTime = now;
    this.ssthresh = Math.floor(this.window * K_LOSS_REDUCTION_FACTOR);
    this.window = Math.max(this.ssthresh, minimumWindow(this.mds));
    this.bytesAckedInAvoidance = 0;
  }

  private removeFromFlight(size: number): void {
    // Never negative, even if a caller double-reports a packet.
    this.bytesInFlight = Math.max(0, this.bytesInFlight - size);
  }
}
