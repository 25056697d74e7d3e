import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../../src/proto/util/bytes.js';
import { H3Error, H3ErrorCode, isReservedH3Code } from '../../../../src/proto/h3/errors.js';
import { decodeSettingsPayload, encodeSettingsPayload, greaseSetting, H3SettingId, viewSettings } from '../../../../src/proto/h3/settings.js';
import { SeededRandom } from '../../../../src/testing/seeded-random.js';
function throwsH3(fn, code) {
    assert.throws(fn, (e) => e instanceof H3Error && e.code === code);
}
describe('SETTINGS ids', () => {
    test('codepoints (RFC 9114, 9204, 9220, 9297, WebTransport drafts)', () => {
        assert.equal(H3SettingId.SETTINGS_QPACK_MAX_TABLE_CAPACITY, 0x01);
        assert.equal(H3SettingId.SETTINGS_MAX_FIELD_SECTION_SIZE, 0x06);
        assert.equal(H3SettingId.SETTINGS_QPACK_BLOCKED_STREAMS, 0x07);
        assert.equal(H3SettingId.SETTINGS_ENABLE_CONNECT_PROTOCOL, 0x08);
        assert.equal(H3SettingId.SETTINGS_H3_DATAGRAM, 0x33);
        assert.equal(H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT, 0x2b603742);
        assert.equal(H3SettingId.SETTINGS_WEBTRANSPORT_MAX_SESSIONS, 0xc671706a);
        assert.equal(H3SettingId.SETTINGS_WT_MAX_SESSIONS, 0x14e9cd29);
        assert.equal(H3SettingId.SETTINGS_WT_ENABLED, 0x2c7cf000);
        assert.equal(H3SettingId.SETTINGS_WT_INITIAL_MAX_DATA, 0x2b61);
    });
});
describe('encodeSettingsPayload', () => {
    test('derived entries of test-vectors §13', () => {
        assert.equal(toHex(encodeSettingsPayload([[0x2b603742, 1]])), 'ab60374201');
        assert.equal(toHex(encodeSettingsPayload([[0xc671706a, 16]])), 'c0000000c671706a10');
        assert.equal(toHex(encodeSettingsPayload([[0x2c7cf000, 1]])), 'ac7cf00001');
        assert.equal(toHex(encodeSettingsPayload([[0x33, 1], [0x08, 1]])), '33010801');
    });
    test('round-trips the union profile of webtransport-protocol.md C.6 in order', () => {
        const input = [[0x01, 0], [0x07, 0], [0x08, 1], [0x33, 1], [0x2b603742, 1], [0xc671706a, 16], [0x14e9cd29, 1], [0x2c7cf000, 1]];
        const decoded = decodeSettingsPayload(encodeSettingsPayload(input));
        assert.deepEqual([...decoded], input);
    });
    test('refuses duplicates and HTTP/2 ids (our own bug)', () => {
        assert.throws(() => encodeSettingsPayload([[1, 0], [1, 1]]), RangeError);
        assert.throws(() => encodeSettingsPayload([[0x04, 1]]), RangeError);
    });
    test('accepts bigint values up to 2^62 - 1', () => {
        const enc = encodeSettingsPayload(new Map([[0x14e9cd29, 2n ** 62n - 1n]]));
        assert.equal(toHex(enc), '94e9cd29' + 'ffffffffffffffff');
    });
});
describe('decodeSettingsPayload', () => {
    test('empty payload is valid', () => {
        assert.equal(decodeSettingsPayload(new Uint8Array(0)).size, 0);
    });
    test('duplicate ids are H3_SETTINGS_ERROR', () => {
        throwsH3(() => decodeSettingsPayload(fromHex('0100 0101')), H3ErrorCode.H3_SETTINGS_ERROR);
        // also for reserved ids and for ids above 2^53
        throwsH3(() => decodeSettingsPayload(fromHex('2100 2101')), H3ErrorCode.H3_SETTINGS_ERROR);
        throwsH3(() => decodeSettingsPayload(fromHex('ffffffffffffffff00 ffffffffffffffff01')), H3ErrorCode.H3_SETTINGS_ERROR);
    });
    test('HTTP/2 ids 0x02-0x05 are H3_SETTINGS_ERROR', () => {
        for (const id of [2, 3, 4, 5])
            throwsH3(() => decodeSettingsPayload(Uint8Array.of(id, 0)), H3ErrorCode.H3_SETTINGS_ERROR);
    });
    test('boolean settings accept 0 and 1 only', () => {
        for (const id of [0x08, 0x33, 0xffd277, 0x2b603742, 0x2c7cf000]) {
            const ok0 = encodeSettingsPayload([[id, 0]]);
            const ok1 = encodeSettingsPayload([[id, 1]]);
            assert.equal(decodeSettingsPayload(ok0).get(id), 0);
            assert.equal(decodeSettingsPayload(ok1).get(id), 1);
            throwsH3(() => decodeSettingsPayload(encodeSettingsPayload([[id, 2]])), H3ErrorCode.H3_SETTINGS_ERROR);
        }
    });
    test('GREASE ids are ignored, unknown ids kept, huge ids dropped, huge values saturate', () => {
        const s = decodeSettingsPayload(encodeSettingsPayload([[0x21, 7], [0x1f * 9 + 0x21, 1], [0x1234, 5], [2n ** 61n, 3], [0x14e9cd29, 2n ** 62n - 1n]]));
        assert.deepEqual([...s], [[0x1234, 5], [0x14e9cd29, Number.MAX_SAFE_INTEGER]]);
    });
    test('truncated payload is H3_FRAME_ERROR', () => {
        throwsH3(() => decodeSettingsPayload(fromHex('01')), H3ErrorCode.H3_FRAME_ERROR);
        throwsH3(() => decodeSettingsPayload(fromHex('0140')), H3ErrorCode.H3_FRAME_ERROR);
        throwsH3(() => decodeSettingsPayload(fromHex('c0')), H3ErrorCode.H3_FRAME_ERROR);
    });
    test('non-minimal encodings are decoded by value', () => {
        assert.deepEqual([...decodeSettingsPayload(fromHex('4001 800000 10'))], [[1, 16]]);
    });
});
describe('greaseSetting and viewSettings', () => {
    test('GREASE setting uses a reserved id and is ignored by the decoder', () => {
        const rng = new SeededRandom(3);
        const [id, value] = greaseSetting(rng);
        assert.ok(isReservedH3Code(id));
        assert.ok(value >= 0 && value < 256);
        assert.equal(decodeSettingsPayload(encodeSettingsPayload([[id, value], [0x08, 1]])).size, 1);
    });
    test('defaults apply when settings are absent', () => {
        assert.deepEqual(viewSettings(new Map()), {
            qpackMaxTableCapacity: 0, maxFieldSectionSize: Infinity, qpackBlockedStreams: 0, enableConnectProtocol: false, h3Datagram: false,
        });
        const v = viewSettings(new Map([[0x01, 4096], [0x06, 16384], [0x07, 16], [0x08, 1], [0xffd277, 1]]));
        assert.deepEqual(v, { qpackMaxTableCapacity: 4096, maxFieldSectionSize: 16384, qpackBlockedStreams: 16, enableConnectProtocol: true, h3Datagram: true });
    });
});
//# sourceMappingURL=settings.test.js.map