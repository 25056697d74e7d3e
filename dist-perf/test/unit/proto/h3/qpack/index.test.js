import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QpackDecoder, QpackEncoder, QpackError, QpackErrorCode } from '../../../../../src/proto/h3/qpack/index.js';
describe('qpack entry point', () => {
    test('exports a working encoder/decoder pair', () => {
        const e = new QpackEncoder();
        const d = new QpackDecoder({ maxTableCapacity: 0, maxBlockedStreams: 0 });
        e.setPeerSettings({ maxTableCapacity: 0, blockedStreams: 0 });
        const h = [[':status', '200'], ['server', 'tswebtransport']];
        assert.deepEqual(d.decodeFieldSection(0, e.encodeFieldSection(0, h)).headers, h);
        assert.equal(new QpackError(QpackErrorCode.QPACK_DECOMPRESSION_FAILED, 'x').code, 0x200);
    });
});
//# sourceMappingURL=index.test.js.map