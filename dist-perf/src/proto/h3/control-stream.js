import { H3Error, H3ErrorCode } from './errors.js';
import { encodeGreaseFrame, encodeSettingsFrame } from './frames.js';
import { greaseSetting, H3SettingId } from './settings.js';
import { encodeUniStreamHeader } from './stream-types.js';
/** The settings we send, in order; zero-valued defaults are left out (RFC defaults apply). */
export function localSettingsList(init, rng) {
    const out = [];
    if (init.qpackMaxTableCapacity > 0)
        out.push([H3SettingId.SETTINGS_QPACK_MAX_TABLE_CAPACITY, init.qpackMaxTableCapacity]);
    if (Number.isFinite(init.maxFieldSectionSize))
        out.push([H3SettingId.SETTINGS_MAX_FIELD_SECTION_SIZE, init.maxFieldSectionSize]);
    if (init.qpackBlockedStreams > 0)
        out.push([H3SettingId.SETTINGS_QPACK_BLOCKED_STREAMS, init.qpackBlockedStreams]);
    if (init.enableConnectProtocol)
        out.push([H3SettingId.SETTINGS_ENABLE_CONNECT_PROTOCOL, 1]);
    if (init.h3Datagram)
        out.push([H3SettingId.SETTINGS_H3_DATAGRAM, 1]);
    for (const pair of init.extra)
        out.push(pair);
    if (rng !== undefined)
        out.push(greaseSetting(rng));
    return out;
}
/** Stream type 0x00, SETTINGS, and (with rng) one GREASE frame: everything our control stream starts with. */
export function encodeControlStreamPreamble(settings, rng) {
    const parts = [encodeUniStreamHeader({ kind: 'control' }), encodeSettingsFrame(settings)];
    if (rng !== undefined)
        parts.push(encodeGreaseFrame(rng));
    let n = 0;
    for (const p of parts)
        n += p.length;
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
        out.set(p, o);
        o += p.length;
    }
    return out;
}
/** Sequence and id rules of the peer's control stream. `weAreServer` picks which frames are legal. */
export class PeerControlState {
    weAreServer;
    settingsSeen = false;
    /** Last GOAWAY id received (ids must not increase). */
    goawayId;
    /** The client's MAX_PUSH_ID (server side; we never push, it is only checked). */
    maxPushId;
    constructor(weAreServer) {
        this.weAreServer = weAreServer;
    }
    get hasSettings() {
        return this.settingsSeen;
    }
    /** Applies one frame from the peer's control stream; throws H3Error for a connection error. */
    handleFrame(f) {
        if (!this.settingsSeen) {
            if (f.type !== 'SETTINGS')
                throw new H3Error(H3ErrorCode.H3_MISSING_SETTINGS, 'first frame on the control stream is not SETTINGS');
            this.settingsSeen = true;
            return { type: 'settings', settings: f.settings };
        }
        switch (f.type) {
            case 'SETTINGS':
                throw new H3Error(H3ErrorCode.H3_FRAME_UNEXPECTED, 'second SETTINGS frame');
            case 'GOAWAY': {
                // From a server: a client-initiated bidi stream id. From a client: a push id.
                if (!this.weAreServer && f.id % 4 !== 0)
                    throw new H3Error(H3ErrorCode.H3_ID_ERROR, `GOAWAY id ${f.id} is not a client bidi stream id`);
                if (this.goawayId !== undefined && f.id > this.goawayId) {
                    throw new H3Error(H3ErrorCode.H3_ID_ERROR, `GOAWAY id grew from ${this.goawayId} to ${f.id}`);
                }
                this.goawayId = f.id;
                return { type: 'goaway', id: f.id };
            }
            case 'MAX_PUSH_ID':
                if (!this.weAreServer)
                    throw new H3Error(H3ErrorCode.H3_FRAME_UNEXPECTED, 'MAX_PUSH_ID from a server');
                if (this.maxPushId !== undefined && f.pushId < this.maxPushId) {
                    throw new H3Error(H3ErrorCode.H3_ID_ERROR, `MAX_PUSH_ID decreased from ${this.maxPushId} to ${f.pushId}`);
                }
                this.maxPushId = f.pushId;
                return undefined;
            case 'CANCEL_PUSH':
                // A client may cancel pushes it allowed; a server may cancel pushes it promised. We never
                // send MAX_PUSH_ID, so a server has no push id to name.
                if (!this.weAreServer || this.maxPushId === undefined || f.pushId > this.maxPushId) {
                    throw new H3Error(H3ErrorCode.H3_ID_ERROR, `CANCEL_PUSH for push id ${f.pushId} that was never allowed`);
                }
                return undefined;
            default:
                return undefined; // unknown, GREASE, PRIORITY_UPDATE: ignored
        }
    }
}
//# sourceMappingURL=control-stream.js.map