/**
 * Public constants of the async API: defaults and limits of pywebtransport v0.5.1, with
 * durations converted to milliseconds (`…_MS`) and sizes in bytes. Wire codepoints live in
 * src/proto; only what a user configures, compares or reads in an error is here.
 */
import { H3ErrorCode } from '../proto/h3/errors.js';
import { TransportErrorCode } from '../proto/quic/errors.js';

export const LIBRARY_NAME = 'tswebtransport';
export const LIBRARY_VERSION = '0.1.0';

// ── Identifiers ──────────────────────────────────────────────────────────────────────────────
export const ALPN_H3 = 'h3';
export const ALPN_H3_29 = 'h3-29';
export const ALPN_H3_32 = 'h3-32';
/** pywebtransport offered `h3` and `h3-29`; QUIC v1 peers pick `h3`. */
export const DEFAULT_ALPN_PROTOCOLS: readonly string[] = Object.freeze([ALPN_H3, ALPN_H3_29]);
export const ORIGIN_HEADER = 'origin';
export const USER_AGENT_HEADER = 'user-agent';
export const DEFAULT_USER_AGENT = `${LIBRARY_NAME}/${LIBRARY_VERSION}`;
/** URL schemes accepted for a WebTransport target. */
export const WEBTRANSPORT_SCHEMES: readonly string[] = Object.freeze(['https', 'wss']);
export const SECURE_SCHEMES = WEBTRANSPORT_SCHEMES;
export const WEBTRANSPORT_MIME_TYPE = 'application/webtransport';
export const DEFAULT_WEBTRANSPORT_PATH = '/webtransport';

// ── Ports and hosts ──────────────────────────────────────────────────────────────────────────
export const DEFAULT_PORT = 80;
export const DEFAULT_SECURE_PORT = 443;
export const DEFAULT_DEV_PORT = 4433;
export const DEFAULT_BIND_HOST = 'localhost';

// ── Limits ───────────────────────────────────────────────────────────────────────────────────
/** Largest datagram payload a config may ask for (the QUIC max_datagram_frame_size cap we use). */
export const MAX_DATAGRAM_SIZE = 65_535;
/** QUIC stream ids are 62-bit varints; ids above 2^53 are unreachable, this is the wire bound. */
export const MAX_STREAM_ID = 2n ** 62n - 1n;
export const MAX_BUFFER_SIZE = 1_048_576;
export const RECOMMENDED_BUFFER_SIZES = Object.freeze({ small: 8_192, medium: 65_536, large: 262_144 } as const);
/** Chunk size of read iteration, writeAll and copyStreamData. */
export const DEFAULT_CHUNK_SIZE = 8_192;
/** Code a stream helper resets a destination with when copying fails (pywebtransport used 1). */
export const COPY_FAILURE_ABORT_CODE = 1;

// ── Library defaults (pywebtransport DEFAULT_*, durations in ms) ─────────────────────────────
export const DEFAULT_ACCESS_LOG = true;
export const DEFAULT_AUTO_RECONNECT = false;
export const DEFAULT_BUFFER_SIZE = 65_536;
export const DEFAULT_CLIENT_MAX_CONNECTIONS = 100;
export const DEFAULT_SERVER_MAX_CONNECTIONS = 3_000;
export const DEFAULT_CLOSE_TIMEOUT_MS = 5_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONGESTION_CONTROL_ALGORITHM = 'cubic';
export const SUPPORTED_CONGESTION_CONTROL_ALGORITHMS = Object.freeze(['reno', 'cubic'] as const);
export const DEFAULT_CONNECTION_CLEANUP_INTERVAL_MS = 30_000;
export const DEFAULT_CONNECTION_IDLE_CHECK_INTERVAL_MS = 5_000;
export const DEFAULT_CONNECTION_IDLE_TIMEOUT_MS = 60_000;
export const DEFAULT_CONNECTION_KEEPALIVE_TIMEOUT_MS = 30_000;
export const DEFAULT_DEBUG = false;
export const DEFAULT_KEEP_ALIVE = true;
export const DEFAULT_LOG_LEVEL = 'INFO';
export const LOG_LEVELS = Object.freeze(['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const);
export const DEFAULT_MAX_DATAGRAM_SIZE = 65_535;
export const DEFAULT_MAX_INCOMING_STREAMS = 100;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;
export const DEFAULT_MAX_SESSIONS = 10_000;
export const DEFAULT_MAX_STREAMS = 100;
export const DEFAULT_MAX_STREAMS_PER_CONNECTION = 100;
export const DEFAULT_MAX_STREAM_BUFFER_SIZE = MAX_BUFFER_SIZE;
export const DEFAULT_READ_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRY_BACKOFF = 2.0;
export const DEFAULT_RETRY_DELAY_MS = 1_000;
export const DEFAULT_SESSION_CLEANUP_INTERVAL_MS = 60_000;
export const DEFAULT_STREAM_CLEANUP_INTERVAL_MS = 15_000;
export const DEFAULT_STREAM_CREATION_TIMEOUT_MS = 10_000;
export const DEFAULT_WRITE_TIMEOUT_MS = 30_000;
export const DEFAULT_CLIENT_VERIFY_MODE = 'CERT_REQUIRED';
export const DEFAULT_SERVER_VERIFY_MODE = 'CERT_NONE';

// ── States (pywebtransport StrEnums; values in lower camelCase like every union here) ────────
export const ConnectionState = Object.freeze({
  IDLE: 'idle',
  CONNECTING: 'connecting',
  CONNECTED: 'connected',
  CLOSING: 'closing',
  CLOSED: 'closed',
  FAILED: 'failed',
  DRAINING: 'draining',
} as const);
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];

export const SessionState = Object.freeze({
  CONNECTING: 'connecting',
  CONNECTED: 'connected',
  CLOSING: 'closing',
  DRAINING: 'draining',
  CLOSED: 'closed',
} as const);
export type SessionState = (typeof SessionState)[keyof typeof SessionState];

export const StreamDirection = Object.freeze({
  BIDIRECTIONAL: 'bidirectional',
  SEND_ONLY: 'sendOnly',
  RECEIVE_ONLY: 'receiveOnly',
} as const);
export type StreamDirection = (typeof StreamDirection)[keyof typeof StreamDirection];

export const StreamState = Object.freeze({
  IDLE: 'idle',
  OPEN: 'open',
  HALF_CLOSED_LOCAL: 'halfClosedLocal',
  HALF_CLOSED_REMOTE: 'halfClosedRemote',
  CLOSED: 'closed',
  RESET_SENT: 'resetSent',
  RESET_RECEIVED: 'resetReceived',
} as const);
export type StreamState = (typeof StreamState)[keyof typeof StreamState];

// ── Error codes (pywebtransport ErrorCodes; all below 2^53 so plain numbers) ─────────────────
/** The QUIC transport codes (RFC 9000 §20.1) without the CRYPTO_ERROR range base. */
const { CRYPTO_ERROR_BASE: _cryptoErrorBase, ...QUIC_TRANSPORT_CODES } = TransportErrorCode;

export const ErrorCodes = Object.freeze({
  ...QUIC_TRANSPORT_CODES,
  // HTTP/3 (RFC 9114 §8.1), QPACK (RFC 9204 §6), HTTP datagrams (RFC 9297 §5.2)
  ...H3ErrorCode,
  // Library application codes
  APP_CONNECTION_TIMEOUT: 0x1000,
  APP_AUTHENTICATION_FAILED: 0x1001,
  APP_PERMISSION_DENIED: 0x1002,
  APP_RESOURCE_EXHAUSTED: 0x1003,
  APP_INVALID_REQUEST: 0x1004,
  APP_SERVICE_UNAVAILABLE: 0x1005,
} as const);
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];
