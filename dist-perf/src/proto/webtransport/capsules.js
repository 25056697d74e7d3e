/**
 * WebTransport capsules on the CONNECT stream (WT16 §4.7, §5.6, §6): decoding with validation and
 * encoding. The generic capsule framing (type, length, skip unknown) is src/proto/h3/capsule.ts;
 * this file gives the WebTransport types their meaning. Malformed values throw H3Error:
 * H3_MESSAGE_ERROR for a bad close capsule or a varint capsule with a bad body, and
 * WT_FLOW_CONTROL_ERROR for limits above 2^60 or the HTTP/2-only capsules (WT16 §5.4).
 */
import { CapsuleType } from '../h3/capsule.js';
import { H3Error, H3ErrorCode } from '../h3/errors.js';
import { fromUtf8, utf8, varintSize, writeVarintAt } from '../util/bytes.js';
import { WT_MAX_APP_ERROR_CODE, WtErrorCode } from './error-codes.js';
/** Longest close reason on the wire, in UTF-8 bytes (WT16 §6, W3C close()). */
export const MAX_CLOSE_REASON_BYTES = 1024;
const EMPTY = new Uint8Array(0);
function malformed(reason) {
    return new H3Error(H3ErrorCode.H3_MESSAGE_ERROR, reason);
}
/** Reads a value that must be exactly one varint; 62-bit values above 2^53 saturate to 2^53. */
function readSoleVarint(value, what) {
    if (value.length === 0)
        throw malformed(`${what}: empty capsule value`);
    const len = 1 << (value[0] >> 6);
    if (value.length !== len)
        throw malformed(`${what}: capsule value is ${value.length} bytes, its varint needs ${len}`);
    let v = value[0] & 0x3f;
    for (let i = 1; i < len; i++)
        v = v * 256 + value[i];
    return Math.min(v, Number.MAX_SAFE_INTEGER + 1);
}
function readLimit(value, what) {
    const v = readSoleVarint(value, what);
    // Above 2^53 the number is rounded: decide "> 2^60" on the bytes (top 6 bits of a 62-bit value).
    const exceeds = value.length === 8 && ((value[0] & 0x3f) > 0x10 || ((value[0] & 0x3f) === 0x10 && value.subarray(1).some((b) => b !== 0)));
    if (exceeds)
        throw new H3Error(WtErrorCode.WT_FLOW_CONTROL_ERROR, `${what}: ${v} exceeds 2^60`);
    return v;
}
/**
 * Decodes a capsule received on a WebTransport CONNECT stream. Returns undefined for types that
 * are not WebTransport's (DATAGRAM, GREASE, unknown): the caller ignores them.
 */
export function decodeWtCapsule(type, value) {
    switch (type) {
        case CapsuleType.CLOSE_WEBTRANSPORT_SESSION: {
            if (value.length < 4)
                throw malformed('WT_CLOSE_SESSION shorter than its 32-bit code');
            const reasonBytes = value.length - 4;
            if (reasonBytes > MAX_CLOSE_REASON_BYTES)
                throw malformed(`WT_CLOSE_SESSION reason of ${reasonBytes} bytes exceeds 1024`);
            const code = ((value[0] << 24) >>> 0) + ((value[1] << 16) | (value[2] << 8) | value[3]);
            let reason;
            try {
                reason = fromUtf8(value.subarray(4));
            }
            catch {
                throw malformed('WT_CLOSE_SESSION reason is not valid UTF-8');
            }
            return { kind: 'closeSession', code, reason };
        }
        case CapsuleType.DRAIN_WEBTRANSPORT_SESSION:
            // WT16 §4.7 says Length = 0; a body is tolerated (nothing in it has meaning).
            return { kind: 'drainSession' };
        case CapsuleType.WT_MAX_DATA:
            return { kind: 'maxData', maxData: readSoleVarint(value, 'WT_MAX_DATA') };
        case CapsuleType.WT_DATA_BLOCKED:
            return { kind: 'dataBlocked', maxData: readSoleVarint(value, 'WT_DATA_BLOCKED') };
        case CapsuleType.WT_MAX_STREAMS_BIDI:
            return { kind: 'maxStreams', direction: 'bidi', maxStreams: readLimit(value, 'WT_MAX_STREAMS') };
        case CapsuleType.WT_MAX_STREAMS_UNI:
            return { kind: 'maxStreams', direction: 'uni', maxStreams: readLimit(value, 'WT_MAX_STREAMS') };
        case CapsuleType.WT_STREAMS_BLOCKED_BIDI:
            return { kind: 'streamsBlocked', direction: 'bidi', maxStreams: readLimit(value, 'WT_STREAMS_BLOCKED') };
        case CapsuleType.WT_STREAMS_BLOCKED_UNI:
            return { kind: 'streamsBlocked', direction: 'uni', maxStreams: readLimit(value, 'WT_STREAMS_BLOCKED') };
        case CapsuleType.WT_MAX_STREAM_DATA:
        case CapsuleType.WT_STREAM_DATA_BLOCKED:
            throw new H3Error(WtErrorCode.WT_FLOW_CONTROL_ERROR, `capsule 0x${type.toString(16)} belongs to the HTTP/2 binding`);
        default:
            return undefined;
    }
}
/**
 * Cuts a string to at most maxBytes of UTF-8 without splitting a character (WT16 §6: senders
 * truncate at a character boundary).
 */
export function truncateUtf8(text, maxBytes) {
    const bytes = utf8(text);
    if (bytes.length <= maxBytes)
        return bytes;
    let end = maxBytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the cut character.
    while (end > 0 && (bytes[end] & 0xc0) === 0x80)
        end--;
    return bytes.subarray(0, end);
}
function varintValue(v) {
    const out = new Uint8Array(varintSize(v));
    writeVarintAt(out, 0, v);
    return out;
}
/** Encodes a WebTransport capsule. The close reason is truncated to 1024 bytes. RangeError for a bad code. */
export function encodeWtCapsule(c) {
    switch (c.kind) {
        case 'closeSession': {
            if (!Number.isInteger(c.code) || c.code < 0 || c.code > WT_MAX_APP_ERROR_CODE)
                throw new RangeError(`close code must be a u32, got ${c.code}`);
            const reason = truncateUtf8(c.reason, MAX_CLOSE_REASON_BYTES);
            const value = new Uint8Array(4 + reason.length);
            value[0] = c.code >>> 24;
            value[1] = c.code >>> 16;
            value[2] = c.code >>> 8;
            value[3] = c.code;
            value.set(reason, 4);
            return { type: CapsuleType.CLOSE_WEBTRANSPORT_SESSION, value };
        }
        case 'drainSession':
            return { type: CapsuleType.DRAIN_WEBTRANSPORT_SESSION, value: EMPTY };
        case 'maxData':
            return { type: CapsuleType.WT_MAX_DATA, value: varintValue(c.maxData) };
        case 'dataBlocked':
            return { type: CapsuleType.WT_DATA_BLOCKED, value: varintValue(c.maxData) };
        case 'maxStreams':
            return { type: c.direction === 'bidi' ? CapsuleType.WT_MAX_STREAMS_BIDI : CapsuleType.WT_MAX_STREAMS_UNI, value: varintValue(c.maxStreams) };
        case 'streamsBlocked':
            return {
                type: c.direction === 'bidi' ? CapsuleType.WT_STREAMS_BLOCKED_BIDI : CapsuleType.WT_STREAMS_BLOCKED_UNI,
                value: varintValue(c.maxStreams),
            };
    }
}
//# sourceMappingURL=capsules.js.map