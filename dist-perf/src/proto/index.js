/**
 * "./protocol" entry (experimental): the sans-IO core. Everything here is synchronous and takes
 * time (`now`, integer microseconds), randomness and crypto as inputs.
 */
export { Endpoint } from './quic/endpoint/endpoint.js';
export { Connection } from './quic/connection/connection.js';
export { DEFAULT_TRANSPORT_CONFIG, resolveTransportConfig } from './quic/connection/config.js';
export { TransportError, TransportErrorCode } from './quic/errors.js';
export { TlsAlertError, AlertDescription } from './tls/alerts.js';
export { createTlsClient } from './tls/client.js';
export { createTlsServer } from './tls/server.js';
export { EncryptionLevel } from './tls/session.js';
//# sourceMappingURL=index.js.map