/**
 * Decoder stream instructions (RFC 9204 §4.4): written by QpackDecoder, read by QpackEncoder.
 * Reading raises the ByteReader errors (TruncatedInputError while incomplete).
 */
import { TruncatedInputError } from '../../util/bytes.js';
import { readPrefixInt, writePrefixInt } from './prefix-int.js';
export function writeDecoderInstruction(w, ins) {
    switch (ins.type) {
        case 'sectionAck':
            writePrefixInt(w, 0x80, 7, ins.streamId);
            return;
        case 'streamCancel':
            writePrefixInt(w, 0x40, 6, ins.streamId);
            return;
        case 'insertCountIncrement':
            writePrefixInt(w, 0x00, 6, ins.increment);
            return;
    }
}
export function readDecoderInstruction(r) {
    if (r.pos >= r.end)
        throw new TruncatedInputError();
    const first = r.buf[r.pos];
    if ((first & 0x80) !== 0)
        return { type: 'sectionAck', streamId: readPrefixInt(r, 7) };
    if ((first & 0x40) !== 0)
        return { type: 'streamCancel', streamId: readPrefixInt(r, 6) };
    return { type: 'insertCountIncrement', increment: readPrefixInt(r, 6) };
}
//# sourceMappingURL=decoder-instructions.js.map