/** Errors the raw-QUIC async API rejects with; each carries the QUIC error code that caused it. */
import type { CloseInfo } from './proto-types.js';

export type StreamErrorKind =
  /** The peer reset its sending side (RESET_STREAM). */
  | 'reset'
  /** The peer asked us to stop sending (STOP_SENDING); our side was reset with its code. */
  | 'stopped'
  /** We reset our sending side. */
  | 'localReset'
  /** We asked the peer to stop sending. */
  | 'localStop';

export class QuicStreamError extends Error {
  readonly kind: StreamErrorKind;
  readonly code: bigint;
  readonly streamId: number;

  constructor(kind: StreamErrorKind, streamId: number, code: bigint) {
    super(`stream ${streamId}: ${kind} with code ${code}`);
    this.name = 'QuicStreamError';
    this.kind = kind;
    this.code = code;
    this.streamId = streamId;
  }
}

export class QuicConnectionError extends Error {
  readonly info: CloseInfo;
  readonly code: bigint;

  constructor(info: CloseInfo) {
    const who = info.remote ? 'peer' : 'local';
    const what = info.kind === 'close' ? `${info.application ? 'application' : 'transport'} code ${info.code}` : info.kind;
    super(`connection closed (${who}, ${what})${info.reason ? `: ${info.reason}` : ''}`);
    this.name = 'QuicConnectionError';
    this.info = info;
    this.code = info.code;
  }
}

export class QuicDatagramError extends Error {
  readonly reason: 'too-large' | 'unsupported' | 'closed';

  constructor(reason: QuicDatagramError['reason'], detail: string) {
    super(`datagram not sent (${reason}): ${detail}`);
    this.name = 'QuicDatagramError';
    this.reason = reason;
  }
}

/** Application error codes are 62-bit: accept number or bigint at the API edge. */
export function toErrorCode(code: number | bigint): bigint {
  const value = typeof code === 'bigint' ? code : BigInt(code);
  if (value < 0n || value >= 1n << 62n) throw new RangeError(`error code ${code} is outside 0..2^62-1`);
  return value;
}
