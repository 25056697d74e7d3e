/**
 * QUIC frame payload decoder (RFC 9000 §12.4, §19; RFC 9221 §4) with strict validation.
 *
 * Byte fields are views into `payload` (no copies). Every malformed input raises a
 * TransportError; nothing else escapes for untrusted bytes.
 *
 * Values above 2^53 - 1 cannot be held exactly in a number. The wire allows them (62 bits), so:
 * - limits the peer grants or reports (MAX_DATA, MAX_STREAM_DATA, *_BLOCKED, ack delay, ECN counts,
 *   the frame type inside CONNECTION_CLOSE) are clamped to Number.MAX_SAFE_INTEGER ("unlimited");
 * - ids and offsets that large can never fall within limits we advertise, so they raise the error
 *   the owning layer would raise: STREAM_LIMIT_ERROR (stream id), FLOW_CONTROL_ERROR (stream offset,
 *   final size), CRYPTO_BUFFER_EXCEEDED (crypto offset), PROTOCOL_VIOLATION (packet numbers and
 *   connection ID sequence numbers we never issued).
 */
import { ByteReader, TruncatedInputError, ValueTooLargeError } from '../../util/bytes.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import { FrameType, StreamFrameBits, frameTypeAllowedIn, isKnownFrameType } from './frame-types.js';
/** ACK ranges kept per frame; further ranges are validated but dropped (older packets). */
export const MAX_ACK_RANGES = 1024;
/** Largest stream count a MAX_STREAMS / STREAMS_BLOCKED frame may carry (RFC 9000 §19.11). */
const MAX_STREAMS_LIMIT = 2 ** 60;
const MAX_STREAMS_BIG = 1n << 60n;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_VARINT_BIG = (1n << 62n) - 1n;
const PING = Object.freeze({ type: 'ping' });
const HANDSHAKE_DONE = Object.freeze({ type: 'handshakeDone' });
function fail(code, reason, frameType) {
    throw new TransportError(code, reason, frameType);
}
/** A varint as a number: exact up to 2^53 - 1, an approximation (> MAX_SAFE) above. */
function readU62(r) {
    const p = r.pos;
    if (p >= r.end)
        throw new TruncatedInputError();
    const b = r.buf;
    const first = b[p];
    if (first < 0xc0)
        return r.varint();
    if (p + 8 > r.end)
        throw new TruncatedInputError();
    const hi = ((first & 0x3f) << 24) + ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]);
    const lo = ((b[p + 4] << 24) >>> 0) + ((b[p + 5] << 16) | (b[p + 6] << 8) | b[p + 7]);
    r.pos = p + 8;
    return hi * 0x1_0000_0000 + lo;
}
function readClamped(r) {
    const v = readU62(r);
    return v > MAX_SAFE ? MAX_SAFE : v;
}
function readBounded(r, code, what, frameType) {
    const v = readU62(r);
    if (v > MAX_SAFE)
        fail(code, `${what} too large`, frameType);
    return v;
}
/** Reads an offset followed later by a length: checks offset + length against 2^62 - 1. */
function checkEnd(r, offsetPos, offset, length, tooLargeCode, frameType) {
    if (offset + length <= MAX_SAFE)
        return;
    // Rare path: decide exactly whether the end exceeds the varint range (an encoding error).
    const exact = new ByteReader(r.buf, offsetPos, r.end).varintBig() + BigInt(length);
    if (exact > MAX_VARINT_BIG)
        fail(TransportErrorCode.FRAME_ENCODING_ERROR, 'offset + length exceeds 2^62 - 1', frameType);
    fail(tooLargeCode, 'offset beyond any flow-control limit', frameType);
}
function readFrameType(r) {
    const start = r.pos;
    const v = readU62(r);
    const len = r.pos - start;
    const minimal = v < 64 ? 1 : v < 16384 ? 2 : v < 1073741824 ? 4 : 8;
    if (len !== minimal)
        fail(TransportErrorCode.PROTOCOL_VIOLATION, 'frame type not minimally encoded', v > MAX_SAFE ? MAX_SAFE : v);
    return v > MAX_SAFE ? MAX_SAFE : v;
}
function decodeAck(r, frameType) {
    const largest = readBounded(r, TransportErrorCode.PROTOCOL_VIOLATION, 'largest acknowledged', frameType);
    const ackDelay = readClamped(r);
    const count = readU62(r);
    const firstRange = readU62(r);
    let smallest = largest - firstRange;
    if (smallest < 0)
        fail(TransportErrorCode.FRAME_ENCODING_ERROR, 'ACK range below zero', frameType);
    const ranges = [{ smallest, largest }];
    // Every range costs at least two bytes, so the loop is bounded by the payload size.
    for (let i = 0; i < count; i++) {
        const gap = readU62(r);
        const len = readU62(r);
        const nextLargest = smallest - gap - 2;
        const nextSmallest = nextLargest - len;
        if (nextSmallest < 0)
            fail(TransportErrorCode.FRAME_ENCODING_ERROR, 'ACK range below zero', frameType);
        if (ranges.length < MAX_ACK_RANGES)
            ranges.push({ smallest: nextSmallest, largest: nextLargest });
        smallest = nextSmallest;
    }
    if (frameType === FrameType.ACK_ECN) {
        const ect0 = readClamped(r), ect1 = readClamped(r), ce = readClamped(r);
        return { type: 'ack', ackDelay, ranges, ecn: { ect0, ect1, ce } };
    }
    return { type: 'ack', ackDelay, ranges };
}
function readStreamId(r, frameType) {
    return readBounded(r, TransportErrorCode.STREAM_LIMIT_ERROR, 'stream id', frameType);
}
function readMaxStreams(r, frameType) {
    const at = r.pos;
    const v = readU62(r);
    // Near 2^60 the number is inexact: compare the exact value.
    if (v >= MAX_STREAMS_LIMIT && new ByteReader(r.buf, at, r.end).varintBig() > MAX_STREAMS_BIG)
        fail(TransportErrorCode.FRAME_ENCODING_ERROR, 'stream count above 2^60', frameType);
    return v > MAX_SAFE ? MAX_SAFE : v;
}
function decodeBody(r, t) {
    if (t >= FrameType.STREAM && t <= 0x0f) {
        const streamId = readStreamId(r, t);
        const offsetPos = r.pos;
        const offset = (t & StreamFrameBits.OFF) !== 0 ? readU62(r) : 0;
        const length = (t & StreamFrameBits.LEN) !== 0 ? r.varint() : r.remaining;
        const data = r.bytes(length);
        checkEnd(r, offsetPos, offset, length, TransportErrorCode.FLOW_CONTROL_ERROR, t);
        return { type: 'stream', streamId, offset, data, fin: (t & StreamFrameBits.FIN) !== 0 };
    }
    switch (t) {
        case FrameType.PING:
            return PING;
        case FrameType.ACK:
        case FrameType.ACK_ECN:
            return decodeAck(r, t);
        case FrameType.RESET_STREAM: {
            const streamId = readStreamId(r, t);
            const errorCode = r.varintBig();
            const finalSize = readBounded(r, TransportErrorCode.FLOW_CONTROL_ERROR, 'final size', t);
            return { type: 'resetStream', streamId, errorCode, finalSize };
        }
        case FrameType.STOP_SENDING: {
            const streamId = readStreamId(r, t);
            return { type: 'stopSending', streamId, errorCode: r.varintBig() };
        }
        case FrameType.CRYPTO: {
            const offsetPos = r.pos;
            const offset = readU62(r);
            const length = r.varint();
            const data = r.bytes(length);
            checkEnd(r, offsetPos, offset, length, TransportErrorCode.CRYPTO_BUFFER_EXCEEDED, t);
            return { type: 'crypto', offset, data };
        }
        case FrameType.NEW_TOKEN: {
            const token = r.vecVarint();
            if (token.length === 0)
                fail(TransportErrorCode.FRAME_ENCODING_ERROR, 'empty NEW_TOKEN', t);
            return { type: 'newToken', token };
        }
        case FrameType.MAX_DATA:
            return { type: 'maxData', maximum: readClamped(r) };
        case FrameType.MAX_STREAM_DATA: {
            const streamId = readStreamId(r, t);
            return { type: 'maxStreamData', streamId, maximum: readClamped(r) };
        }
        case FrameType.MAX_STREAMS_BIDI:
        case FrameType.MAX_STREAMS_UNI:
            return { type: 'maxStreams', bidi: t === FrameType.MAX_STREAMS_BIDI, maximum: readMaxStreams(r, t) };
        case FrameType.DATA_BLOCKED:
            return { type: 'dataBlocked', limit: readClamped(r) };
        case FrameType.STREAM_DATA_BLOCKED: {
            const streamId = readStreamId(r, t);
            return { type: 'streamDataBlocked', streamId, limit: readClamped(r) };
        }
        case FrameType.STREAMS_BLOCKED_BIDI:
        case FrameType.STREAMS_BLOCKED_UNI:
            return { type: 'streamsBlocked', bidi: t === FrameType.STREAMS_BLOCKED_BIDI, limit: readMaxStreams(r, t) };
        case FrameType.NEW_CONNECTION_ID: {
            const sequenceNumber = readBounded(r, TransportErrorCode.PROTOCOL_VIOLATION, 'sequence number', t);
            const retirePriorTo = readU62(r);
            if (retirePriorTo > sequenceNumber)
                fail(TransportErrorCode.FRAME_ENCODING_ERROR, 'retire_prior_to above sequence number', t);
            const len = r.u8();
            if (len === 0 || len > 20)
                fail(TransportErrorCode.FRAME_ENCODING_ERROR, `connection ID length ${len}`, t);
            const connectionId = r.bytes(len);
            const statelessResetToken = r.bytes(16);
            return { type: 'newConnectionId', sequenceNumber, retirePriorTo, connectionId, statelessResetToken };
        }
        case FrameType.RETIRE_CONNECTION_ID:
            return { type: 'retireConnectionId', sequenceNumber: readBounded(r, TransportErrorCode.PROTOCOL_VIOLATION, 'sequence number', t) };
        case FrameType.PATH_CHALLENGE:
            return { type: 'pathChallenge', data: r.bytes(8) };
        case FrameType.PATH_RESPONSE:
            return { type: 'pathResponse', data: r.bytes(8) };
        case FrameType.CONNECTION_CLOSE:
        case FrameType.CONNECTION_CLOSE_APP: {
            const application = t === FrameType.CONNECTION_CLOSE_APP;
            const errorCode = r.varintBig();
            const frameType = application ? 0 : readClamped(r);
            const reason = r.vecVarint();
            return { type: 'connectionClose', application, errorCode, frameType, reason };
        }
        case FrameType.HANDSHAKE_DONE:
            return HANDSHAKE_DONE;
        case FrameType.DATAGRAM:
            return { type: 'datagram', data: r.rest() };
        case FrameType.DATAGRAM_LEN:
            return { type: 'datagram', data: r.vecVarint() };
        default:
            return fail(TransportErrorCode.FRAME_ENCODING_ERROR, 'unknown frame type', t);
    }
}
/**
 * Decodes a decrypted packet payload into frames. Consecutive PADDING bytes collapse into one
 * PaddingFrame. Throws TransportError: PROTOCOL_VIOLATION for an empty payload, a frame not
 * allowed in `packetType` or a non-minimal frame type; FRAME_ENCODING_ERROR (with the frame
 * type) for unknown, truncated or malformed frames; see the file comment for huge values.
 */
export function decodeFrames(payload, packetType) {
    const end = payload.length;
    if (end === 0)
        fail(TransportErrorCode.PROTOCOL_VIOLATION, 'packet without frames', 0);
    const r = new ByteReader(payload);
    const frames = [];
    while (r.pos < end) {
        const b = payload[r.pos];
        if (b === 0) {
            let n = r.pos + 1;
            while (n < end && payload[n] === 0)
                n++;
            frames.push({ type: 'padding', length: n - r.pos });
            r.pos = n;
            continue;
        }
        let t;
        if (b < 0x40) {
            t = b;
            r.pos++;
        }
        else {
            try {
                t = readFrameType(r);
            }
            catch (e) {
                throw asTransportError(e, 0);
            }
        }
        if (!isKnownFrameType(t))
            fail(TransportErrorCode.FRAME_ENCODING_ERROR, 'unknown frame type', t);
        if (!frameTypeAllowedIn(t, packetType))
            fail(TransportErrorCode.PROTOCOL_VIOLATION, `frame not allowed in ${packetType} packet`, t);
        try {
            frames.push(decodeBody(r, t));
        }
        catch (e) {
            throw asTransportError(e, t);
        }
    }
    return frames;
}
function asTransportError(e, frameType) {
    if (e instanceof TruncatedInputError || e instanceof ValueTooLargeError) {
        return new TransportError(TransportErrorCode.FRAME_ENCODING_ERROR, `malformed frame: ${e.message}`, frameType);
    }
    return e;
}
//# sourceMappingURL=frame-decoder.js.map