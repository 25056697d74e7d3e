import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteWriter, fromHex, toHex, utf8 } from '../../../../../src/proto/util/bytes.js';
import { HuffmanError, huffmanDecode, huffmanEncode, huffmanEncodedLength } from '../../../../../src/proto/h3/qpack/huffman.js';
import { HUFFMAN_VECTORS } from '../../../../vectors/rfc7541.js';
function encode(data) {
    const w = new ByteWriter(16);
    huffmanEncode(data, w);
    return w.finish();
}
describe('Huffman (RFC 7541 §5.2, Appendix B)', () => {
    test('RFC 7541 C.4 / C.6 strings encode and decode byte for byte', () => {
        for (const v of HUFFMAN_VECTORS) {
            const raw = utf8(v.text);
            assert.equal(toHex(encode(raw)), v.hex, v.text);
            assert.equal(huffmanEncodedLength(raw), v.hex.length / 2);
            assert.deepEqual(huffmanDecode(fromHex(v.hex)), raw, v.text);
        }
    });
    test('every octet value round trips, alone and together', () => {
        const all = new Uint8Array(256).map((_, i) => i);
        assert.deepEqual(huffmanDecode(encode(all)), all);
        for (let i = 0; i < 256; i++) {
            const one = new Uint8Array([i]);
            assert.deepEqual(huffmanDecode(encode(one)), one);
        }
        assert.deepEqual(huffmanDecode(new Uint8Array(0)), new Uint8Array(0));
    });
    test('rejects an encoded EOS', () => {
        // 30 ones of EOS then padding: ff ff ff ff.
        assert.throws(() => huffmanDecode(fromHex('ffffffff')), HuffmanError);
        // 'a' (00011, 5 bits) followed by EOS.
        assert.throws(() => huffmanDecode(fromHex('1fffffffff')), HuffmanError);
    });
    test('rejects padding longer than 7 bits', () => {
        // '0' is 00000 (5 bits) + 3 bits padding = 0x07; adding a full 0xff byte of padding is invalid.
        assert.deepEqual(huffmanDecode(fromHex('07')), utf8('0'));
        assert.throws(() => huffmanDecode(fromHex('07ff')), HuffmanError);
        assert.throws(() => huffmanDecode(fromHex('ff')), HuffmanError);
    });
    test('rejects padding that is not all ones', () => {
        // '0' + padding 110 instead of 111.
        assert.throws(() => huffmanDecode(fromHex('06')), HuffmanError);
        // 'a' (00011) + padding 101.
        assert.throws(() => huffmanDecode(fromHex('1d')), HuffmanError);
        assert.deepEqual(huffmanDecode(fromHex('1f')), utf8('a'));
    });
});
//# sourceMappingURL=huffman.test.js.map