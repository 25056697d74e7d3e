import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FieldLine } from '../../../../../src/proto/h3/qpack/field-lines.js';
describe('field line patterns (RFC 9204 §4.5)', () => {
    test('first-byte patterns from the RFC figures', () => {
        // Figures 13-17: 1T, 0001, 01NT, 0000N, 001NH.
        assert.equal(FieldLine.INDEXED | FieldLine.INDEXED_STATIC, 0b1100_0000);
        assert.equal(FieldLine.INDEXED_POST_BASE, 0b0001_0000);
        assert.equal(FieldLine.LITERAL_NAME_REF | FieldLine.LITERAL_NAME_REF_STATIC, 0b0101_0000);
        assert.equal(FieldLine.LITERAL_NAME_REF_NEVER_INDEX, 0b0010_0000);
        assert.equal(FieldLine.LITERAL_POST_BASE_NAME_REF, 0);
        assert.equal(FieldLine.LITERAL_LITERAL_NAME, 0b0010_0000);
        assert.equal(FieldLine.LITERAL_LITERAL_NAME_NEVER_INDEX, 0b0001_0000);
    });
});
//# sourceMappingURL=field-lines.test.js.map