import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AddressTokenCodec } from '../../../../../src/proto/quic/endpoint/address-token.js';
import { nodeCryptoProvider } from '../../../../../src/crypto/node-provider.js';
import { SeededRandom } from '../../../../../src/testing/seeded-random.js';
const key = new Uint8Array(16).fill(9);
const contents = { originalDcid: new Uint8Array(8).fill(1), retrySourceCid: new Uint8Array(8).fill(2) };
function codec(k = key) {
    return new AddressTokenCodec(nodeCryptoProvider, new SeededRandom(1), k, 10_000_000);
}
describe('AddressTokenCodec', () => {
    test('round trip for the same address within the lifetime', () => {
        const c = codec();
        const t = c.seal(5_000_000, '127.0.0.1', 40_000, contents);
        assert.deepEqual(c.open(5_000_001, '127.0.0.1', 40_000, t), contents);
        assert.deepEqual(c.open(15_000_000, '127.0.0.1', 40_000, t), contents, 'lifetime is inclusive');
    });
    test('expired, or from the future, is refused', () => {
        const c = codec();
        const t = c.seal(5_000_000, '127.0.0.1', 40_000, contents);
        assert.equal(c.open(15_000_001, '127.0.0.1', 40_000, t), undefined);
        assert.equal(c.open(4_999_999, '127.0.0.1', 40_000, t), undefined);
    });
    test('another address or port is refused', () => {
        const c = codec();
        const t = c.seal(0, '127.0.0.1', 40_000, contents);
        assert.equal(c.open(1, '127.0.0.2', 40_000, t), undefined);
        assert.equal(c.open(1, '127.0.0.1', 40_001, t), undefined);
    });
    test('any flipped bit, truncation or another key is refused', () => {
        const c = codec();
        const t = c.seal(0, '::1', 1, contents);
        for (let i = 0; i < t.length; i++) {
            const bad = t.slice();
            bad[i] ^= 0x10;
            assert.equal(c.open(1, '::1', 1, bad), undefined, `bit flip at ${i}`);
        }
        assert.equal(c.open(1, '::1', 1, t.subarray(0, t.length - 1)), undefined);
        assert.equal(c.open(1, '::1', 1, new Uint8Array(0)), undefined);
        assert.equal(c.open(1, '::1', 1, new Uint8Array(300)), undefined);
        assert.equal(codec(new Uint8Array(16).fill(8)).open(1, '::1', 1, t), undefined);
    });
    test('tokens differ each time (random nonce)', () => {
        const c = codec();
        assert.notDeepEqual(c.seal(0, '::1', 1, contents), c.seal(0, '::1', 1, contents));
    });
});
//# sourceMappingURL=address-token.test.js.map