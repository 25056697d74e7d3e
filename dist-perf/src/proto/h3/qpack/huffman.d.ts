/**
 * Huffman coding of string literals (RFC 7541 §5.2 with the code of Appendix B).
 *
 * Decoding is table-driven, four bits at a time: the code tree has 256 internal nodes and every
 * (node, nibble) pair maps to the next node plus at most one emitted symbol (no code is shorter
 * than 5 bits). Invalid input - the EOS symbol, or padding that is longer than 7 bits or not all
 * ones - raises HuffmanError.
 */
import { type ByteWriter } from '../../util/bytes.js';
export declare class HuffmanError extends Error {
    constructor(message: string);
}
/**
 * Decodes src[start, end) into a shared scratch buffer and returns a view of the result that is
 * valid until the next call. Output length is at most 8/5 of the input, so memory stays bounded.
 */
export declare function huffmanDecodeScratch(src: Uint8Array, start?: number, end?: number): Uint8Array;
/** Decodes a Huffman string into a new array. */
export declare function huffmanDecode(src: Uint8Array): Uint8Array;
/** Length in bytes of the Huffman encoding of `data`. */
export declare function huffmanEncodedLength(data: Uint8Array): number;
/** Appends the Huffman encoding of `data` (padded with ones) to `w`. */
export declare function huffmanEncode(data: Uint8Array, w: ByteWriter): void;
