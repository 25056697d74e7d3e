import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  asSerializationError, checkDepth, checkSize, DEFAULT_MAX_DEPTH, DEFAULT_MAX_SERIALIZED_SIZE, resolveLimits,
} from '../../../src/messaging/serializer.js';
import { ConfigurationError, SerializationError } from '../../../src/index.js';

describe('serializer limits', () => {
  test('resolveLimits fills defaults and rejects bad values', () => {
    assert.deepEqual(resolveLimits(), { maxSize: DEFAULT_MAX_SERIALIZED_SIZE, maxDepth: DEFAULT_MAX_DEPTH });
    assert.deepEqual(resolveLimits({ maxSize: 10, maxDepth: 2 }), { maxSize: 10, maxDepth: 2 });
    assert.throws(() => resolveLimits({ maxSize: 0 }), ConfigurationError);
    assert.throws(() => resolveLimits({ maxDepth: 1.5 }), ConfigurationError);
  });

  test('checkSize throws a SerializationError with the sizes', () => {
    checkSize('json', 'received', 10, 10);
    const error = (() => { try { checkSize('json', 'received', 11, 10); } catch (e) { return e; } return undefined; })();
    assert.ok(error instanceof SerializationError);
    assert.deepEqual(error.details, { size: 11, maxSize: 10 });
  });

  test('checkDepth counts arrays, objects and maps, iteratively', () => {
    checkDepth('x', [[1]], 2);
    assert.throws(() => checkDepth('x', [[[1]]], 2), SerializationError);
    assert.throws(() => checkDepth('x', { a: { b: {} } }, 2), SerializationError);
    assert.throws(() => checkDepth('x', new Map([['k', [[]]]]), 2), SerializationError);
    checkDepth('x', { bytes: new Uint8Array(100) }, 1); // typed arrays are leaves
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.throws(() => checkDepth('x', deep, 64), SerializationError);
  });

  test('asSerializationError keeps ours and wraps foreign errors with the cause', () => {
    const ours = new SerializationError('mine');
    assert.equal(asSerializationError('json', 'decode', ours), ours);
    const foreign = new SyntaxError('bad token');
    const wrapped = asSerializationError('json', 'decode', foreign);
    assert.ok(wrapped instanceof SerializationError);
    assert.equal(wrapped.cause, foreign);
    assert.match(wrapped.message, /json: cannot decode: bad token/);
  });
});
