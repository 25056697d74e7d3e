import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SendBuffer } from '../../../../../src/proto/quic/streams/send-buffer.js';
const bytes = (from, to) => Uint8Array.from({ length: to - from }, (_, i) => (from + i) & 0xff);
describe('SendBuffer', () => {
    test('write is bounded by capacity (acked bytes free space)', () => {
        const b = new SendBuffer(10);
        assert.equal(b.write(bytes(0, 6)), 6);
        assert.equal(b.write(bytes(6, 12)), 4);
        assert.equal(b.freeSpace, 0);
        assert.equal(b.write(bytes(0, 1)), 0);
        assert.equal(b.takeNew(100), 10);
        assert.equal(b.onAcked(0, 4), 4);
        assert.equal(b.freeSpace, 4);
        assert.equal(b.bufferedBytes, 6);
    });
    test('slices are views within a chunk and one copy across chunks', () => {
        const b = new SendBuffer(100);
        const a = bytes(0, 5), c = bytes(5, 10);
        b.write(a);
        b.write(c);
        const view = b.slice(1, 3);
        assert.equal(view.buffer, a.buffer);
        assert.deepEqual([...view], [1, 2, 3]);
        const across = b.slice(3, 4);
        assert.notEqual(across.buffer, a.buffer);
        assert.deepEqual([...across], [3, 4, 5, 6]);
        assert.deepEqual([...b.slice(5, 5)], [...c]);
    });
    test('new data is taken in order', () => {
        const b = new SendBuffer(100);
        b.write(bytes(0, 10));
        assert.equal(b.takeNew(4), 4);
        assert.equal(b.sentOffset, 4);
        assert.equal(b.unsentBytes, 6);
        assert.equal(b.takeNew(100), 6);
        assert.equal(b.takeNew(100), 0);
    });
    test('lost ranges are resent once, minus what was acked meanwhile', () => {
        const b = new SendBuffer(100);
        b.write(bytes(0, 30));
        b.takeNew(30);
        b.onLost(0, 10);
        b.onLost(0, 10); // the same range reported twice
        b.onLost(20, 10);
        b.onAcked(5, 20); // spurious loss of [5, 10) and [20, 25)
        assert.equal(b.firstLostOffset(), 0);
        assert.equal(b.takeLost(100), 5);
        assert.equal(b.firstLostOffset(), 25);
        assert.equal(b.takeLost(3), 3);
        assert.equal(b.takeLost(100), 2);
        assert.equal(b.hasLost, false);
        assert.equal(b.takeLost(100), 0);
    });
    test('a lost range already acked is not resent', () => {
        const b = new SendBuffer(100);
        b.write(bytes(0, 10));
        b.takeNew(10);
        b.onAcked(0, 10);
        b.onLost(0, 10);
        assert.equal(b.hasLost, false);
        assert.equal(b.allAcked, true);
        b.write(bytes(10, 20));
        b.takeNew(10);
        b.onAcked(15, 5);
        b.onLost(10, 10);
        assert.equal(b.firstLostOffset(), 10);
        assert.equal(b.takeLost(100), 5);
        assert.equal(b.hasLost, false);
    });
    test('out-of-order acks release the buffer once the prefix is complete', () => {
        const b = new SendBuffer(100);
        for (let i = 0; i < 10; i++)
            b.write(bytes(i * 10, i * 10 + 10));
        b.takeNew(100);
        assert.equal(b.onAcked(50, 50), 0);
        assert.equal(b.onAcked(10, 40), 0);
        assert.equal(b.bufferedBytes, 100);
        assert.equal(b.onAcked(0, 10), 100);
        assert.equal(b.allAcked, true);
        assert.equal(b.freeSpace, 100);
        assert.equal(b.onAcked(0, 10), 0, 'duplicate ack');
    });
    test('retransmit slices survive partial acks', () => {
        const b = new SendBuffer(100);
        b.write(bytes(0, 10));
        b.write(bytes(10, 20));
        b.takeNew(20);
        b.onAcked(0, 12);
        b.onLost(12, 8);
        const off = b.firstLostOffset();
        const len = b.takeLost(100);
        assert.deepEqual([...b.slice(off, len)], [...bytes(12, 20)]);
    });
    test('clear drops everything', () => {
        const b = new SendBuffer(100);
        b.write(bytes(0, 10));
        b.takeNew(5);
        b.onLost(0, 5);
        b.clear();
        assert.equal(b.hasLost, false);
        assert.equal(b.bufferedBytes, 0);
        assert.equal(b.writeOffset, 10);
    });
});
//# sourceMappingURL=send-buffer.test.js.map