import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageRegistry } from '../../../../src/api/structured/registry.js';
import { ConfigurationError } from '../../../../src/index.js';

class Ping { n = 0; }
class Pong { n = 0; }
class SubPing extends Ping {}
const protoDesc = { kind: 'message', typeName: 'chat.v1.Line', name: 'Line' } as const;

describe('MessageRegistry', () => {
  test('maps ids to types and back', () => {
    const registry = new MessageRegistry<unknown>([[1, Ping], [2, Pong]]);
    assert.equal(registry.size, 2);
    assert.equal(registry.get(1)?.type, Ping);
    assert.equal(registry.get(1)?.name, 'Ping');
    assert.equal(registry.typeIdOf(Pong), 2);
    assert.equal(registry.has(3), false);
    assert.deepEqual([...registry].map((e) => e.typeId), [1, 2]);
  });

  test('accepts an id-keyed object', () => {
    const registry = new MessageRegistry<unknown>({ 10: Ping, 65535: Pong });
    assert.equal(registry.get(65535)?.type, Pong);
  });

  test('ids and types are unique and ids are u16', () => {
    const registry = new MessageRegistry<unknown>().register(1, Ping);
    assert.throws(() => registry.register(1, Pong), ConfigurationError);
    assert.throws(() => registry.register(2, Ping), ConfigurationError);
    assert.throws(() => registry.register(-1, Pong), ConfigurationError);
    assert.throws(() => registry.register(65536, Pong), ConfigurationError);
    assert.throws(() => registry.register(1.5, Pong), ConfigurationError);
    registry.register(0, Pong, 'pong');
    assert.equal(registry.get(0)?.name, 'pong');
  });

  test('match uses the exact class, not a subclass', () => {
    const registry = new MessageRegistry<unknown>([[1, Ping]]);
    assert.equal(registry.match(new Ping())?.typeId, 1);
    assert.equal(registry.match(new SubPing()), undefined);
    assert.equal(registry.match({ n: 1 }), undefined);
    assert.equal(registry.match('text'), undefined);
    assert.equal(registry.match(null), undefined);
  });

  test('protobuf descriptors match by $typeName and are unique by type name', () => {
    const registry = new MessageRegistry<unknown>([[5, protoDesc]]);
    assert.equal(registry.get(5)?.name, 'chat.v1.Line');
    assert.equal(registry.match({ $typeName: 'chat.v1.Line', text: 'hi' })?.typeId, 5);
    assert.equal(registry.typeIdOf({ ...protoDesc }), 5, 'an equal descriptor copy resolves by type name');
    assert.throws(() => registry.register(6, { ...protoDesc }), ConfigurationError);
  });
});
