import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteReader, ByteWriter, TruncatedInputError, fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { StringLiteralTooLongError, fieldOctets, octetsToString, readStringLiteral, stringLiteralLength, writeStringLiteral, } from '../../../../../src/proto/h3/qpack/string-literal.js';
describe('string literals', () => {
    test('Huffman is used only when shorter', () => {
        const w = new ByteWriter(32);
        writeStringLiteral(w, 0, 7, 'www.example.com');
        assert.equal(toHex(w.finish()), '8cf1e3c2e5f23a6ba0ab90f4ff');
        assert.equal(stringLiteralLength(7, 'www.example.com'), 13);
        const raw = new ByteWriter(8);
        writeStringLiteral(raw, 0, 7, '\u0000\u0001'); // 13 + 23 bits Huffman: longer than 2 bytes raw
        assert.equal(toHex(raw.finish()), '020001');
    });
    test('the H bit sits above the prefix; flags are kept', () => {
        const w = new ByteWriter(32);
        writeStringLiteral(w, 0x20, 3, 'custom-key', false);
        assert.equal(toHex(w.finish()), '27' + '03' + toHex(fieldOctets('custom-key')));
        const r = new ByteReader(w.finish());
        assert.equal(readStringLiteral(r, 3, 100), 'custom-key');
        const h = new ByteWriter(32);
        writeStringLiteral(h, 0x20, 3, 'custom-key');
        assert.equal(toHex(h.finish()), '2f0125a849e95ba97d7f');
        assert.equal(readStringLiteral(new ByteReader(h.finish()), 3, 100), 'custom-key');
    });
    test('octets map to one char each (lossless for any byte)', () => {
        const all = new Uint8Array(256).map((_, i) => i);
        assert.deepEqual(fieldOctets(octetsToString(all)), all);
        assert.deepEqual(fieldOctets('\u20ac'), fromHex('e282ac'));
    });
    test('limits are enforced before reading the body', () => {
        // Length 1000 raw, only 2 bytes present: too long beats truncated.
        const w = new ByteWriter(8);
        writeStringLiteral(w, 0, 7, 'ab');
        assert.throws(() => readStringLiteral(new ByteReader(fromHex('7f e9 07'.replace(/ /g, ''))), 7, 100), StringLiteralTooLongError);
        assert.throws(() => readStringLiteral(new ByteReader(fromHex('05616263')), 7, 100), TruncatedInputError);
        assert.throws(() => readStringLiteral(new ByteReader(w.finish()), 7, 1), StringLiteralTooLongError);
        // A Huffman string whose decoded size exceeds the limit.
        assert.throws(() => readStringLiteral(new ByteReader(fromHex('8cf1e3c2e5f23a6ba0ab90f4ff')), 7, 14), StringLiteralTooLongError);
        assert.equal(readStringLiteral(new ByteReader(fromHex('8cf1e3c2e5f23a6ba0ab90f4ff')), 7, 15), 'www.example.com');
    });
});
//# sourceMappingURL=string-literal.test.js.map