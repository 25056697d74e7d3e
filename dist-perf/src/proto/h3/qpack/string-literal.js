/**
 * String literals (RFC 9204 §4.1.2) and the mapping between field octets and JS strings.
 *
 * Field names and values are octet strings. Decoded octets become "binary" strings (one char per
 * octet, ISO-8859-1), which is lossless for any octets a peer sends. Encoding maps a string whose
 * chars are all <= 0xff back octet for octet, and falls back to UTF-8 for anything else.
 */
import { TruncatedInputError, utf8 } from '../../util/bytes.js';
import { huffmanDecodeScratch, huffmanEncode, huffmanEncodedLength } from './huffman.js';
import { prefixIntLength, readPrefixInt, writePrefixInt } from './prefix-int.js';
/** The octets a field string is sent as. */
export function fieldOctets(s) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c > 0xff)
            return utf8(s);
        out[i] = c;
    }
    return out;
}
/** Octet length of `s` as fieldOctets() would send it (no allocation for Latin-1 strings). */
export function fieldOctetLength(s) {
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) > 0xff)
            return utf8(s).length;
    return s.length;
}
/** One char per octet. */
export function octetsToString(b) {
    let s = '';
    for (let i = 0; i < b.length; i += 4096) {
        s += String.fromCharCode.apply(null, b.subarray(i, Math.min(b.length, i + 4096)));
    }
    return s;
}
/** A string literal longer than the caller's limit. */
export class StringLiteralTooLongError extends Error {
    constructor(message) {
        super(message);
        this.name = 'StringLiteralTooLongError';
    }
}
/**
 * Reads a string literal whose H bit sits just above its `prefixBits` length prefix. A literal
 * that must decode to more than `maxOctets` octets is rejected before any decoding or copying:
 * raw, its length is its size; Huffman-coded, n bytes yield at least floor(8n/30) octets
 * (codes are at most 30 bits).
 */
export function readStringLiteral(r, prefixBits, maxOctets) {
    if (r.pos >= r.end)
        throw new TruncatedInputError();
    const huffman = (r.buf[r.pos] & (1 << prefixBits)) !== 0;
    const len = readPrefixInt(r, prefixBits);
    const minDecoded = huffman ? Math.floor((len * 8) / 30) : len;
    if (minDecoded > maxOctets)
        throw new StringLiteralTooLongError(`string literal of ${len} bytes exceeds limit ${maxOctets}`);
    if (len > r.remaining)
        throw new TruncatedInputError();
    const start = r.pos;
    r.pos += len;
    if (!huffman)
        return octetsToString(r.buf.subarray(start, start + len));
    const decoded = huffmanDecodeScratch(r.buf, start, start + len);
    if (decoded.length > maxOctets)
        throw new StringLiteralTooLongError(`string literal exceeds limit ${maxOctets}`);
    return octetsToString(decoded);
}
/**
 * Writes a string literal, Huffman-coded when that is shorter (and `huffman` allows it);
 * `flags` fill the bits above the H bit.
 */
export function writeStringLiteral(w, flags, prefixBits, s, huffman = true) {
    const octets = fieldOctets(s);
    const huffLen = huffman ? huffmanEncodedLength(octets) : octets.length;
    if (huffLen < octets.length) {
        writePrefixInt(w, flags | (1 << prefixBits), prefixBits, huffLen);
        huffmanEncode(octets, w);
    }
    else {
        writePrefixInt(w, flags, prefixBits, octets.length);
        w.bytes(octets);
    }
}
/** Size writeStringLiteral() would produce (used by tests and size estimates). */
export function stringLiteralLength(prefixBits, s) {
    const octets = fieldOctets(s);
    const len = Math.min(huffmanEncodedLength(octets), octets.length);
    return prefixIntLength(prefixBits, len) + len;
}
//# sourceMappingURL=string-literal.js.map