import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeWtCapsule, encodeWtCapsule, MAX_CLOSE_REASON_BYTES, truncateUtf8 } from '../../../../src/proto/webtransport/capsules.js';
import { CapsuleParser, CapsuleType, encodeCapsule } from '../../../../src/proto/h3/capsule.js';
import { H3Error, H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { fromHex, toHex, utf8 } from '../../../../src/proto/util/bytes.js';
import { WtErrorCode } from '../../../../src/proto/webtransport/error-codes.js';
function wire(c) {
    const e = encodeWtCapsule(c);
    return toHex(encodeCapsule(e.type, e.value));
}
function throwsCode(fn, code) {
    assert.throws(fn, (e) => e instanceof H3Error && e.code === code);
}
describe('WebTransport capsules', () => {
    test('test-vectors.md §13 byte strings', () => {
        assert.equal(wire({ kind: 'closeSession', code: 0, reason: '' }), '6843040000000000'.slice(0, 14));
        assert.equal(wire({ kind: 'drainSession' }), '800078ae00');
    });
    test('close capsule round trip with code and UTF-8 reason', () => {
        const e = encodeWtCapsule({ kind: 'closeSession', code: 0xdeadbeef, reason: 'bye ✓' });
        assert.equal(e.type, CapsuleType.CLOSE_WEBTRANSPORT_SESSION);
        assert.equal(toHex(e.value.subarray(0, 4)), 'deadbeef');
        assert.deepEqual(decodeWtCapsule(e.type, e.value), { kind: 'closeSession', code: 0xdeadbeef, reason: 'bye ✓' });
    });
    test('the reason is truncated to 1024 bytes at a character boundary', () => {
        const long = 'é'.repeat(600); // 1200 bytes, 2 per char
        const e = encodeWtCapsule({ kind: 'closeSession', code: 1, reason: long });
        assert.equal(e.value.length, 4 + 1024);
        const odd = 'a' + 'é'.repeat(600); // the cut would fall inside a character
        const t = truncateUtf8(odd, MAX_CLOSE_REASON_BYTES);
        assert.equal(t.length, 1023);
        assert.doesNotThrow(() => decodeWtCapsule(CapsuleType.CLOSE_WEBTRANSPORT_SESSION, new Uint8Array([0, 0, 0, 0, ...t])));
        assert.deepEqual(truncateUtf8('😀x', 3), new Uint8Array(0));
        assert.throws(() => encodeWtCapsule({ kind: 'closeSession', code: 2 ** 32, reason: '' }), RangeError);
    });
    test('malformed close capsules are H3_MESSAGE_ERROR', () => {
        const T = CapsuleType.CLOSE_WEBTRANSPORT_SESSION;
        throwsCode(() => decodeWtCapsule(T, new Uint8Array(3)), H3ErrorCode.H3_MESSAGE_ERROR);
        throwsCode(() => decodeWtCapsule(T, new Uint8Array(4 + 1025)), H3ErrorCode.H3_MESSAGE_ERROR);
        throwsCode(() => decodeWtCapsule(T, new Uint8Array([0, 0, 0, 0, 0xff, 0xfe])), H3ErrorCode.H3_MESSAGE_ERROR);
        assert.doesNotThrow(() => decodeWtCapsule(T, new Uint8Array(4 + 1024).fill(0x61, 4)));
    });
    test('flow-control capsules round trip', () => {
        const all = [
            { kind: 'maxData', maxData: 0 }, { kind: 'maxData', maxData: 2 ** 40 },
            { kind: 'maxStreams', direction: 'bidi', maxStreams: 5 }, { kind: 'maxStreams', direction: 'uni', maxStreams: 2 ** 50 },
            { kind: 'dataBlocked', maxData: 77 }, { kind: 'streamsBlocked', direction: 'uni', maxStreams: 3 },
            { kind: 'streamsBlocked', direction: 'bidi', maxStreams: 0 },
        ];
        for (const c of all) {
            const e = encodeWtCapsule(c);
            assert.deepEqual(decodeWtCapsule(e.type, e.value), c);
        }
        assert.equal(wire({ kind: 'maxData', maxData: 1 }), '990b4d3d0101');
    });
    test('varint capsules must hold exactly one varint', () => {
        throwsCode(() => decodeWtCapsule(CapsuleType.WT_MAX_DATA, new Uint8Array(0)), H3ErrorCode.H3_MESSAGE_ERROR);
        throwsCode(() => decodeWtCapsule(CapsuleType.WT_MAX_DATA, fromHex('0101')), H3ErrorCode.H3_MESSAGE_ERROR);
        throwsCode(() => decodeWtCapsule(CapsuleType.WT_MAX_DATA, fromHex('40')), H3ErrorCode.H3_MESSAGE_ERROR);
    });
    test('stream limits above 2^60 and HTTP/2-only capsules are WT_FLOW_CONTROL_ERROR', () => {
        const over = fromHex('d000000000000001'); // 2^60 + 1
        throwsCode(() => decodeWtCapsule(CapsuleType.WT_MAX_STREAMS_BIDI, over), WtErrorCode.WT_FLOW_CONTROL_ERROR);
        throwsCode(() => decodeWtCapsule(CapsuleType.WT_STREAMS_BLOCKED_UNI, over), WtErrorCode.WT_FLOW_CONTROL_ERROR);
        // Exactly 2^60 is legal; like every value above 2^53 it saturates to 2^53 (still "unlimited" in practice).
        assert.deepEqual(decodeWtCapsule(CapsuleType.WT_MAX_STREAMS_UNI, fromHex('d000000000000000')), { kind: 'maxStreams', direction: 'uni', maxStreams: 2 ** 53 });
        // 62-bit data limits saturate instead of losing precision silently.
        assert.equal(decodeWtCapsule(CapsuleType.WT_MAX_DATA, fromHex('ffffffffffffffff')).maxData, 2 ** 53);
        throwsCode(() => decodeWtCapsule(CapsuleType.WT_MAX_STREAM_DATA, fromHex('01')), WtErrorCode.WT_FLOW_CONTROL_ERROR);
        throwsCode(() => decodeWtCapsule(CapsuleType.WT_STREAM_DATA_BLOCKED, fromHex('01')), WtErrorCode.WT_FLOW_CONTROL_ERROR);
    });
    test('non-WebTransport capsules decode to undefined; drain tolerates a body', () => {
        assert.equal(decodeWtCapsule(CapsuleType.DATAGRAM, utf8('x')), undefined);
        assert.equal(decodeWtCapsule(0x17, new Uint8Array(3)), undefined);
        assert.deepEqual(decodeWtCapsule(CapsuleType.DRAIN_WEBTRANSPORT_SESSION, new Uint8Array(2)), { kind: 'drainSession' });
    });
    test('works on what the H3 capsule parser delivers from a split stream', () => {
        const e = encodeWtCapsule({ kind: 'closeSession', code: 9, reason: 'split' });
        const bytes = encodeCapsule(e.type, e.value);
        const p = new CapsuleParser();
        for (const b of bytes)
            p.push(new Uint8Array([b]));
        const c = p.next();
        assert.deepEqual(decodeWtCapsule(c.type, c.value), { kind: 'closeSession', code: 9, reason: 'split' });
    });
});
//# sourceMappingURL=capsules.test.js.map