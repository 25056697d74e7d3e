/**
 * "./protocol" entry (experimental): the sans-IO core. Everything here is synchronous and takes
 * time (`now`, integer microseconds), randomness and crypto as inputs.
 */
export { Endpoint } from './quic/endpoint/endpoint.js';
export type { EndpointConfig, EndpointServerConfig, ServerTlsOptions, ClientConnectOptions, EndpointEvent, Transmit, SocketAddress, } from './quic/endpoint/endpoint.js';
export { Connection } from './quic/connection/connection.js';
export type { ConnectionState } from './quic/connection/connection.js';
export type { ConnectionEvent, CloseInfo, StreamDirection } from './quic/connection/events.js';
export { DEFAULT_TRANSPORT_CONFIG, resolveTransportConfig, type TransportConfig } from './quic/connection/config.js';
export type { ConnectionStats } from './quic/connection/stats.js';
export { TransportError, TransportErrorCode } from './quic/errors.js';
export { TlsAlertError, AlertDescription } from './tls/alerts.js';
export { createTlsClient, type TlsClientConfig } from './tls/client.js';
export { createTlsServer, type TlsServerConfig } from './tls/server.js';
export type { TlsSession, TlsEvent, SigningKey, CertificateVerifier, SessionTicket } from './tls/session.js';
export { EncryptionLevel } from './tls/session.js';
export type { CryptoProvider } from './crypto/provider.js';
export type { RandomSource } from './util/random.js';
export type { Micros } from './util/time.js';
