/**
 * All streams of one connection, as one sans-IO subsystem the Connection delegates to (the role
 * of quinn's StreamsState): application commands, incoming stream frames, outgoing frames with
 * their acknowledgement or loss, connection-level flow control and stream notifications.
 *
 * Outgoing order (pollFrame): control frames, then retransmissions, then new STREAM data taken
 * round-robin across streams, one frame per stream per turn. STREAM frames always carry a Length.
 */
import type { DataBlockedFrame, Frame, MaxDataFrame, MaxStreamDataFrame, MaxStreamsFrame, ResetStreamFrame, StopSendingFrame, StreamDataBlockedFrame, StreamFrame, StreamsBlockedFrame } from '../wire/frames.js';
import type { ConnectionEvent, StreamDirection } from '../connection/events.js';
import type { Micros } from '../../util/time.js';
export interface StreamsConfig {
    isServer: boolean;
    /** Our transport parameters (the limits we give the peer). */
    local: {
        initialMaxData: number;
        initialMaxStreamDataBidiLocal: number;
        initialMaxStreamDataBidiRemote: number;
        initialMaxStreamDataUni: number;
        initialMaxStreamsBidi: number;
        initialMaxStreamsUni: number;
    };
    /** Auto-tune caps for the per-stream and connection receive windows. */
    maxStreamWindow: number;
    maxConnectionWindow: number;
    /** Per stream: bytes write() buffers (unacknowledged included) before it returns short. */
    sendBufferSize: number;
}
/** The peer's transport parameters that concern streams. */
export interface PeerStreamLimits {
    initialMaxData: number;
    initialMaxStreamDataBidiLocal: number;
    initialMaxStreamDataBidiRemote: number;
    initialMaxStreamDataUni: number;
    initialMaxStreamsBidi: number;
    initialMaxStreamsUni: number;
}
export type StreamsIncomingFrame = StreamFrame | ResetStreamFrame | StopSendingFrame | MaxDataFrame | MaxStreamDataFrame | MaxStreamsFrame | DataBlockedFrame | StreamDataBlockedFrame | StreamsBlockedFrame;
export interface StreamsStats {
    openStreams: number;
    localBidiOpened: number;
    localUniOpened: number;
    remoteBidiOpened: number;
    remoteUniOpened: number;
    /** Stream payload bytes sent for the first time / sent again after a loss. */
    bytesSent: number;
    bytesRetransmitted: number;
    /** Connection-level credit the peer used (highest offsets) and bytes the application consumed. */
    bytesReceived: number;
    bytesConsumed: number;
    sendLimit: number;
    receiveLimit: number;
    receiveWindow: number;
}
export declare class StreamsState {
    private readonly config;
    private readonly map;
    private peer;
    private rtt;
    private readonly connSend;
    private readonly connRecv;
    /** Sum over streams of the highest offset received (connection credit used by the peer). */
    private connReceived;
    private readonly events;
    private readonly resetQueue;
    private readonly stopQueue;
    private readonly maxStreamDataQueue;
    private readonly streamDataBlockedQueue;
    private maxDataQueued;
    private dataBlockedQueued;
    private readonly maxStreamsQueued;
    private readonly streamsBlockedQueued;
    private readonly retransmitQueue;
    private readonly sendQueue;
    private bytesSent;
    private bytesRetransmitted;
    constructor(config: StreamsConfig);
    /** Applies the peer's transport parameters (once they are known). */
    setPeerLimits(p: PeerStreamLimits): void;
    /** Smoothed RTT, for receive-window auto-tuning. */
    setRtt(smoothedRtt: Micros): void;
    /** Opens a local stream; undefined when the peer's MAX_STREAMS is reached (STREAMS_BLOCKED queued). */
    open(direction: StreamDirection): number | undefined;
    /** Buffers data for sending; returns the bytes accepted (short when the send buffer is full). */
    write(id: number, data: Uint8Array, fin: boolean): number;
    /**
     * Reads up to maxBytes (a view of received data); undefined when nothing is readable. Consuming
     * data grants credit: MAX_STREAM_DATA / MAX_DATA are queued when due.
     */
    read(id: number, maxBytes: number, now: Micros): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    /** Abandons sending on a stream (RESET_STREAM). No-op on streams already finished or gone. */
    reset(id: number, code: bigint): void;
    /** Stops reading a stream (STOP_SENDING): buffered and future data is dropped. */
    stop(id: number, code: bigint): void;
    handleFrame(f: StreamsIncomingFrame, now: Micros): void;
    private onStream;
    private onResetStream;
    private onStopSending;
    /** STREAM / RESET_STREAM / STREAM_DATA_BLOCKED on a stream only we send on. */
    private rejectSendOnly;
    /** MAX_STREAM_DATA / STOP_SENDING on a stream only the peer sends on. */
    private rejectReceiveOnly;
    /** The stream a peer frame names, opening peer streams (and lower ids) on first mention. */
    private resolve;
    private addReceived;
    /** Returns consumed or dropped bytes of `recv` to the connection window. */
    private retire;
    private createStream;
    /** The peer's initial credit for our sending part of stream `id`. */
    private initialSendCredit;
    /** Forgets a stream once both parts are terminal; returns the peer's stream credit in batches. */
    private maybeFree;
    private unknownReason;
    private scheduleSend;
    private queueReset;
    private queueMaxStreamData;
    private queueRetransmit;
    /** True when pollFrame would return a frame given enough space. */
    hasPendingFrames(): boolean;
    /** The next frame that fits in `space` bytes, or undefined. */
    pollFrame(space: number, _now: Micros): Frame | undefined;
    private refreshConnBlocked;
    /** The first control frame still worth sending (stale queue heads are dropped). */
    private peekControl;
    /** Marks a control frame returned by peekControl as sent. */
    private takeControl;
    /** Sends the first pending control frame that fits, checking every queue (slow path). */
    private pollSmallControl;
    private requeueControl;
    private clearControlFlag;
    /** Clears the "queued" flag matching queue `q` on stream `id` (the id left the queue). */
    private clearQueuedFlag;
    private peekPerStream;
    private shiftPerStream;
    private resetFrame;
    private stopFrame;
    private maxStreamDataFrame;
    private streamDataBlockedFrame;
    /** First stream of `q` satisfying `ready`, dropping stale heads; undefined when none. */
    private peekSendStream;
    private pollRetransmit;
    private pollNewData;
    /** A frame we sent was acknowledged. */
    onFrameAcked(f: Frame): void;
    /** A frame we sent was lost: data is resent, control frames only while still current. */
    onFrameLost(f: Frame): void;
    pollEvent(): ConnectionEvent | undefined;
    stats(): StreamsStats;
}
