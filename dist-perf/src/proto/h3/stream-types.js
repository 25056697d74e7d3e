/**
 * Stream headers: the type prefix of an HTTP/3 unidirectional stream (RFC 9114 §6.2, RFC 9204 §4.2,
 * WebTransport 0x54 + session id) and the WebTransport signal 0x41 + session id at the start of a
 * bidirectional stream (WT16 §4.2, §4.3). Parsed incrementally: the prefix can arrive in pieces.
 */
import { ByteReader, ByteWriter, TruncatedInputError } from '../util/bytes.js';
import { H3Error, H3ErrorCode, isReservedH3Code } from './errors.js';
export const H3UniStreamType = {
    CONTROL: 0x00,
    PUSH: 0x01,
    QPACK_ENCODER: 0x02,
    QPACK_DECODER: 0x03,
    /** WebTransport unidirectional stream (WT_STREAM uni, all drafts). */
    WEBTRANSPORT_STREAM: 0x54,
};
/** The signal value opening a bidirectional WebTransport stream. */
export const WEBTRANSPORT_BIDI_SIGNAL = 0x41;
function readSaturated(r) {
    if (r.remaining >= 1 && r.buf[r.pos] >> 6 === 3 && r.remaining >= 8) {
        const big = r.varintBig();
        return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
    }
    return r.varint();
}
/** WebTransport session ids are CONNECT stream ids: client-initiated bidi, id % 4 == 0 (WT16 §4). */
function readSessionId(r) {
    const id = readSaturated(r);
    if (id % 4 !== 0 || id === Number.MAX_SAFE_INTEGER) {
        throw new H3Error(H3ErrorCode.H3_ID_ERROR, `WebTransport session id ${id} is not a client bidi stream id`);
    }
    return id;
}
/** Parses a uni stream prefix from its first bytes; undefined while incomplete. Throws H3Error(H3_ID_ERROR). */
export function parseUniStreamHeader(data) {
    const r = new ByteReader(data);
    try {
        const type = readSaturated(r);
        let header;
        switch (type) {
            case H3UniStreamType.CONTROL:
                header = { kind: 'control' };
                break;
            case H3UniStreamType.QPACK_ENCODER:
                header = { kind: 'qpackEncoder' };
                break;
            case H3UniStreamType.QPACK_DECODER:
                header = { kind: 'qpackDecoder' };
                break;
            case H3UniStreamType.PUSH:
                header = { kind: 'push', pushId: readSaturated(r) };
                break;
            case H3UniStreamType.WEBTRANSPORT_STREAM:
                header = { kind: 'webtransport', sessionId: readSessionId(r) };
                break;
            default: header = { kind: 'unknown', streamType: type, reserved: isReservedH3Code(type) };
        }
        return { header, consumed: r.pos };
    }
    catch (e) {
        if (e instanceof TruncatedInputError)
            return undefined;
        throw e;
    }
}
/** Parses the optional 0x41 signal at the start of a bidi stream; undefined while incomplete. */
export function parseBidiStreamHeader(data) {
    const r = new ByteReader(data);
    try {
        const signal = readSaturated(r);
        if (signal !== WEBTRANSPORT_BIDI_SIGNAL)
            return { header: { kind: 'request' }, consumed: 0 };
        return { header: { kind: 'webtransport', sessionId: readSessionId(r) }, consumed: r.pos };
    }
    catch (e) {
        if (e instanceof TruncatedInputError)
            return undefined;
        throw e;
    }
}
/** A prefix is at most two varints. */
const MAX_PREFIX = 16;
const EMPTY = new Uint8Array(0);
/**
 * Accumulates the first bytes of a stream until its header is complete. It keeps at most 15
 * bytes; the chunk that completes the header is not copied, its tail is `remainder`.
 */
export class StreamHeaderReader {
    parse;
    pending = EMPTY;
    /** The header, once complete. */
    header;
    /** Stream payload that came with the bytes completing the header (empty if none). */
    remainder = EMPTY;
    constructor(parse) {
        this.parse = parse;
    }
    /** Feeds bytes; returns the header once complete (then read `remainder`). */
    push(chunk) {
        if (this.header !== undefined) {
            this.remainder = chunk;
            return this.header;
        }
        const head = chunk.subarray(0, MAX_PREFIX);
        let data = head;
        if (this.pending.length > 0) {
            data = new Uint8Array(this.pending.length + head.length);
            data.set(this.pending);
            data.set(head, this.pending.length);
        }
        const parsed = this.parse(data);
        if (parsed === undefined) {
            this.pending = data.slice();
            return undefined;
        }
        // The prefix may end before any byte of this chunk (bidi 'request' consumes nothing).
        const fromChunk = parsed.consumed - this.pending.length;
        this.remainder = fromChunk >= 0 ? chunk.subarray(fromChunk) : concatTail(this.pending.subarray(parsed.consumed), chunk);
        this.pending = EMPTY;
        this.header = parsed.header;
        return parsed.header;
    }
}
function concatTail(a, b) {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
}
export function uniStreamHeaderReader() {
    return new StreamHeaderReader(parseUniStreamHeader);
}
export function bidiStreamHeaderReader() {
    return new StreamHeaderReader(parseBidiStreamHeader);
}
/** Encodes a uni stream prefix: type, plus push id or session id where the type has one. */
export function encodeUniStreamHeader(header) {
    const w = new ByteWriter(16);
    switch (header.kind) {
        case 'control':
            w.varint(H3UniStreamType.CONTROL);
            break;
        case 'qpackEncoder':
            w.varint(H3UniStreamType.QPACK_ENCODER);
            break;
        case 'qpackDecoder':
            w.varint(H3UniStreamType.QPACK_DECODER);
            break;
        case 'push':
            w.varint(H3UniStreamType.PUSH).varint(header.pushId);
            break;
        case 'webtransport':
            w.varint(H3UniStreamType.WEBTRANSPORT_STREAM).varint(header.sessionId);
            break;
        case 'unknown':
            w.varint(header.streamType);
            break;
    }
    return w.finish();
}
/** `40 54 <session id>`: the prefix of a WebTransport unidirectional stream. */
export function encodeWebTransportUniHeader(sessionId) {
    return new ByteWriter(10).varint(H3UniStreamType.WEBTRANSPORT_STREAM).varint(sessionId).finish();
}
/** `40 41 <session id>`: the prefix of a WebTransport bidirectional stream. */
export function encodeWebTransportBidiHeader(sessionId) {
    return new ByteWriter(10).varint(WEBTRANSPORT_BIDI_SIGNAL).varint(sessionId).finish();
}
//# sourceMappingURL=stream-types.js.map