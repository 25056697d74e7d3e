/**
 * Function forms of the session factories, kept for code written before they became
 * WebTransportSession methods (pywebtransport `session.create_structured_stream` /
 * `create_structured_datagram_stream`).
 */
import type {
  CreateStructuredStreamOptions, StructuredDatagrams, StructuredDatagramsOptions, StructuredStream, WebTransportSession,
} from '../index.js';

/** `session.createStructuredStream(options)`. */
export function createStructuredStream<K>(session: WebTransportSession, options: CreateStructuredStreamOptions<K>): Promise<StructuredStream<K>> {
  return session.createStructuredStream(options);
}

/** `session.createStructuredDatagrams(options)`. */
export function createStructuredDatagrams<K>(session: WebTransportSession, options: StructuredDatagramsOptions<K>): StructuredDatagrams<K> {
  return session.createStructuredDatagrams(options);
}
