export class StreamStateError extends Error {
    streamId;
    reason;
    /** For 'reset' after STOP_SENDING: the peer's application error code. */
    errorCode;
    constructor(streamId, reason, errorCode) {
        super(`stream ${streamId}: ${reason}`);
        this.name = 'StreamStateError';
        this.streamId = streamId;
        this.reason = reason;
        this.errorCode = errorCode;
    }
}
//# sourceMappingURL=stream-state-error.js.map