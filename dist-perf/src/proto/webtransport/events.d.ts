/**
 * WtEvent: what WebTransportEngine.pollEvent() returns. Notifications only; stream bytes are
 * pulled with readStream() (architecture §1.1 "pull, don't push").
 */
import type { WtHeaderList } from './h3-like.js';
import type { WtProfile } from './protocol.js';
export type WtEvent = 
/** The peer's SETTINGS chose a draft: sessions may be requested (client) / are served (server). */
{
    readonly type: 'negotiated';
    readonly profile: WtProfile;
}
/** The peer's SETTINGS do not allow WebTransport: no session can be opened on this connection. */
 | {
    readonly type: 'negotiationFailed';
    readonly reason: string;
    readonly code: number;
}
/** Server: a client asks for a session; answer with accept() or reject(). */
 | {
    readonly type: 'sessionRequested';
    readonly sessionId: number;
    readonly authority: string;
    readonly path: string;
    readonly origin: string | undefined;
    readonly protocol: string;
    readonly headers: WtHeaderList;
}
/** The session is open (client: 2xx received; server: accept() sent the 2xx). */
 | {
    readonly type: 'sessionReady';
    readonly sessionId: number;
    readonly status: number;
    readonly headers: WtHeaderList;
}
/** Client: the server answered with a non-2xx status, or reset the request. */
 | {
    readonly type: 'sessionRejected';
    readonly sessionId: number;
    readonly status: number | undefined;
    readonly headers: WtHeaderList;
}
/** The peer opened a stream in an open session. */
 | {
    readonly type: 'streamOpened';
    readonly sessionId: number;
    readonly streamId: number;
    readonly direction: 'bidi' | 'uni';
}
/** Bytes or the FIN can be read with readStream(). */
 | {
    readonly type: 'streamReadable';
    readonly sessionId: number;
    readonly streamId: number;
}
/** A write on this stream may accept more bytes now. */
 | {
    readonly type: 'streamWritable';
    readonly sessionId: number;
    readonly streamId: number;
}
/**
 * The peer reset its sending side. `code`: the application code, undefined when the H3 code was
 * not an application one (e.g. WT_SESSION_GONE, see h3Code).
 */
 | {
    readonly type: 'streamReset';
    readonly sessionId: number;
    readonly streamId: number;
    readonly code: number | undefined;
    readonly h3Code: bigint;
}
/** The peer asked us to stop sending (our side is reset already). */
 | {
    readonly type: 'streamStopped';
    readonly sessionId: number;
    readonly streamId: number;
    readonly code: number | undefined;
    readonly h3Code: bigint;
}
/** Session credit grew (WT_MAX_DATA): blocked writers of this session may retry. */
 | {
    readonly type: 'sessionWritable';
    readonly sessionId: number;
}
/** openStream() may succeed again: sessionId undefined = QUIC's limit moved (any session). */
 | {
    readonly type: 'streamsAvailable';
    readonly sessionId: number | undefined;
    readonly direction: 'bidi' | 'uni';
} | {
    readonly type: 'datagram';
    readonly sessionId: number;
    readonly payload: Uint8Array;
}
/** WT_DRAIN_SESSION or GOAWAY: the application should wind the session down. */
 | {
    readonly type: 'sessionDraining';
    readonly sessionId: number;
} | {
    readonly type: 'sessionClosed';
    readonly sessionId: number;
    readonly code: number;
    readonly reason: string;
    readonly remote: boolean;
};
