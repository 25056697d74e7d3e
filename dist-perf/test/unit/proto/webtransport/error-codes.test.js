import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http3CodeToWebTransport, isWebTransportAppCode, webTransportCodeToHttp3, WT_APP_ERROR_FIRST, WT_APP_ERROR_LAST, WtErrorCode, } from '../../../../src/proto/webtransport/error-codes.js';
describe('WebTransport error codes', () => {
    test('protocol codes (WT16 §9.5)', () => {
        assert.equal(WtErrorCode.WT_BUFFERED_STREAM_REJECTED, 0x3994bd84);
        assert.equal(WtErrorCode.WT_SESSION_GONE, 0x170d7b68);
        assert.equal(WtErrorCode.WT_FLOW_CONTROL_ERROR, 0x045d4487);
        assert.equal(WtErrorCode.WT_ALPN_ERROR, 0x0817b3dd);
        assert.equal(WtErrorCode.WT_REQUIREMENTS_NOT_MET, 0x212c0d48);
    });
    test('test-vectors.md §13 mapping', () => {
        const vectors = [
            [0x00, 0x52e4a40fa8db], [0xff, 0x52e4a40fa9e2], [0xffffffff, 0x52e5ac983162], [0x01, 0x52e4a40fa8dc],
            [0x1d, 0x52e4a40fa8f8], [0x1e, 0x52e4a40fa8fa], [0x100, 0x52e4a40fa9e3],
        ];
        for (const [wt, h3] of vectors) {
            assert.equal(webTransportCodeToHttp3(wt), h3, `wt ${wt}`);
            assert.equal(http3CodeToWebTransport(h3), wt, `h3 ${h3.toString(16)}`);
            assert.equal(http3CodeToWebTransport(BigInt(h3)), wt);
        }
        assert.equal(WT_APP_ERROR_FIRST, 0x52e4a40fa8db);
        assert.equal(WT_APP_ERROR_LAST, 0x52e5ac983162);
    });
    test('reserved codes inside the draft-02 range are not application codes', () => {
        for (const suffix of [0x8f9, 0x918, 0x937, 0x956, 0x975, 0x994, 0x9b3, 0x9d2]) {
            const h3 = 0x52e4a40fa000 + suffix;
            assert.equal(http3CodeToWebTransport(h3), undefined, h3.toString(16));
            assert.equal(isWebTransportAppCode(h3), false);
        }
    });
    test('codes outside the range map to undefined', () => {
        assert.equal(http3CodeToWebTransport(0), undefined);
        assert.equal(http3CodeToWebTransport(WtErrorCode.WT_SESSION_GONE), undefined);
        assert.equal(http3CodeToWebTransport(WT_APP_ERROR_FIRST - 1), undefined);
        assert.equal(http3CodeToWebTransport(WT_APP_ERROR_LAST + 1), undefined);
        assert.equal(http3CodeToWebTransport(2n ** 62n - 1n), undefined);
    });
    test('round trip over a spread of u32 values, never landing on a reserved code', () => {
        for (let i = 0; i < 5000; i++) {
            const code = Math.floor((i / 5000) * 0xffffffff) + (i % 31);
            const h3 = webTransportCodeToHttp3(Math.min(code, 0xffffffff));
            assert.notEqual((h3 - 0x21) % 0x1f, 0);
            assert.equal(http3CodeToWebTransport(h3), Math.min(code, 0xffffffff));
        }
    });
    test('our own out-of-range input is a RangeError', () => {
        assert.throws(() => webTransportCodeToHttp3(-1), RangeError);
        assert.throws(() => webTransportCodeToHttp3(2 ** 32), RangeError);
        assert.throws(() => webTransportCodeToHttp3(1.5), RangeError);
    });
});
//# sourceMappingURL=error-codes.test.js.map