/**
 * ProtobufSerializer on @bufbuild/protobuf (v2).
 *
 * Why @bufbuild/protobuf rather than protobufjs: it is written in TypeScript for ESM, passes the
 * official protobuf conformance suite (proto2, proto3 and editions), generates plain typed objects
 * (`create(Schema, {...})`) instead of classes, never generates code at runtime with
 * `new Function` (protobufjs does, which breaks under strict CSP), and its decoder has a recursion
 * limit, which we use as our depth limit. protobufjs is older and larger, with weaker typing.
 *
 * Unlike pywebtransport 0.5.1 (one message class per serializer) the serializer is stateless, as
 * in later versions: each registry entry carries its own message descriptor (`GenMessage` from
 * protoc-gen-es, or one looked up in a runtime registry). `defaultSchema` covers calls without a type.
 */
import { fromBinary, isMessage, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { asSerializationError, checkSize, resolveLimits, type Serializer, type SerializerLimits } from '../messaging/index.js';
import { SerializationError } from '../index.js';

export interface ProtobufSerializerOptions extends SerializerLimits {
  /** Message type used when serialize/deserialize get no type (pywebtransport `message_class`). */
  defaultSchema?: DescMessage;
  /** Keep unknown fields so they survive a re-encode (default true, as protobuf specifies). */
  readUnknownFields?: boolean;
}

export class ProtobufSerializer implements Serializer<DescMessage> {
  readonly name = 'protobuf';
  readonly maxSize: number;
  readonly maxDepth: number;
  readonly #defaultSchema: DescMessage | undefined;
  readonly #readUnknownFields: boolean;

  constructor(options: ProtobufSerializerOptions = {}) {
    const limits = resolveLimits(options);
    this.maxSize = limits.maxSize;
    this.maxDepth = limits.maxDepth;
    this.#defaultSchema = options.defaultSchema;
    this.#readUnknownFields = options.readUnknownFields ?? true;
  }

  #schema(type: DescMessage | undefined): DescMessage {
    const schema = type ?? this.#defaultSchema;
    if (schema === undefined) throw new SerializationError(`${this.name}: no message schema given and no defaultSchema`);
    return schema;
  }

  /** Encodes a message of `type` (or defaultSchema); the value must be a message of that schema. */
  serialize(value: unknown, type?: DescMessage): Uint8Array {
    const schema = this.#schema(type);
    if (!isMessage(value, schema)) {
      throw new SerializationError(`${this.name}: value is not a ${schema.typeName} message (build it with create(${schema.name}Schema, ...))`);
    }
    let bytes: Uint8Array;
    try {
      bytes = toBinary(schema, value);
    } catch (error) {
      throw asSerializationError(this.name, 'encode', error);
    }
    checkSize(this.name, 'encoded', bytes.length, this.maxSize);
    return bytes;
  }

  /** Decodes a message of `type` (or defaultSchema). */
  deserialize(data: Uint8Array, type?: DescMessage): unknown {
    const schema = this.#schema(type);
    checkSize(this.name, 'received', data.length, this.maxSize);
    try {
      return fromBinary(schema, data, { readUnknownFields: this.#readUnknownFields, recursionLimit: this.maxDepth });
    } catch (error) {
      throw asSerializationError(this.name, 'decode', error);
    }
  }
}
