/** QPACK (RFC 9204) for the HTTP/3 layer: what src/proto/h3 needs, in one import. */
export { QpackDecoder, type DecodeResult, type Header, type QpackDecoderOptions } from './decoder.js';
export { QpackEncoder, type HeaderLine, type QpackEncoderOptions, type QpackPeerSettings } from './encoder.js';
export { QpackError, QpackErrorCode } from './errors.js';
