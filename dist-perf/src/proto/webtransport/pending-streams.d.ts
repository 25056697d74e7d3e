/**
 * Streams and datagrams that arrive before their session is known or accepted (WT16 §4.6). They
 * wait here within a count limit (streams), a count and byte limit (datagrams) and an age limit,
 * then are delivered to the session or rejected. Stream bytes stay in the QUIC/H3 buffers (bounded
 * by QUIC flow control); only the stream ids are held. Also remembers recently closed session ids
 * so late streams for them are refused at once instead of buffered.
 */
import type { Micros } from '../util/time.js';
export interface PendingLimits {
    /** Streams buffered over all unknown sessions (quiche keeps 24). */
    readonly maxStreams: number;
    /** Datagrams buffered over all unknown sessions. */
    readonly maxDatagrams: number;
    /** Bytes of buffered datagram payload. */
    readonly maxDatagramBytes: number;
    /** How long an entry may wait for its session (RFC 9297 §2.1 suggests about one RTT for datagrams). */
    readonly maxAge: Micros;
    /** Session ids remembered after they close. */
    readonly recentlyClosed: number;
}
export declare const DEFAULT_PENDING_LIMITS: PendingLimits;
export interface PendingStream {
    readonly sessionId: number;
    readonly streamId: number;
    readonly direction: 'bidi' | 'uni';
    readonly arrivedAt: Micros;
}
export type AddStreamResult = 'buffered' | 'rejected' | 'sessionGone';
export declare class PendingBuffer {
    readonly limits: PendingLimits;
    /** Insertion order = arrival order, so expiry scans stop at the first young entry. */
    private readonly streams;
    private datagrams;
    private datagramHead;
    private datagramBytes;
    private readonly closed;
    /** Counters for diagnostics. */
    rejectedStreams: number;
    droppedDatagrams: number;
    constructor(limits?: Partial<PendingLimits>);
    get streamCount(): number;
    get datagramCount(): number;
    get bufferedDatagramBytes(): number;
    /**
     * A stream whose session is not ready. 'sessionGone': the session closed recently (reset it with
     * WT_SESSION_GONE); 'rejected': the buffer is full (reset it with WT_BUFFERED_STREAM_REJECTED).
     */
    addStream(now: Micros, sessionId: number, streamId: number, direction: 'bidi' | 'uni'): AddStreamResult;
    /** A datagram whose session is not ready; false when it was dropped (limits or closed session). */
    addDatagram(now: Micros, sessionId: number, payload: Uint8Array): boolean;
    /** Forgets a buffered stream (the peer reset it meanwhile). */
    removeStream(streamId: number): boolean;
    hasStream(streamId: number): boolean;
    /** Everything buffered for a session that just became ready, in arrival order. */
    takeSession(sessionId: number): {
        streams: PendingStream[];
        datagrams: Uint8Array[];
    };
    /**
     * The session will never be ready (rejected or closed): returns its buffered streams (to reset)
     * and remembers the id so later arrivals are refused.
     */
    closeSession(sessionId: number): PendingStream[];
    /** Remembers a closed session id, forgetting the oldest beyond the limit. */
    markClosed(sessionId: number): void;
    isRecentlyClosed(sessionId: number): boolean;
    /** Drops entries older than maxAge; returns the expired streams (to reset). */
    expire(now: Micros): PendingStream[];
    /** When the oldest entry expires (undefined when empty). */
    nextDeadline(): Micros | undefined;
    private shiftDatagram;
}
