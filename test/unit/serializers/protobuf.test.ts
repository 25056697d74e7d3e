import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { create, createFileRegistry, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { ProtobufSerializer } from '../../../src/serializers/protobuf.js';
import { SerializationError } from '../../../src/index.js';

/** chat.v1.Line { string text = 1; int32 n = 2; Line reply = 3; }  built at runtime, no protoc needed. */
function schemas(): { Line: DescMessage; Other: DescMessage } {
  const file = create(FileDescriptorProtoSchema, {
    name: 'chat.proto', package: 'chat.v1', syntax: 'proto3',
    messageType: [
      { name: 'Line', field: [
        { name: 'text', number: 1, type: 9, label: 1, jsonName: 'text' },
        { name: 'n', number: 2, type: 5, label: 1, jsonName: 'n' },
        { name: 'reply', number: 3, type: 11, label: 1, typeName: '.chat.v1.Line', jsonName: 'reply' },
      ] },
      { name: 'Other', field: [{ name: 'flag', number: 1, type: 8, label: 1, jsonName: 'flag' }] },
    ],
  });
  const registry = createFileRegistry(file, () => undefined);
  return { Line: registry.getMessage('chat.v1.Line')!, Other: registry.getMessage('chat.v1.Other')! };
}

describe('ProtobufSerializer', () => {
  const { Line, Other } = schemas();
  const pb = new ProtobufSerializer();

  test('round-trips a message of the given schema', () => {
    const msg = create(Line, { text: 'hello', n: 42, reply: create(Line, { text: 'nested' }) });
    const bytes = pb.serialize(msg, Line);
    assert.deepEqual([...bytes.subarray(0, 7)], [0x0a, 5, 0x68, 0x65, 0x6c, 0x6c, 0x6f]);
    const back = pb.deserialize(bytes, Line) as { $typeName: string; text: string; n: number; reply?: { text: string } };
    assert.equal(back.$typeName, 'chat.v1.Line');
    assert.equal(back.text, 'hello');
    assert.equal(back.n, 42);
    assert.equal(back.reply?.text, 'nested');
  });

  test('defaultSchema is used without a type; no schema at all is an error', () => {
    const withDefault = new ProtobufSerializer({ defaultSchema: Line });
    const back = withDefault.deserialize(withDefault.serialize(create(Line, { text: 'x' }))) as { text: string };
    assert.equal(back.text, 'x');
    assert.throws(() => pb.serialize(create(Line)), /no message schema/);
  });

  test('values of another schema or plain objects are refused', () => {
    assert.throws(() => pb.serialize(create(Other, { flag: true }), Line), /not a chat\.v1\.Line message/);
    assert.throws(() => pb.serialize({ text: 'plain' }, Line), SerializationError);
  });

  test('malformed, oversized and too-deep input are SerializationErrors', () => {
    assert.throws(() => pb.deserialize(new Uint8Array([0x0a, 0x10, 0x41]), Line), SerializationError, 'truncated string');
    assert.throws(() => pb.deserialize(new Uint8Array([0x0f]), Line), SerializationError, 'bad wire type');
    assert.throws(() => new ProtobufSerializer({ maxSize: 4 }).deserialize(new Uint8Array(5), Line), /exceeds the limit of 4/);
    let nested = create(Line, { text: 'leaf' });
    for (let i = 0; i < 10; i++) nested = create(Line, { reply: nested });
    const bytes = pb.serialize(nested, Line);
    assert.doesNotThrow(() => pb.deserialize(bytes, Line));
    assert.throws(() => new ProtobufSerializer({ maxDepth: 5 }).deserialize(bytes, Line), /recursion depth/);
  });

  test('property: random bytes decode or throw SerializationError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      try {
        pb.deserialize(bytes, Line);
      } catch (error) {
        assert.ok(error instanceof SerializationError);
      }
    }), { numRuns: 1000 });
  });
});
