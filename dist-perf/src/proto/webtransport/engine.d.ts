import type { Micros } from '../util/time.js';
import type { WtEvent } from './events.js';
import type { WtH3Event, WtH3Like, WtHeaderList } from './h3-like.js';
import { type PendingLimits } from './pending-streams.js';
import { type WtLocalOptions, type WtProfile } from './protocol.js';
import { SessionFlowControl, type WtDirection } from './session-flow-control.js';
import { WtSession } from './session.js';
/** Misuse of the engine by the layer above (wrong state, unknown id): never the peer's fault. */
export declare class WtUsageError extends Error {
    constructor(message: string);
}
export interface WtEngineOptions extends Omit<WtLocalOptions, 'isServer'> {
    /** Limits for streams/datagrams that arrive before their session is ready. */
    readonly pending?: Partial<PendingLimits>;
    /** Session receive window (bytes) when flow control is on. Default flowControl.initialMaxData. */
    readonly sessionReceiveWindow?: number;
}
export interface WtConnectRequest {
    readonly authority: string;
    /** Path and query, starting with '/'. */
    readonly path: string;
    readonly origin?: string;
    /** Extra request headers (lower-case names). */
    readonly headers?: WtHeaderList;
}
export declare class WebTransportEngine {
    readonly h3: WtH3Like;
    readonly isServer: boolean;
    private readonly local;
    private readonly options;
    private profileValue;
    private negotiationError;
    private readonly sessions;
    /** WebTransport stream id -> its session. */
    private readonly streamSession;
    private readonly pending;
    private deferred;
    private goawayReceived;
    private connectionClosed;
    private events;
    private eventHead;
    constructor(h3: WtH3Like, options?: WtEngineOptions);
    /** The negotiated profile once the peer's SETTINGS arrived and allow WebTransport. */
    get profile(): WtProfile | undefined;
    /** Sessions not yet closed. */
    get sessionCount(): number;
    get pendingStats(): {
        streams: number;
        datagrams: number;
        datagramBytes: number;
        rejectedStreams: number;
        droppedDatagrams: number;
    };
    sessionState(sessionId: number): WtSession['state'] | undefined;
    /** Flow-control counters of a session (undefined when unknown). */
    sessionFlowStats(sessionId: number): SessionFlowControl['stats'] | undefined;
    pollEvent(): WtEvent | undefined;
    /** When buffered early streams/datagrams expire. */
    pollTimeout(): Micros | undefined;
    handleTimeout(now: Micros): void;
    /** Feeds one H3 event. Returns false when the event is not WebTransport's (e.g. a plain HTTP request). */
    handleH3Event(now: Micros, ev: WtH3Event): boolean;
    private onSettings;
    private onHeaders;
    private isWebTransportToken;
    private onConnectRequest;
    /** WT16 §5.1/§5.2: an excess CONNECT is reset with H3_REQUEST_REJECTED ("not processed"). */
    private refuseRequest;
    private newSession;
    private onConnectEnded;
    private onStreamReset;
    private onStreamStopped;
    private onGoaway;
    private onCapsule;
    private onDatagram;
    private onPeerStream;
    private attachPeerStream;
    /** A peer stream we will not serve: reset what we could send and stop what it sends. */
    private rejectStream;
    private deliverPending;
    private onConnectionClosed;
    /**
     * Client: sends the extended CONNECT for a new session and returns its id (the CONNECT stream
     * id), or undefined while QUIC's stream limit is reached (retry on streamsAvailable). Throws
     * WtUsageError before negotiation, when it failed, after GOAWAY or at the session limit.
     */
    connect(req: WtConnectRequest): number | undefined;
    /** Server: accepts a requested session with a 2xx (default 200) and delivers what was buffered. */
    accept(sessionId: number, headers?: WtHeaderList, status?: number): void;
    /** Server: refuses a requested session with an HTTP status (4xx/5xx; 3xx is allowed but not followed). */
    reject(sessionId: number, status: number, headers?: WtHeaderList): void;
    /**
     * Closes a session: WT_CLOSE_SESSION(code, reason) then FIN, and every stream reset with
     * WT_SESSION_GONE. A client session not answered yet is cancelled. No-op when already closed.
     */
    closeSession(sessionId: number, code?: number, reason?: string): void;
    /** Sends WT_DRAIN_SESSION: asks the peer to wind the session down (WT16 §4.7). */
    drainSession(sessionId: number): void;
    /**
     * Opens a stream in an open session; undefined when the session's (or QUIC's) stream limit is
     * reached: wait for streamsAvailable.
     */
    openStream(sessionId: number, direction: WtDirection): number | undefined;
    /** Writes payload; returns the bytes accepted (short: wait for streamWritable / sessionWritable). */
    writeStream(streamId: number, data: Uint8Array, fin?: boolean): number;
    /** Reads received payload (a view). Consuming grants session credit back to the peer. */
    readStream(streamId: number, maxBytes: number): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    /** Resets our sending side with an application error code (u32). */
    resetStream(streamId: number, code?: number): void;
    /** Asks the peer to stop sending (STOP_SENDING) with an application error code (u32). */
    stopSending(streamId: number, code?: number): void;
    /** The session a stream belongs to (undefined once the stream is finished both ways). */
    streamSessionId(streamId: number): number | undefined;
    sendDatagram(sessionId: number, payload: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed';
    maxDatagramSize(sessionId: number): number;
    private requireSession;
    private requireStream;
    /** Drops a stream finished in both directions; a peer stream's end frees a session slot. */
    private maybeForget;
    private sendCapsule;
    /** Sends the flow-control capsules the session queued; only once the session is open. */
    private flushCapsules;
    private terminate;
    /** A session that never opened (rejected or abandoned): forget it, refuse its buffered streams. */
    private dropSession;
    private apply;
    private emit;
}
