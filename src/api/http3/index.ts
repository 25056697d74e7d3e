/** HTTP/3 client and server over the package's own QUIC stack. */
export { Http3Client, type Http3ClientOptions, type Http3RequestOptions, type Http3Response } from './client.js';
export {
  Http3Server, type Http3RequestHandler, type Http3ServerOptions, type Http3ServerRequest, type Http3ServerResponse,
} from './server.js';
export { Http3ConnectionError, Http3StreamError } from './errors.js';
export { IncomingBody, type ReadAllOptions } from './incoming-body.js';
export { getHeader, type Header, type HeadersInit } from './headers.js';
