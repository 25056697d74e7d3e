/**
 * Byte-level reading and writing over Uint8Array without copies on read.
 *
 * ByteReader throws TruncatedInputError when input ends early; each layer's decoder catches it
 * and rethrows its own typed protocol error (TransportError, H3Error, TlsAlertError, ...).
 */
/** Raised by ByteReader when the input is shorter than its encoding claims. */
export class TruncatedInputError extends Error {
    constructor(message = 'input truncated') {
        super(message);
        this.name = 'TruncatedInputError';
    }
}
/** Raised by ByteReader for a value that JavaScript numbers cannot hold exactly. */
export class ValueTooLargeError extends Error {
    constructor(message = 'value exceeds 2^53 - 1') {
        super(message);
        this.name = 'ValueTooLargeError';
    }
}
const TWO_POW_32 = 0x1_0000_0000;
export class ByteReader {
    buf;
    pos;
    end;
    constructor(buf, start = 0, end = buf.length) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }
    get remaining() {
        return this.end - this.pos;
    }
    get done() {
        return this.pos >= this.end;
    }
    need(n) {
        if (n < 0 || this.pos + n > this.end)
            throw new TruncatedInputError(`need ${n} bytes, have ${this.end - this.pos}`);
    }
    u8() {
        this.need(1);
        return this.buf[this.pos++];
    }
    u16() {
        this.need(2);
        const b = this.buf, p = this.pos;
        this.pos = p + 2;
        return (b[p] << 8) | b[p + 1];
    }
    u24() {
        this.need(3);
        const b = this.buf, p = this.pos;
        this.pos = p + 3;
        return (b[p] << 16) | (b[p + 1] << 8) | b[p + 2];
    }
    u32() {
        this.need(4);
        const b = this.buf, p = this.pos;
        this.pos = p + 4;
        return ((b[p] << 24) >>> 0) + ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]);
    }
    /** A QUIC variable-length integer (RFC 9000 §16) as a number; throws above 2^53 - 1. */
    varint() {
        this.need(1);
        const b = this.buf;
        const first = b[this.pos];
        const prefix = first >> 6;
        if (prefix === 0) {
            this.pos += 1;
            return first;
        }
        if (prefix === 1) {
            this.need(2);
            const v = ((first & 0x3f) << 8) | b[this.pos + 1];
            this.pos += 2;
            return v;
        }
        if (prefix === 2) {
            this.need(4);
            const p = this.pos;
            const v = ((first & 0x3f) << 24) * 1 + ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]);
            this.pos += 4;
            return v;
        }
        this.need(8);
        const p = this.pos;
        const hi = ((first & 0x3f) << 24) + ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]);
        const lo = ((b[p + 4] << 24) >>> 0) + ((b[p + 5] << 16) | (b[p + 6] << 8) | b[p + 7]);
        if (hi >= 0x20_0000)
            throw new ValueTooLargeError();
        this.pos += 8;
        return hi * TWO_POW_32 + lo;
    }
    /** A QUIC variable-length integer as a bigint (full 62-bit range, for error codes). */
    varintBig() {
        this.need(1);
        const first = this.buf[this.pos];
        const len = 1 << (first >> 6);
        this.need(len);
        let v = BigInt(first & 0x3f);
        for (let i = 1; i < len; i++)
            v = (v << 8n) | BigInt(this.buf[this.pos + i]);
        this.pos += len;
        return v;
    }
    /** A view of the next n bytes (no copy). */
    bytes(n) {
        this.need(n);
        const out = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        return out;
    }
    /** A view of everything left (no copy). */
    rest() {
        const out = this.buf.subarray(this.pos, this.end);
        this.pos = this.end;
        return out;
    }
    skip(n) {
        this.need(n);
        this.pos += n;
    }
    /** Bytes with a u8/u16/u24 length prefix (TLS vectors). */
    vec8() { return this.bytes(this.u8()); }
    vec16() { return this.bytes(this.u16()); }
    vec24() { return this.bytes(this.u24()); }
    /** Bytes with a varint length prefix. */
    vecVarint() { return this.bytes(this.varint()); }
}
/**
 * A writer that grows its buffer as needed (growable = true, the default when constructed
 * from a capacity) or writes into a caller-owned buffer and throws RangeError when full.
 */
export class ByteWriter {
    buf;
    pos;
    growable;
    constructor(init = 256, start = 0) {
        if (typeof init === 'number') {
            this.buf = new Uint8Array(init);
            this.growable = true;
        }
        else {
            this.buf = init;
            this.growable = false;
        }
        this.pos = start;
    }
    ensure(n) {
        const need = this.pos + n;
        if (need <= this.buf.length)
            return;
        if (!this.growable)
            throw new RangeError(`ByteWriter overflow: need ${need}, have ${this.buf.length}`);
        let cap = this.buf.length * 2 || 64;
        while (cap < need)
            cap *= 2;
        const next = new Uint8Array(cap);
        next.set(this.buf.subarray(0, this.pos));
        this.buf = next;
    }
    get length() {
        return this.pos;
    }
    u8(v) {
        this.ensure(1);
        this.buf[this.pos++] = v;
        return this;
    }
    u16(v) {
        this.ensure(2);
        const b = this.buf, p = this.pos;
        b[p] = v >>> 8;
        b[p + 1] = v;
        this.pos = p + 2;
        return this;
    }
    u24(v) {
        this.ensure(3);
        const b = this.buf, p = this.pos;
        b[p] = v >>> 16;
        b[p + 1] = v >>> 8;
        b[p + 2] = v;
        this.pos = p + 3;
        return this;
    }
    u32(v) {
        this.ensure(4);
        const b = this.buf, p = this.pos;
        b[p] = v >>> 24;
        b[p + 1] = v >>> 16;
        b[p + 2] = v >>> 8;
        b[p + 3] = v;
        this.pos = p + 4;
        return this;
    }
    /** A QUIC varint in its minimal encoding. */
    varint(v) {
        this.ensure(varintSize(v));
        this.pos = writeVarintAt(this.buf, this.pos, v);
        return this;
    }
    bytes(data) {
        this.ensure(data.length);
        this.buf.set(data, this.pos);
        this.pos += data.length;
        return this;
    }
    zeros(n) {
        this.ensure(n);
        this.buf.fill(0, this.pos, this.pos + n);
        this.pos += n;
        return this;
    }
    vec8(data) { return this.u8(data.length).bytes(data); }
    vec16(data) { return this.u16(data.length).bytes(data); }
    vec24(data) { return this.u24(data.length).bytes(data); }
    vecVarint(data) { return this.varint(data.length).bytes(data); }
    /**
     * Reserves a length prefix of `width` bytes (1, 2 or 3), runs `body`, then fills it in.
     * Used for nested TLS structures.
     */
    lengthPrefixed(width, body) {
        this.ensure(width);
        const at = this.pos;
        this.pos += width;
        body(this);
        const len = this.pos - at - width;
        if (len >= 1 << (8 * width))
            throw new RangeError(`length ${len} does not fit in ${width} bytes`);
        for (let i = width - 1; i >= 0; i--)
            this.buf[at + (width - 1 - i)] = (len >>> (8 * i)) & 0xff;
        return this;
    }
    /** The written bytes (a view; the writer must not be reused afterwards if you keep it). */
    finish() {
        return this.buf.subarray(0, this.pos);
    }
}
/** Size in bytes of the minimal varint encoding of v. */
export function varintSize(v) {
    if (typeof v === 'bigint') {
        if (v < 0n || v > 0x3fffffffffffffffn)
            throw new RangeError(`varint out of range: ${v}`);
        if (v < 64n)
            return 1;
        if (v < 16384n)
            return 2;
        if (v < 1073741824n)
            return 4;
        return 8;
    }
    if (v < 0 || !Number.isInteger(v))
        throw new RangeError(`varint out of range: ${v}`);
    if (v < 64)
        return 1;
    if (v < 16384)
        return 2;
    if (v < 1073741824)
        return 4;
    if (v > Number.MAX_SAFE_INTEGER)
        throw new RangeError(`varint above 2^53 must be a bigint: ${v}`);
    return 8;
}
/** Writes the minimal varint encoding of v at buf[offset]; returns the offset after it. */
export function writeVarintAt(buf, offset, v) {
    if (typeof v === 'bigint') {
        const size = varintSize(v);
        if (size < 8)
            return writeVarintAt(buf, offset, Number(v));
        let x = v;
        for (let i = 7; i >= 0; i--) {
            buf[offset + i] = Number(x & 0xffn);
            x >>= 8n;
        }
        buf[offset] = buf[offset] | 0xc0;
        return offset + 8;
    }
    if (v < 64 && v >= 0) {
        buf[offset] = v;
        return offset + 1;
    }
    if (v < 16384 && v >= 0) {
        buf[offset] = 0x40 | (v >>> 8);
        buf[offset + 1] = v;
        return offset + 2;
    }
    if (v < 1073741824 && v >= 0) {
        buf[offset] = 0x80 | (v >>> 24);
        buf[offset + 1] = v >>> 16;
        buf[offset + 2] = v >>> 8;
        buf[offset + 3] = v;
        return offset + 4;
    }
    varintSize(v); // throws for negatives, fractions and > 2^53
    const hi = Math.floor(v / 0x1_0000_0000);
    const lo = v >>> 0;
    buf[offset] = 0xc0 | (hi >>> 24);
    buf[offset + 1] = hi >>> 16;
    buf[offset + 2] = hi >>> 8;
    buf[offset + 3] = hi;
    buf[offset + 4] = lo >>> 24;
    buf[offset + 5] = lo >>> 16;
    buf[offset + 6] = lo >>> 8;
    buf[offset + 7] = lo;
    return offset + 8;
}
/** Writes v as a varint of exactly `size` bytes (non-minimal allowed), e.g. a reserved length field. */
export function writeVarintFixed(buf, offset, v, size) {
    if (varintSize(v) > size)
        throw new RangeError(`varint ${v} does not fit in ${size} bytes`);
    if (size === 1) {
        buf[offset] = v;
        return offset + 1;
    }
    if (size === 2) {
        buf[offset] = 0x40 | (v >>> 8);
        buf[offset + 1] = v;
        return offset + 2;
    }
    if (size === 4) {
        buf[offset] = 0x80 | (v >>> 24);
        buf[offset + 1] = v >>> 16;
        buf[offset + 2] = v >>> 8;
        buf[offset + 3] = v;
        return offset + 4;
    }
    const hi = Math.floor(v / 0x1_0000_0000), lo = v >>> 0;
    buf[offset] = 0xc0 | (hi >>> 24);
    buf[offset + 1] = hi >>> 16;
    buf[offset + 2] = hi >>> 8;
    buf[offset + 3] = hi;
    buf[offset + 4] = lo >>> 24;
    buf[offset + 5] = lo >>> 16;
    buf[offset + 6] = lo >>> 8;
    buf[offset + 7] = lo;
    return offset + 8;
}
export function concatBytes(...parts) {
    let n = 0;
    for (const p of parts)
        n += p.length;
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
        out.set(p, o);
        o += p.length;
    }
    return out;
}
export function bytesEqual(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
const HEX = '0123456789abcdef';
export function toHex(b) {
    let s = '';
    for (let i = 0; i < b.length; i++)
        s += HEX[b[i] >> 4] + HEX[b[i] & 15];
    return s;
}
export function fromHex(hex) {
    const clean = hex.replace(/\s+/g, '');
    if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean))
        throw new RangeError('invalid hex');
    const out = new Uint8Array(clean.length / 2);
    for (let i = 0; i < out.length; i++)
        out[i] = parseInt(clean.substr(i * 2, 2), 16);
    return out;
}
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
export function utf8(s) { return utf8Encoder.encode(s); }
/** Strict UTF-8 decode; throws TypeError on invalid input. */
export function fromUtf8(b) { return utf8Decoder.decode(b); }
//# sourceMappingURL=bytes.js.map