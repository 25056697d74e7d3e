import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RangeSet } from '../../../../src/proto/util/range-set.js';
function ranges(s) {
    return [...s.ascending()].map((r) => [r.start, r.end]);
}
describe('RangeSet', () => {
    test('merges overlapping and adjacent ranges', () => {
        const s = new RangeSet();
        assert.equal(s.insert(10, 12), true);
        assert.equal(s.insert(0, 2), true);
        assert.equal(s.insert(5, 5), true);
        assert.deepEqual(ranges(s), [[0, 2], [5, 5], [10, 12]]);
        assert.equal(s.insert(3, 4), true); // adjacent on both sides: 0..5
        assert.deepEqual(ranges(s), [[0, 5], [10, 12]]);
        assert.equal(s.insert(6, 9), true);
        assert.deepEqual(ranges(s), [[0, 12]]);
        assert.equal(s.insert(2, 7), false, 'already covered');
        assert.equal(s.insert(11, 20), true);
        assert.deepEqual(ranges(s), [[0, 20]]);
        assert.equal(s.coveredCount(), 21);
    });
    test('a range spanning several merges them all', () => {
        const s = new RangeSet();
        for (let i = 0; i < 10; i++)
            s.add(i * 3);
        assert.equal(s.size, 10);
        assert.equal(s.insert(1, 25), true);
        assert.deepEqual(ranges(s), [[0, 25], [27, 27]]);
    });
    test('contains, containsRange, min, max, first, last', () => {
        const s = new RangeSet();
        assert.equal(s.min, undefined);
        assert.equal(s.last(), undefined);
        s.insert(5, 9);
        s.insert(20, 30);
        assert.equal(s.contains(4), false);
        assert.equal(s.contains(5), true);
        assert.equal(s.contains(9), true);
        assert.equal(s.contains(10), false);
        assert.equal(s.contains(25), true);
        assert.equal(s.containsRange(21, 30), true);
        assert.equal(s.containsRange(8, 21), false);
        assert.equal(s.min, 5);
        assert.equal(s.max, 30);
        assert.deepEqual(s.first(), { start: 5, end: 9 });
        assert.deepEqual(s.last(), { start: 20, end: 30 });
        assert.equal(s.startAt(1), 20);
        assert.equal(s.endAt(0), 9);
    });
    test('remove splits and trims ranges', () => {
        const s = new RangeSet();
        s.insert(0, 100);
        assert.equal(s.remove(10, 19), true);
        assert.deepEqual(ranges(s), [[0, 9], [20, 100]]);
        assert.equal(s.remove(5, 25), true);
        assert.deepEqual(ranges(s), [[0, 4], [26, 100]]);
        assert.equal(s.remove(200, 300), false);
        assert.equal(s.remove(0, 4), true);
        assert.deepEqual(ranges(s), [[26, 100]]);
    });
    test('removeBelow drops and trims low ranges', () => {
        const s = new RangeSet();
        s.insert(0, 3);
        s.insert(6, 10);
        s.insert(15, 15);
        s.removeBelow(8);
        assert.deepEqual(ranges(s), [[8, 10], [15, 15]]);
        s.removeBelow(100);
        assert.equal(s.isEmpty, true);
    });
    test('descending order and ACK ranges', () => {
        const s = new RangeSet();
        s.insert(0, 1);
        s.insert(4, 6);
        s.insert(9, 9);
        assert.deepEqual([...s.descending()].map((r) => r.start), [9, 4, 0]);
        assert.deepEqual(s.toAckRanges(2), [{ smallest: 9, largest: 9 }, { smallest: 4, largest: 6 }]);
    });
    test('maxRanges forgets the lowest ranges', () => {
        const s = new RangeSet({ maxRanges: 3 });
        for (let i = 0; i < 10; i++)
            s.add(i * 2);
        assert.equal(s.size, 3);
        assert.deepEqual(ranges(s), [[14, 14], [16, 16], [18, 18]]);
        assert.throws(() => new RangeSet({ maxRanges: 0 }), RangeError);
    });
    test('shift and clear', () => {
        const s = new RangeSet();
        s.insert(1, 2);
        s.insert(5, 6);
        assert.deepEqual(s.shift(), { start: 1, end: 2 });
        assert.equal(s.size, 1);
        s.clear();
        assert.equal(s.shift(), undefined);
    });
    test('matches a plain Set model under random inserts and removes', () => {
        const op = fc.record({ remove: fc.boolean(), start: fc.integer({ min: 0, max: 200 }), len: fc.integer({ min: 0, max: 20 }) });
        fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
            const s = new RangeSet();
            const model = new Set();
            for (const o of ops) {
                const end = o.start + o.len;
                let changed = false;
                for (let v = o.start; v <= end; v++) {
                    if (o.remove ? model.delete(v) : !model.has(v) && model.add(v))
                        changed = true;
                }
                const got = o.remove ? s.remove(o.start, end) : s.insert(o.start, end);
                assert.equal(got, changed);
            }
            const list = ranges(s);
            for (let i = 1; i < list.length; i++)
                assert.ok(list[i][0] > list[i - 1][1] + 1, 'disjoint, non-adjacent, sorted');
            for (let v = 0; v <= 222; v++)
                assert.equal(s.contains(v), model.has(v));
            assert.equal(s.coveredCount(), model.size);
        }), { numRuns: 500 });
    });
});
//# sourceMappingURL=range-set.test.js.map