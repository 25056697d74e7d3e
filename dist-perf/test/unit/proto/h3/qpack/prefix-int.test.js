import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteReader, ByteWriter, TruncatedInputError, ValueTooLargeError, fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { prefixIntLength, readPrefixInt, writePrefixInt } from '../../../../../src/proto/h3/qpack/prefix-int.js';
import { INTEGER_VECTORS } from '../../../../vectors/rfc7541.js';
describe('prefix integers (RFC 7541 §5.1)', () => {
    test('RFC 7541 C.1 vectors encode and decode', () => {
        for (const v of INTEGER_VECTORS) {
            const w = new ByteWriter(8);
            writePrefixInt(w, 0, v.prefixBits, v.value);
            assert.equal(toHex(w.finish()), v.hex);
            assert.equal(prefixIntLength(v.prefixBits, v.value), v.hex.length / 2);
            const r = new ByteReader(fromHex(v.hex));
            assert.equal(readPrefixInt(r, v.prefixBits), v.value);
            assert.equal(r.done, true);
        }
    });
    test('flag bits are kept on write and ignored on read', () => {
        const w = new ByteWriter(8);
        writePrefixInt(w, 0xe0, 5, 1337);
        assert.equal(toHex(w.finish()), 'ff9a0a');
        assert.equal(readPrefixInt(new ByteReader(w.finish()), 5), 1337);
    });
    test('round trips across prefix sizes up to 2^53 - 1', () => {
        for (const bits of [1, 3, 4, 5, 6, 7, 8]) {
            for (const v of [0, 1, (1 << bits) - 2, (1 << bits) - 1, 1 << bits, 127, 128, 16383, 2 ** 31, 2 ** 40 + 7, Number.MAX_SAFE_INTEGER]) {
                const w = new ByteWriter(16);
                writePrefixInt(w, 0, bits, v);
                assert.equal(w.length, prefixIntLength(bits, v));
                const r = new ByteReader(w.finish());
                assert.equal(readPrefixInt(r, bits), v, `bits=${bits} v=${v}`);
                assert.equal(r.done, true);
            }
        }
    });
    test('truncated input raises TruncatedInputError', () => {
        assert.throws(() => readPrefixInt(new ByteReader(new Uint8Array(0)), 5), TruncatedInputError);
        assert.throws(() => readPrefixInt(new ByteReader(fromHex('1f9a')), 5), TruncatedInputError);
    });
    test('values above 2^53 - 1 and over-long encodings are rejected', () => {
        // 2^53 exactly: one more than the largest safe value.
        const w = new ByteWriter(16);
        writePrefixInt(w, 0, 8, Number.MAX_SAFE_INTEGER);
        const bytes = w.finish().slice();
        bytes[1] = bytes[1] + 1; // lowest 7 bits after the prefix: +1
        assert.throws(() => readPrefixInt(new ByteReader(bytes), 8), ValueTooLargeError);
        // 2^62-ish: ten continuation bytes of 0xff.
        assert.throws(() => readPrefixInt(new ByteReader(fromHex('ff' + 'ff'.repeat(9) + '01')), 8), ValueTooLargeError);
        // Endless zero continuations are cut off after 9 bytes.
        assert.throws(() => readPrefixInt(new ByteReader(fromHex('1f' + '80'.repeat(20) + '00')), 5), ValueTooLargeError);
    });
});
//# sourceMappingURL=prefix-int.test.js.map