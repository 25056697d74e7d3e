/**
 * One WebTransport session: its state (requested -> open -> draining -> closed), its streams, its
 * flow control, and the close ordering rules as a plan of H3 actions (WT16 §6):
 *  - local close: WT_CLOSE_SESSION capsule, then FIN on the CONNECT stream;
 *  - peer capsule or clean FIN: answer with our FIN (the peer's capsule gives code and reason);
 *  - peer reset of the CONNECT stream, or a protocol error: reset our side of it;
 *  - in every case reset the send side and stop the receive side of every session stream with
 *    WT_SESSION_GONE, and send nothing more.
 */
import { H3ErrorCode } from '../h3/errors.js';
import { encodeWtCapsule } from './capsules.js';
import { WtErrorCode } from './error-codes.js';
import { SessionFlowControl } from './session-flow-control.js';
export class WtSession {
    /** The CONNECT stream id. */
    id;
    isClient;
    profile;
    flow;
    state = 'requested';
    streams = new Map();
    /** Our side of the CONNECT stream ended (FIN or reset). */
    connectSendDone = false;
    /** The peer's side of the CONNECT stream ended. */
    connectRecvDone = false;
    closeInfo;
    /** Request data kept for the API (authority, path, origin, headers). */
    requestHeaders;
    constructor(id, isClient, profile, requestHeaders, flow) {
        this.id = id;
        this.isClient = isClient;
        this.profile = profile;
        this.requestHeaders = requestHeaders;
        this.flow = flow ?? new SessionFlowControl({ enabled: profile.flowControl, peerInitial: profile.peerInitial, localInitial: profile.localInitial });
    }
    /** Streams may be opened, written and datagrams sent (drain is only a hint, WT16 §4.7). */
    get isUsable() {
        return this.state === 'open' || this.state === 'draining';
    }
    /** requested -> open (2xx sent or received). */
    markOpen() {
        if (this.state !== 'requested')
            return false;
        this.state = 'open';
        return true;
    }
    /** open -> draining; true the first time. */
    markDraining() {
        if (this.state !== 'open')
            return false;
        this.state = 'draining';
        return true;
    }
    addStream(streamId, direction, local) {
        const info = {
            streamId,
            direction,
            local,
            sendDone: direction === 'uni' && !local,
            recvDone: direction === 'uni' && local,
        };
        this.streams.set(streamId, info);
        return info;
    }
    /**
     * Moves to closed and returns the H3 actions that carry the close out, in order. Returns
     * undefined if the session was already closed (a second cause changes nothing).
     */
    terminate(cause) {
        if (this.state === 'closed')
            return undefined;
        const wasOpen = this.state !== 'requested';
        this.state = 'closed';
        const actions = [];
        switch (cause.kind) {
            case 'local':
                this.closeInfo = { code: cause.code, reason: cause.reason, remote: false };
                if (!this.connectSendDone) {
                    if (wasOpen) {
                        actions.push({ kind: 'sendCapsule', streamId: this.id, capsule: encodeWtCapsule({ kind: 'closeSession', code: cause.code, reason: cause.reason }), fin: true });
                    }
                    else {
                        // Before the 2xx no capsule may flow: cancel the request instead.
                        actions.push({ kind: 'resetStream', streamId: this.id, h3Code: H3ErrorCode.H3_REQUEST_CANCELLED });
                    }
                }
                break;
            case 'peerCapsule':
                this.closeInfo = { code: cause.code, reason: cause.reason, remote: true };
                if (!this.connectSendDone)
                    actions.push({ kind: 'finStream', streamId: this.id });
                break;
            case 'peerFin':
                this.closeInfo = { code: 0, reason: '', remote: true };
                if (!this.connectSendDone)
                    actions.push({ kind: 'finStream', streamId: this.id });
                break;
            case 'peerReset':
                this.closeInfo = { code: 0, reason: '', remote: true };
                if (!this.connectSendDone)
                    actions.push({ kind: 'resetStream', streamId: this.id, h3Code: WtErrorCode.WT_SESSION_GONE });
                break;
            case 'error':
                this.closeInfo = { code: 0, reason: cause.reason, remote: false };
                if (!this.connectSendDone)
                    actions.push({ kind: 'resetStream', streamId: this.id, h3Code: cause.h3Code });
                if (!this.connectRecvDone)
                    actions.push({ kind: 'stopSending', streamId: this.id, h3Code: cause.h3Code });
                break;
            case 'connectionClosed':
                this.closeInfo = { code: 0, reason: cause.reason, remote: true };
                this.connectSendDone = this.connectRecvDone = true;
                for (const s of this.streams.values())
                    s.sendDone = s.recvDone = true;
                return actions;
        }
        this.connectSendDone = true;
        for (const s of this.streams.values()) {
            if (!s.sendDone)
                actions.push({ kind: 'resetStream', streamId: s.streamId, h3Code: WtErrorCode.WT_SESSION_GONE });
            if (!s.recvDone)
                actions.push({ kind: 'stopSending', streamId: s.streamId, h3Code: WtErrorCode.WT_SESSION_GONE });
            s.sendDone = s.recvDone = true;
        }
        return actions;
    }
}
//# sourceMappingURL=session.js.map