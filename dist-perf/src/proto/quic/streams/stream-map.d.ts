import type { SendStream } from './send-stream.js';
import type { RecvStream } from './recv-stream.js';
export interface StreamEntry {
    readonly id: number;
    readonly send: SendStream | undefined;
    readonly recv: RecvStream | undefined;
}
export declare class StreamMap {
    readonly isServer: boolean;
    private readonly entries;
    private readonly dirs;
    constructor(isServer: boolean, localMaxStreamsBidi: number, localMaxStreamsUni: number);
    get size(): number;
    get(id: number): StreamEntry | undefined;
    values(): IterableIterator<StreamEntry>;
    set(entry: StreamEntry): void;
    /** Allocates the next local stream id, or undefined when the peer's limit is reached. */
    allocateLocal(bidi: boolean): number | undefined;
    /** True (once per limit) when a STREAMS_BLOCKED frame should report the current limit. */
    takeBlockedReport(bidi: boolean): boolean;
    /** The peer's current limit for our streams of this direction. */
    peerLimit(bidi: boolean): number;
    /** True while we are blocked at the limit already reported with STREAMS_BLOCKED. */
    isBlockedAt(bidi: boolean, limit: number): boolean;
    /** Applies MAX_STREAMS (or the initial parameter); returns true when streamsAvailable is due. */
    raisePeerLimit(bidi: boolean, maximum: number, frameType?: number): boolean;
    /**
     * Classifies a stream id named by a peer frame: 'existing' (in the map), 'closed' (opened and
     * forgotten: ignore the frame) or 'new' (peer stream to open, with lower ids first). Throws
     * STREAM_STATE_ERROR for local streams we never opened, STREAM_LIMIT_ERROR beyond our limit.
     */
    classify(id: number, frameType: number): 'existing' | 'closed' | 'new';
    /** Ids of the peer streams opened implicitly by `id` (itself included), in order; records them. */
    openRemoteUpTo(id: number): {
        first: number;
        count: number;
    };
    /** Forgets a stream whose both parts are finished; returns true when MAX_STREAMS is due. */
    remove(id: number): boolean;
    /** Returns all pending peer-stream credit now (after STREAMS_BLOCKED); true when raised. */
    flushCredit(bidi: boolean): boolean;
    /** The MAX_STREAMS value we currently advertise for peer streams. */
    localLimit(bidi: boolean): number;
    /** Counts for stats(). */
    counts(): {
        localBidiOpened: number;
        localUniOpened: number;
        remoteBidiOpened: number;
        remoteUniOpened: number;
    };
}
