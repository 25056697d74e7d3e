import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isBidi, isClientInitiated, isLocal, isUni, makeStreamId, streamIndex } from '../../../../../src/proto/quic/streams/stream-id.js';
// Ids are numbers: exact up to 2^53, which no connection reaches (2^51 streams per type).
describe('stream ids (RFC 9000 §2.1 table 1)', () => {
    const table = [
        // id, client-initiated, bidirectional
        [0, true, true], [1, false, true], [2, true, false], [3, false, false],
        [4, true, true], [7, false, false], [Number.MAX_SAFE_INTEGER, false, false], [Number.MAX_SAFE_INTEGER - 3, true, true],
    ];
    for (const [id, client, bidi] of table) {
        test(`id ${id}`, () => {
            assert.equal(isClientInitiated(id), client);
            assert.equal(isBidi(id), bidi);
            assert.equal(isUni(id), !bidi);
            assert.equal(isLocal(id, false), client);
            assert.equal(isLocal(id, true), !client);
            assert.equal(makeStreamId(streamIndex(id), bidi, !client), id);
        });
    }
    test('indexes count per type', () => {
        assert.equal(streamIndex(0), 0);
        assert.equal(streamIndex(3), 0);
        assert.equal(streamIndex(4), 1);
        assert.equal(streamIndex(13), 3);
        assert.equal(makeStreamId(3, false, true), 15);
        assert.equal(makeStreamId(2 ** 50, true, false), 2 ** 52); // ids stay exact below 2^53
    });
});
//# sourceMappingURL=stream-id.test.js.map