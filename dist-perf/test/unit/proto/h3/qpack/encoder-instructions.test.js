import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteReader, ByteWriter, TruncatedInputError, fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { readEncoderInstruction, writeEncoderInstruction } from '../../../../../src/proto/h3/qpack/encoder-instructions.js';
import { B2_ENCODER, B3_ENCODER, B4_ENCODER, B5_ENCODER } from '../../../../vectors/rfc9204.js';
function readAll(hex) {
    const r = new ByteReader(fromHex(hex));
    const out = [];
    while (!r.done)
        out.push(readEncoderInstruction(r, 1000));
    return out;
}
function writeAll(list) {
    const w = new ByteWriter(64);
    for (const ins of list)
        writeEncoderInstruction(w, ins, false);
    return toHex(w.finish());
}
describe('encoder instructions (RFC 9204 §4.3)', () => {
    test('RFC 9204 B.2-B.5 encoder streams parse and re-encode byte for byte', () => {
        const b2 = readAll(B2_ENCODER);
        assert.deepEqual(b2, [
            { type: 'setCapacity', capacity: 220 },
            { type: 'insertWithNameRef', isStatic: true, nameIndex: 0, value: 'www.example.com' },
            { type: 'insertWithNameRef', isStatic: true, nameIndex: 1, value: '/sample/path' },
        ]);
        assert.deepEqual(readAll(B3_ENCODER), [{ type: 'insertWithLiteralName', name: 'custom-key', value: 'custom-value' }]);
        assert.deepEqual(readAll(B4_ENCODER), [{ type: 'duplicate', relativeIndex: 2 }]);
        assert.deepEqual(readAll(B5_ENCODER), [{ type: 'insertWithNameRef', isStatic: false, nameIndex: 1, value: 'custom-value2' }]);
        for (const hex of [B2_ENCODER, B3_ENCODER, B4_ENCODER, B5_ENCODER])
            assert.equal(writeAll(readAll(hex)), hex);
    });
    test('Huffman-coded literals round trip', () => {
        const ins = { type: 'insertWithLiteralName', name: 'user-agent-x', value: 'Mozilla/5.0 (X11; Linux x86_64)' };
        const w = new ByteWriter(64);
        writeEncoderInstruction(w, ins);
        assert.ok(w.length < 2 + ins.name.length + ins.value.length);
        assert.deepEqual(readEncoderInstruction(new ByteReader(w.finish()), 1000), ins);
    });
    test('every strict prefix of an instruction is incomplete, not an error', () => {
        const second = fromHex(B2_ENCODER).subarray(3); // after Set Dynamic Table Capacity (3 bytes)
        for (let cut = 0; cut < 17; cut++) {
            assert.throws(() => readEncoderInstruction(new ByteReader(second.subarray(0, cut)), 1000), TruncatedInputError);
        }
    });
});
//# sourceMappingURL=encoder-instructions.test.js.map