import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getHeader, toFieldList } from '../../../../src/api/http3/headers.js';

describe('HTTP/3 API headers', () => {
  test('records and pair lists become lowercase field lists; arrays repeat', () => {
    assert.deepEqual(toFieldList({ 'Content-Type': 'text/plain', 'Content-Length': 5, 'set-cookie': ['a', 'b'] }),
      [['content-type', 'text/plain'], ['content-length', '5'], ['set-cookie', 'a'], ['set-cookie', 'b']]);
    assert.deepEqual(toFieldList([['X-A', '1'], ['x-a', '2']]), [['x-a', '1'], ['x-a', '2']]);
    assert.deepEqual(toFieldList(undefined), []);
  });

  test('pseudo-headers cannot be smuggled in', () => {
    assert.throws(() => toFieldList({ ':path': '/x' }), TypeError);
  });

  test('getHeader returns the first value', () => {
    assert.equal(getHeader([['a', '1'], ['a', '2']], 'a'), '1');
    assert.equal(getHeader([], 'a'), undefined);
  });
});
