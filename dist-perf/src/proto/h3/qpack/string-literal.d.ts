/**
 * String literals (RFC 9204 §4.1.2) and the mapping between field octets and JS strings.
 *
 * Field names and values are octet strings. Decoded octets become "binary" strings (one char per
 * octet, ISO-8859-1), which is lossless for any octets a peer sends. Encoding maps a string whose
 * chars are all <= 0xff back octet for octet, and falls back to UTF-8 for anything else.
 */
import { type ByteReader, type ByteWriter } from '../../util/bytes.js';
/** The octets a field string is sent as. */
export declare function fieldOctets(s: string): Uint8Array;
/** Octet length of `s` as fieldOctets() would send it (no allocation for Latin-1 strings). */
export declare function fieldOctetLength(s: string): number;
/** One char per octet. */
export declare function octetsToString(b: Uint8Array): string;
/** A string literal longer than the caller's limit. */
export declare class StringLiteralTooLongError extends Error {
    constructor(message: string);
}
/**
 * Reads a string literal whose H bit sits just above its `prefixBits` length prefix. A literal
 * that must decode to more than `maxOctets` octets is rejected before any decoding or copying:
 * raw, its length is its size; Huffman-coded, n bytes yield at least floor(8n/30) octets
 * (codes are at most 30 bits).
 */
export declare function readStringLiteral(r: ByteReader, prefixBits: number, maxOctets: number): string;
/**
 * Writes a string literal, Huffman-coded when that is shorter (and `huffman` allows it);
 * `flags` fill the bits above the H bit.
 */
export declare function writeStringLiteral(w: ByteWriter, flags: number, prefixBits: number, s: string, huffman?: boolean): void;
/** Size writeStringLiteral() would produce (used by tests and size estimates). */
export declare function stringLiteralLength(prefixBits: number, s: string): number;
