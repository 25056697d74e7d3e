/**
 * Typed messages over WebTransport streams and datagrams (pywebtransport StructuredStream /
 * StructuredDatagramStream): the wire framing, the type-id registry and the two wrappers that
 * `WebTransportSession.createStructuredStream` / `createStructuredDatagrams` return. Serializers
 * are passed in; the codecs ship in the toolkit (`tswebtransport/serializers/*`), and
 * `tswebtransport/messaging` re-exports all of this with its TypeSpec helpers.
 */
export type { Serializer } from './serializer.js';
export { MessageRegistry, MAX_TYPE_ID } from './registry.js';
export type { MessageRegistration } from './registry.js';
export type { StructuredMessage, StructuredOptions } from './message-codec.js';
export { StructuredStream, DEFAULT_MAX_MESSAGE_SIZE } from './structured-stream.js';
export type { StructuredStreamOptions, CreateStructuredStreamOptions, MessageStream } from './structured-stream.js';
export { StructuredDatagrams } from './structured-datagrams.js';
export type { StructuredDatagramsOptions, StructuredDatagramStats } from './structured-datagrams.js';
export {
  STREAM_HEADER_SIZE, DATAGRAM_HEADER_SIZE, MAX_FRAMED_PAYLOAD, frameStreamMessage, parseStreamHeader, frameDatagram, datagramTypeId,
} from './framing.js';
