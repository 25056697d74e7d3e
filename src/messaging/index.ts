/**
 * "tswebtransport/messaging": typed messages over WebTransport streams and datagrams
 * (pywebtransport StructuredStream / StructuredDatagramStream / Serializer). The framing, registry
 * and the two wrappers are part of the "." entry (WebTransportSession.createStructuredStream /
 * createStructuredDatagrams use them) and are re-exported here beside the toolkit's TypeSpec
 * helpers and serializer limits. Codecs live in "tswebtransport/serializers/{json,msgpack,protobuf}".
 */
export type { SerializerLimits } from './serializer.js';
export {
  DEFAULT_MAX_DEPTH, DEFAULT_MAX_SERIALIZED_SIZE, resolveLimits, checkSize, checkDepth, asSerializationError,
} from './serializer.js';
export { spec, decodeAs, isMessageClass } from './type-spec.js';
export type {
  TypeSpec, PrimitiveSpec, ArraySpec, RecordSpec, ObjectSpec, OptionalSpec, FieldsSpec, MessageClass, Infer,
} from './type-spec.js';
export { createStructuredStream, createStructuredDatagrams } from './factories.js';
// The structured core from the public entry, so existing imports of this module keep working.
export {
  MessageRegistry, MAX_TYPE_ID, StructuredStream, DEFAULT_MAX_MESSAGE_SIZE, StructuredDatagrams,
  STREAM_HEADER_SIZE, DATAGRAM_HEADER_SIZE, MAX_FRAMED_PAYLOAD, frameStreamMessage, parseStreamHeader, frameDatagram, datagramTypeId,
} from '../index.js';
export type {
  Serializer, MessageRegistration, StructuredMessage, StructuredOptions, StructuredStreamOptions, CreateStructuredStreamOptions,
  MessageStream, StructuredDatagramsOptions, StructuredDatagramStats,
} from '../index.js';
// The error classes messaging throws, re-exported for convenience.
export { SerializationError, ProtocolError } from '../index.js';
