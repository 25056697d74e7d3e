/**
 * Prefix integers (RFC 7541 §5.1, used by RFC 9204 §4.1.1). Values are JavaScript numbers:
 * anything above 2^53 - 1 is rejected, and so is any encoding longer than the 9 continuation
 * bytes such a value needs (no unbounded runs of 0x80).
 *
 * Decoding reads through a ByteReader and raises the ByteReader errors (TruncatedInputError,
 * ValueTooLargeError); the QPACK decoders convert them to QpackError with their own code.
 */
import { TruncatedInputError, ValueTooLargeError } from '../../util/bytes.js';
const MAX_CONTINUATION_BYTES = 9; // 7 * 9 = 63 bits, enough for 2^53 after the prefix
/**
 * Decodes an integer whose first byte is at r.pos, using its low `prefixBits` bits; the caller
 * reads the flag bits of that byte itself before calling.
 */
export function readPrefixInt(r, prefixBits) {
    if (r.pos >= r.end)
        throw new TruncatedInputError();
    const buf = r.buf;
    const max = (1 << prefixBits) - 1;
    let value = buf[r.pos] & max;
    let pos = r.pos + 1;
    if (value < max) {
        r.pos = pos;
        return value;
    }
    let scale = 1;
    for (let i = 0; i < MAX_CONTINUATION_BYTES; i++) {
        if (pos >= r.end)
            throw new TruncatedInputError();
        const b = buf[pos++];
        value += (b & 0x7f) * scale;
        if (value > Number.MAX_SAFE_INTEGER)
            throw new ValueTooLargeError('prefix integer exceeds 2^53 - 1');
        if ((b & 0x80) === 0) {
            r.pos = pos;
            return value;
        }
        scale *= 128;
    }
    throw new ValueTooLargeError('prefix integer encoding too long');
}
/** Writes `value` with `prefixBits` bits in the first byte, whose other bits are `flags`. */
export function writePrefixInt(w, flags, prefixBits, value) {
    const max = (1 << prefixBits) - 1;
    if (value < max) {
        w.u8(flags | value);
        return;
    }
    w.u8(flags | max);
    let rest = value - max;
    while (rest >= 128) {
        w.u8((rest % 128) | 0x80);
        rest = Math.floor(rest / 128);
    }
    w.u8(rest);
}
/** Encoded size in bytes of `value` with a `prefixBits`-bit prefix. */
export function prefixIntLength(prefixBits, value) {
    const max = (1 << prefixBits) - 1;
    if (value < max)
        return 1;
    let n = 2;
    for (let rest = value - max; rest >= 128; rest = Math.floor(rest / 128))
        n++;
    return n;
}
//# sourceMappingURL=prefix-int.js.map