import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { H3Error, H3ErrorCode, h3ErrorName, isReservedH3Code, randomReservedH3Code, reservedH3Code } from '../../../../src/proto/h3/errors.js';
import { SeededRandom } from '../../../../src/testing/seeded-random.js';
describe('H3ErrorCode', () => {
    test('codepoints match RFC 9114 §8.1, RFC 9204 §6 and RFC 9297 §5.2', () => {
        assert.equal(H3ErrorCode.H3_NO_ERROR, 0x100);
        assert.equal(H3ErrorCode.H3_FRAME_UNEXPECTED, 0x105);
        assert.equal(H3ErrorCode.H3_MISSING_SETTINGS, 0x10a);
        assert.equal(H3ErrorCode.H3_MESSAGE_ERROR, 0x10e);
        assert.equal(H3ErrorCode.H3_VERSION_FALLBACK, 0x110);
        assert.equal(H3ErrorCode.QPACK_DECOMPRESSION_FAILED, 0x200);
        assert.equal(H3ErrorCode.QPACK_DECODER_STREAM_ERROR, 0x202);
        assert.equal(H3ErrorCode.H3_DATAGRAM_ERROR, 0x33);
        // 0x100..0x110 are contiguous
        const h3 = Object.entries(H3ErrorCode).filter(([k]) => k.startsWith('H3_') && k !== 'H3_DATAGRAM_ERROR').map(([, v]) => v);
        assert.deepEqual(h3, Array.from({ length: 17 }, (_, i) => 0x100 + i));
    });
    test('H3Error carries code and reason, and names the code in its message', () => {
        const e = new H3Error(H3ErrorCode.H3_FRAME_ERROR, 'bad frame');
        assert.ok(e instanceof Error);
        assert.equal(e.code, 0x106);
        assert.equal(e.reason, 'bad frame');
        assert.equal(e.message, 'H3_FRAME_ERROR: bad frame');
        assert.equal(h3ErrorName(0x9999), '0x9999');
    });
});
describe('reserved codes 0x1f * N + 0x21', () => {
    test('recognises reserved values as numbers and bigints', () => {
        for (const v of [0x21, 0x40, 0x5f, reservedH3Code(1000)])
            assert.ok(isReservedH3Code(v), `0x${v.toString(16)}`);
        for (const v of [0, 0x20, 0x22, 0x41, 0x100])
            assert.ok(!isReservedH3Code(v), `0x${v.toString(16)}`);
        assert.ok(isReservedH3Code(0x1fn * 2n ** 55n + 0x21n));
        assert.ok(!isReservedH3Code(0x1fn * 2n ** 55n + 0x22n));
        // the reserved WebTransport-range code listed in test-vectors §13
        assert.ok(isReservedH3Code(0x52e4a40fa8f9));
    });
    test('random reserved codes are reserved and fit a 4-byte varint', () => {
        const rng = new SeededRandom(7);
        const seen = new Set();
        for (let i = 0; i < 200; i++) {
            const v = randomReservedH3Code(rng);
            assert.ok(isReservedH3Code(v));
            assert.ok(v < 2 ** 30);
            seen.add(v);
        }
        assert.ok(seen.size > 150);
    });
});
//# sourceMappingURL=errors.test.js.map