import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QpackError, QpackErrorCode } from '../../../../../src/proto/h3/qpack/errors.js';
describe('QpackError', () => {
    test('carries the RFC 9204 §6 / RFC 9114 codes', () => {
        assert.equal(QpackErrorCode.QPACK_DECOMPRESSION_FAILED, 0x200);
        assert.equal(QpackErrorCode.QPACK_ENCODER_STREAM_ERROR, 0x201);
        assert.equal(QpackErrorCode.QPACK_DECODER_STREAM_ERROR, 0x202);
        assert.equal(QpackErrorCode.H3_MESSAGE_ERROR, 0x10e);
    });
    test('is an Error with code, reason and scope', () => {
        const e = new QpackError(QpackErrorCode.QPACK_ENCODER_STREAM_ERROR, 'bad insert');
        assert.ok(e instanceof Error);
        assert.equal(e.name, 'QpackError');
        assert.equal(e.message, 'bad insert');
        assert.equal(e.code, 0x201);
        assert.equal(e.streamError, false);
        assert.equal(new QpackError(QpackErrorCode.H3_MESSAGE_ERROR, 'too big', true).streamError, true);
    });
});
//# sourceMappingURL=errors.test.js.map