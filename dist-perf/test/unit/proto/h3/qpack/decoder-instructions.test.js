import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteReader, ByteWriter, TruncatedInputError, fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { readDecoderInstruction, writeDecoderInstruction } from '../../../../../src/proto/h3/qpack/decoder-instructions.js';
import { B2_DECODER, B3_DECODER, B4_DECODER } from '../../../../vectors/rfc9204.js';
describe('decoder instructions (RFC 9204 §4.4)', () => {
    test('RFC 9204 B.2-B.4 decoder stream bytes', () => {
        const cases = [
            [B2_DECODER, { type: 'sectionAck', streamId: 4 }],
            [B3_DECODER, { type: 'insertCountIncrement', increment: 1 }],
            [B4_DECODER, { type: 'streamCancel', streamId: 8 }],
        ];
        for (const [hex, ins] of cases) {
            assert.deepEqual(readDecoderInstruction(new ByteReader(fromHex(hex))), ins);
            const w = new ByteWriter(4);
            writeDecoderInstruction(w, ins);
            assert.equal(toHex(w.finish()), hex);
        }
    });
    test('large stream ids use continuation bytes; truncation is reported', () => {
        const w = new ByteWriter(8);
        writeDecoderInstruction(w, { type: 'sectionAck', streamId: 1_000_000 });
        const bytes = w.finish();
        assert.deepEqual(readDecoderInstruction(new ByteReader(bytes)), { type: 'sectionAck', streamId: 1_000_000 });
        assert.throws(() => readDecoderInstruction(new ByteReader(bytes.subarray(0, bytes.length - 1))), TruncatedInputError);
    });
});
//# sourceMappingURL=decoder-instructions.test.js.map