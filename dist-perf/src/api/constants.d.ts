/**
 * Public constants of the async API: defaults and limits of pywebtransport v0.5.1, with
 * durations converted to milliseconds (`…_MS`) and sizes in bytes. Wire codepoints live in
 * src/proto; only what a user configures, compares or reads in an error is here.
 */
export declare const LIBRARY_NAME = "tswebtransport";
export declare const LIBRARY_VERSION = "0.1.0";
export declare const ALPN_H3 = "h3";
export declare const ALPN_H3_29 = "h3-29";
export declare const ALPN_H3_32 = "h3-32";
/** pywebtransport offered `h3` and `h3-29`; QUIC v1 peers pick `h3`. */
export declare const DEFAULT_ALPN_PROTOCOLS: readonly string[];
export declare const ORIGIN_HEADER = "origin";
export declare const USER_AGENT_HEADER = "user-agent";
export declare const DEFAULT_USER_AGENT = "tswebtransport/0.1.0";
/** URL schemes accepted for a WebTransport target. */
export declare const WEBTRANSPORT_SCHEMES: readonly string[];
export declare const SECURE_SCHEMES: readonly string[];
export declare const WEBTRANSPORT_MIME_TYPE = "application/webtransport";
export declare const DEFAULT_WEBTRANSPORT_PATH = "/webtransport";
export declare const DEFAULT_PORT = 80;
export declare const DEFAULT_SECURE_PORT = 443;
export declare const DEFAULT_DEV_PORT = 4433;
export declare const DEFAULT_BIND_HOST = "localhost";
/** Largest datagram payload a config may ask for (the QUIC max_datagram_frame_size cap we use). */
export declare const MAX_DATAGRAM_SIZE = 65535;
/** QUIC stream ids are 62-bit varints; ids above 2^53 are unreachable, this is the wire bound. */
export declare const MAX_STREAM_ID: bigint;
export declare const MAX_BUFFER_SIZE = 1048576;
export declare const RECOMMENDED_BUFFER_SIZES: Readonly<{
    readonly small: 8192;
    readonly medium: 65536;
    readonly large: 262144;
}>;
/** Chunk size of read iteration, writeAll and copyStreamData. */
export declare const DEFAULT_CHUNK_SIZE = 8192;
/** Code a stream helper resets a destination with when copying fails (pywebtransport used 1). */
export declare const COPY_FAILURE_ABORT_CODE = 1;
export declare const DEFAULT_ACCESS_LOG = true;
export declare const DEFAULT_AUTO_RECONNECT = false;
export declare const DEFAULT_BUFFER_SIZE = 65536;
export declare const DEFAULT_CLIENT_MAX_CONNECTIONS = 100;
export declare const DEFAULT_SERVER_MAX_CONNECTIONS = 3000;
export declare const DEFAULT_CLOSE_TIMEOUT_MS = 5000;
export declare const DEFAULT_CONNECT_TIMEOUT_MS = 30000;
export declare const DEFAULT_CONGESTION_CONTROL_ALGORITHM = "cubic";
export declare const SUPPORTED_CONGESTION_CONTROL_ALGORITHMS: readonly ["reno", "cubic"];
export declare const DEFAULT_CONNECTION_CLEANUP_INTERVAL_MS = 30000;
export declare const DEFAULT_CONNECTION_IDLE_CHECK_INTERVAL_MS = 5000;
export declare const DEFAULT_CONNECTION_IDLE_TIMEOUT_MS = 60000;
export declare const DEFAULT_CONNECTION_KEEPALIVE_TIMEOUT_MS = 30000;
export declare const DEFAULT_DEBUG = false;
export declare const DEFAULT_KEEP_ALIVE = true;
export declare const DEFAULT_LOG_LEVEL = "INFO";
export declare const LOG_LEVELS: readonly ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];
export declare const DEFAULT_MAX_DATAGRAM_SIZE = 65535;
export declare const DEFAULT_MAX_INCOMING_STREAMS = 100;
export declare const DEFAULT_MAX_RETRIES = 3;
export declare const DEFAULT_MAX_RETRY_DELAY_MS = 30000;
export declare const DEFAULT_MAX_SESSIONS = 10000;
export declare const DEFAULT_MAX_STREAMS = 100;
export declare const DEFAULT_MAX_STREAMS_PER_CONNECTION = 100;
export declare const DEFAULT_MAX_STREAM_BUFFER_SIZE = 1048576;
export declare const DEFAULT_READ_TIMEOUT_MS = 60000;
export declare const DEFAULT_RETRY_BACKOFF = 2;
export declare const DEFAULT_RETRY_DELAY_MS = 1000;
export declare const DEFAULT_SESSION_CLEANUP_INTERVAL_MS = 60000;
export declare const DEFAULT_STREAM_CLEANUP_INTERVAL_MS = 15000;
export declare const DEFAULT_STREAM_CREATION_TIMEOUT_MS = 10000;
export declare const DEFAULT_WRITE_TIMEOUT_MS = 30000;
export declare const DEFAULT_CLIENT_VERIFY_MODE = "CERT_REQUIRED";
export declare const DEFAULT_SERVER_VERIFY_MODE = "CERT_NONE";
export declare const ConnectionState: Readonly<{
    readonly IDLE: "idle";
    readonly CONNECTING: "connecting";
    readonly CONNECTED: "connected";
    readonly CLOSING: "closing";
    readonly CLOSED: "closed";
    readonly FAILED: "failed";
    readonly DRAINING: "draining";
}>;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];
export declare const SessionState: Readonly<{
    readonly CONNECTING: "connecting";
    readonly CONNECTED: "connected";
    readonly CLOSING: "closing";
    readonly DRAINING: "draining";
    readonly CLOSED: "closed";
}>;
export type SessionState = (typeof SessionState)[keyof typeof SessionState];
export declare const StreamDirection: Readonly<{
    readonly BIDIRECTIONAL: "bidirectional";
    readonly SEND_ONLY: "sendOnly";
    readonly RECEIVE_ONLY: "receiveOnly";
}>;
export type StreamDirection = (typeof StreamDirection)[keyof typeof StreamDirection];
export declare const StreamState: Readonly<{
    readonly IDLE: "idle";
    readonly OPEN: "open";
    readonly HALF_CLOSED_LOCAL: "halfClosedLocal";
    readonly HALF_CLOSED_REMOTE: "halfClosedRemote";
    readonly CLOSED: "closed";
    readonly RESET_SENT: "resetSent";
    readonly RESET_RECEIVED: "resetReceived";
}>;
export type StreamState = (typeof StreamState)[keyof typeof StreamState];
export declare const ErrorCodes: Readonly<{
    readonly NO_ERROR: 0;
    readonly INTERNAL_ERROR: 1;
    readonly CONNECTION_REFUSED: 2;
    readonly FLOW_CONTROL_ERROR: 3;
    readonly STREAM_LIMIT_ERROR: 4;
    readonly STREAM_STATE_ERROR: 5;
    readonly FINAL_SIZE_ERROR: 6;
    readonly FRAME_ENCODING_ERROR: 7;
    readonly TRANSPORT_PARAMETER_ERROR: 8;
    readonly CONNECTION_ID_LIMIT_ERROR: 9;
    readonly PROTOCOL_VIOLATION: 10;
    readonly INVALID_TOKEN: 11;
    readonly APPLICATION_ERROR: 12;
    readonly CRYPTO_BUFFER_EXCEEDED: 13;
    readonly KEY_UPDATE_ERROR: 14;
    readonly AEAD_LIMIT_REACHED: 15;
    readonly NO_VIABLE_PATH: 16;
    readonly H3_DATAGRAM_ERROR: 51;
    readonly H3_NO_ERROR: 256;
    readonly H3_GENERAL_PROTOCOL_ERROR: 257;
    readonly H3_INTERNAL_ERROR: 258;
    readonly H3_STREAM_CREATION_ERROR: 259;
    readonly H3_CLOSED_CRITICAL_STREAM: 260;
    readonly H3_FRAME_UNEXPECTED: 261;
    readonly H3_FRAME_ERROR: 262;
    readonly H3_EXCESSIVE_LOAD: 263;
    readonly H3_ID_ERROR: 264;
    readonly H3_SETTINGS_ERROR: 265;
    readonly H3_MISSING_SETTINGS: 266;
    readonly H3_REQUEST_REJECTED: 267;
    readonly H3_REQUEST_CANCELLED: 268;
    readonly H3_REQUEST_INCOMPLETE: 269;
    readonly H3_MESSAGE_ERROR: 270;
    readonly H3_CONNECT_ERROR: 271;
    readonly H3_VERSION_FALLBACK: 272;
    readonly QPACK_DECOMPRESSION_FAILED: 512;
    readonly QPACK_ENCODER_STREAM_ERROR: 513;
    readonly QPACK_DECODER_STREAM_ERROR: 514;
    readonly APP_CONNECTION_TIMEOUT: 4096;
    readonly APP_AUTHENTICATION_FAILED: 4097;
    readonly APP_PERMISSION_DENIED: 4098;
    readonly APP_RESOURCE_EXHAUSTED: 4099;
    readonly APP_INVALID_REQUEST: 4100;
    readonly APP_SERVICE_UNAVAILABLE: 4101;
}>;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];
