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
import { encodeWtCapsule, type EncodedCapsule } from './capsules.js';
import { WtErrorCode } from './error-codes.js';
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
export type WtCloseCause =
  | { readonly kind: 'local'; readonly code: number; readonly reason: string }
  | { readonly kind: 'peerCapsule'; readonly code: number; readonly reason: string }
  | { readonly kind: 'peerFin' }
  | { readonly kind: 'peerReset'; readonly h3Code: number }
  /** We detected a protocol violation (flow control, malformed capsule): `h3Code` resets the CONNECT stream. */
  | { readonly kind: 'error'; readonly h3Code: number; readonly reason: string }
  /** The connection is gone: nothing can be sent. */
  | { readonly kind: 'connectionClosed'; readonly reason: string };

/** One H3 command of a termination plan, applied in order. */
export type WtAction =
  | { readonly kind: 'sendCapsule'; readonly streamId: number; readonly capsule: EncodedCapsule; readonly fin: boolean }
  | { readonly kind: 'finStream'; readonly streamId: number }
  | { readonly kind: 'resetStream'; readonly streamId: number; readonly h3Code: number }
  | { readonly kind: 'stopSending'; readonly streamId: number; readonly h3Code: number };

export interface WtCloseInfo {
  readonly code: number;
  readonly reason: string;
  /** The peer ended the session (capsule, FIN or reset). */
  readonly remote: boolean;
}

export class WtSession {
  /** The CONNECT stream id. */
  readonly id: number;
  readonly isClient: boolean;
  readonly profile: WtProfile;
  readonly flow: SessionFlowControl;
  state: WtSessionState = 'requested';
  /** Created with the first stream: most sessions of a busy server are idle. */
  streams: Map<number, WtStreamInfo> | undefined;
  /** Our side of the CONNECT stream ended (FIN or reset). */
  connectSendDone = false;
  /** The peer's side of the CONNECT stream ended. */
  connectRecvDone = false;
  closeInfo: WtCloseInfo | undefined;
  /** Server: the CONNECT's headers, read when answering it; emptied once answered (and never kept by a client). */
  requestHeaders: ReadonlyArray<readonly [string, string]>;

  constructor(id: number, isClient: boolean, profile: WtProfile, requestHeaders: ReadonlyArray<readonly [string, string]>, flow?: SessionFlowControl) {
    this.id = id;
    this.isClient = isClient;
    this.profile = profile;
    this.requestHeaders = requestHeaders;
    this.flow = flow ?? new SessionFlowControl({ enabled: profile.flowControl, peerInitial: profile.peerInitial, localInitial: profile.localInitial });
  }

  /** Streams may be opened, written and datagrams sent (drain is only a hint, WT16 §4.7). */
  get isUsable(): boolean {
    return this.state === 'open' || this.state === 'draining';
  }

  /** requested -> open (2xx sent or received). */
  markOpen(): boolean {
    if (this.state !== 'requested') return false;
    this.state = 'open';
    return true;
  }

  /** open -> draining; true the first time. */
  markDraining(): boolean {
    if (this.state !== 'open') return false;
    this.state = 'draining';
    return true;
  }

  addStream(streamId: number, direction: WtDirection, local: boolean): WtStreamInfo {
    const info: WtStreamInfo = {
      streamId,
      direction,
      local,
      sendDone: direction === 'uni' && !local,
      recvDone: direction === 'uni' && local,
    };
    (this.streams ??= new Map()).set(streamId, info);
    return info;
  }

  /**
   * Moves to closed and returns the H3 actions that carry the close out, in order. Returns
   * undefined if the session was already closed (a second cause changes nothing).
   */
  terminate(cause: WtCloseCause): WtAction[] | undefined {
    if (this.state === 'closed') return undefined;
    const wasOpen = this.state !== 'requested';
    this.state = 'closed';
    const actions: WtAction[] = [];
    switch (cause.kind) {
      case 'local':
        this.closeInfo = { code: cause.code, reason: cause.reason, remote: false };
        if (!this.connectSendDone) {
          if (wasOpen) {
            actions.push({ kind: 'sendCapsule', streamId: this.id, capsule: encodeWtCapsule({ kind: 'closeSession', code: cause.code, reason: cause.reason }), fin: true });
          } else {
            // Before the 2xx no capsule may flow: cancel the request instead.
            actions.push({ kind: 'resetStream', streamId: this.id, h3Code: H3ErrorCode.H3_REQUEST_CANCELLED });
          }
        }
        break;
      case 'peerCapsule':
        this.closeInfo = { code: cause.code, reason: cause.reason, remote: true };
        if (!this.connectSendDone) actions.push({ kind: 'finStream', streamId: this.id });
        break;
      case 'peerFin':
        this.closeInfo = { code: 0, reason: '', remote: true };
        if (!this.connectSendDone) actions.push({ kind: 'finStream', streamId: this.id });
        break;
      case 'peerReset':
        this.closeInfo = { code: 0, reason: '', remote: true };
        if (!this.connectSendDone) actions.push({ kind: 'resetStream', streamId: this.id, h3Code: WtErrorCode.WT_SESSION_GONE });
        break;
      case 'error':
        this.closeInfo = { code: 0, reason: cause.reason, remote: false };
        if (!this.connectSendDone) actions.push({ kind: 'resetStream', streamId: this.id, h3Code: cause.h3Code });
        if (!this.connectRecvDone) actions.push({ kind: 'stopSending', streamId: this.id, h3Code: cause.h3Code });
        break;
      case 'connectionClosed':
        this.closeInfo = { code: 0, reason: cause.reason, remote: true };
        this.connectSendDone = this.connectRecvDone = true;
        for (const s of this.streams?.values() ?? []) s.sendDone = s.recvDone = true;
        return actions;
    }
    this.connectSendDone = true;
    for (const s of this.streams?.values() ?? []) {
      if (!s.sendDone) actions.push({ kind: 'resetStream', streamId: s.streamId, h3Code: WtErrorCode.WT_SESSION_GONE });
      if (!s.recvDone) actions.push({ kind: 'stopSending', streamId: s.streamId, h3Code: WtErrorCode.WT_SESSION_GONE });
      s.sendDone = s.recvDone = true;
    }
    return actions;
  }
}
