/** QPACK (RFC 9204) for the HTTP/3 layer: what src/proto/h3 needs, in one import. */
export { QpackDecoder } from './decoder.js';
export { QpackEncoder } from './encoder.js';
export { QpackError, QpackErrorCode } from './errors.js';
//# sourceMappingURL=index.js.map