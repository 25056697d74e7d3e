import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../../src/proto/util/bytes.js';
import { InternalError } from '../../../../src/proto/util/invariant.js';
import { H3Error, H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { decodeHttpDatagram, encodeHttpDatagram, httpDatagramPrefixSize, writeHttpDatagramPrefix } from '../../../../src/proto/h3/http-datagram.js';
function throwsH3(fn, code) {
    assert.throws(fn, (e) => e instanceof H3Error && e.code === code);
}
describe('HTTP/3 datagrams (RFC 9297 §2.1)', () => {
    test('derived vectors of test-vectors §13', () => {
        assert.equal(toHex(encodeHttpDatagram(0, fromHex('6869'))), '006869');
        assert.equal(toHex(encodeHttpDatagram(4, fromHex('aa'))), '01aa');
        assert.equal(toHex(encodeHttpDatagram(256, new Uint8Array(0))), '4040');
    });
    test('decode returns the stream id and a payload view', () => {
        const d = fromHex('01 68 69');
        const got = decodeHttpDatagram(d);
        assert.equal(got.streamId, 4);
        assert.equal(toHex(got.payload), '6869');
        assert.equal(got.payload.buffer, d.buffer);
        assert.deepEqual(decodeHttpDatagram(fromHex('4040')).payload.length, 0);
        assert.equal(decodeHttpDatagram(fromHex('4040')).streamId, 256);
    });
    test('round trip for assorted stream ids', () => {
        for (const id of [0, 4, 64 * 4, 16384 * 4, 2 ** 30 * 4, 2 ** 50]) {
            const enc = encodeHttpDatagram(id, fromHex('0102'));
            assert.equal(enc.length, httpDatagramPrefixSize(id) + 2);
            assert.equal(decodeHttpDatagram(enc).streamId, id);
        }
    });
    test('writeHttpDatagramPrefix writes in place', () => {
        const buf = new Uint8Array(10);
        assert.equal(writeHttpDatagramPrefix(buf, 3, 8), 4);
        assert.equal(buf[3], 2);
    });
    test('unparsable or too-large quarter stream ids are H3_DATAGRAM_ERROR', () => {
        throwsH3(() => decodeHttpDatagram(new Uint8Array(0)), H3ErrorCode.H3_DATAGRAM_ERROR);
        throwsH3(() => decodeHttpDatagram(fromHex('40')), H3ErrorCode.H3_DATAGRAM_ERROR);
        throwsH3(() => decodeHttpDatagram(fromHex('c0 00 00')), H3ErrorCode.H3_DATAGRAM_ERROR);
        throwsH3(() => decodeHttpDatagram(fromHex('d0 00 00 00 00 00 00 00')), H3ErrorCode.H3_DATAGRAM_ERROR);
        throwsH3(() => decodeHttpDatagram(fromHex('ff ff ff ff ff ff ff ff')), H3ErrorCode.H3_DATAGRAM_ERROR);
        // 2^60 - 1 is the largest legal value
        assert.ok(decodeHttpDatagram(fromHex('cf ff ff ff ff ff ff ff')).streamId > Number.MAX_SAFE_INTEGER);
    });
    test('sending on a non-client-bidi stream id is our bug', () => {
        for (const id of [1, 2, 3, 5, -4, 0.5])
            assert.throws(() => encodeHttpDatagram(id, new Uint8Array(0)), InternalError);
    });
});
//# sourceMappingURL=http-datagram.test.js.map