/**
 * Decoder stream instructions (RFC 9204 §4.4): written by QpackDecoder, read by QpackEncoder.
 * Reading raises the ByteReader errors (TruncatedInputError while incomplete).
 */
import { type ByteReader, type ByteWriter } from '../../util/bytes.js';
export type DecoderInstruction = {
    readonly type: 'sectionAck';
    readonly streamId: number;
} | {
    readonly type: 'streamCancel';
    readonly streamId: number;
} | {
    readonly type: 'insertCountIncrement';
    readonly increment: number;
};
export declare function writeDecoderInstruction(w: ByteWriter, ins: DecoderInstruction): void;
export declare function readDecoderInstruction(r: ByteReader): DecoderInstruction;
