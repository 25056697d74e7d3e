/**
 * The Capsule Protocol (RFC 9297 §3.2): `Capsule { Type (i), Length (i), Value (..) }` carried in the
 * payload of DATA frames on a CONNECT stream. An incremental parser (a capsule may span DATA frames)
 * and encoders. Unknown types are skipped without buffering their value; known types are buffered
 * up to a limit. Capsule errors make the HTTP message malformed (RFC 9297 §3.3): H3_MESSAGE_ERROR.
 */
import { ByteWriter, varintSize, writeVarintAt } from '../util/bytes.js';
import { H3Error, H3ErrorCode } from './errors.js';
import { ByteQueue } from './frames.js';
export const CapsuleType = {
    /** RFC 9297 §3.5. */
    DATAGRAM: 0x00,
    /** WT_CLOSE_SESSION in -13+; body: u32 error code || UTF-8 message (<= 1024 bytes). */
    CLOSE_WEBTRANSPORT_SESSION: 0x2843,
    /** WT_DRAIN_SESSION in -13+; empty body. */
    DRAIN_WEBTRANSPORT_SESSION: 0x78ae,
    /** Session flow control (-12+, WT16 §5.6); each carries one varint. */
    WT_MAX_DATA: 0x190b4d3d,
    /** HTTP/2 binding only: a session error over HTTP/3 (WT16 §5.4). */
    WT_MAX_STREAM_DATA: 0x190b4d3e,
    WT_MAX_STREAMS_BIDI: 0x190b4d3f,
    WT_MAX_STREAMS_UNI: 0x190b4d40,
    WT_DATA_BLOCKED: 0x190b4d41,
    /** HTTP/2 binding only: a session error over HTTP/3 (WT16 §5.4). */
    WT_STREAM_DATA_BLOCKED: 0x190b4d42,
    WT_STREAMS_BLOCKED_BIDI: 0x190b4d43,
    WT_STREAMS_BLOCKED_UNI: 0x190b4d44,
};
/** Reserved GREASE capsule types 0x29 * N + 0x17 (RFC 9297 §5.4). */
export function isReservedCapsuleType(type) {
    return type >= 0x17 && (type - 0x17) % 0x29 === 0;
}
/** Every capsule type above: what a WebTransport CONNECT stream parser wants delivered. */
export const KNOWN_CAPSULE_TYPES = new Set(Object.values(CapsuleType));
const S_TYPE = 0;
const S_LENGTH = 1;
const S_VALUE = 2;
const S_SKIP = 3;
const EMPTY = new Uint8Array(0);
/**
 * Incremental capsule parser: `push(piece)` with each DATA payload piece, then `next()` until
 * undefined; `finish()` when the stream ends cleanly (a truncated capsule is H3_MESSAGE_ERROR).
 */
export class CapsuleParser {
    known;
    maxSize;
    q = new ByteQueue();
    state = S_TYPE;
    type = 0;
    remaining = 0;
    buf;
    filled = 0;
    /** Unknown capsules skipped so far (for diagnostics and tests). */
    skipped = 0;
    constructor(options = {}) {
        this.known = options.knownTypes ?? KNOWN_CAPSULE_TYPES;
        this.maxSize = options.maxCapsuleSize ?? 64 * 1024;
    }
    push(piece) {
        this.q.push(piece);
    }
    get atCapsuleBoundary() {
        return this.state === S_TYPE && this.q.length === 0;
    }
    finish() {
        if (!this.atCapsuleBoundary)
            throw new H3Error(H3ErrorCode.H3_MESSAGE_ERROR, 'stream ended inside a capsule');
    }
    next() {
        const q = this.q;
        for (;;) {
            switch (this.state) {
                case S_TYPE: {
                    const t = q.readVarint();
                    if (t < 0)
                        return undefined;
                    this.type = t;
                    this.state = S_LENGTH;
                    continue;
                }
                case S_LENGTH: {
                    const len = q.readVarint();
                    if (len < 0)
                        return undefined;
                    this.remaining = len;
                    if (!this.known.has(this.type)) {
                        this.skipped++;
                        this.state = S_SKIP;
                        continue;
                    }
                    if (len > this.maxSize) {
                        throw new H3Error(H3ErrorCode.H3_EXCESSIVE_LOAD, `capsule 0x${this.type.toString(16)} of ${len} bytes exceeds ${this.maxSize}`);
                    }
                    this.state = S_VALUE;
                    continue;
                }
                case S_VALUE: {
                    if (this.buf === undefined && q.contiguous >= this.remaining) {
                        this.state = S_TYPE;
                        return { type: this.type, value: q.take(this.remaining) };
                    }
                    if (q.length === 0)
                        return undefined;
                    this.buf ??= new Uint8Array(this.remaining);
                    const n = Math.min(q.length, this.remaining - this.filled);
                    q.copyTo(this.buf, this.filled, n);
                    this.filled += n;
                    if (this.filled < this.remaining)
                        return undefined;
                    const value = this.buf;
                    this.buf = undefined;
                    this.filled = 0;
                    this.state = S_TYPE;
                    return { type: this.type, value };
                }
                default: {
                    const n = Math.min(q.length, this.remaining);
                    q.skip(n);
                    this.remaining -= n;
                    if (this.remaining > 0)
                        return undefined;
                    this.state = S_TYPE;
                    continue;
                }
            }
        }
    }
}
export function capsuleHeaderSize(type, length) {
    return varintSize(type) + varintSize(length);
}
/** Just the capsule header (type, length), so a large value can follow without a copy. */
export function encodeCapsuleHeader(type, length) {
    const out = new Uint8Array(capsuleHeaderSize(type, length));
    writeVarintAt(out, writeVarintAt(out, 0, type), length);
    return out;
}
export function encodeCapsule(type, value) {
    const out = new Uint8Array(capsuleHeaderSize(type, value.length) + value.length);
    out.set(value, writeVarintAt(out, writeVarintAt(out, 0, type), value.length));
    return out;
}
/** DATAGRAM capsule (RFC 9297 §3.5): the value is the HTTP Datagram payload. */
export function encodeDatagramCapsule(payload) {
    return encodeCapsule(CapsuleType.DATAGRAM, payload);
}
/** A capsule carrying one varint (the WT flow-control capsules). */
export function encodeVarintCapsule(type, value) {
    return encodeCapsule(type, new ByteWriter(8).varint(value).finish());
}
/** A reserved-type capsule with 0..maxValue random bytes (Chromium sends one after its CONNECT). */
export function encodeGreaseCapsule(rng, maxValue = 8) {
    const r = rng.fill(new Uint8Array(4));
    const n = ((r[0] << 8) | r[1]) & 0x3fff;
    const len = r[2] % (maxValue + 1);
    return encodeCapsule(0x29 * n + 0x17, len === 0 ? EMPTY : rng.fill(new Uint8Array(len)));
}
//# sourceMappingURL=capsule.js.map