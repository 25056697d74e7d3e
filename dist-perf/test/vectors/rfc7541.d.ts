/** RFC 7541 Appendix C vectors used by QPACK: C.1 integers, and the Huffman strings of C.4 / C.6. */
/** C.1: value, prefix bits, encoded bytes (hex; flag bits zero). */
export declare const INTEGER_VECTORS: readonly {
    value: number;
    prefixBits: number;
    hex: string;
}[];
/** C.4 (requests) and C.6 (responses): string -> its Huffman encoding (hex). */
export declare const HUFFMAN_VECTORS: readonly {
    text: string;
    hex: string;
}[];
