export interface WebTransportErrorOptions {
    cause?: unknown;
    /** Wire-level code (QUIC/H3/application); each class has a default. */
    errorCode?: number | bigint;
    details?: Record<string, unknown>;
}
export declare class WebTransportError extends Error {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    /** Stable machine-readable identifier, e.g. `WT_ERR_STREAM_RESET`. */
    readonly code: string;
    /** Wire-level code (pywebtransport `error_code`). */
    readonly errorCode: number | bigint;
    readonly details: Readonly<Record<string, unknown>>;
    constructor(message: string, options?: WebTransportErrorOptions);
    /** Plain JSON-safe view (pywebtransport `to_dict`); bigints become decimal strings. */
    toJSON(): Record<string, unknown>;
}
export interface ConfigurationErrorOptions extends WebTransportErrorOptions {
    configKey?: string;
    configValue?: unknown;
}
/** Invalid option, thrown synchronously when a config or options object is built. */
export declare class ConfigurationError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly configKey: string | undefined;
    readonly configValue: unknown;
    constructor(message: string, options?: ConfigurationErrorOptions);
}
export interface ConnectionErrorOptions extends WebTransportErrorOptions {
    remoteAddress?: {
        address: string;
        port: number;
    };
    /** QUIC transport error code of the CONNECTION_CLOSE, when there was one. */
    transportCode?: bigint;
    /** Application error code of the CONNECTION_CLOSE, when there was one. */
    applicationCode?: bigint;
    reason?: string;
    /** True when the peer closed. */
    remote?: boolean;
}
export declare class ConnectionError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly remoteAddress: {
        address: string;
        port: number;
    } | undefined;
    readonly transportCode: bigint | undefined;
    readonly applicationCode: bigint | undefined;
    readonly reason: string;
    readonly remote: boolean;
    constructor(message: string, options?: ConnectionErrorOptions);
}
export interface HandshakeErrorOptions extends ConnectionErrorOptions {
    handshakeStage?: string;
    /** TLS alert number, when the handshake failed with one. */
    alert?: number;
}
export declare class HandshakeError extends ConnectionError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly handshakeStage: string | undefined;
    readonly alert: number | undefined;
    constructor(message: string, options?: HandshakeErrorOptions);
}
export type CertificateFailure = 'expired' | 'hostname' | 'untrusted' | 'hash-mismatch' | 'not-found' | 'invalid';
export interface CertificateErrorOptions extends HandshakeErrorOptions {
    certificatePath?: string;
    /** Why the certificate was refused. */
    certificateError?: CertificateFailure;
}
export declare class CertificateError extends HandshakeError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly certificatePath: string | undefined;
    readonly certificateError: CertificateFailure | undefined;
    constructor(message: string, options?: CertificateErrorOptions);
}
/** The connection was silent for longer than the negotiated idle timeout. */
export declare class IdleTimeoutError extends ConnectionError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
}
/** The peer answered with a stateless reset: it lost the connection state. */
export declare class StatelessResetError extends ConnectionError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
}
export interface ClientErrorOptions extends ConnectionErrorOptions {
    targetUrl?: string;
}
/** A client-side failure to reach a target (pywebtransport ClientError). */
export declare class ClientError extends ConnectionError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly targetUrl: string | undefined;
    constructor(message: string, options?: ClientErrorOptions);
}
export interface ServerErrorOptions extends WebTransportErrorOptions {
    bindAddress?: {
        host: string;
        port: number;
    };
}
/** The server could not start or serve (pywebtransport ServerError). */
export declare class ServerError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly bindAddress: {
        host: string;
        port: number;
    } | undefined;
    constructor(message: string, options?: ServerErrorOptions);
}
export interface SessionErrorOptions extends WebTransportErrorOptions {
    /** Wire session id (the CONNECT stream id). */
    sessionId?: number | string;
    sessionState?: string;
    closeCode?: number;
    reason?: string;
    remote?: boolean;
}
export declare class SessionError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly sessionId: number | string | undefined;
    readonly sessionState: string | undefined;
    readonly closeCode: number | undefined;
    readonly reason: string;
    readonly remote: boolean;
    constructor(message: string, options?: SessionErrorOptions);
}
export interface SessionRejectedErrorOptions extends SessionErrorOptions {
    status: number;
    headers?: Record<string, string>;
}
/** The server answered the CONNECT with a non-2xx status. */
export declare class SessionRejectedError extends SessionError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    constructor(message: string, options: SessionRejectedErrorOptions);
}
/** An operation was attempted on (or interrupted by) a closed session. */
export declare class SessionClosedError extends SessionError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
}
export interface StreamErrorOptions extends WebTransportErrorOptions {
    streamId?: number;
    streamState?: string;
    /** Application error code carried by RESET_STREAM / STOP_SENDING. */
    streamErrorCode?: number | bigint;
    remote?: boolean;
}
export declare class StreamError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly streamId: number | undefined;
    readonly streamState: string | undefined;
    readonly streamErrorCode: number | bigint | undefined;
    readonly remote: boolean;
    constructor(message: string, options?: StreamErrorOptions);
}
/** The peer reset its sending side (RESET_STREAM / RESET_STREAM_AT). */
export declare class StreamResetError extends StreamError {
    static readonly code: string;
    constructor(message: string, options?: StreamErrorOptions);
}
/** The peer asked us to stop sending (STOP_SENDING). */
export declare class StreamStoppedError extends StreamError {
    static readonly code: string;
    constructor(message: string, options?: StreamErrorOptions);
}
export interface IncompleteReadErrorOptions extends StreamErrorOptions {
    partial: Uint8Array;
    expected: number;
}
/** The stream ended before `readExactly(n)` got n bytes (asyncio.IncompleteReadError). */
export declare class IncompleteReadError extends StreamError {
    static readonly code: string;
    /** The bytes that did arrive; they are consumed. */
    readonly partial: Uint8Array;
    readonly expected: number;
    constructor(message: string, options: IncompleteReadErrorOptions);
}
export interface FlowControlErrorOptions extends WebTransportErrorOptions {
    streamId?: number;
    limitExceeded?: number;
    currentValue?: number;
}
/** A local limit would be exceeded (buffer cap, credit), e.g. a non-waiting write beyond the send buffer. */
export declare class FlowControlError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly streamId: number | undefined;
    readonly limitExceeded: number | undefined;
    readonly currentValue: number | undefined;
    constructor(message: string, options?: FlowControlErrorOptions);
}
export type DatagramFailure = 'too-large' | 'unsupported' | 'closed';
export interface DatagramErrorOptions extends WebTransportErrorOptions {
    datagramSize?: number;
    maxSize?: number;
    reason?: DatagramFailure;
}
export declare class DatagramError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly datagramSize: number | undefined;
    readonly maxSize: number | undefined;
    readonly reason: DatagramFailure | undefined;
    constructor(message: string, options?: DatagramErrorOptions);
}
export interface ProtocolErrorOptions extends WebTransportErrorOptions {
    frameType?: number | bigint;
    /** Which layer the peer violated. */
    layer?: 'quic' | 'h3' | 'wt';
}
/** The peer violated the protocol; `errorCode` is the wire code we closed with. */
export declare class ProtocolError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly frameType: number | bigint | undefined;
    readonly layer: 'quic' | 'h3' | 'wt' | undefined;
    constructor(message: string, options?: ProtocolErrorOptions);
}
/** A message could not be encoded or decoded (the original error is the `cause`). */
export declare class SerializationError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
}
export interface OperationTimeoutErrorOptions extends WebTransportErrorOptions {
    timeoutMs?: number;
    operation?: string;
}
/**
 * A library operation ran out of time (pywebtransport TimeoutError). Its `name` is
 * `'TimeoutError'`, the same as the DOMException of `AbortSignal.timeout()`.
 */
export declare class OperationTimeoutError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly timeoutMs: number | undefined;
    readonly operation: string | undefined;
    constructor(message: string, options?: OperationTimeoutErrorOptions);
}
export interface MiddlewareRejectedErrorOptions extends WebTransportErrorOptions {
    status?: number;
    headers?: Record<string, string>;
}
/** Thrown by middleware to reject a session request with an HTTP status (default 403). */
export declare class MiddlewareRejectedError extends WebTransportError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    constructor(message: string, options?: MiddlewareRejectedErrorOptions);
}
export interface AuthenticationErrorOptions extends MiddlewareRejectedErrorOptions {
    authMethod?: string;
}
/** Authentication failed: a rejection with status 401 by default. */
export declare class AuthenticationError extends MiddlewareRejectedError {
    static readonly code: string;
    static readonly defaultErrorCode: number;
    readonly authMethod: string | undefined;
    constructor(message: string, options?: AuthenticationErrorOptions);
}
export declare function certificateNotFound({ path }: {
    path: string;
}): CertificateError;
export declare function connectionTimeout({ timeoutMs, operation }: {
    timeoutMs: number;
    operation?: string;
}): OperationTimeoutError;
export declare function datagramTooLarge({ size, maxSize }: {
    size: number;
    maxSize: number;
}): DatagramError;
export declare function invalidConfig({ key, value, reason, cause }: {
    key: string;
    value: unknown;
    reason: string;
    cause?: unknown;
}): ConfigurationError;
export declare function protocolViolation({ message, frameType }: {
    message: string;
    frameType?: number | bigint;
}): ProtocolError;
export declare function sessionNotReady({ sessionId, currentState }: {
    sessionId: number | string;
    currentState: string;
}): SessionError;
export declare function streamClosed({ streamId, reason }: {
    streamId: number;
    reason?: string;
}): StreamError;
/** True for `AbortSignal.timeout()` reasons, OperationTimeoutError and IdleTimeoutError. */
export declare function isTimeoutError(error: unknown): boolean;
/** True for an aborted signal's default reason (DOMException `AbortError`) and Node's AbortError. */
export declare function isAbortError(error: unknown): boolean;
export type ErrorCategory = 'authentication' | 'certificate' | 'client' | 'configuration' | 'connection' | 'datagram' | 'flowControl' | 'handshake' | 'middleware' | 'protocol' | 'serialization' | 'server' | 'session' | 'stream' | 'timeout' | 'abort' | 'unknown';
export declare function getErrorCategory(error: unknown): ErrorCategory;
/**
 * Whether retrying cannot help: foreign errors (bugs) and protocol/authentication failures.
 * Timeouts and cancellations are not fatal.
 */
export declare function isFatalError(error: unknown): boolean;
/** Whether the same operation may succeed later: timeouts, unavailable service, flow control. */
export declare function isRetriableError(error: unknown): boolean;
