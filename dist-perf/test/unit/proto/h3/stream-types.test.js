import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { concatBytes, fromHex, toHex } from '../../../../src/proto/util/bytes.js';
import { H3Error, H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { bidiStreamHeaderReader, encodeUniStreamHeader, encodeWebTransportBidiHeader, encodeWebTransportUniHeader, H3UniStreamType, parseBidiStreamHeader, parseUniStreamHeader, uniStreamHeaderReader, WEBTRANSPORT_BIDI_SIGNAL, } from '../../../../src/proto/h3/stream-types.js';
function throwsH3(fn, code) {
    assert.throws(fn, (e) => e instanceof H3Error && e.code === code);
}
describe('stream type codepoints and encoders', () => {
    test('values of RFC 9114 §6.2, RFC 9204 §4.2 and WT16 §4.2', () => {
        assert.deepEqual(H3UniStreamType, { CONTROL: 0, PUSH: 1, QPACK_ENCODER: 2, QPACK_DECODER: 3, WEBTRANSPORT_STREAM: 0x54 });
        assert.equal(WEBTRANSPORT_BIDI_SIGNAL, 0x41);
    });
    test('derived headers of test-vectors §13', () => {
        assert.equal(toHex(encodeWebTransportUniHeader(0)), '405400');
        assert.equal(toHex(encodeWebTransportBidiHeader(0)), '404100');
        assert.equal(toHex(encodeWebTransportBidiHeader(4)), '404104');
        assert.equal(toHex(encodeUniStreamHeader({ kind: 'control' })), '00');
        assert.equal(toHex(encodeUniStreamHeader({ kind: 'push', pushId: 3 })), '0103');
        assert.equal(toHex(encodeUniStreamHeader({ kind: 'qpackEncoder' })), '02');
        assert.equal(toHex(encodeUniStreamHeader({ kind: 'qpackDecoder' })), '03');
    });
    test('every header round-trips through the parser', () => {
        const headers = [
            { kind: 'control' }, { kind: 'push', pushId: 300 }, { kind: 'qpackEncoder' }, { kind: 'qpackDecoder' },
            { kind: 'webtransport', sessionId: 1_000_000 }, { kind: 'unknown', streamType: 0x21, reserved: true },
            { kind: 'unknown', streamType: 0x1234, reserved: false },
        ];
        for (const h of headers) {
            const enc = encodeUniStreamHeader(h);
            assert.deepEqual(parseUniStreamHeader(concatBytes(enc, fromHex('ff'))), { header: h, consumed: enc.length });
        }
    });
});
describe('parseUniStreamHeader / parseBidiStreamHeader', () => {
    test('incomplete prefixes return undefined', () => {
        assert.equal(parseUniStreamHeader(new Uint8Array(0)), undefined);
        assert.equal(parseUniStreamHeader(fromHex('40')), undefined);
        assert.equal(parseUniStreamHeader(fromHex('4054')), undefined);
        assert.equal(parseUniStreamHeader(fromHex('01')), undefined);
        assert.equal(parseUniStreamHeader(fromHex('4054 80 00')), undefined);
        assert.equal(parseBidiStreamHeader(fromHex('40')), undefined);
        assert.equal(parseBidiStreamHeader(fromHex('4041')), undefined);
    });
    test('WebTransport session ids must be client bidi stream ids (H3_ID_ERROR)', () => {
        for (const id of ['01', '02', '03', '07']) {
            throwsH3(() => parseUniStreamHeader(fromHex(`4054 ${id}`)), H3ErrorCode.H3_ID_ERROR);
            throwsH3(() => parseBidiStreamHeader(fromHex(`4041 ${id}`)), H3ErrorCode.H3_ID_ERROR);
        }
        throwsH3(() => parseUniStreamHeader(fromHex('4054 ffffffffffffffff')), H3ErrorCode.H3_ID_ERROR);
    });
    test('huge unknown stream types are reported, not thrown', () => {
        const p = parseUniStreamHeader(fromHex('ffffffffffffffff'));
        assert.deepEqual(p, { header: { kind: 'unknown', streamType: Number.MAX_SAFE_INTEGER, reserved: false }, consumed: 8 });
    });
    test('bidi: anything but 0x41 is a request stream and consumes nothing', () => {
        assert.deepEqual(parseBidiStreamHeader(fromHex('01 03 00 00 d9')), { header: { kind: 'request' }, consumed: 0 });
        assert.deepEqual(parseBidiStreamHeader(fromHex('4041 04 aa')), { header: { kind: 'webtransport', sessionId: 4 }, consumed: 3 });
    });
});
describe('StreamHeaderReader', () => {
    test('uni header split byte by byte; remainder is the payload, as a view', () => {
        const bytes = fromHex('4054 8000 0100 deadbeef');
        const r = uniStreamHeaderReader();
        for (let i = 0; i < 5; i++)
            assert.equal(r.push(bytes.subarray(i, i + 1)), undefined);
        const last = bytes.subarray(5);
        assert.deepEqual(r.push(last), { kind: 'webtransport', sessionId: 256 });
        assert.equal(toHex(r.remainder), 'deadbeef');
        assert.equal(r.remainder.buffer, bytes.buffer);
        // later pushes pass through
        assert.deepEqual(r.push(fromHex('01')), { kind: 'webtransport', sessionId: 256 });
        assert.equal(toHex(r.remainder), '01');
    });
    test('control stream type with frames in the same chunk', () => {
        const r = uniStreamHeaderReader();
        assert.deepEqual(r.push(fromHex('00 04 02 33 01')), { kind: 'control' });
        assert.equal(toHex(r.remainder), '04023301');
    });
    test('bidi request stream split inside the first varint keeps every byte', () => {
        const r = bidiStreamHeaderReader();
        assert.equal(r.push(fromHex('40')), undefined);
        assert.deepEqual(r.push(fromHex('01 aa bb')), { kind: 'request' });
        assert.equal(toHex(r.remainder), '4001aabb');
    });
    test('every split point yields the same header and payload', () => {
        const bytes = fromHex('4041 4104 0102030405');
        for (let cut = 0; cut <= bytes.length; cut++) {
            const r = bidiStreamHeaderReader();
            let got;
            let payload = '';
            for (const piece of [bytes.subarray(0, cut), bytes.subarray(cut)]) {
                const h = r.push(piece);
                if (h) {
                    got = h;
                    payload += toHex(r.remainder);
                }
            }
            assert.deepEqual(got, { kind: 'webtransport', sessionId: 0x104 });
            assert.equal(payload, '0102030405', `cut ${cut}`);
        }
    });
});
//# sourceMappingURL=stream-types.test.js.map