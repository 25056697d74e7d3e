import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageCodec } from '../../../../src/api/structured/message-codec.js';
import { MessageRegistry } from '../../../../src/api/structured/registry.js';
import { spec, type TypeSpec } from '../../../../src/messaging/type-spec.js';
import { JsonSerializer } from '../../../../src/serializers/json.js';
import { SerializationError } from '../../../../src/index.js';

class Hello {
  static readonly schema = { name: 'string' } as const;
  name = '';
}
const Count = spec.object({ n: 'integer' });

function codec(): MessageCodec<TypeSpec> {
  return new MessageCodec<TypeSpec>({ serializer: new JsonSerializer(), registry: new MessageRegistry<TypeSpec>([[1, Hello], [2, Count]]) });
}

describe('MessageCodec', () => {
  test('finds the type id from the class, or from the type passed', () => {
    const c = codec();
    const hello = Object.assign(new Hello(), { name: 'ann' });
    const encoded = c.encode(hello);
    assert.equal(encoded.typeId, 1);
    assert.equal(new TextDecoder().decode(encoded.payload), '{"name":"ann"}');
    assert.equal(c.encode({ n: 3 }, Count).typeId, 2);
  });

  test('unregistered values and types are SerializationErrors', () => {
    const c = codec();
    assert.throws(() => c.encode({ n: 3 }), /no registered message type for plain object/);
    assert.throws(() => c.encode({ n: 3 }, spec.object({ n: 'integer' })), /not registered/);
  });

  test('decode: typed value, unknown id, malformed payload', () => {
    const c = codec();
    const message = c.decode(1, new TextEncoder().encode('{"name":"bob"}'));
    assert.equal(message.name, 'Hello');
    assert.ok(message.value instanceof Hello);
    const unknown = (() => { try { c.decode(9, new Uint8Array(3)); } catch (e) { return e; } return undefined; })();
    assert.ok(unknown instanceof SerializationError);
    assert.equal(unknown.details['typeId'], 9);
    assert.throws(() => c.decode(2, new TextEncoder().encode('{"n":"three"}')), SerializationError);
    assert.throws(() => c.decode(2, new TextEncoder().encode('{"n":')), SerializationError);
  });
});
