import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encode } from '@msgpack/msgpack';
import { MsgPackSerializer } from '../../../src/serializers/msgpack.js';
import { spec } from '../../../src/messaging/type-spec.js';
import { SerializationError } from '../../../src/index.js';

class Frame {
  static readonly schema = { seq: 'bigint', body: 'bytes', meta: spec.record('string') } as const;
  seq = 0n;
  body = new Uint8Array(0);
  meta: Record<string, string> = {};
}

describe('MsgPackSerializer', () => {
  const mp = new MsgPackSerializer();

  test('round-trips values with native bytes and 64-bit integers', () => {
    const frame = Object.assign(new Frame(), { seq: 2n ** 63n - 1n, body: new Uint8Array([1, 2, 3]), meta: { k: 'v' } });
    const bytes = mp.serialize(frame);
    const back = mp.deserialize(bytes, Frame);
    assert.ok(back instanceof Frame);
    assert.equal(back.seq, 2n ** 63n - 1n);
    assert.deepEqual(back.body, new Uint8Array([1, 2, 3]));
    assert.deepEqual(back.meta, { k: 'v' });
    assert.equal(mp.deserialize(mp.serialize(Date.UTC(2026, 0, 1))), Date.UTC(2026, 0, 1), 'large safe integers stay numbers');
  });

  test('malformed and truncated input is a SerializationError', () => {
    for (const bad of [[0xc1], [0x92, 0x01], [0xdb, 0xff, 0xff, 0xff, 0xff], [], [0x81, 0xa1]]) {
      assert.throws(() => mp.deserialize(new Uint8Array(bad)), SerializationError, JSON.stringify(bad));
    }
    assert.throws(() => mp.deserialize(mp.serialize({ seq: 'x', body: 1, meta: {} }), Frame), SerializationError);
  });

  test('length headers cannot claim more than maxSize', () => {
    const small = new MsgPackSerializer({ maxSize: 100 });
    // array32 claiming 2^32-1 elements in 5 bytes
    assert.throws(() => small.deserialize(new Uint8Array([0xdd, 0xff, 0xff, 0xff, 0xff])), SerializationError);
    assert.throws(() => small.deserialize(new Uint8Array(101)), /exceeds the limit of 100/);
    assert.throws(() => small.serialize('y'.repeat(200)), SerializationError);
  });

  test('depth limit on decode and encode', () => {
    const shallow = new MsgPackSerializer({ maxDepth: 3 });
    assert.deepEqual(shallow.deserialize(encode([[[1]]])), [[[1]]]);
    assert.throws(() => shallow.deserialize(encode([[[[1]]]])), /deeper than 3/);
    assert.throws(() => shallow.serialize([[[[[1]]]]]), SerializationError);
    const deep = new Uint8Array(100_000).fill(0x91); // fixarray(1) nested 100k times
    assert.throws(() => mp.deserialize(deep), SerializationError);
  });

  test('encode failures are SerializationErrors', () => {
    assert.throws(() => mp.serialize(2n ** 70n), SerializationError);
    assert.throws(() => mp.serialize(Symbol('s')), SerializationError);
  });

  test('property: random bytes decode or throw SerializationError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      try {
        mp.deserialize(bytes);
      } catch (error) {
        assert.ok(error instanceof SerializationError);
      }
    }), { numRuns: 1000 });
  });
});
