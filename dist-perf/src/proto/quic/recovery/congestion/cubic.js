import { initialWindow, minimumWindow, windowPacingRate } from './controller.js';
/** RFC 9438 §5: C = 0.4 (segments / s^3), beta_cubic = 0.7. */
export const CUBIC_C = 0.4;
export const CUBIC_BETA = 0.7;
/** alpha_cubic of the Reno-friendly estimate: 3 * (1 - beta) / (1 + beta). */
const ALPHA = (3 * (1 - CUBIC_BETA)) / (1 + CUBIC_BETA);
export class Cubic {
    window;
    bytesInFlight = 0;
    appLimited = false;
    ssthresh = Infinity;
    recoveryStartTime;
    mds;
    /** W_max in bytes: the window just before the last reduction. */
    wMax = 0;
    /** K in µs: time for the cubic curve to climb back to W_max. */
    k = 0;
    /** Start of the current congestion avoidance epoch. */
    epochStart;
    /** W_est in bytes: what Reno would have now (RFC 9438 §4.3). */
    wEst = 0;
    constructor(opts = {}) {
        this.mds = opts.maxDatagramSize ?? 1200;
        this.window = opts.initialWindow ?? initialWindow(this.mds);
    }
    inRecovery(sentTime) {
        return this.recoveryStartTime !== undefined && sentTime <= this.recoveryStartTime;
    }
    onPacketSent(size, _now) {
        this.bytesInFlight += size;
    }
    onPacketsAcked(packets, now, rtt) {
        for (const p of packets) {
            if (!p.inFlight)
                continue;
            this.bytesInFlight = Math.max(0, this.bytesInFlight - p.size);
            if (this.appLimited || this.inRecovery(p.timeSent))
                continue;
            if (this.window < this.ssthresh) {
                this.window += p.size;
                continue;
            }
            this.avoidance(p.size, now, rtt);
        }
    }
    onPacketsLost(packets, now, persistentCongestion) {
        let lastLossSent;
        for (const p of packets) {
            if (!p.inFlight)
                continue;
            this.bytesInFlight = Math.max(0, this.bytesInFlight - p.size);
            if (lastLossSent === undefined || p.timeSent > lastLossSent)
                lastLossSent = p.timeSent;
        }
        if (lastLossSent !== undefined)
            this.onCongestionEvent(lastLossSent, now);
        if (persistentCongestion) {
            this.window = minimumWindow(this.mds);
            this.recoveryStartTime = undefined;
            this.epochStart = undefined;
        }
    }
    onEcnCe(sentTime, now) {
        this.onCongestionEvent(sentTime, now);
    }
    onPacketDiscarded(p) {
        if (p.inFlight)
            this.bytesInFlight = Math.max(0, this.bytesInFlight - p.size);
    }
    canSend(bytes) {
        return this.bytesInFlight + bytes <= this.window;
    }
    pacingRate(rtt) {
        return windowPacingRate(this.window, rtt);
    }
    setMaxDatagramSize(mds) {
        this.mds = mds;
        this.window = Math.max(this.window, minimumWindow(mds));
    }
    /** W_cubic(t) in bytes, t in µs since the epoch start (RFC 9438 §4.2). */
    cubicWindow(t) {
        const dt = (t - this.k) / 1e6;
        return (CUBIC_C * dt * dt * dt) * this.mds + this.wMax;
    }
    avoidance(acked, now, rtt) {
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
        }
        else {
            this.window += Math.floor(((target - this.window) * acked) / this.window);
        }
    }
    onCongestionEvent(sentTime, now) {
        if (this.inRecovery(sentTime))
            return;
        this.recoveryStartTime = now;
        // Fast convergence: release bandwidth to newer flows when the maximum keeps shrinking.
        this.wMax = this.window < this.wMax ? (this.window * (1 + CUBIC_BETA)) / 2 : this.window;
        this.ssthresh = Math.floor(this.window * CUBIC_BETA);
        this.window = Math.max(this.ssthresh, minimumWindow(this.mds));
        this.k = Math.cbrt(((this.wMax - this.window) / this.mds) / CUBIC_C) * 1e6;
        this.epochStart = undefined;
    }
}
//# sourceMappingURL=cubic.js.map