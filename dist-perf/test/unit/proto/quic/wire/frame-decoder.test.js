import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex } from '../../../../../src/proto/util/bytes.js';
import { MAX_ACK_RANGES, decodeFrames } from '../../../../../src/proto/quic/wire/frame-decoder.js';
import { TransportError, TransportErrorCode as E } from '../../../../../src/proto/quic/errors.js';
function expectError(hex, code, frameType, pt = '1rtt') {
    assert.throws(() => decodeFrames(fromHex(hex), pt), (e) => {
        assert.ok(e instanceof TransportError, `TransportError, got ${String(e)}`);
        assert.equal(e.code, code, `code for ${hex}: ${e.message}`);
        if (frameType !== undefined)
            assert.equal(e.frameType, frameType);
        return true;
    });
}
describe('frame decoder', () => {
    test('consecutive PADDING collapses; frames are views into the payload', () => {
        const payload = fromHex('0000000106000361626300000000');
        const frames = decodeFrames(payload, 'initial');
        assert.deepEqual(frames.map((f) => f.type), ['padding', 'ping', 'crypto', 'padding']);
        assert.deepEqual(frames[0], { type: 'padding', length: 3 });
        assert.deepEqual(frames[3], { type: 'padding', length: 4 });
        const c = frames[2];
        assert.ok(c.type === 'crypto');
        assert.equal(c.data.buffer, payload.buffer, 'no copy');
        assert.equal(c.data.byteOffset, 7);
    });
    test('empty payload is a PROTOCOL_VIOLATION', () => {
        expectError('', E.PROTOCOL_VIOLATION);
    });
    test('unknown frame types are FRAME_ENCODING_ERROR', () => {
        expectError('1f', E.FRAME_ENCODING_ERROR, 0x1f);
        expectError('01' + '21', E.FRAME_ENCODING_ERROR, 0x21);
        expectError('4040', E.FRAME_ENCODING_ERROR, 0x40); // minimal 2-byte type, unknown
        expectError('24', E.FRAME_ENCODING_ERROR, 0x24); // RESET_STREAM_AT is not negotiated here
    });
    test('non-minimal frame type encodings are PROTOCOL_VIOLATION', () => {
        expectError('4001', E.PROTOCOL_VIOLATION, 0x01);
        expectError('8000001e', E.PROTOCOL_VIOLATION, 0x1e);
        expectError('c000000000000006', E.PROTOCOL_VIOLATION, 0x06);
    });
    test('frames outside their packet types are PROTOCOL_VIOLATION', () => {
        expectError('0800', E.PROTOCOL_VIOLATION, 0x08, 'initial'); // STREAM in Initial
        expectError('1e', E.PROTOCOL_VIOLATION, 0x1e, 'handshake'); // HANDSHAKE_DONE
        expectError('0200000000', E.PROTOCOL_VIOLATION, 0x02, '0rtt'); // ACK in 0-RTT
        expectError('1d000000', E.PROTOCOL_VIOLATION, 0x1d, 'initial'); // application close
        expectError('0701aa', E.PROTOCOL_VIOLATION, 0x07, '0rtt'); // NEW_TOKEN in 0-RTT
        expectError('1b0102030405060708', E.PROTOCOL_VIOLATION, 0x1b, '0rtt'); // PATH_RESPONSE in 0-RTT
        expectError('3100', E.PROTOCOL_VIOLATION, 0x31, 'handshake'); // DATAGRAM
        assert.deepEqual(decodeFrames(fromHex('1c0a0800'), 'initial')[0]?.type, 'connectionClose');
    });
    test('truncated frames are FRAME_ENCODING_ERROR with the frame type', () => {
        const cases = [
            ['02', 0x02], ['0205', 0x02], ['020500', 0x02], ['02050000', 0x02], ['0205000101', 0x02],
            ['0305000000', 0x03], ['030500000001', 0x03], ['04', 0x04], ['0401', 0x04], ['040102', 0x04],
            ['05', 0x05], ['0501', 0x05], ['06', 0x06], ['0600', 0x06], ['060002aa', 0x06], ['07', 0x07],
            ['0702aa', 0x07], ['08', 0x08], ['0a0002aa', 0x0a], ['0c00', 0x0c], ['0e0001', 0x0e],
            ['10', 0x10], ['1101', 0x11], ['12', 0x12], ['13', 0x13], ['14', 0x14], ['1501', 0x15],
            ['16', 0x16], ['17', 0x17], ['18', 0x18], ['180100', 0x18], ['18010004aabbcc', 0x18],
            ['18010004aabbccdd' + '00'.repeat(15), 0x18], ['19', 0x19], ['1a01020304050607', 0x1a],
            ['1b', 0x1b], ['1c', 0x1c], ['1c00', 0x1c], ['1c0000', 0x1c], ['1c000002aa', 0x1c], ['1d00', 0x1d],
            ['1d0001', 0x1d], ['3105aa', 0x31], ['31', 0x31], ['0240', 0x02], ['10c0', 0x10],
        ];
        for (const [hex, t] of cases)
            expectError(hex, E.FRAME_ENCODING_ERROR, t);
    });
    test('ACK ranges going below zero are FRAME_ENCODING_ERROR', () => {
        expectError('0205000006', E.FRAME_ENCODING_ERROR, 0x02); // first range 6 > largest 5
        // largest 10, first range 5 -> [5,10]; gap 3 -> largest 0, length 0 is fine ...
        assert.equal(decodeFrames(fromHex('020a0001050300'), '1rtt').length, 1);
        // ... but gap 4 -> largest -1, and gap 3 with length 1 -> smallest -1
        expectError('020a0001050400', E.FRAME_ENCODING_ERROR, 0x02);
        expectError('020a0001050301', E.FRAME_ENCODING_ERROR, 0x02);
    });
    test('ACK range arithmetic', () => {
        // largest 10, delay 2, 2 more ranges, first 1 -> [9,10]; gap 0 -> largest 7, len 1 -> [6,7];
        // gap 2 -> largest 2, len 2 -> [0,2]
        const [ack] = decodeFrames(fromHex('020a02020100010202'), '1rtt');
        assert.deepEqual(ack, { type: 'ack', ackDelay: 2, ranges: [{ smallest: 9, largest: 10 }, { smallest: 6, largest: 7 }, { smallest: 0, largest: 2 }] });
        const [ecn] = decodeFrames(fromHex('030a0000000102c0000000000000ff'), '1rtt');
        assert.deepEqual(ecn, { type: 'ack', ackDelay: 0, ranges: [{ smallest: 10, largest: 10 }], ecn: { ect0: 1, ect1: 2, ce: 255 } });
    });
    test('ACK ranges beyond the bound are validated but not kept', () => {
        const n = MAX_ACK_RANGES + 50;
        // largest = 3n+10, each extra range: gap 0 (skip one), length 0
        const largest = 3 * n + 10;
        let hex = '02' + varint(largest) + '00' + varint(n) + '00';
        for (let i = 0; i < n; i++)
            hex += '0000';
        const [ack] = decodeFrames(fromHex(hex), '1rtt');
        assert.ok(ack?.type === 'ack');
        assert.equal(ack.ranges.length, MAX_ACK_RANGES);
        assert.deepEqual(ack.ranges[1], { smallest: largest - 2, largest: largest - 2 });
        // A huge claimed range count ends with truncation, not a long loop.
        expectError('0205' + '00' + 'bfffffff' + '00' + '0000', E.FRAME_ENCODING_ERROR, 0x02);
    });
    test('stream offset + length above 2^62 - 1 is FRAME_ENCODING_ERROR; large offsets map to limit errors', () => {
        // OFF|LEN, id 0, offset 2^62-1, length 1
        expectError('0e00' + 'ffffffffffffffff' + '01' + 'aa', E.FRAME_ENCODING_ERROR, 0x0e);
        // offset 2^62-1 with no data is legal on the wire but beyond any window
        expectError('0e00' + 'ffffffffffffffff' + '00', E.FLOW_CONTROL_ERROR, 0x0e);
        expectError('0600' + 'ffffffffffffffff'.slice(2), E.FRAME_ENCODING_ERROR); // truncated crypto offset
        expectError('06' + 'ffffffffffffffff' + '01aa', E.FRAME_ENCODING_ERROR, 0x06);
        expectError('06' + 'c020000000000000' + '01aa', E.CRYPTO_BUFFER_EXCEEDED, 0x06);
        expectError('08' + 'c020000000000000', E.STREAM_LIMIT_ERROR, 0x08); // stream id 2^53
        expectError('04' + '00' + '00' + 'c020000000000000', E.FLOW_CONTROL_ERROR, 0x04); // final size 2^53
        expectError('02' + 'c020000000000000' + '000000', E.PROTOCOL_VIOLATION, 0x02);
    });
    test('limits above 2^53 are clamped', () => {
        const [md, msd, db] = decodeFrames(fromHex('10ffffffffffffffff' + '1104ffffffffffffffff' + '14c020000000000001'), '1rtt');
        assert.deepEqual(md, { type: 'maxData', maximum: Number.MAX_SAFE_INTEGER });
        assert.deepEqual(msd, { type: 'maxStreamData', streamId: 4, maximum: Number.MAX_SAFE_INTEGER });
        assert.deepEqual(db, { type: 'dataBlocked', limit: Number.MAX_SAFE_INTEGER });
    });
    test('MAX_STREAMS / STREAMS_BLOCKED above 2^60 are FRAME_ENCODING_ERROR', () => {
        expectError('12d000000000000001', E.FRAME_ENCODING_ERROR, 0x12);
        expectError('13ffffffffffffffff', E.FRAME_ENCODING_ERROR, 0x13);
        expectError('16d000000000000001', E.FRAME_ENCODING_ERROR, 0x16);
        const [ok] = decodeFrames(fromHex('12d000000000000000'), '1rtt'); // exactly 2^60
        assert.deepEqual(ok, { type: 'maxStreams', bidi: true, maximum: Number.MAX_SAFE_INTEGER });
    });
    test('NEW_CONNECTION_ID validation', () => {
        const token = '11'.repeat(16);
        expectError('18' + '01' + '00' + '00' + token, E.FRAME_ENCODING_ERROR, 0x18); // length 0
        expectError('18' + '01' + '00' + '15' + 'aa'.repeat(21) + token, E.FRAME_ENCODING_ERROR, 0x18); // length 21
        expectError('18' + '01' + '02' + '04' + 'aabbccdd' + token, E.FRAME_ENCODING_ERROR, 0x18); // retire > seq
        const [f] = decodeFrames(fromHex('18' + '02' + '02' + '04' + 'aabbccdd' + token), '1rtt');
        assert.ok(f?.type === 'newConnectionId');
        assert.equal(f.retirePriorTo, 2);
        assert.equal(f.connectionId.length, 4);
    });
    test('NEW_TOKEN must not be empty', () => {
        expectError('0700', E.FRAME_ENCODING_ERROR, 0x07);
    });
    test('CONNECTION_CLOSE keeps 62-bit error codes as bigint', () => {
        const [f] = decodeFrames(fromHex('1cffffffffffffffff0600'), 'handshake');
        assert.deepEqual(f, { type: 'connectionClose', application: false, errorCode: (1n << 62n) - 1n, frameType: 6, reason: new Uint8Array(0) });
    });
    test('STREAM without LEN takes the rest of the packet; fin-only frames', () => {
        const [a, b] = decodeFrames(fromHex('0b0400' + '0c0805616263'), '1rtt');
        assert.deepEqual(a, { type: 'stream', streamId: 4, offset: 0, data: new Uint8Array(0), fin: true });
        assert.deepEqual(b, { type: 'stream', streamId: 8, offset: 5, data: new Uint8Array([0x61, 0x62, 0x63]), fin: false });
    });
});
function varint(v) {
    if (v < 64)
        return v.toString(16).padStart(2, '0');
    if (v < 16384)
        return (0x4000 | v).toString(16).padStart(4, '0');
    return (0x80000000 + v).toString(16).padStart(8, '0');
}
//# sourceMappingURL=frame-decoder.test.js.map