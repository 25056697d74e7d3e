import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QpackError } from '../../../../../src/proto/h3/qpack/errors.js';
import { decodeRequiredInsertCount, encodeRequiredInsertCount, maxEntries } from '../../../../../src/proto/h3/qpack/required-insert-count.js';
describe('Required Insert Count encoding (RFC 9204 §4.5.1.1)', () => {
    test('B.2 / B.4 values', () => {
        const me = maxEntries(220);
        assert.equal(me, 6);
        assert.equal(encodeRequiredInsertCount(2, me), 3);
        assert.equal(encodeRequiredInsertCount(4, me), 5);
        assert.equal(decodeRequiredInsertCount(3, me, 2), 2);
        assert.equal(decodeRequiredInsertCount(5, me, 3), 4); // blocked: one insert still missing
        assert.equal(encodeRequiredInsertCount(0, me), 0);
        assert.equal(decodeRequiredInsertCount(0, me, 100), 0);
    });
    test('wraps around and decodes back for every reachable count', () => {
        const me = 10;
        for (let total = 0; total < 200; total++) {
            // A conformant encoder's RIC lies in (total - maxEntries, total + maxEntries].
            for (let ric = Math.max(1, total - me + 1); ric <= total + me; ric++) {
                assert.equal(decodeRequiredInsertCount(encodeRequiredInsertCount(ric, me), me, total), ric, `total=${total} ric=${ric}`);
            }
        }
    });
    test('impossible encodings are QPACK_DECOMPRESSION_FAILED', () => {
        assert.throws(() => decodeRequiredInsertCount(13, 6, 0), (e) => e instanceof QpackError && e.code === 0x200);
        assert.throws(() => decodeRequiredInsertCount(1, 0, 0), QpackError); // no table at all
        assert.throws(() => decodeRequiredInsertCount(12, 6, 0), QpackError); // would be RIC 11 > 0 + 6
    });
});
//# sourceMappingURL=required-insert-count.test.js.map