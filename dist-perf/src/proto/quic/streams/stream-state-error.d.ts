/**
 * A local misuse of a stream (not a protocol error from the peer): writing to a receive-only or
 * finished stream, reading a send-only one, or naming a stream that does not exist (any more).
 */
export type StreamStateErrorReason = 'unknown' | 'receive-only' | 'send-only' | 'finished' | 'reset';
export declare class StreamStateError extends Error {
    readonly streamId: number;
    readonly reason: StreamStateErrorReason;
    /** For 'reset' after STOP_SENDING: the peer's application error code. */
    readonly errorCode: bigint | undefined;
    constructor(streamId: number, reason: StreamStateErrorReason, errorCode?: bigint);
}
