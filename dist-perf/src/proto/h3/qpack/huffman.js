/**
 * Huffman coding of string literals (RFC 7541 §5.2 with the code of Appendix B).
 *
 * Decoding is table-driven, four bits at a time: the code tree has 256 internal nodes and every
 * (node, nibble) pair maps to the next node plus at most one emitted symbol (no code is shorter
 * than 5 bits). Invalid input - the EOS symbol, or padding that is longer than 7 bits or not all
 * ones - raises HuffmanError.
 */
import {} from '../../util/bytes.js';
import { HUFFMAN_CODES, HUFFMAN_EOS, HUFFMAN_LENGTHS } from './huffman-table.js';
export class HuffmanError extends Error {
    constructor(message) {
        super(message);
        this.name = 'HuffmanError';
    }
}
// Transition entry layout: bits 0-7 next node, bits 8-15 symbol, bit 16 "emits", bit 17 "fails".
const EMITS = 1 << 16;
const FAILS = 1 << 17;
const { transitions, accepting } = buildDecodeTables();
function buildDecodeTables() {
    // Code tree: children[node * 2 + bit] is a node id (> 0), or -(symbol + 1) for a leaf.
    const children = new Int32Array(512);
    let nodes = 1;
    for (let sym = 0; sym <= HUFFMAN_EOS; sym++) {
        const code = HUFFMAN_CODES[sym];
        const len = HUFFMAN_LENGTHS[sym];
        let node = 0;
        for (let i = len - 1; i > 0; i--) {
            const slot = node * 2 + (Math.floor(code / 2 ** i) & 1);
            if (children[slot] === 0)
                children[slot] = nodes++;
            node = children[slot];
        }
        children[node * 2 + (code & 1)] = -(sym + 1);
    }
    const transitions = new Int32Array(nodes * 16);
    for (let state = 0; state < nodes; state++) {
        for (let nibble = 0; nibble < 16; nibble++) {
            let node = state;
            let entry = 0;
            for (let bit = 3; bit >= 0; bit--) {
                const child = children[node * 2 + ((nibble >> bit) & 1)];
                if (child >= 0) {
                    node = child;
                    continue;
                }
                const sym = -child - 1;
                if (sym === HUFFMAN_EOS) {
                    entry |= FAILS;
                    break;
                }
                entry |= EMITS | (sym << 8);
                node = 0;
            }
            transitions[state * 16 + nibble] = entry | node;
        }
    }
    // A state may end the input when the bits since the last symbol are at most 7 ones.
    const accepting = new Uint8Array(nodes);
    for (let node = 0, depth = 0; depth <= 7; depth++) {
        accepting[node] = 1;
        node = children[node * 2 + 1];
    }
    return { transitions, accepting };
}
let scratch = new Uint8Array(256);
/**
 * Decodes src[start, end) into a shared scratch buffer and returns a view of the result that is
 * valid until the next call. Output length is at most 8/5 of the input, so memory stays bounded.
 */
export function huffmanDecodeScratch(src, start = 0, end = src.length) {
    const maxOut = Math.ceil(((end - start) * 8) / 5);
    if (scratch.length < maxOut)
        scratch = new Uint8Array(Math.max(maxOut, scratch.length * 2));
    const out = scratch;
    let n = 0;
    let state = 0;
    for (let i = start; i < end; i++) {
        const byte = src[i];
        let t = transitions[state * 16 + (byte >> 4)];
        if ((t & FAILS) !== 0)
            throw new HuffmanError('Huffman string contains EOS');
        if ((t & EMITS) !== 0)
            out[n++] = (t >> 8) & 0xff;
        state = t & 0xff;
        t = transitions[state * 16 + (byte & 0x0f)];
        if ((t & FAILS) !== 0)
            throw new HuffmanError('Huffman string contains EOS');
        if ((t & EMITS) !== 0)
            out[n++] = (t >> 8) & 0xff;
        state = t & 0xff;
    }
    if (accepting[state] !== 1)
        throw new HuffmanError('invalid Huffman padding');
    return out.subarray(0, n);
}
/** Decodes a Huffman string into a new array. */
export function huffmanDecode(src) {
    return huffmanDecodeScratch(src).slice();
}
/** Length in bytes of the Huffman encoding of `data`. */
export function huffmanEncodedLength(data) {
    let bits = 0;
    for (let i = 0; i < data.length; i++)
        bits += HUFFMAN_LENGTHS[data[i]];
    return Math.ceil(bits / 8);
}
/** Appends the Huffman encoding of `data` (padded with ones) to `w`. */
export function huffmanEncode(data, w) {
    // acc holds fewer than 8 pending bits before each symbol; codes are at most 30 bits, so the
    // sum stays below 2^38 and exact as a double (shifts would overflow 32 bits).
    let acc = 0;
    let bits = 0;
    for (let i = 0; i < data.length; i++) {
        const sym = data[i];
        const len = HUFFMAN_LENGTHS[sym];
        acc = acc * 2 ** len + HUFFMAN_CODES[sym];
        bits += len;
        while (bits >= 8) {
            bits -= 8;
            const div = 2 ** bits;
            const byte = Math.floor(acc / div);
            w.u8(byte);
            acc -= byte * div;
        }
    }
    if (bits > 0)
        w.u8((acc << (8 - bits)) | (0xff >> bits));
}
//# sourceMappingURL=huffman.js.map