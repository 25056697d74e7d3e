/**
 * Per-session flow control of drafts -13+ (WT16 §5): how many streams each side may open in the
 * session and how many stream-body bytes it may send, on top of QUIC's own limits.
 *
 * Send side: limits the peer gave us (SETTINGS_WT_INITIAL_* then WT_MAX_* capsules). An initial
 * limit of 0 is legal and simply means "wait for the capsule" (pywebtransport#7 treated it as
 * "blocked forever"). Receive side: limits we give the peer; credit is re-granted as the
 * application reads bytes and as peer streams end, by queuing WT_MAX_* capsules (pollCapsule).
 * When flow control is off every limit is Infinity and peer capsules are ignored (WT16 §5.1).
 */
import { H3Error } from '../h3/errors.js';
import { WtErrorCode } from './error-codes.js';
function fcError(reason) {
    return new H3Error(WtErrorCode.WT_FLOW_CONTROL_ERROR, reason);
}
export class SessionFlowControl {
    enabled;
    // Send side (the peer's limits on us).
    peerMaxData;
    dataSent = 0;
    sendStreams;
    blockedDataAt = -1;
    blockedStreamsAt = { bidi: -1, uni: -1 };
    // Receive side (our limits on the peer).
    window;
    localMaxData;
    dataReceived = 0;
    dataConsumed = 0;
    recvStreams;
    out = [];
    constructor(o) {
        this.enabled = o.enabled;
        const on = o.enabled;
        this.peerMaxData = on ? o.peerInitial.initialMaxData : Infinity;
        this.sendStreams = {
            bidi: { limit: on ? o.peerInitial.initialMaxStreamsBidi : Infinity, opened: 0 },
            uni: { limit: on ? o.peerInitial.initialMaxStreamsUni : Infinity, opened: 0 },
        };
        this.window = on ? (o.receiveWindow ?? o.localInitial.initialMaxData) : Infinity;
        this.localMaxData = on ? o.localInitial.initialMaxData : Infinity;
        const winBidi = on ? (o.incomingStreamsBidi ?? o.localInitial.initialMaxStreamsBidi) : Infinity;
        const winUni = on ? (o.incomingStreamsUni ?? o.localInitial.initialMaxStreamsUni) : Infinity;
        this.recvStreams = {
            bidi: { limit: on ? o.localInitial.initialMaxStreamsBidi : Infinity, opened: 0, closed: 0, window: winBidi },
            uni: { limit: on ? o.localInitial.initialMaxStreamsUni : Infinity, opened: 0, closed: 0, window: winUni },
        };
        if (on) {
            // Our configured windows may exceed what SETTINGS announced (possibly 0): say so at once.
            if (this.window > this.localMaxData) {
                this.localMaxData = this.window;
                this.out.push({ kind: 'maxData', maxData: this.window });
            }
            for (const dir of ['bidi', 'uni']) {
                const r = this.recvStreams[dir];
                if (r.window > r.limit) {
                    r.limit = r.window;
                    this.out.push({ kind: 'maxStreams', direction: dir, maxStreams: r.window });
                }
            }
        }
    }
    // ---------------------------------------------------------------- send side
    /** Whether the peer's limit lets us open one more stream of this direction. */
    canOpenStream(dir) {
        const s = this.sendStreams[dir];
        return s.opened < s.limit;
    }
    /** Records a stream we opened; call only after canOpenStream(). */
    onLocalStreamOpened(dir) {
        this.sendStreams[dir].opened++;
    }
    /** Stream-body bytes we may still send in this session. */
    get sendCredit() {
        return this.peerMaxData - this.dataSent;
    }
    onDataSent(n) {
        this.dataSent += n;
    }
    /** We wanted to open a stream but the limit stopped us: queue WT_STREAMS_BLOCKED once per limit. */
    onStreamsBlocked(dir) {
        const limit = this.sendStreams[dir].limit;
        if (!this.enabled || this.blockedStreamsAt[dir] === limit)
            return;
        this.blockedStreamsAt[dir] = limit;
        this.out.push({ kind: 'streamsBlocked', direction: dir, maxStreams: limit });
    }
    /** We had bytes to send but no session credit: queue WT_DATA_BLOCKED once per limit. */
    onDataBlocked() {
        if (!this.enabled || this.blockedDataAt === this.peerMaxData)
            return;
        this.blockedDataAt = this.peerMaxData;
        this.out.push({ kind: 'dataBlocked', maxData: this.peerMaxData });
    }
    /**
     * A flow-control capsule from the peer. Returns what it unblocked ('data', a direction, or
     * undefined). Throws H3Error(WT_FLOW_CONTROL_ERROR) when a limit does not increase (WT16 §5.6).
     */
    onPeerCapsule(c) {
        if (!this.enabled)
            return undefined;
        switch (c.kind) {
            case 'maxData': {
                if (c.maxData <= this.peerMaxData)
                    throw fcError(`WT_MAX_DATA ${c.maxData} does not increase ${this.peerMaxData}`);
                const wasBlocked = this.sendCredit <= 0;
                this.peerMaxData = c.maxData;
                return wasBlocked ? 'data' : undefined;
            }
            case 'maxStreams': {
                const s = this.sendStreams[c.direction];
                if (c.maxStreams <= s.limit)
                    throw fcError(`WT_MAX_STREAMS ${c.maxStreams} does not increase ${s.limit}`);
                const wasBlocked = s.opened >= s.limit;
                s.limit = c.maxStreams;
                return wasBlocked ? c.direction : undefined;
            }
            default:
                return undefined; // *_BLOCKED are hints; we grant credit on reads anyway.
        }
    }
    // ---------------------------------------------------------------- receive side
    /** A stream the peer opened in this session. Throws WT_FLOW_CONTROL_ERROR above our limit. */
    onPeerStreamOpened(dir) {
        const r = this.recvStreams[dir];
        if (r.opened >= r.limit)
            throw fcError(`peer opened ${dir} stream ${r.opened + 1} above the limit ${r.limit}`);
        r.opened++;
    }
    /** A peer-opened stream is finished (read to FIN, reset or stopped): it frees a slot. */
    onPeerStreamClosed(dir) {
        const r = this.recvStreams[dir];
        r.closed++;
        if (!this.enabled)
            return;
        const next = r.closed + r.window;
        // Batch: re-announce once a quarter of the window is free (at least one stream).
        if (next - r.limit >= Math.max(1, Math.floor(r.window / 4))) {
            r.limit = next;
            this.out.push({ kind: 'maxStreams', direction: dir, maxStreams: next });
        }
    }
    /** Body bytes arrived on one of the session's streams. Throws WT_FLOW_CONTROL_ERROR above our limit. */
    onDataReceived(n) {
        this.dataReceived += n;
        if (this.dataReceived > this.localMaxData)
            throw fcError(`peer sent ${this.dataReceived} session bytes above the limit ${this.localMaxData}`);
    }
    /** The application consumed body bytes: re-grant credit once half the window is used. */
    onDataConsumed(n) {
        this.dataConsumed += n;
        if (!this.enabled)
            return;
        const next = this.dataConsumed + this.window;
        if (next - this.localMaxData >= this.window / 2 && next > this.localMaxData) {
            this.localMaxData = next;
            this.out.push({ kind: 'maxData', maxData: next });
        }
    }
    /** The next capsule to send on the CONNECT stream, if any. */
    pollCapsule() {
        return this.out.shift();
    }
    get pendingCapsules() {
        return this.out.length;
    }
    /** Snapshot for diagnostics and tests. */
    get stats() {
        return {
            peerMaxData: this.peerMaxData, dataSent: this.dataSent, localMaxData: this.localMaxData, dataReceived: this.dataReceived,
            sendLimitBidi: this.sendStreams.bidi.limit, sendLimitUni: this.sendStreams.uni.limit,
            recvLimitBidi: this.recvStreams.bidi.limit, recvLimitUni: this.recvStreams.uni.limit,
        };
    }
}
//# sourceMappingURL=session-flow-control.js.map