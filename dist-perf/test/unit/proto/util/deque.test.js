import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Deque } from '../../../../src/proto/util/deque.js';
describe('Deque', () => {
    test('FIFO through growth and wrap-around', () => {
        const d = new Deque(4);
        for (let i = 0; i < 3; i++)
            d.push(i);
        assert.equal(d.shift(), 0);
        assert.equal(d.shift(), 1);
        for (let i = 3; i < 40; i++)
            d.push(i); // wraps, then grows
        assert.equal(d.length, 38);
        assert.equal(d.peek(), 2);
        assert.equal(d.peekBack(), 39);
        assert.deepEqual([...d], Array.from({ length: 38 }, (_, i) => i + 2));
        for (let i = 2; i < 40; i++)
            assert.equal(d.shift(), i);
        assert.equal(d.shift(), undefined);
        assert.equal(d.isEmpty, true);
    });
    test('both ends and indexing', () => {
        const d = new Deque();
        d.push('b');
        d.unshift('a');
        d.push('c');
        assert.equal(d.at(0), 'a');
        assert.equal(d.at(2), 'c');
        assert.equal(d.at(3), undefined);
        assert.equal(d.at(-1), undefined);
        assert.equal(d.pop(), 'c');
        assert.equal(d.shift(), 'a');
        assert.equal(d.length, 1);
        d.clear();
        assert.equal(d.length, 0);
        assert.equal(d.pop(), undefined);
        assert.equal(d.peek(), undefined);
        assert.equal(d.peekBack(), undefined);
    });
    test('matches an array model', () => {
        const op = fc.oneof(fc.record({ k: fc.constant('push'), v: fc.integer() }), fc.record({ k: fc.constant('unshift'), v: fc.integer() }), fc.record({ k: fc.constant('shift') }), fc.record({ k: fc.constant('pop') }));
        fc.assert(fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
            const d = new Deque(4);
            const model = [];
            for (const o of ops) {
                if (o.k === 'push') {
                    d.push(o.v);
                    model.push(o.v);
                }
                else if (o.k === 'unshift') {
                    d.unshift(o.v);
                    model.unshift(o.v);
                }
                else if (o.k === 'shift')
                    assert.equal(d.shift(), model.shift());
                else
                    assert.equal(d.pop(), model.pop());
                assert.equal(d.length, model.length);
            }
            assert.deepEqual([...d], model);
        }), { numRuns: 300 });
    });
});
//# sourceMappingURL=deque.test.js.map