import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Assembler } from '../../../../../src/proto/quic/streams/assembler.js';
const bytes = (from, to) => Uint8Array.from({ length: to - from }, (_, i) => (from + i) & 0xff);
function readAll(a, max = 1 << 20) {
    const out = [];
    for (let c = a.read(max); c; c = a.read(max))
        out.push(...c);
    return out;
}
describe('Assembler', () => {
    test('in-order chunks are returned as views without copies', () => {
        const a = new Assembler();
        const src = bytes(0, 10);
        a.insert(0, src.subarray(0, 4));
        a.insert(4, src.subarray(4));
        const first = a.read(100);
        assert.equal(first.buffer, src.buffer);
        assert.deepEqual([...first], [0, 1, 2, 3]);
        assert.deepEqual([...a.read(100)], [4, 5, 6, 7, 8, 9]);
        assert.equal(a.read(100), undefined);
        assert.equal(a.readOffset, 10);
        assert.equal(a.bufferedBytes, 0);
    });
    test('read(max) splits a chunk', () => {
        const a = new Assembler();
        a.insert(0, bytes(0, 10));
        assert.deepEqual([...a.read(3)], [0, 1, 2]);
        assert.equal(a.readOffset, 3);
        assert.equal(a.bufferedBytes, 7);
        assert.deepEqual(readAll(a), [3, 4, 5, 6, 7, 8, 9]);
        assert.equal(a.read(0), undefined);
    });
    test('out of order: nothing readable until the gap fills', () => {
        const a = new Assembler();
        a.insert(5, bytes(5, 10));
        assert.equal(a.readable, false);
        assert.equal(a.read(10), undefined);
        assert.equal(a.highestOffset, 10);
        assert.equal(a.bufferedBytes, 5);
        a.insert(0, bytes(0, 5));
        assert.equal(a.contiguousAvailable(), 10);
        assert.deepEqual(readAll(a), [...bytes(0, 10)]);
    });
    test('duplicates and overlaps keep each byte once', () => {
        const a = new Assembler();
        a.insert(10, bytes(10, 20));
        a.insert(10, bytes(10, 20));
        a.insert(12, bytes(12, 15));
        assert.equal(a.bufferedBytes, 10);
        a.insert(5, bytes(5, 25)); // covers the held range on both sides
        assert.equal(a.bufferedBytes, 20);
        a.insert(30, bytes(30, 35));
        a.insert(0, bytes(0, 40)); // spans everything, fills all gaps
        assert.equal(a.bufferedBytes, 40);
        assert.deepEqual(readAll(a), [...bytes(0, 40)]);
    });
    test('data below readOffset is ignored or trimmed', () => {
        const a = new Assembler();
        a.insert(0, bytes(0, 10));
        readAll(a);
        a.insert(0, bytes(0, 10));
        assert.equal(a.bufferedBytes, 0);
        a.insert(5, bytes(5, 15));
        assert.equal(a.bufferedBytes, 5);
        assert.deepEqual(readAll(a), [...bytes(10, 15)]);
    });
    test('empty inserts only move highestOffset', () => {
        const a = new Assembler();
        a.insert(7, new Uint8Array(0));
        assert.equal(a.highestOffset, 7);
        assert.equal(a.bufferedBytes, 0);
    });
    test('discard drops buffered data and skips ahead', () => {
        const a = new Assembler();
        a.insert(0, bytes(0, 4));
        a.insert(8, bytes(8, 12));
        assert.equal(a.discard(), 12);
        assert.equal(a.readOffset, 12);
        assert.equal(a.bufferedBytes, 0);
        assert.equal(a.discard(20), 8);
        assert.equal(a.highestOffset, 20);
        a.insert(15, bytes(15, 25));
        assert.deepEqual(readAll(a), [...bytes(20, 25)]);
    });
    test('many reads compact the chunk list', () => {
        const a = new Assembler();
        for (let i = 0; i < 500; i++)
            a.insert(i, bytes(i, i + 1));
        for (let i = 0; i < 400; i++)
            assert.equal(a.read(1)[0], i & 0xff);
        a.insert(1000, bytes(1000, 1001));
        a.insert(500, bytes(500, 1000));
        assert.equal(readAll(a).length, 601);
    });
});
//# sourceMappingURL=assembler.test.js.map