/**
 * "." entry of tswebtransport. Today: the raw-QUIC async API, TLS credentials and certificate
 * verification. The WebTransport client/server API is added here as it lands.
 */
export { QuicEndpoint } from './runtime/quic-endpoint.js';
export type { QuicListenOptions, QuicBindOptions, QuicDialOptions, QuicConnectOptions } from './runtime/quic-endpoint.js';
export { QuicConnection } from './runtime/quic-connection.js';
export { QuicStream } from './runtime/quic-stream.js';
export { QuicStreamError, QuicConnectionError, QuicDatagramError } from './runtime/errors.js';
export { loadCredentials, generateSelfSignedCertificate, certificateSha256 } from './api/tls-credentials.js';
export { createCertificateVerifier, NodeCertificateVerifier } from './crypto/node-cert-verifier.js';
export { CertificateHashVerifier } from './proto/tls/certificate-hash-verifier.js';
export { createSigningKey } from './crypto/node-signing-key.js';
export { createKeyLogWriter } from './runtime/keylog.js';
export type { CloseInfo } from './proto/quic/connection/events.js';
export type { TransportConfig } from './proto/quic/connection/config.js';
export type { CertificateVerifier, SigningKey, SessionTicket } from './proto/tls/session.js';
export {
  Http3Client, Http3Server, Http3ConnectionError, Http3StreamError, IncomingBody, getHeader,
  type Http3ClientOptions, type Http3RequestOptions, type Http3Response, type Http3RequestHandler,
  type Http3ServerOptions, type Http3ServerRequest, type Http3ServerResponse, type Header, type HeadersInit,
} from './api/http3/index.js';
