/** Errors the raw-QUIC async API rejects with; each carries the QUIC error code that caused it. */
import type { CloseInfo } from './proto-types.js';
export type StreamErrorKind = 
/** The peer reset its sending side (RESET_STREAM). */
'reset'
/** The peer asked us to stop sending (STOP_SENDING); our side was reset with its code. */
 | 'stopped'
/** We reset our sending side. */
 | 'localReset'
/** We asked the peer to stop sending. */
 | 'localStop';
export declare class QuicStreamError extends Error {
    readonly kind: StreamErrorKind;
    readonly code: bigint;
    readonly streamId: number;
    constructor(kind: StreamErrorKind, streamId: number, code: bigint);
}
export declare class QuicConnectionError extends Error {
    readonly info: CloseInfo;
    readonly code: bigint;
    constructor(info: CloseInfo);
}
export declare class QuicDatagramError extends Error {
    readonly reason: 'too-large' | 'unsupported' | 'closed';
    constructor(reason: QuicDatagramError['reason'], detail: string);
}
/** Application error codes are 62-bit: accept number or bigint at the API edge. */
export declare function toErrorCode(code: number | bigint): bigint;
