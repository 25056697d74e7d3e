import type { RandomSource } from '../util/random.js';
/** HTTP/3 error codes (RFC 9114 §8.1, RFC 9204 §6, RFC 9297 §5.2) and the typed error H3 parsers raise. */
export declare const H3ErrorCode: {
    readonly H3_NO_ERROR: 256;
    readonly H3_GENERAL_PROTOCOL_ERROR: 257;
    readonly H3_INTERNAL_ERROR: 258;
    readonly H3_STREAM_CREATION_ERROR: 259;
    readonly H3_CLOSED_CRITICAL_STREAM: 260;
    readonly H3_FRAME_UNEXPECTED: 261;
    readonly H3_FRAME_ERROR: 262;
    readonly H3_EXCESSIVE_LOAD: 263;
    readonly H3_ID_ERROR: 264;
    readonly H3_SETTINGS_ERROR: 265;
    readonly H3_MISSING_SETTINGS: 266;
    readonly H3_REQUEST_REJECTED: 267;
    readonly H3_REQUEST_CANCELLED: 268;
    readonly H3_REQUEST_INCOMPLETE: 269;
    readonly H3_MESSAGE_ERROR: 270;
    readonly H3_CONNECT_ERROR: 271;
    readonly H3_VERSION_FALLBACK: 272;
    readonly QPACK_DECOMPRESSION_FAILED: 512;
    readonly QPACK_ENCODER_STREAM_ERROR: 513;
    readonly QPACK_DECODER_STREAM_ERROR: 514;
    readonly H3_DATAGRAM_ERROR: 51;
};
export type H3ErrorCode = (typeof H3ErrorCode)[keyof typeof H3ErrorCode];
export declare function h3ErrorName(code: number): string;
/**
 * An HTTP/3 protocol error. Whether it closes the connection or only resets a stream is decided
 * by the caller (RFC 9114 §8: e.g. H3_MESSAGE_ERROR is usually a stream error).
 */
export declare class H3Error extends Error {
    readonly code: number;
    readonly reason: string;
    constructor(code: number, reason: string);
}
/**
 * True for the reserved values 0x1f * N + 0x21 (RFC 9114 §8.1, and the same formula for frame
 * types §7.2.8, stream types §6.2.3 and setting ids §7.2.4.1). They carry no meaning.
 */
export declare function isReservedH3Code(value: number | bigint): boolean;
/** The reserved value for index n (0x1f * n + 0x21). */
export declare function reservedH3Code(n: number): number;
/** A random reserved value for GREASE (frame type, stream type, setting id, error code); fits a 4-byte varint. */
export declare function randomReservedH3Code(rng: RandomSource): number;
