/**
 * Flow-control credit (RFC 9000 §4), used per stream and for the whole connection.
 *
 * SendCredit: how far the peer lets us send. ReceiveWindow: how far we let the peer send. Credit
 * is granted as the application consumes data (not when it arrives), so a slow reader stalls the
 * sender instead of growing our buffers. The window auto-tunes: when the application consumed
 * half a window in less than one RTT (a whole window in under ~2 RTTs), flow control rather than
 * the network is limiting throughput, so the window doubles, up to a configured maximum.
 */
import type { Micros } from '../../util/time.js';
export declare class SendCredit {
    /** Highest offset (stream) or byte total (connection) the peer allows. */
    limit: number;
    /** Offset / total sent so far. */
    used: number;
    /** Limit at which a *_BLOCKED frame was last queued (-1: never), so each limit is reported once. */
    blockedReportedAt: number;
    constructor(limit: number);
    get available(): number;
    /** Applies a MAX_DATA / MAX_STREAM_DATA value; returns true when it raised the limit. */
    raise(maximum: number): boolean;
    /** True when we are blocked at a limit not reported yet; marks it reported. */
    takeBlockedReport(): boolean;
}
export declare class ReceiveWindow {
    /** The limit advertised to the peer (initial parameter, then MAX_DATA / MAX_STREAM_DATA). */
    limit: number;
    /** Current window size: credit granted beyond what was consumed. */
    window: number;
    readonly maxWindow: number;
    /** Bytes consumed by the application (or discarded). */
    consumed: number;
    private lastUpdateAt;
    constructor(initialWindow: number, maxWindow: number);
    /**
     * Records consumed bytes. Returns true when a new, larger limit should be advertised: once less
     * than half a window of credit remains.
     */
    onConsumed(bytes: number, now: Micros, smoothedRtt: Micros): boolean;
}
