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
// WebTransport API (client, server, sessions, streams, datagrams).
export { WebTransportClient, connect } from './api/client.js';
export type { WebTransportClientOptions, WebTransportConnectOptions, ServerCertificateHash } from './api/client.js';
export { WebTransportServer } from './api/server.js';
export type { WebTransportServerOptions, ServerCloseOptions } from './api/server.js';
export { SessionRequest } from './api/session-request.js';
export type { AcceptOptions, ResponseHeaders } from './api/session-request.js';
export { WebTransportSession } from './api/session.js';
export type { SessionCloseInfo, CreateStreamOptions, IncomingStream } from './api/session.js';
export { WebTransportStream } from './api/bidirectional-stream.js';
export { WebTransportSendStream } from './api/send-stream.js';
export type { StreamData, WriteOptions } from './api/send-stream.js';
export { WebTransportReceiveStream } from './api/receive-stream.js';
export type { ReadOptions, ReadAllOptions } from './api/receive-stream.js';
export type { DiagnoseOptions, MonitorHealthOptions } from './api/streams.js';
export { DatagramChannel } from './api/datagrams.js';
export type { DatagramStatsSnapshot } from './api/datagrams.js';
export * from './api/structured/index.js';
// Configuration, errors and stream helpers (pywebtransport parity).
export { ClientConfig, ServerConfig, VerifyMode } from './api/config.js';
export type { ClientConfigOptions, ServerConfigOptions } from './api/config.js';
export * from './api/errors.js';
export { StreamBuffer } from './api/stream-buffer.js';
export { StreamStats } from './api/stream-stats.js';
export { copyStreamData, echoStream } from './api/stream-utils.js';
// Toolkit conveniences: fluent config builder and an application-wide event bus.
export { ConfigBuilder } from './api/config-builder.js';
export type { ConfigKind, ConfigFor, OptionsFor, PerformanceOptions, SecurityOptions, TimeoutOptions } from './api/config-builder.js';
export { EventBus } from './api/event-bus.js';
export type { SubscribeOptions, EventSource } from './api/event-bus.js';
export {
  EventEmitter, EventType, createEvent, isConnectionEvent, isSessionEvent, isStreamEvent, isDatagramEvent, isErrorEvent,
} from './api/events.js';
export type {
  EventPayloads, EventHandler, EventEmitterOptions, EventEmitterStats, WebTransportEvent, AnyWebTransportEvent,
  ClientEventMap, ServerEventMap, SessionEventMap, StreamEventMap, CreateEventOptions, RemoteAddress,
} from './api/events.js';
export * from './api/constants.js';
// CONNECT-UDP proxying (RFC 9298): the client's `proxy` option; the proxy server is in ./proxy.
export type { ProxyOptions } from './api/proxy/connect-udp-client.js';
export { ProxyError, ProxyConnectError, ProxyProtocolError } from './api/proxy/errors.js';
