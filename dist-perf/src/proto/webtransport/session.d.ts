import { type EncodedCapsule } from './capsules.js';
import type { WtProfile } from './protocol.js';
import { SessionFlowControl, type WtDirection } from './session-flow-control.js';
export type WtSessionState = 'requested' | 'open' | 'draining' | 'closed';
/** What we know about one stream of the session. */
export interface WtStreamInfo {
    readonly streamId: number;
    readonly direction: WtDirection;
    /** Opened by us. */
    readonly local: boolean;
    /** Our send side is over (FIN sent, reset, or the peer stopped it) or never existed. */
    sendDone: boolean;
    /** The peer's send side is over (FIN read, reset, or we stopped it) or never existed. */
    recvDone: boolean;
}
/** Why a session ends. */
export type WtCloseCause = {
    readonly kind: 'local';
    readonly code: number;
    readonly reason: string;
} | {
    readonly kind: 'peerCapsule';
    readonly code: number;
    readonly reason: string;
} | {
    readonly kind: 'peerFin';
} | {
    readonly kind: 'peerReset';
    readonly h3Code: number;
}
/** We detected a protocol violation (flow control, malformed capsule): `h3Code` resets the CONNECT stream. */
 | {
    readonly kind: 'error';
    readonly h3Code: number;
    readonly reason: string;
}
/** The connection is gone: nothing can be sent. */
 | {
    readonly kind: 'connectionClosed';
    readonly reason: string;
};
/** One H3 command of a termination plan, applied in order. */
export type WtAction = {
    readonly kind: 'sendCapsule';
    readonly streamId: number;
    readonly capsule: EncodedCapsule;
    readonly fin: boolean;
} | {
    readonly kind: 'finStream';
    readonly streamId: number;
} | {
    readonly kind: 'resetStream';
    readonly streamId: number;
    readonly h3Code: number;
} | {
    readonly kind: 'stopSending';
    readonly streamId: number;
    readonly h3Code: number;
};
export interface WtCloseInfo {
    readonly code: number;
    readonly reason: string;
    /** The peer ended the session (capsule, FIN or reset). */
    readonly remote: boolean;
}
export declare class WtSession {
    /** The CONNECT stream id. */
    readonly id: number;
    readonly isClient: boolean;
    readonly profile: WtProfile;
    readonly flow: SessionFlowControl;
    state: WtSessionState;
    readonly streams: Map<number, WtStreamInfo>;
    /** Our side of the CONNECT stream ended (FIN or reset). */
    connectSendDone: boolean;
    /** The peer's side of the CONNECT stream ended. */
    connectRecvDone: boolean;
    closeInfo: WtCloseInfo | undefined;
    /** Request data kept for the API (authority, path, origin, headers). */
    readonly requestHeaders: ReadonlyArray<readonly [string, string]>;
    constructor(id: number, isClient: boolean, profile: WtProfile, requestHeaders: ReadonlyArray<readonly [string, string]>, flow?: SessionFlowControl);
    /** Streams may be opened, written and datagrams sent (drain is only a hint, WT16 §4.7). */
    get isUsable(): boolean;
    /** requested -> open (2xx sent or received). */
    markOpen(): boolean;
    /** open -> draining; true the first time. */
    markDraining(): boolean;
    addStream(streamId: number, direction: WtDirection, local: boolean): WtStreamInfo;
    /**
     * Moves to closed and returns the H3 actions that carry the close out, in order. Returns
     * undefined if the session was already closed (a second cause changes nothing).
     */
    terminate(cause: WtCloseCause): WtAction[] | undefined;
}
