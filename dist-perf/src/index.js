/**
 * "." entry of tswebtransport. Today: the raw-QUIC async API, TLS credentials and certificate
 * verification. The WebTransport client/server API is added here as it lands.
 */
export { QuicEndpoint } from './runtime/quic-endpoint.js';
export { QuicConnection } from './runtime/quic-connection.js';
export { QuicStream } from './runtime/quic-stream.js';
export { QuicStreamError, QuicConnectionError, QuicDatagramError } from './runtime/errors.js';
export { loadCredentials, generateSelfSignedCertificate, certificateSha256 } from './api/tls-credentials.js';
export { createCertificateVerifier, NodeCertificateVerifier } from './crypto/node-cert-verifier.js';
export { CertificateHashVerifier } from './proto/tls/certificate-hash-verifier.js';
export { createSigningKey } from './crypto/node-signing-key.js';
export { createKeyLogWriter } from './runtime/keylog.js';
//# sourceMappingURL=index.js.map