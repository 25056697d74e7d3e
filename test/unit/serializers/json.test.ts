import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JsonSerializer, jsonNestingExceeds } from '../../../src/serializers/json.js';
import { spec } from '../../../src/messaging/type-spec.js';
import { ConfigurationError, SerializationError } from '../../../src/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

class Blob {
  static readonly schema = { id: 'bigint', data: 'bytes', when: spec.optional('integer') } as const;
  id = 0n;
  data = new Uint8Array(0);
  when?: number;
}

describe('JsonSerializer', () => {
  const json = new JsonSerializer();

  test('round-trips plain JSON values', () => {
    const value = { a: [1, 'two', null, true], b: { c: 1.5 } };
    assert.deepEqual(json.deserialize(json.serialize(value)), value);
    assert.equal(new TextDecoder().decode(json.serialize({ a: 1 })), '{"a":1}');
    assert.equal(new TextDecoder().decode(new JsonSerializer({ space: 1 }).serialize({ a: 1 })), '{\n "a": 1\n}');
  });

  test('bytes travel as base64 and bigints as strings, typed back by the spec', () => {
    const blob = Object.assign(new Blob(), { id: 2n ** 70n, data: new Uint8Array([0, 255, 7]) });
    const bytes = json.serialize(blob);
    assert.equal(new TextDecoder().decode(bytes), `{"id":"${2n ** 70n}","data":"AP8H"}`);
    const back = json.deserialize(bytes, Blob);
    assert.ok(back instanceof Blob);
    assert.equal(back.id, 2n ** 70n);
    assert.deepEqual(back.data, new Uint8Array([0, 255, 7]));
  });

  test('malformed input is a SerializationError', () => {
    for (const bad of ['{', '', 'nul', '{"a":1}x', '\u00ff']) {
      assert.throws(() => json.deserialize(enc(bad)), SerializationError, bad);
    }
    assert.throws(() => json.deserialize(new Uint8Array([0x22, 0xff, 0x22])), SerializationError, 'invalid UTF-8');
    assert.throws(() => json.deserialize(enc('{"id":1,"data":5}'), Blob), SerializationError);
  });

  test('encode failures are SerializationErrors', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    assert.throws(() => json.serialize(cyclic), SerializationError);
    assert.throws(() => json.serialize(undefined), SerializationError);
    assert.throws(() => json.serialize(() => 1), SerializationError);
  });

  test('size and depth limits', () => {
    const small = new JsonSerializer({ maxSize: 10, maxDepth: 3 });
    assert.throws(() => small.serialize('x'.repeat(20)), /exceeds the limit of 10/);
    assert.throws(() => small.deserialize(enc('"' + 'x'.repeat(20) + '"')), SerializationError);
    assert.deepEqual(small.deserialize(enc('[[[1]]]')), [[[1]]]);
    assert.throws(() => small.deserialize(enc('[[[[1]]]]')), /deeper than 3/);
    assert.deepEqual(small.deserialize(enc('"[[[[[["')), '[[[[[[', 'brackets inside strings do not count');
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    assert.throws(() => new JsonSerializer({ maxSize: 1_000_000 }).deserialize(enc(deep)), SerializationError);
    assert.throws(() => new JsonSerializer({ maxDepth: 0 }), ConfigurationError);
  });

  test('nesting scan handles escaped quotes', () => {
    assert.equal(jsonNestingExceeds(enc('["\\"[[[["]'), 1), false);
    assert.equal(jsonNestingExceeds(enc('[{"a":[]}]'), 2), true);
  });

  test('property: any JSON value round-trips; any bytes either decode or throw SerializationError', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
      assert.deepEqual(json.deserialize(json.serialize(value)), JSON.parse(JSON.stringify(value)));
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      try {
        json.deserialize(bytes);
      } catch (error) {
        assert.ok(error instanceof SerializationError);
      }
    }), { numRuns: 1000 });
  });
});
