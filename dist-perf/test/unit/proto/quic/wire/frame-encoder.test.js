import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteWriter, fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { ackFrameSize, cryptoFrameHeaderSize, datagramFrameSize, encodeAckFrame, encodeFrame, frameSize, maxCryptoDataThatFits, maxDatagramDataThatFits, maxStreamDataThatFits, streamFrameHeaderSize, writeCryptoFrameHeader, writeStreamFrameHeader, } from '../../../../../src/proto/quic/wire/frame-encoder.js';
import { decodeFrames } from '../../../../../src/proto/quic/wire/frame-decoder.js';
import { SERVER_INITIAL_PAYLOAD } from '../../../../vectors/rfc9000.js';
const MAX = Number.MAX_SAFE_INTEGER;
const MAX62 = (1n << 62n) - 1n;
const bytes = (n, fill = 0xab) => new Uint8Array(n).fill(fill);
function encode(f, last = false) {
    const w = new ByteWriter(16);
    encodeFrame(w, f, last);
    return w.finish();
}
/** Every frame kind, with extreme values where the type allows. */
const SAMPLES = [
    { type: 'padding', length: 7 },
    { type: 'ping' },
    { type: 'ack', ackDelay: 0, ranges: [{ smallest: 0, largest: 0 }] },
    { type: 'ack', ackDelay: 12345, ranges: [{ smallest: 95, largest: 100 }, { smallest: 50, largest: 60 }, { smallest: 0, largest: 0 }] },
    { type: 'ack', ackDelay: MAX, ranges: [{ smallest: MAX - 5, largest: MAX }], ecn: { ect0: 1, ect1: 2, ce: MAX } },
    { type: 'resetStream', streamId: 4, errorCode: MAX62, finalSize: MAX },
    { type: 'stopSending', streamId: MAX, errorCode: 0n },
    { type: 'crypto', offset: 0, data: new Uint8Array(0) },
    { type: 'crypto', offset: 1 << 20, data: bytes(300) },
    { type: 'newToken', token: bytes(1) },
    { type: 'stream', streamId: 0, offset: 0, data: new Uint8Array(0), fin: true },
    { type: 'stream', streamId: 0, offset: 0, data: new Uint8Array(0), fin: false },
    { type: 'stream', streamId: MAX, offset: MAX - 10, data: bytes(10), fin: true },
    { type: 'stream', streamId: 7, offset: 64, data: bytes(70), fin: false },
    { type: 'maxData', maximum: MAX },
    { type: 'maxStreamData', streamId: 3, maximum: 0 },
    { type: 'maxStreams', bidi: true, maximum: 100 },
    { type: 'maxStreams', bidi: false, maximum: MAX },
    { type: 'dataBlocked', limit: 16384 },
    { type: 'streamDataBlocked', streamId: 2, limit: 1 << 30 },
    { type: 'streamsBlocked', bidi: true, limit: 0 },
    { type: 'streamsBlocked', bidi: false, limit: 63 },
    { type: 'newConnectionId', sequenceNumber: 5, retirePriorTo: 5, connectionId: bytes(20, 1), statelessResetToken: bytes(16, 2) },
    { type: 'newConnectionId', sequenceNumber: MAX, retirePriorTo: 0, connectionId: bytes(1, 3), statelessResetToken: bytes(16, 4) },
    { type: 'retireConnectionId', sequenceNumber: 1 },
    { type: 'pathChallenge', data: bytes(8, 9) },
    { type: 'pathResponse', data: bytes(8, 8) },
    { type: 'connectionClose', application: false, errorCode: 0x0an, frameType: 0x08, reason: new Uint8Array([104, 105]) },
    { type: 'connectionClose', application: true, errorCode: MAX62, frameType: 0, reason: new Uint8Array(0) },
    { type: 'handshakeDone' },
    { type: 'datagram', data: new Uint8Array(0) },
    { type: 'datagram', data: bytes(1200) },
];
describe('frame encoder', () => {
    test('every frame kind round-trips with an exact size', () => {
        for (const f of SAMPLES) {
            const enc = encode(f);
            assert.equal(enc.length, frameSize(f), `size of ${f.type}`);
            const [dec, ...rest] = decodeFrames(enc, '1rtt');
            assert.equal(rest.length, 0);
            assert.deepEqual(dec, f, `round trip of ${f.type}`);
        }
    });
    test('last-in-packet STREAM and DATAGRAM omit the length and still round-trip', () => {
        const s = { type: 'stream', streamId: 8, offset: 100, data: bytes(50), fin: false };
        const d = { type: 'datagram', data: bytes(30) };
        for (const f of [s, d]) {
            const enc = encode(f, true);
            assert.equal(enc.length, frameSize(f, true));
            assert.equal(enc.length, frameSize(f) - 1);
            assert.deepEqual(decodeFrames(enc, '1rtt'), [f]);
        }
        assert.equal(encode(s, true)[0], 0x0c); // OFF only
        assert.equal(encode(d, true)[0], 0x30);
        assert.equal(encode(d)[0], 0x31);
    });
    test('a sequence of frames decodes back in order', () => {
        const w = new ByteWriter(64);
        for (const f of SAMPLES.slice(1))
            encodeFrame(w, f);
        encodeFrame(w, SAMPLES[0]); // trailing padding
        const out = decodeFrames(w.finish(), '1rtt');
        assert.deepEqual(out, [...SAMPLES.slice(1), SAMPLES[0]]);
    });
    test('STREAM flag bits: OFF only when offset > 0, LEN and FIN as asked', () => {
        assert.equal(encode({ type: 'stream', streamId: 0, offset: 0, data: bytes(1), fin: false })[0], 0x0a);
        assert.equal(encode({ type: 'stream', streamId: 0, offset: 1, data: bytes(1), fin: true })[0], 0x0f);
        assert.equal(encode({ type: 'stream', streamId: 0, offset: 0, data: bytes(1), fin: true }, true)[0], 0x09);
    });
    test('re-encodes the RFC 9001 A.3 server Initial payload byte for byte', () => {
        const payload = fromHex(SERVER_INITIAL_PAYLOAD);
        const frames = decodeFrames(payload, 'initial');
        assert.deepEqual(frames.map((f) => f.type), ['ack', 'crypto']);
        const w = new ByteWriter(256);
        for (const f of frames)
            encodeFrame(w, f);
        assert.equal(toHex(w.finish()), SERVER_INITIAL_PAYLOAD);
    });
    test('encodeAckFrame with ECN and ackFrameSize', () => {
        const w = new ByteWriter(32);
        const ranges = [{ smallest: 8, largest: 10 }, { smallest: 2, largest: 5 }];
        encodeAckFrame(w, ranges, 3, { ect0: 4, ect1: 0, ce: 1 });
        // type 03, largest 10, delay 3, count 1, first 2, gap 8-5-2=1, len 3, ecn 4 0 1
        assert.equal(toHex(w.finish()), '030a030102010304' + '0001');
        assert.equal(ackFrameSize(ranges, 3, { ect0: 4, ect1: 0, ce: 1 }), w.length);
        assert.throws(() => encodeAckFrame(new ByteWriter(8), [], 0), RangeError);
        assert.throws(() => encodeAckFrame(new ByteWriter(8), [{ smallest: 4, largest: 5 }, { smallest: 2, largest: 3 }], 0), RangeError);
    });
    test('writes into a caller-owned buffer up to its last byte', () => {
        const f = { type: 'maxData', maximum: 5 };
        const buf = new Uint8Array(2);
        const w = new ByteWriter(buf);
        encodeFrame(w, f);
        assert.equal(w.pos, 2);
        assert.equal(toHex(buf), '1005');
        assert.throws(() => encodeFrame(w, { type: 'ping' }), RangeError);
        const exact = new Uint8Array(frameSize(SAMPLES[12]));
        encodeFrame(new ByteWriter(exact), SAMPLES[12]);
        assert.deepEqual(decodeFrames(exact, '1rtt'), [SAMPLES[12]]);
    });
    test('header writers match the full frame encoding', () => {
        const data = bytes(20);
        const w = new ByteWriter(64);
        writeStreamFrameHeader(w, 4, 1000, data.length, true, true);
        assert.equal(w.length, streamFrameHeaderSize(4, 1000, 20, true));
        w.bytes(data);
        writeCryptoFrameHeader(w, 5, data.length);
        w.bytes(data);
        assert.deepEqual(decodeFrames(w.finish(), '1rtt'), [
            { type: 'stream', streamId: 4, offset: 1000, data, fin: true },
            { type: 'crypto', offset: 5, data },
        ]);
        assert.equal(cryptoFrameHeaderSize(5, 20), 3);
        assert.equal(datagramFrameSize(20, true), 22);
        assert.equal(datagramFrameSize(20, false), 21);
    });
    test('maxStreamDataThatFits is the largest length that fits', () => {
        for (const withLength of [true, false]) {
            for (const [id, off] of [[0, 0], [4, 63], [1000, 1 << 20], [MAX, MAX - 1]]) {
                for (let space = 0; space < 70; space++)
                    check(id, off, space, withLength);
                for (const space of [16385, 16386, 16387, 16390, 1200, 1 << 30])
                    check(id, off, space, withLength);
            }
        }
        function check(id, off, space, withLength) {
            const n = maxStreamDataThatFits(id, off, space, withLength);
            if (n > 0)
                assert.ok(streamFrameHeaderSize(id, off, n, withLength) + n <= space, `fits ${space}`);
            assert.ok(streamFrameHeaderSize(id, off, n + 1, withLength) + n + 1 > space, `largest for ${space}`);
        }
    });
    test('maxCryptoDataThatFits and maxDatagramDataThatFits are the largest lengths that fit', () => {
        for (const off of [0, 100, 70000]) {
            for (let space = 0; space < 16400; space += space < 80 ? 1 : 97) {
                const n = maxCryptoDataThatFits(off, space);
                if (n > 0)
                    assert.ok(cryptoFrameHeaderSize(off, n) + n <= space);
                assert.ok(cryptoFrameHeaderSize(off, n + 1) + n + 1 > space);
            }
        }
        for (const withLength of [true, false]) {
            for (let space = 0; space < 100; space++) {
                const n = maxDatagramDataThatFits(space, withLength);
                if (n > 0)
                    assert.ok(datagramFrameSize(n, withLength) <= space);
                assert.ok(datagramFrameSize(n + 1, withLength) > space);
            }
        }
    });
    test('rejects frames that cannot be encoded', () => {
        const w = new ByteWriter(64);
        assert.throws(() => encodeFrame(w, { type: 'pathChallenge', data: bytes(7) }), RangeError);
        assert.throws(() => encodeFrame(w, { type: 'newConnectionId', sequenceNumber: 0, retirePriorTo: 0, connectionId: bytes(0), statelessResetToken: bytes(16) }), RangeError);
        assert.throws(() => encodeFrame(w, { type: 'newConnectionId', sequenceNumber: 0, retirePriorTo: 0, connectionId: bytes(4), statelessResetToken: bytes(15) }), RangeError);
    });
});
//# sourceMappingURL=frame-encoder.test.js.map