import { initialWindow, minimumWindow, windowPacingRate } from './controller.js';
export const K_LOSS_REDUCTION_FACTOR = 0.5;
export class NewReno {
    window;
    bytesInFlight = 0;
    appLimited = false;
    /** Slow start threshold; Infinity until the first congestion event. */
    ssthresh = Infinity;
    /** congestion_recovery_start_time; undefined when no recovery period has started. */
    recoveryStartTime;
    mds;
    /** Bytes acknowledged in congestion avoidance since the window last grew (RFC 3465). */
    bytesAckedInAvoidance = 0;
    constructor(opts = {}) {
        this.mds = opts.maxDatagramSize ?? 1200;
        this.window = opts.initialWindow ?? initialWindow(this.mds);
    }
    get maxDatagramSize() {
        return this.mds;
    }
    inSlowStart() {
        return this.window < this.ssthresh;
    }
    /** InCongestionRecovery(sent_time): packets sent before recovery began do not grow the window. */
    inRecovery(sentTime) {
        return this.recoveryStartTime !== undefined && sentTime <= this.recoveryStartTime;
    }
    onPacketSent(size, _now) {
        this.bytesInFlight += size;
    }
    onPacketsAcked(packets, _now, _rtt) {
        for (const p of packets) {
            if (!p.inFlight)
                continue;
            this.removeFromFlight(p.size);
            if (this.appLimited || this.inRecovery(p.timeSent))
                continue;
            if (this.inSlowStart()) {
                this.window += p.size;
            }
            else {
                this.bytesAckedInAvoidance += p.size;
                if (this.bytesAckedInAvoidance >= this.window) {
                    this.bytesAckedInAvoidance -= this.window;
                    this.window += this.mds;
                }
            }
        }
    }
    onPacketsLost(packets, now, persistentCongestion) {
        let lastLossSent;
        for (const p of packets) {
            if (!p.inFlight)
                continue;
            this.removeFromFlight(p.size);
            if (lastLossSent === undefined || p.timeSent > lastLossSent)
                lastLossSent = p.timeSent;
        }
        if (lastLossSent !== undefined)
            this.onCongestionEvent(lastLossSent, now);
        if (persistentCongestion) {
            this.window = minimumWindow(this.mds);
            this.recoveryStartTime = undefined;
            this.bytesAckedInAvoidance = 0;
        }
    }
    onEcnCe(sentTime, now) {
        this.onCongestionEvent(sentTime, now);
    }
    onPacketDiscarded(p) {
        if (p.inFlight)
            this.removeFromFlight(p.size);
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
    /** OnCongestionEvent (RFC 9002 B.6): halve once per recovery period. */
    onCongestionEvent(sentTime, now) {
        if (this.inRecovery(sentTime))
            return;
        this.recoveryStartTime = now;
        this.ssthresh = Math.floor(this.window * K_LOSS_REDUCTION_FACTOR);
        this.window = Math.max(this.ssthresh, minimumWindow(this.mds));
        this.bytesAckedInAvoidance = 0;
    }
    removeFromFlight(size) {
        // Never negative, even if a caller double-reports a packet.
        this.bytesInFlight = Math.max(0, this.bytesInFlight - size);
    }
}
//# sourceMappingURL=new-reno.js.map