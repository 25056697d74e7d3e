import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { EventHeap } from '../../../src/testing/event-heap.js';
import { SeededRandom } from '../../../src/testing/seeded-random.js';
describe('EventHeap', () => {
    test('pops in (time, insertion order)', () => {
        const h = new EventHeap();
        h.push(30, 'c');
        h.push(10, 'a1');
        h.push(20, 'b');
        h.push(10, 'a2');
        h.push(10, 'a3');
        assert.equal(h.size, 5);
        assert.equal(h.peekTime(), 10);
        const out = [];
        for (let x = h.pop(); x !== undefined; x = h.pop())
            out.push(x);
        assert.deepEqual(out, ['a1', 'a2', 'a3', 'b', 'c']);
        assert.equal(h.peekTime(), undefined);
    });
    test('matches a stable sort on random input', () => {
        const rng = new SeededRandom(7);
        const h = new EventHeap();
        const items = [];
        for (let i = 0; i < 2000; i++) {
            const t = rng.nextInt(50);
            items.push({ t, i });
            h.push(t, i);
            if (i % 7 === 0) {
                // interleave pops with pushes
                const expected = items.slice().sort((a, b) => a.t - b.t || a.i - b.i)[0];
                assert.equal(h.pop(), expected.i);
                items.splice(items.indexOf(expected), 1);
            }
        }
        const expected = items.sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i);
        const got = [];
        for (let x = h.pop(); x !== undefined; x = h.pop())
            got.push(x);
        assert.deepEqual(got, expected);
    });
    test('removeWhere keeps order of the rest', () => {
        const h = new EventHeap();
        for (let i = 0; i < 20; i++)
            h.push(i % 4, i);
        assert.equal(h.removeWhere((x) => x % 2 === 1), 10);
        const got = [];
        for (let x = h.pop(); x !== undefined; x = h.pop())
            got.push(x);
        assert.deepEqual(got, [0, 4, 8, 12, 16, 2, 6, 10, 14, 18]);
    });
});
//# sourceMappingURL=event-heap.test.js.map