/**
 * Prefix integers (RFC 7541 §5.1, used by RFC 9204 §4.1.1). Values are JavaScript numbers:
 * anything above 2^53 - 1 is rejected, and so is any encoding longer than the 9 continuation
 * bytes such a value needs (no unbounded runs of 0x80).
 *
 * Decoding reads through a ByteReader and raises the ByteReader errors (TruncatedInputError,
 * ValueTooLargeError); the QPACK decoders convert them to QpackError with their own code.
 */
import { type ByteReader, type ByteWriter } from '../../util/bytes.js';
/**
 * Decodes an integer whose first byte is at r.pos, using its low `prefixBits` bits; the caller
 * reads the flag bits of that byte itself before calling.
 */
export declare function readPrefixInt(r: ByteReader, prefixBits: number): number;
/** Writes `value` with `prefixBits` bits in the first byte, whose other bits are `flags`. */
export declare function writePrefixInt(w: ByteWriter, flags: number, prefixBits: number, value: number): void;
/** Encoded size in bytes of `value` with a `prefixBits`-bit prefix. */
export declare function prefixIntLength(prefixBits: number, value: number): number;
