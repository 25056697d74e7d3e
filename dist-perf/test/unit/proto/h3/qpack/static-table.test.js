import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STATIC_TABLE, staticExactIndex, staticNameIndex } from '../../../../../src/proto/h3/qpack/static-table.js';
describe('QPACK static table (RFC 9204 Appendix A)', () => {
    test('has 99 entries with the RFC values at spot-checked indexes', () => {
        assert.equal(STATIC_TABLE.length, 99);
        assert.deepEqual(STATIC_TABLE[0], [':authority', '']);
        assert.deepEqual(STATIC_TABLE[1], [':path', '/']);
        assert.deepEqual(STATIC_TABLE[17], [':method', 'GET']);
        assert.deepEqual(STATIC_TABLE[25], [':status', '200']);
        assert.deepEqual(STATIC_TABLE[31], ['accept-encoding', 'gzip, deflate, br']);
        assert.deepEqual(STATIC_TABLE[52], ['content-type', 'text/html; charset=utf-8']);
        assert.deepEqual(STATIC_TABLE[54], ['content-type', 'text/plain;charset=utf-8']);
        assert.deepEqual(STATIC_TABLE[58], ['strict-transport-security', 'max-age=31536000; includesubdomains; preload']);
        assert.deepEqual(STATIC_TABLE[85], ['content-security-policy', "script-src 'none'; object-src 'none'; base-uri 'none'"]);
        assert.deepEqual(STATIC_TABLE[95], ['user-agent', '']);
        assert.deepEqual(STATIC_TABLE[98], ['x-frame-options', 'sameorigin']);
    });
    test('exact and name lookups', () => {
        assert.equal(staticExactIndex(':method', 'CONNECT'), 15);
        assert.equal(staticExactIndex(':status', '404'), 27);
        assert.equal(staticExactIndex(':status', '418'), -1);
        assert.equal(staticExactIndex('x-unknown', ''), -1);
        assert.equal(staticNameIndex(':status'), 24);
        assert.equal(staticNameIndex('content-type'), 44);
        assert.equal(staticNameIndex(':protocol'), -1);
        for (let i = 0; i < STATIC_TABLE.length; i++) {
            const [name, value] = STATIC_TABLE[i];
            assert.equal(staticExactIndex(name, value), i);
            assert.ok(staticNameIndex(name) <= i);
        }
    });
});
//# sourceMappingURL=static-table.test.js.map