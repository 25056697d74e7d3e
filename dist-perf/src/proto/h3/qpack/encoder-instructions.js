/**
 * Encoder stream instructions (RFC 9204 §4.3): their wire form, written by QpackEncoder and read
 * by QpackDecoder. Reading raises the ByteReader errors (TruncatedInputError when the
 * instruction is not complete yet) and StringLiteralTooLongError; the decoder maps them.
 */
import { ByteReader, TruncatedInputError } from '../../util/bytes.js';
import { readPrefixInt, writePrefixInt } from './prefix-int.js';
import { readStringLiteral, writeStringLiteral } from './string-literal.js';
/** Writes one instruction; `huffman` = false forces raw string literals. */
export function writeEncoderInstruction(w, ins, huffman = true) {
    switch (ins.type) {
        case 'setCapacity':
            writePrefixInt(w, 0x20, 5, ins.capacity);
            return;
        case 'insertWithNameRef':
            writePrefixInt(w, ins.isStatic ? 0xc0 : 0x80, 6, ins.nameIndex);
            writeStringLiteral(w, 0, 7, ins.value, huffman);
            return;
        case 'insertWithLiteralName':
            writeStringLiteral(w, 0x40, 5, ins.name, huffman);
            writeStringLiteral(w, 0, 7, ins.value, huffman);
            return;
        case 'duplicate':
            writePrefixInt(w, 0x00, 5, ins.relativeIndex);
            return;
    }
}
/**
 * Reads one instruction starting at r.pos. `maxStringOctets` bounds the name and value octets
 * together (the largest entry that could fit in the table), so a peer cannot make us buffer
 * more than one such entry.
 */
export function readEncoderInstruction(r, maxStringOctets) {
    if (r.pos >= r.end)
        throw new TruncatedInputError();
    const first = r.buf[r.pos];
    if ((first & 0x80) !== 0) {
        const isStatic = (first & 0x40) !== 0;
        const nameIndex = readPrefixInt(r, 6);
        const value = readStringLiteral(r, 7, maxStringOctets);
        return { type: 'insertWithNameRef', isStatic, nameIndex, value };
    }
    if ((first & 0x40) !== 0) {
        const name = readStringLiteral(r, 5, maxStringOctets);
        const value = readStringLiteral(r, 7, maxStringOctets - name.length); // name chars are octets
        return { type: 'insertWithLiteralName', name, value };
    }
    if ((first & 0x20) !== 0)
        return { type: 'setCapacity', capacity: readPrefixInt(r, 5) };
    return { type: 'duplicate', relativeIndex: readPrefixInt(r, 5) };
}
/**
 * How many bytes the instruction at buf[start..end) needs before readEncoderInstruction can
 * finish it, found from its length prefixes alone (no string decoding): its full size once all
 * prefixes are present, else a lower bound above what is available. Returns 0 when the
 * prefixes already show an error (a string over `maxStringOctets`, an overflowing integer), so
 * the caller parses at once and gets that error instead of waiting for more data. This keeps
 * byte-by-byte delivery linear instead of re-parsing a growing partial instruction.
 */
export function encoderInstructionSize(buf, start, end, maxStringOctets) {
    const r = new ByteReader(buf, start, end);
    try {
        const first = buf[start];
        if ((first & 0x80) !== 0) {
            readPrefixInt(r, 6);
            skipString(r, 7, maxStringOctets);
        }
        else if ((first & 0x40) !== 0) {
            skipString(r, 5, maxStringOctets);
            skipString(r, 7, maxStringOctets);
        }
        else {
            readPrefixInt(r, 5);
        }
        return r.pos - start;
    }
    catch (e) {
        if (e instanceof TruncatedInputError)
            return Math.max(r.pos, end) - start + 1;
        return 0;
    }
}
function skipString(r, prefixBits, maxOctets) {
    if (r.pos >= r.end)
        throw new TruncatedInputError();
    const huffman = (r.buf[r.pos] & (1 << prefixBits)) !== 0;
    const len = readPrefixInt(r, prefixBits);
    if ((huffman ? Math.floor((len * 8) / 30) : len) > maxOctets)
        throw new RangeError('string too long');
    r.pos += len;
}
//# sourceMappingURL=encoder-instructions.js.map