import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HUFFMAN_CODES, HUFFMAN_EOS, HUFFMAN_LENGTHS } from '../../../../../src/proto/h3/qpack/huffman-table.js';
describe('Huffman code table (RFC 7541 Appendix B)', () => {
    test('spot checks', () => {
        assert.equal(HUFFMAN_CODES.length, 257);
        assert.equal(HUFFMAN_LENGTHS.length, 257);
        assert.equal(HUFFMAN_CODES[47], 0x18); // '/': 011000
        assert.equal(HUFFMAN_LENGTHS[47], 6);
        assert.equal(HUFFMAN_CODES[48], 0x0); // '0': 00000
        assert.equal(HUFFMAN_LENGTHS[48], 5);
        assert.equal(HUFFMAN_CODES[0], 0x1ff8);
        assert.equal(HUFFMAN_LENGTHS[0], 13);
        assert.equal(HUFFMAN_CODES[255], 0x3ffffee);
        assert.equal(HUFFMAN_LENGTHS[255], 26);
        assert.equal(HUFFMAN_CODES[HUFFMAN_EOS], 0x3fffffff);
        assert.equal(HUFFMAN_LENGTHS[HUFFMAN_EOS], 30);
    });
    test('is a complete prefix code (Kraft sum exactly 1, lengths 5..30)', () => {
        let kraft = 0;
        for (const len of HUFFMAN_LENGTHS) {
            assert.ok(len >= 5 && len <= 30);
            kraft += 2 ** (30 - len);
        }
        assert.equal(kraft, 2 ** 30);
        for (let i = 0; i < 257; i++)
            assert.ok(HUFFMAN_CODES[i] < 2 ** HUFFMAN_LENGTHS[i]);
    });
});
//# sourceMappingURL=huffman-table.test.js.map