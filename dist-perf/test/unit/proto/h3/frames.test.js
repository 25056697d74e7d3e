import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { concatBytes, fromHex, toHex } from '../../../../src/proto/util/bytes.js';
import { H3Error, H3ErrorCode, isReservedH3Code } from '../../../../src/proto/h3/errors.js';
import { ByteQueue, checkFrameAllowed, encodeCancelPushFrame, encodeDataFrame, encodeDataFrameHeader, encodeFrame, encodeGoawayFrame, encodeGreaseFrame, encodeHeadersFrame, encodeMaxPushIdFrame, encodePushPromiseFrame, encodeSettingsFrame, H3FrameReader, H3FrameType, isFrameAllowed, } from '../../../../src/proto/h3/frames.js';
import { SeededRandom } from '../../../../src/testing/seeded-random.js';
/** Feeds `bytes` in pieces of `step` and returns the frames, DATA pieces merged per frame. */
function readAll(bytes, step, options = { kind: 'request' }, fin = true) {
    const r = new H3FrameReader(options);
    const out = [];
    let data = [];
    for (let i = 0; i < bytes.length; i += step) {
        r.push(bytes.subarray(i, i + step));
        for (let f = r.next(); f; f = r.next()) {
            if (f.type === 'DATA') {
                data.push(f.data.slice());
                if (f.frameEnd) {
                    out.push({ type: 'DATA', data: toHex(concatBytes(...data)) });
                    data = [];
                }
            }
            else
                out.push(normalize(f));
        }
    }
    if (fin)
        r.finish();
    return out;
}
function normalize(f) {
    switch (f.type) {
        case 'HEADERS': return { type: f.type, fieldSection: toHex(f.fieldSection) };
        case 'PUSH_PROMISE': return { type: f.type, pushId: f.pushId, fieldSection: toHex(f.fieldSection) };
        case 'SETTINGS': return { type: f.type, settings: [...f.settings] };
        case 'RAW': return { type: f.type, data: toHex(f.data) };
        default: return f;
    }
}
function throwsH3(fn, code) {
    assert.throws(fn, (e) => e instanceof H3Error && e.code === code, `expected 0x${code.toString(16)}`);
}
describe('frame encoders', () => {
    test('byte layouts', () => {
        assert.equal(toHex(encodeDataFrame(fromHex('68 69'))), '00026869');
        assert.equal(toHex(encodeDataFrameHeader(300)), '00412c');
        assert.equal(toHex(encodeHeadersFrame(fromHex('0000d9'))), '01030000d9');
        assert.equal(toHex(encodePushPromiseFrame(3, fromHex('0000d9'))), '0504030000d9');
        assert.equal(toHex(encodeSettingsFrame([[0x33, 1], [0x08, 1]])), '040433010801');
        assert.equal(toHex(encodeGoawayFrame(4)), '070104');
        assert.equal(toHex(encodeCancelPushFrame(1)), '030101');
        assert.equal(toHex(encodeMaxPushIdFrame(100)), '0d024064');
        assert.equal(toHex(encodeGoawayFrame(2n ** 62n - 1n)), '0708ffffffffffffffff');
    });
    test('CLOSE_WEBTRANSPORT_SESSION capsule inside a DATA frame (test-vectors §13)', () => {
        assert.equal(toHex(encodeDataFrame(fromHex('68 43 04 00 00 00 00'))), '000768430400000000');
    });
    test('GREASE frames use reserved types and are skipped by the reader', () => {
        const rng = new SeededRandom(11);
        for (let i = 0; i < 50; i++) {
            const g = encodeGreaseFrame(rng);
            const frames = readAll(concatBytes(g, encodeDataFrame(Uint8Array.of(1))), 1);
            assert.equal(frames.length, 2);
            const u = frames[0];
            assert.equal(u.type, 'UNKNOWN');
            assert.ok(isReservedH3Code(u.frameType));
            assert.ok(u.length <= 8);
        }
    });
});
describe('H3FrameReader', () => {
    const stream = concatBytes(encodeHeadersFrame(fromHex('0000d9')), encodeFrame(0x21, fromHex('aabbcc')), encodeDataFrame(new Uint8Array(0)), encodeDataFrame(fromHex('0102030405060708090a')), encodeHeadersFrame(new Uint8Array(0)));
    const expected = [
        { type: 'HEADERS', fieldSection: '0000d9' },
        { type: 'UNKNOWN', frameType: 0x21, length: 3 },
        { type: 'DATA', data: '' },
        { type: 'DATA', data: '0102030405060708090a' },
        { type: 'HEADERS', fieldSection: '' },
    ];
    test('same frames whatever the chunking', () => {
        for (const step of [1, 2, 3, 5, 7, stream.length])
            assert.deepEqual(readAll(stream, step), expected, `step ${step}`);
    });
    test('DATA is streamed as views of the input, not buffered', () => {
        const body = new Uint8Array(100_000).fill(7);
        const bytes = concatBytes(encodeDataFrameHeader(body.length), body);
        const r = new H3FrameReader({ kind: 'request' });
        const chunk = bytes.subarray(0, 50_000);
        r.push(chunk);
        const f = r.next();
        assert.ok(f && f.type === 'DATA');
        assert.equal(f.data.buffer, bytes.buffer, 'a view, not a copy');
        assert.equal(f.data.length, 50_000 - 5);
        assert.equal(f.frameEnd, false);
        assert.equal(r.next(), undefined);
        assert.equal(r.buffered, 0);
        r.push(bytes.subarray(50_000));
        const g = r.next();
        assert.ok(g && g.type === 'DATA' && g.frameEnd && g.data.length === 50_005);
        r.finish();
    });
    test('HEADERS contained in one chunk is returned as a view', () => {
        const bytes = encodeHeadersFrame(fromHex('00 00 d9'));
        const r = new H3FrameReader({ kind: 'request' });
        r.push(bytes);
        const f = r.next();
        assert.ok(f && f.type === 'HEADERS');
        assert.equal(f.fieldSection.buffer, bytes.buffer);
    });
    test('control stream frames', () => {
        const bytes = concatBytes(encodeSettingsFrame([[0x01, 0], [0x33, 1], [0x21, 9]]), encodeGoawayFrame(8), encodeCancelPushFrame(2), encodeMaxPushIdFrame(5), encodeFrame(H3FrameType.PRIORITY_UPDATE_REQUEST, fromHex('00 75 3d 31')));
        for (const step of [1, 4, bytes.length]) {
            assert.deepEqual(readAll(bytes, step, { kind: 'control' }), [
                { type: 'SETTINGS', settings: [[1, 0], [0x33, 1]] },
                { type: 'GOAWAY', id: 8 }, { type: 'CANCEL_PUSH', pushId: 2 }, { type: 'MAX_PUSH_ID', pushId: 5 },
                { type: 'UNKNOWN', frameType: 0xf0700, length: 4 },
            ]);
        }
    });
    test('PUSH_PROMISE', () => {
        assert.deepEqual(readAll(encodePushPromiseFrame(7, fromHex('0000d1')), 1), [{ type: 'PUSH_PROMISE', pushId: 7, fieldSection: '0000d1' }]);
        throwsH3(() => readAll(fromHex('05 00'), 1), H3ErrorCode.H3_FRAME_ERROR);
    });
    test('truncated frame at a clean FIN is H3_FRAME_ERROR', () => {
        const full = encodeDataFrame(fromHex('010203'));
        for (let cut = 1; cut < full.length; cut++)
            throwsH3(() => readAll(full.subarray(0, cut), 1), H3ErrorCode.H3_FRAME_ERROR);
        throwsH3(() => readAll(fromHex('40'), 1), H3ErrorCode.H3_FRAME_ERROR);
        // without FIN it just waits
        assert.deepEqual(readAll(full.subarray(0, 3), 1, { kind: 'request' }, false), []);
    });
    test('one-varint frames must hold exactly one varint', () => {
        for (const t of ['07', '03', '0d']) {
            throwsH3(() => readAll(fromHex(`${t} 00`), 1, { kind: 'control' }), H3ErrorCode.H3_FRAME_ERROR);
            throwsH3(() => readAll(fromHex(`${t} 02 04 00`), 1, { kind: 'control' }), H3ErrorCode.H3_FRAME_ERROR);
            throwsH3(() => readAll(fromHex(`${t} 01 40`), 1, { kind: 'control' }), H3ErrorCode.H3_FRAME_ERROR);
            throwsH3(() => readAll(fromHex(`${t} 09`), 1, { kind: 'control' }), H3ErrorCode.H3_FRAME_ERROR);
        }
        // 62-bit ids saturate rather than fail
        assert.deepEqual(readAll(encodeGoawayFrame(2n ** 62n - 1n), 3, { kind: 'control' }), [{ type: 'GOAWAY', id: Number.MAX_SAFE_INTEGER }]);
    });
    test('size limits: H3_EXCESSIVE_LOAD before buffering', () => {
        const r = new H3FrameReader({ kind: 'request', maxFieldSectionBytes: 10 });
        r.push(fromHex('01 0b'));
        throwsH3(() => r.next(), H3ErrorCode.H3_EXCESSIVE_LOAD);
        const c = new H3FrameReader({ kind: 'control', maxSettingsBytes: 4 });
        c.push(fromHex('04 05'));
        throwsH3(() => c.next(), H3ErrorCode.H3_EXCESSIVE_LOAD);
        // a huge DATA length is fine: it is streamed
        const d = new H3FrameReader({ kind: 'request' });
        d.push(fromHex('00 bf ff ff ff 01 02'));
        const f = d.next();
        assert.ok(f && f.type === 'DATA' && f.data.length === 2 && !f.frameEnd);
    });
    test('invalid SETTINGS inside the frame surface as H3_SETTINGS_ERROR', () => {
        throwsH3(() => readAll(encodeFrame(0x04, fromHex('0300')), 1, { kind: 'control' }), H3ErrorCode.H3_SETTINGS_ERROR);
    });
    test('HTTP/2 frame types are H3_FRAME_UNEXPECTED on every stream kind', () => {
        for (const kind of ['control', 'request', 'push']) {
            for (const t of [0x02, 0x06, 0x08, 0x09])
                throwsH3(() => readAll(Uint8Array.of(t, 0), 1, { kind }), H3ErrorCode.H3_FRAME_UNEXPECTED);
        }
    });
    test('frames on the wrong stream kind are H3_FRAME_UNEXPECTED (RFC 9114 Table 1)', () => {
        const cases = [
            ['control', encodeDataFrame(Uint8Array.of(1))],
            ['control', encodeHeadersFrame(Uint8Array.of(0, 0))],
            ['control', encodePushPromiseFrame(1, Uint8Array.of(0, 0))],
            ['request', encodeSettingsFrame([])],
            ['request', encodeGoawayFrame(0)],
            ['request', encodeMaxPushIdFrame(0)],
            ['request', encodeCancelPushFrame(0)],
            ['request', encodeFrame(H3FrameType.PRIORITY_UPDATE_REQUEST, Uint8Array.of(0))],
            ['push', encodePushPromiseFrame(1, Uint8Array.of(0, 0))],
            ['push', encodeSettingsFrame([])],
        ];
        for (const [kind, bytes] of cases)
            throwsH3(() => readAll(bytes, 1, { kind }), H3ErrorCode.H3_FRAME_UNEXPECTED);
    });
    test('WebTransport bidi signal at the start of a request stream', () => {
        const bytes = concatBytes(fromHex('40 41 04'), fromHex('68 65 6c 6c 6f'));
        for (const step of [1, 2, bytes.length]) {
            const frames = readAll(bytes, step);
            assert.deepEqual(frames[0], { type: 'WEBTRANSPORT_STREAM', sessionId: 4 });
            assert.equal(frames.slice(1).map((f) => f.data).join(''), '68656c6c6f');
        }
        // draft-02 tolerance: after GREASE frames
        assert.deepEqual(readAll(concatBytes(encodeFrame(0x21, new Uint8Array(0)), fromHex('4041 00')), 1)[1], { type: 'WEBTRANSPORT_STREAM', sessionId: 0 });
    });
    test('WebTransport signal errors', () => {
        throwsH3(() => readAll(concatBytes(encodeHeadersFrame(Uint8Array.of(0, 0)), fromHex('4041 00')), 1), H3ErrorCode.H3_FRAME_ERROR);
        throwsH3(() => readAll(fromHex('4041 00'), 1, { kind: 'control' }), H3ErrorCode.H3_FRAME_ERROR);
        throwsH3(() => readAll(fromHex('4041 00'), 1, { kind: 'request', allowWebTransportStream: false }), H3ErrorCode.H3_FRAME_ERROR);
        throwsH3(() => readAll(fromHex('4041 02'), 1), H3ErrorCode.H3_ID_ERROR);
    });
});
describe('isFrameAllowed', () => {
    test('RFC 9114 Table 1', () => {
        const table = [
            // type, control, request, push
            [0x00, false, true, true],
            [0x01, false, true, true],
            [0x03, true, false, false],
            [0x04, true, false, false],
            [0x05, false, true, false],
            [0x07, true, false, false],
            [0x0d, true, false, false],
            [0x21, true, true, true],
            [0x1234, true, true, true],
        ];
        for (const [t, c, r, p] of table) {
            assert.equal(isFrameAllowed('control', t), c, `0x${t.toString(16)} control`);
            assert.equal(isFrameAllowed('request', t), r, `0x${t.toString(16)} request`);
            assert.equal(isFrameAllowed('push', t), p, `0x${t.toString(16)} push`);
        }
        assert.doesNotThrow(() => checkFrameAllowed('control', 0x04));
        throwsH3(() => checkFrameAllowed('control', 0x00), H3ErrorCode.H3_FRAME_UNEXPECTED);
    });
});
describe('ByteQueue', () => {
    test('varints across chunk boundaries and views from the front chunk', () => {
        const q = new ByteQueue();
        q.push(fromHex('c0 00'));
        assert.equal(q.readVarint(), -1);
        q.push(fromHex('00 00 c6 71'));
        assert.equal(q.readVarint(), -1);
        q.push(fromHex('70 6a 05 06 07'));
        assert.equal(q.readVarint(), 0xc671706a);
        assert.equal(q.length, 3);
        assert.equal(q.readVarint(), 5);
        assert.equal(toHex(q.take(10)), '0607');
        assert.equal(q.length, 0);
        assert.equal(q.take(1).length, 0);
        q.push(fromHex('0102'));
        q.push(fromHex('0304'));
        const dst = new Uint8Array(3);
        q.copyTo(dst, 0, 3);
        assert.equal(toHex(dst), '010203');
        q.skip(1);
        assert.equal(q.length, 0);
    });
});
//# sourceMappingURL=frames.test.js.map