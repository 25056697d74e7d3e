import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedHistory } from '../../../src/monitor/bounded-history.js';

describe('BoundedHistory', () => {
  test('keeps the newest `capacity` entries, oldest first', () => {
    const h = new BoundedHistory<number>(3);
    assert.equal(h.last(), undefined);
    assert.deepEqual(h.toArray(), []);
    for (let i = 1; i <= 5; i++) h.push(i);
    assert.equal(h.size, 3);
    assert.deepEqual(h.toArray(), [3, 4, 5]);
    assert.equal(h.last(), 5);
  });

  test('limit returns only the newest entries and clamps', () => {
    const h = new BoundedHistory<string>(4);
    for (const s of ['a', 'b', 'c', 'd', 'e']) h.push(s);
    assert.deepEqual(h.toArray(2), ['d', 'e']);
    assert.deepEqual(h.toArray(0), []);
    assert.deepEqual(h.toArray(99), ['b', 'c', 'd', 'e']);
    assert.deepEqual(h.toArray(-1), []);
  });

  test('clear empties it and it refills in order', () => {
    const h = new BoundedHistory<number>(2);
    h.push(1); h.push(2); h.push(3);
    h.clear();
    assert.equal(h.size, 0);
    h.push(7);
    assert.deepEqual(h.toArray(), [7]);
  });

  test('rejects a non-positive or fractional capacity', () => {
    assert.throws(() => new BoundedHistory(0), RangeError);
    assert.throws(() => new BoundedHistory(1.5), RangeError);
  });
});
