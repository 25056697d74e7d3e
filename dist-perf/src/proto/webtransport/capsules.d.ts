/** Longest close reason on the wire, in UTF-8 bytes (WT16 §6, W3C close()). */
export declare const MAX_CLOSE_REASON_BYTES = 1024;
export type WtCapsule = {
    readonly kind: 'closeSession';
    readonly code: number;
    readonly reason: string;
} | {
    readonly kind: 'drainSession';
} | {
    readonly kind: 'maxData';
    readonly maxData: number;
} | {
    readonly kind: 'maxStreams';
    readonly direction: 'bidi' | 'uni';
    readonly maxStreams: number;
} | {
    readonly kind: 'dataBlocked';
    readonly maxData: number;
} | {
    readonly kind: 'streamsBlocked';
    readonly direction: 'bidi' | 'uni';
    readonly maxStreams: number;
};
/** A capsule ready for WtH3Like.sendCapsule. */
export interface EncodedCapsule {
    readonly type: number;
    readonly value: Uint8Array;
}
/**
 * Decodes a capsule received on a WebTransport CONNECT stream. Returns undefined for types that
 * are not WebTransport's (DATAGRAM, GREASE, unknown): the caller ignores them.
 */
export declare function decodeWtCapsule(type: number, value: Uint8Array): WtCapsule | undefined;
/**
 * Cuts a string to at most maxBytes of UTF-8 without splitting a character (WT16 §6: senders
 * truncate at a character boundary).
 */
export declare function truncateUtf8(text: string, maxBytes: number): Uint8Array;
/** Encodes a WebTransport capsule. The close reason is truncated to 1024 bytes. RangeError for a bad code. */
export declare function encodeWtCapsule(c: WtCapsule): EncodedCapsule;
