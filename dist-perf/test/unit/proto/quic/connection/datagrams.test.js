import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DatagramQueues } from '../../../../../src/proto/quic/connection/datagrams.js';
import { TransportError, TransportErrorCode } from '../../../../../src/proto/quic/errors.js';
const d = (n, tag = 0) => new Uint8Array(n).fill(tag);
const make = (maxIncoming = 4, maxIncomingBytes = 1000, maxOutgoing = 3) => new DatagramQueues({ maxIncoming, maxIncomingBytes, maxOutgoing });
describe('DatagramQueues (RFC 9221)', () => {
    test('sending is unsupported until the peer advertises a frame size', () => {
        const q = make();
        assert.equal(q.send(d(1)), 'unsupported');
        q.setPeerMaxFrameSize(0);
        assert.equal(q.send(d(1)), 'unsupported');
        assert.equal(q.maxPayload, 0);
    });
    test('the frame (type + length + data) must fit the peer limit', () => {
        const q = make();
        q.setPeerMaxFrameSize(100);
        assert.equal(q.maxPayload, 97); // 1 + 2 (length >= 64) + 97
        assert.equal(q.send(d(97)), 'queued');
        assert.equal(q.send(d(98)), 'too-large');
        q.setPeerMaxFrameSize(1200);
        assert.equal(q.maxPayload, 1197);
    });
    test('the outgoing queue drops the oldest when full', () => {
        const q = make(4, 1000, 2);
        q.setPeerMaxFrameSize(1000);
        for (let i = 1; i <= 3; i++)
            assert.equal(q.send(d(5, i)), 'queued');
        assert.equal(q.stats().droppedOutgoing, 1);
        assert.equal(q.pollFrame(100).data[0], 2);
        assert.equal(q.pollFrame(100).data[0], 3);
        assert.equal(q.pollFrame(100), undefined);
        assert.equal(q.hasPending(), false);
        assert.equal(q.stats().sent, 2);
    });
    test('pollFrame never fragments: it waits for room, or drops what no packet can hold', () => {
        const q = make();
        q.setPeerMaxFrameSize(2000);
        const big = d(1300, 1);
        q.send(big);
        q.send(d(10, 2));
        const f = q.pollFrame(100, 1200); // the 1300-byte datagram can never fit: dropped
        assert.equal(q.stats().droppedTooLarge, 1);
        assert.deepEqual(f, { type: 'datagram', data: d(10, 2) });
        q.send(d(50, 3));
        assert.equal(q.pollFrame(20, 1200), undefined, 'no room in this packet: stays queued');
        assert.equal(q.hasPending(), true);
        assert.equal(q.pollFrame(53).data.length, 50);
    });
    test('a received frame larger than advertised is PROTOCOL_VIOLATION', () => {
        const q = make();
        const isViolation = (e) => e instanceof TransportError && e.code === TransportErrorCode.PROTOCOL_VIOLATION;
        assert.throws(() => q.onReceived({ type: 'datagram', data: d(1) }, 0), isViolation);
        q.onReceived({ type: 'datagram', data: d(99) }, 100); // 1 + 99: fits without the length field
        assert.throws(() => q.onReceived({ type: 'datagram', data: d(100) }, 100), isViolation);
    });
    test('the incoming queue is bounded by count and bytes, dropping the oldest', () => {
        const q = make(3, 100, 3);
        assert.equal(q.onReceived({ type: 'datagram', data: d(10, 1) }, 1000), true, 'first one: announce');
        assert.equal(q.onReceived({ type: 'datagram', data: d(10, 2) }, 1000), false);
        q.onReceived({ type: 'datagram', data: d(10, 3) }, 1000);
        q.onReceived({ type: 'datagram', data: d(10, 4) }, 1000);
        assert.equal(q.stats().droppedIncoming, 1);
        q.onReceived({ type: 'datagram', data: d(90, 5) }, 1000); // bytes bound: drops until it fits
        assert.deepEqual([q.read()[0], q.read()[0]], [4, 5]);
        assert.equal(q.read(), undefined);
        assert.equal(q.stats().droppedIncoming, 3);
        q.onReceived({ type: 'datagram', data: d(101, 6) }, 1000);
        assert.equal(q.read(), undefined, 'larger than the whole byte bound: dropped');
        assert.equal(q.stats().received, 6);
    });
    test('received data is handed out without a copy', () => {
        const q = make();
        const packet = new Uint8Array(50);
        const view = packet.subarray(10, 20);
        q.onReceived({ type: 'datagram', data: view }, 1000);
        assert.equal(q.read(), view);
    });
});
//# sourceMappingURL=datagrams.test.js.map