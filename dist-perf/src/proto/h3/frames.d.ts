import type { RandomSource } from '../util/random.js';
import type { H3Settings, H3SettingsInput } from './settings.js';
export declare const H3FrameType: {
    readonly DATA: 0;
    readonly HEADERS: 1;
    readonly CANCEL_PUSH: 3;
    readonly SETTINGS: 4;
    readonly PUSH_PROMISE: 5;
    readonly GOAWAY: 7;
    readonly MAX_PUSH_ID: 13;
    /** WebTransport stream signal (WT_STREAM / WEBTRANSPORT_STREAM): no length field, not a real frame. */
    readonly WEBTRANSPORT_STREAM: 65;
    /** RFC 9218 §7.2: control stream only; we do not act on priorities, so they are skipped. */
    readonly PRIORITY_UPDATE_REQUEST: 984832;
    readonly PRIORITY_UPDATE_PUSH: 984833;
};
/** HTTP/2 frame types reserved in HTTP/3: receipt is H3_FRAME_UNEXPECTED (RFC 9114 §7.2.8). */
export declare const H2ReservedFrameType: {
    readonly PRIORITY: 2;
    readonly PING: 6;
    readonly WINDOW_UPDATE: 8;
    readonly CONTINUATION: 9;
};
/** The three stream kinds that carry HTTP/3 frames (RFC 9114 §7, Table 1). */
export type H3StreamKind = 'control' | 'request' | 'push';
export declare function isH2ReservedFrameType(type: number): boolean;
/**
 * Whether a frame type may be received on a stream kind (RFC 9114 Table 1, RFC 9218 §7.2).
 * Unknown and reserved types are allowed everywhere (they are skipped). The WebTransport signal
 * is only valid at the start of a request stream, which H3FrameReader checks itself.
 * Sequence rules (SETTINGS first and once, HEADERS before DATA, ...) belong to the connection.
 */
export declare function isFrameAllowed(kind: H3StreamKind, type: number): boolean;
/** Throws H3Error(H3_FRAME_UNEXPECTED) when `type` may not appear on `kind`. */
export declare function checkFrameAllowed(kind: H3StreamKind, type: number): void;
export declare function frameHeaderSize(type: number, length: number): number;
/** Writes a frame header (type, length) at buf[offset]; returns the offset after it. */
export declare function writeFrameHeader(buf: Uint8Array, offset: number, type: number, length: number): number;
/** Just the frame header: lets a DATA body go out as its own chunk with no copy. */
export declare function encodeFrameHeader(type: number, length: number): Uint8Array;
export declare function encodeFrame(type: number, payload: Uint8Array): Uint8Array;
export declare function encodeDataFrameHeader(length: number): Uint8Array;
export declare function encodeDataFrame(data: Uint8Array): Uint8Array;
export declare function encodeHeadersFrame(fieldSection: Uint8Array): Uint8Array;
export declare function encodePushPromiseFrame(pushId: number, fieldSection: Uint8Array): Uint8Array;
export declare function encodeSettingsFrame(settings: H3SettingsInput): Uint8Array;
/** GOAWAY carries a client bidi stream id (from a server) or a push id (from a client). */
export declare function encodeGoawayFrame(id: number | bigint): Uint8Array;
export declare function encodeCancelPushFrame(pushId: number | bigint): Uint8Array;
export declare function encodeMaxPushIdFrame(pushId: number | bigint): Uint8Array;
/** A reserved-type frame with 0..maxPayload random bytes (RFC 9114 §7.2.8 GREASE). */
export declare function encodeGreaseFrame(rng: RandomSource, maxPayload?: number): Uint8Array;
/**
 * A FIFO of received chunks read without copying. Shared by the frame, capsule and stream-header
 * readers. Chunks are referenced, not copied: callers must not reuse a pushed buffer while it is
 * still queued.
 */
export declare class ByteQueue {
    private readonly chunks;
    /** Read offset into chunks[0]. */
    private off;
    private avail;
    private readonly scratch;
    get length(): number;
    /** Bytes readable as one view from the front chunk. */
    get contiguous(): number;
    push(chunk: Uint8Array): void;
    /** Size of the varint at the front (from its first byte), or 0 when the queue is empty. */
    peekVarintSize(): number;
    /**
     * Consumes and returns the varint at the front, or -1 (consuming nothing) when incomplete.
     * Values above 2^53 are rounded: callers treat anything above MAX_SAFE_INTEGER as too large.
     */
    readVarint(): number;
    /** Consumes up to `max` bytes from the front chunk and returns them as a view (no copy). */
    take(max: number): Uint8Array;
    /** Consumes exactly n bytes (n <= length) into dst[at..]. */
    copyTo(dst: Uint8Array, at: number, n: number): void;
    /** Drops n bytes (n <= length). */
    skip(n: number): void;
    clear(): void;
    private advance;
}
/** What H3FrameReader.next() yields. Views (`data`, `fieldSection`) point into the fed chunks. */
export type H3Frame = 
/** A piece of a DATA frame payload; `frameEnd` on the last piece (an empty DATA frame yields one empty piece). */
{
    readonly type: 'DATA';
    readonly data: Uint8Array;
    readonly frameEnd: boolean;
} | {
    readonly type: 'HEADERS';
    readonly fieldSection: Uint8Array;
} | {
    readonly type: 'PUSH_PROMISE';
    readonly pushId: number;
    readonly fieldSection: Uint8Array;
} | {
    readonly type: 'SETTINGS';
    readonly settings: H3Settings;
} | {
    readonly type: 'CANCEL_PUSH';
    readonly pushId: number;
} | {
    readonly type: 'GOAWAY';
    readonly id: number;
} | {
    readonly type: 'MAX_PUSH_ID';
    readonly pushId: number;
}
/**
 * An unknown, reserved or ignored frame, announced at its start; its payload is skipped unbuffered.
 * Types above 2^53 are approximate (they are unknown anyway).
 */
 | {
    readonly type: 'UNKNOWN';
    readonly frameType: number;
    readonly length: number;
}
/** The WebTransport signal 0x41 + session id; every later byte of the stream comes as RAW. */
 | {
    readonly type: 'WEBTRANSPORT_STREAM';
    readonly sessionId: number;
} | {
    readonly type: 'RAW';
    readonly data: Uint8Array;
};
export interface H3FrameReaderOptions {
    readonly kind: H3StreamKind;
    /** Largest HEADERS / PUSH_PROMISE payload buffered (H3_EXCESSIVE_LOAD above). Default 64 KiB. */
    readonly maxFieldSectionBytes?: number;
    /** Largest SETTINGS payload buffered (H3_EXCESSIVE_LOAD above). Default 4 KiB. */
    readonly maxSettingsBytes?: number;
    /** Accept the 0x41 WebTransport signal on this request stream. Default true. */
    readonly allowWebTransportStream?: boolean;
}
/**
 * Incremental HTTP/3 frame reader for one stream (after any uni-stream type prefix).
 * Usage: `push(chunk)`, then call `next()` until it returns undefined; `finish()` on a clean FIN.
 * Throws H3Error: H3_FRAME_UNEXPECTED (frame not allowed on this stream kind), H3_FRAME_ERROR
 * (malformed or truncated frame), H3_EXCESSIVE_LOAD (buffered frame above its limit),
 * H3_SETTINGS_ERROR (invalid SETTINGS), H3_ID_ERROR (bad WebTransport session id).
 */
export declare class H3FrameReader {
    readonly kind: H3StreamKind;
    private readonly maxFieldSection;
    private readonly maxSettings;
    private readonly allowWt;
    private readonly q;
    private state;
    private frameType;
    private remaining;
    private buf;
    private filled;
    /**
     * HEADERS, DATA or PUSH_PROMISE seen: the WebTransport signal must not follow them. WT16 §4.3 wants
     * it at offset 0; like quiche for draft-02 we still accept it after skipped (GREASE) frames.
     */
    private sawMessageFrame;
    constructor(options: H3FrameReaderOptions);
    push(chunk: Uint8Array): void;
    /** True between frames (a clean FIN here is fine). */
    get atFrameBoundary(): boolean;
    /** Bytes received but not yet returned. */
    get buffered(): number;
    /** Call on a clean end of stream, after next() returned undefined. */
    finish(): void;
    next(): H3Frame | undefined;
    /** Moves to the payload state for this.frameType; returns an item to yield right away, if any. */
    private startPayload;
    private decodeBuffered;
}
