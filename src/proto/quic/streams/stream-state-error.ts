/**
 * A local misuse of a stream (not a protocol error from the peer): writing to a receive-only or
 * finished stream, reading a send-only one, or naming a stream that does not exist (any more).
 */
export type StreamStateErrorReason =
  | 'unknown' // never opened, or closed and forgotten
  | 'receive-only' // write() on a stream only the peer sends on
  | 'send-only' // read() on a stream only we send on
  | 'finished' // write() after the FIN was written
  | 'reset' // write() after reset() or after the peer's STOP_SENDING
  ;

export class StreamStateError extends Error {
  readonly streamId: number;
  readonly reason: StreamStateErrorReason;
  /** For 'reset' after STOP_SENDING: the peer's application error code. */
  readonly errorCode: bigint | undefined;

  constructor(streamId: number, reason: StreamStateErrorReason, errorCode?: bigint) {
    super(`stream ${streamId}: ${reason}`);
    this.name = 'StreamStateError';
    this.streamId = streamId;
    this.reason = reason;
    this.errorCode = errorCode;
  }
}
