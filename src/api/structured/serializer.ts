/**
 * The Serializer contract of structured streams and datagrams (pywebtransport `Serializer`:
 * serialize(obj) / deserialize(data, obj_type)). The codecs themselves (JSON, MessagePack,
 * Protobuf) live in the toolkit, `tswebtransport/serializers/*`, and are passed in.
 *
 * `K` is what a serializer accepts as a message type: a TypeSpec for JSON and MessagePack, a
 * protobuf message descriptor for Protobuf. Every failure must be a SerializationError.
 */
export interface Serializer<K = unknown> {
  /** Short codec name, used in error messages ('json', 'msgpack', 'protobuf'). */
  readonly name: string;
  /** Encodes one value; `type` is its registered message type when known. */
  serialize(value: unknown, type?: K): Uint8Array;
  /** Decodes one value; with `type`, checks it and rebuilds a value of that type. */
  deserialize(data: Uint8Array, type?: K): unknown;
}
