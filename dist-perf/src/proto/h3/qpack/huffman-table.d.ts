/**
 * The HPACK/QPACK Huffman code (RFC 7541 Appendix B): for each symbol 0..255 and EOS (256),
 * the code aligned to the least significant bit and its length in bits.
 */
export declare const HUFFMAN_CODES: readonly number[];
export declare const HUFFMAN_LENGTHS: readonly number[];
/** The end-of-string symbol; a decoder that sees it must fail (RFC 7541 §5.2). */
export declare const HUFFMAN_EOS = 256;
