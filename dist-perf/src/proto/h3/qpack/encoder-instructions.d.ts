/**
 * Encoder stream instructions (RFC 9204 §4.3): their wire form, written by QpackEncoder and read
 * by QpackDecoder. Reading raises the ByteReader errors (TruncatedInputError when the
 * instruction is not complete yet) and StringLiteralTooLongError; the decoder maps them.
 */
import { ByteReader, type ByteWriter } from '../../util/bytes.js';
export type EncoderInstruction = {
    readonly type: 'setCapacity';
    readonly capacity: number;
}
/** nameIndex: a static index, or a dynamic index relative to the insert count. */
 | {
    readonly type: 'insertWithNameRef';
    readonly isStatic: boolean;
    readonly nameIndex: number;
    readonly value: string;
} | {
    readonly type: 'insertWithLiteralName';
    readonly name: string;
    readonly value: string;
} | {
    readonly type: 'duplicate';
    readonly relativeIndex: number;
};
/** Writes one instruction; `huffman` = false forces raw string literals. */
export declare function writeEncoderInstruction(w: ByteWriter, ins: EncoderInstruction, huffman?: boolean): void;
/**
 * Reads one instruction starting at r.pos. `maxStringOctets` bounds the name and value octets
 * together (the largest entry that could fit in the table), so a peer cannot make us buffer
 * more than one such entry.
 */
export declare function readEncoderInstruction(r: ByteReader, maxStringOctets: number): EncoderInstruction;
/**
 * How many bytes the instruction at buf[start..end) needs before readEncoderInstruction can
 * finish it, found from its length prefixes alone (no string decoding): its full size once all
 * prefixes are present, else a lower bound above what is available. Returns 0 when the
 * prefixes already show an error (a string over `maxStringOctets`, an overflowing integer), so
 * the caller parses at once and gets that error instead of waiting for more data. This keeps
 * byte-by-byte delivery linear instead of re-parsing a growing partial instruction.
 */
export declare function encoderInstructionSize(buf: Uint8Array, start: number, end: number, maxStringOctets: number): number;
