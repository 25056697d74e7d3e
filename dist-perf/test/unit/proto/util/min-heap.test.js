import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MinHeap } from '../../../../src/proto/util/min-heap.js';
describe('MinHeap', () => {
    test('pops in key order', () => {
        const h = new MinHeap();
        h.push('c', 30);
        h.push('a', 10);
        h.push('b', 20);
        assert.equal(h.size, 3);
        assert.equal(h.peek(), 'a');
        assert.equal(h.peekKey(), 10);
        assert.deepEqual([h.pop(), h.pop(), h.pop(), h.pop()], ['a', 'b', 'c', undefined]);
        assert.equal(h.peekKey(), undefined);
    });
    test('re-pushing an item changes its key; remove deletes it', () => {
        const h = new MinHeap();
        const x = {}, y = {}, z = {};
        h.push(x, 5);
        h.push(y, 10);
        h.push(z, 15);
        h.push(z, 1);
        assert.equal(h.peek(), z);
        h.push(z, 100);
        assert.equal(h.peek(), x);
        assert.equal(h.keyOf(z), 100);
        assert.equal(h.size, 3);
        assert.equal(h.remove(x), true);
        assert.equal(h.remove(x), false);
        assert.equal(h.has(x), false);
        assert.equal(h.pop(), y);
        assert.equal(h.pop(), z);
        assert.equal(h.isEmpty, true);
        h.push(x, 1);
        h.clear();
        assert.equal(h.size, 0);
        assert.equal(h.keyOf(x), undefined);
    });
    test('matches a sorted model under push/update/remove/pop', () => {
        const op = fc.record({ k: fc.constantFrom('push', 'remove', 'pop'), item: fc.integer({ min: 0, max: 15 }), key: fc.integer({ min: 0, max: 1000 }) });
        fc.assert(fc.property(fc.array(op, { maxLength: 100 }), (ops) => {
            const h = new MinHeap();
            const model = new Map();
            for (const o of ops) {
                if (o.k === 'push') {
                    h.push(o.item, o.key);
                    model.set(o.item, o.key);
                }
                else if (o.k === 'remove')
                    assert.equal(h.remove(o.item), model.delete(o.item));
                else {
                    const popped = h.pop();
                    if (model.size === 0) {
                        assert.equal(popped, undefined);
                        continue;
                    }
                    const minKey = Math.min(...model.values());
                    assert.equal(model.get(popped), minKey);
                    model.delete(popped);
                }
                assert.equal(h.size, model.size);
                if (model.size > 0)
                    assert.equal(h.peekKey(), Math.min(...model.values()));
            }
        }), { numRuns: 300 });
    });
});
//# sourceMappingURL=min-heap.test.js.map