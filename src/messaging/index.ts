/**
 * "tswebtransport/messaging": typed messages over WebTransport streams and datagrams
 * (pywebtransport StructuredStream / StructuredDatagramStream / Serializer), built only on the
 * public "." entry point. Codecs live in "tswebtransport/serializers/{json,msgpack,protobuf}".
 */
export type { Serializer, SerializerLimits } from './serializer.js';
export {
  DEFAULT_MAX_DEPTH, DEFAULT_MAX_SERIALIZED_SIZE, resolveLimits, checkSize, checkDepth, asSerializationError,
} from './serializer.js';
export { spec, decodeAs, isMessageClass } from './type-spec.js';
export type {
  TypeSpec, PrimitiveSpec, ArraySpec, RecordSpec, ObjectSpec, OptionalSpec, FieldsSpec, MessageClass, Infer,
} from './type-spec.js';
export { MessageRegistry, MAX_TYPE_ID } from './registry.js';
export type { MessageRegistration } from './registry.js';
export type { StructuredMessage, StructuredOptions } from './message-codec.js';
export { StructuredStream, createStructuredStream, DEFAULT_MAX_MESSAGE_SIZE } from './structured-stream.js';
export type { StructuredStreamOptions, MessageStream } from './structured-stream.js';
export { StructuredDatagrams, createStructuredDatagrams } from './structured-datagrams.js';
export type { StructuredDatagramsOptions, StructuredDatagramStats } from './structured-datagrams.js';
export {
  STREAM_HEADER_SIZE, DATAGRAM_HEADER_SIZE, frameStreamMessage, parseStreamHeader, frameDatagram, datagramTypeId,
} from './framing.js';
// The error classes messaging throws, re-exported for convenience.
export { SerializationError, ProtocolError } from '../index.js';
