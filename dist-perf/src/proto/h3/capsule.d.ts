import type { RandomSource } from '../util/random.js';
export declare const CapsuleType: {
    /** RFC 9297 §3.5. */
    readonly DATAGRAM: 0;
    /** WT_CLOSE_SESSION in -13+; body: u32 error code || UTF-8 message (<= 1024 bytes). */
    readonly CLOSE_WEBTRANSPORT_SESSION: 10307;
    /** WT_DRAIN_SESSION in -13+; empty body. */
    readonly DRAIN_WEBTRANSPORT_SESSION: 30894;
    /** Session flow control (-12+, WT16 §5.6); each carries one varint. */
    readonly WT_MAX_DATA: 420171069;
    /** HTTP/2 binding only: a session error over HTTP/3 (WT16 §5.4). */
    readonly WT_MAX_STREAM_DATA: 420171070;
    readonly WT_MAX_STREAMS_BIDI: 420171071;
    readonly WT_MAX_STREAMS_UNI: 420171072;
    readonly WT_DATA_BLOCKED: 420171073;
    /** HTTP/2 binding only: a session error over HTTP/3 (WT16 §5.4). */
    readonly WT_STREAM_DATA_BLOCKED: 420171074;
    readonly WT_STREAMS_BLOCKED_BIDI: 420171075;
    readonly WT_STREAMS_BLOCKED_UNI: 420171076;
};
export type CapsuleType = (typeof CapsuleType)[keyof typeof CapsuleType];
/** Reserved GREASE capsule types 0x29 * N + 0x17 (RFC 9297 §5.4). */
export declare function isReservedCapsuleType(type: number): boolean;
/** Every capsule type above: what a WebTransport CONNECT stream parser wants delivered. */
export declare const KNOWN_CAPSULE_TYPES: ReadonlySet<number>;
export interface Capsule {
    readonly type: number;
    /** A view into the fed data when the value lay inside one piece, else a fresh copy. */
    readonly value: Uint8Array;
}
export interface CapsuleParserOptions {
    /** Types delivered to the caller; every other type is skipped. Default KNOWN_CAPSULE_TYPES. */
    readonly knownTypes?: ReadonlySet<number>;
    /** Largest known capsule value buffered; above it H3_EXCESSIVE_LOAD. Default 64 KiB. */
    readonly maxCapsuleSize?: number;
}
/**
 * Incremental capsule parser: `push(piece)` with each DATA payload piece, then `next()` until
 * undefined; `finish()` when the stream ends cleanly (a truncated capsule is H3_MESSAGE_ERROR).
 */
export declare class CapsuleParser {
    private readonly known;
    private readonly maxSize;
    private readonly q;
    private state;
    private type;
    private remaining;
    private buf;
    private filled;
    /** Unknown capsules skipped so far (for diagnostics and tests). */
    skipped: number;
    constructor(options?: CapsuleParserOptions);
    push(piece: Uint8Array): void;
    get atCapsuleBoundary(): boolean;
    finish(): void;
    next(): Capsule | undefined;
}
export declare function capsuleHeaderSize(type: number, length: number): number;
/** Just the capsule header (type, length), so a large value can follow without a copy. */
export declare function encodeCapsuleHeader(type: number, length: number): Uint8Array;
export declare function encodeCapsule(type: number, value: Uint8Array): Uint8Array;
/** DATAGRAM capsule (RFC 9297 §3.5): the value is the HTTP Datagram payload. */
export declare function encodeDatagramCapsule(payload: Uint8Array): Uint8Array;
/** A capsule carrying one varint (the WT flow-control capsules). */
export declare function encodeVarintCapsule(type: number, value: number | bigint): Uint8Array;
/** A reserved-type capsule with 0..maxValue random bytes (Chromium sends one after its CONNECT). */
export declare function encodeGreaseCapsule(rng: RandomSource, maxValue?: number): Uint8Array;
