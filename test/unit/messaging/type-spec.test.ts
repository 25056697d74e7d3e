import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeAs, isMessageClass, spec } from '../../../src/messaging/type-spec.js';
import { SerializationError } from '../../../src/index.js';

class Point {
  static readonly schema = { x: 'number', y: 'number' } as const;
  x = 0;
  y = 0;
  norm(): number {
    return Math.hypot(this.x, this.y);
  }
}

class Shape {
  static readonly schema = { name: 'string', points: spec.array(Point), note: spec.optional('string') } as const;
  name = '';
  points: Point[] = [];
  note?: string;
}

class Money {
  readonly cents: bigint;
  constructor(cents: bigint) {
    this.cents = cents;
  }
  static fromPlain(plain: Record<string, unknown>): Money {
    return new Money(BigInt(plain['cents'] as string));
  }
}

class Loose {
  a?: unknown;
}

describe('typed decoding', () => {
  test('rebuilds nested class instances, dropping extra keys', () => {
    const shape = decodeAs({ name: 'tri', points: [{ x: 3, y: 4, z: 9 }], extra: true }, Shape);
    assert.ok(shape instanceof Shape);
    assert.ok(shape.points[0] instanceof Point);
    assert.equal(shape.points[0]!.norm(), 5);
    assert.equal('z' in shape.points[0]!, false);
    assert.equal('extra' in shape, false);
    assert.equal(shape.note, undefined);
  });

  test('primitives: integer, bigint from string/number, bytes from base64', () => {
    assert.equal(decodeAs(5, 'integer'), 5);
    assert.throws(() => decodeAs(1.5, 'integer'), SerializationError);
    assert.equal(decodeAs('123456789012345678901234567890', 'bigint'), 123456789012345678901234567890n);
    assert.equal(decodeAs(7, 'bigint'), 7n);
    assert.throws(() => decodeAs('12x', 'bigint'), SerializationError);
    assert.deepEqual(decodeAs('AQID', 'bytes'), new Uint8Array([1, 2, 3]));
    assert.throws(() => decodeAs('not base64!', 'bytes'), SerializationError);
    assert.equal(decodeAs(null, 'null'), null);
    assert.deepEqual(decodeAs({ any: [1] }, 'unknown'), { any: [1] });
  });

  test('records, objects, optional', () => {
    const rec = decodeAs({ a: 1, b: 2 }, spec.record('integer'));
    assert.deepEqual(rec, { a: 1, b: 2 });
    const obj = decodeAs({ id: 1, tags: null }, spec.object({ id: 'integer', tags: spec.optional(spec.array('string')) }));
    assert.deepEqual(obj, { id: 1 });
    assert.throws(() => decodeAs({ id: 1 }, spec.object({ id: 'integer', name: 'string' })), /at \$\.name: expected string, got undefined/);
  });

  test('errors name the path of the first mismatch', () => {
    const error = (() => { try { decodeAs({ name: 'x', points: [{ x: 1, y: 'no' }] }, Shape); } catch (e) { return e; } return undefined; })();
    assert.ok(error instanceof SerializationError);
    assert.match(error.message, /\$\.points\[0\]\.y: expected number, got string/);
    assert.throws(() => decodeAs([1], Shape), /expected object, got array/);
  });

  test('a class with fromPlain builds the instance itself; its failure is a SerializationError', () => {
    const money = decodeAs({ cents: '1000000000000000000001' }, Money);
    assert.ok(money instanceof Money);
    assert.equal(money.cents, 1000000000000000000001n);
    assert.throws(() => decodeAs({ cents: 'x' }, Money), SerializationError);
  });

  test('a class without schema copies own keys; __proto__ stays an own key', () => {
    const loose = decodeAs(JSON.parse('{"a":1,"__proto__":{"polluted":true}}'), Loose);
    assert.ok(loose instanceof Loose);
    assert.equal(loose.a, 1);
    assert.equal(Object.getPrototypeOf(loose), Loose.prototype);
    assert.equal((loose as Record<string, unknown>)['polluted'], undefined);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  test('isMessageClass', () => {
    assert.equal(isMessageClass(Point), true);
    assert.equal(isMessageClass('string'), false);
    assert.equal(isMessageClass(spec.array('string')), false);
  });
});
