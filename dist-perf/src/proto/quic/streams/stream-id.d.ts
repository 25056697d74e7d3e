/**
 * Stream id helpers (RFC 9000 §2.1). The two low bits of an id say who opened the stream
 * (bit 0: 0 client, 1 server) and its direction (bit 1: 0 bidirectional, 1 unidirectional).
 * Ids reach 2^62, beyond 32-bit integers, so the helpers use arithmetic rather than bit operators.
 */
/** Largest stream count a MAX_STREAMS / STREAMS_BLOCKED frame may carry (RFC 9000 §4.6). */
export declare const MAX_STREAM_COUNT: number;
export declare function isBidi(id: number): boolean;
export declare function isUni(id: number): boolean;
export declare function isClientInitiated(id: number): boolean;
/** True when the endpoint (server or client per `isServer`) opened the stream. */
export declare function isLocal(id: number, isServer: boolean): boolean;
/** Position of the stream among those of the same initiator and direction (0, 1, 2, ...). */
export declare function streamIndex(id: number): number;
export declare function makeStreamId(index: number, bidi: boolean, serverInitiated: boolean): number;
