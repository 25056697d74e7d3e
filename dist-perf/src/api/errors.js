/**
 * Public error hierarchy (architecture §1.7, pywebtransport v0.5.1 `exceptions`).
 *
 * Every class has a stable string `code`, a numeric wire-level `errorCode` (pywebtransport's
 * `error_code`; an explicit 0 is kept, unlike 0.5.1), `details`, and standard `cause` chaining.
 * `instanceof` is answered by a `Symbol.for` brand rather than the prototype chain, so errors from
 * two copies of the package (dual ESM/CJS installs) still match (the undici pattern).
 *
 * Timeouts and cancellations normally reject with an AbortSignal's reason (a `DOMException` named
 * `TimeoutError`/`AbortError`); `isTimeoutError`/`isAbortError` recognise those and ours alike.
 */
import { ErrorCodes } from './constants.js';
const BRAND_PREFIX = 'tswebtransport.error.';
/** Gives a class its brand, `name` and brand-based `instanceof`. Subclasses inherit parent brands. */
function brand(ctor, name) {
    const symbol = Symbol.for(BRAND_PREFIX + ctor.code);
    Object.defineProperty(ctor.prototype, symbol, { value: true });
    Object.defineProperty(ctor.prototype, 'name', { value: name, writable: true, configurable: true });
    Object.defineProperty(ctor, Symbol.hasInstance, {
        value(value) {
            // A user subclass inherits this method: answer for it with the ordinary prototype check.
            if (this !== ctor)
                return Function.prototype[Symbol.hasInstance].call(this, value);
            return typeof value === 'object' && value !== null && value[symbol] === true;
        },
    });
}
function jsonValue(value) {
    if (typeof value === 'bigint')
        return value.toString();
    if (value instanceof Uint8Array)
        return { byteLength: value.byteLength };
    if (value instanceof Error)
        return { name: value.name, message: value.message };
    return value;
}
export class WebTransportError extends Error {
    static code = 'WT_ERR';
    static defaultErrorCode = ErrorCodes.INTERNAL_ERROR;
    /** Stable machine-readable identifier, e.g. `WT_ERR_STREAM_RESET`. */
    code;
    /** Wire-level code (pywebtransport `error_code`). */
    errorCode;
    details;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        const ctor = new.target;
        this.code = ctor.code;
        this.errorCode = options.errorCode ?? ctor.defaultErrorCode;
        this.details = options.details ?? {};
    }
    /** Plain JSON-safe view (pywebtransport `to_dict`); bigints become decimal strings. */
    toJSON() {
        const out = { name: this.name, message: this.message };
        for (const [key, value] of Object.entries(this))
            out[key] = jsonValue(value);
        if (this.cause !== undefined)
            out['cause'] = jsonValue(this.cause);
        return out;
    }
}
brand(WebTransportError, 'WebTransportError');
/** Invalid option, thrown synchronously when a config or options object is built. */
export class ConfigurationError extends WebTransportError {
    static code = 'WT_ERR_INVALID_OPTION';
    static defaultErrorCode = ErrorCodes.APP_INVALID_REQUEST;
    configKey;
    configValue;
    constructor(message, options = {}) {
        super(message, options);
        this.configKey = options.configKey;
        this.configValue = options.configValue;
    }
}
brand(ConfigurationError, 'ConfigurationError');
export class ConnectionError extends WebTransportError {
    static code = 'WT_ERR_CONNECTION';
    static defaultErrorCode = ErrorCodes.CONNECTION_REFUSED;
    remoteAddress;
    transportCode;
    applicationCode;
    reason;
    remote;
    constructor(message, options = {}) {
        super(message, options);
        this.remoteAddress = options.remoteAddress;
        this.transportCode = options.transportCode;
        this.applicationCode = options.applicationCode;
        this.reason = options.reason ?? '';
        this.remote = options.remote ?? false;
    }
}
brand(ConnectionError, 'ConnectionError');
export class HandshakeError extends ConnectionError {
    static code = 'WT_ERR_HANDSHAKE';
    static defaultErrorCode = ErrorCodes.INTERNAL_ERROR;
    handshakeStage;
    alert;
    constructor(message, options = {}) {
        super(message, options);
        this.handshakeStage = options.handshakeStage;
        this.alert = options.alert;
    }
}
brand(HandshakeError, 'HandshakeError');
export class CertificateError extends HandshakeError {
    static code = 'WT_ERR_CERTIFICATE';
    static defaultErrorCode = ErrorCodes.APP_AUTHENTICATION_FAILED;
    certificatePath;
    certificateError;
    constructor(message, options = {}) {
        super(message, options);
        this.certificatePath = options.certificatePath;
        this.certificateError = options.certificateError;
    }
}
brand(CertificateError, 'CertificateError');
/** The connection was silent for longer than the negotiated idle timeout. */
export class IdleTimeoutError extends ConnectionError {
    static code = 'WT_ERR_IDLE_TIMEOUT';
    static defaultErrorCode = ErrorCodes.APP_CONNECTION_TIMEOUT;
}
brand(IdleTimeoutError, 'IdleTimeoutError');
/** The peer answered with a stateless reset: it lost the connection state. */
export class StatelessResetError extends ConnectionError {
    static code = 'WT_ERR_STATELESS_RESET';
    static defaultErrorCode = ErrorCodes.NO_ERROR;
}
brand(StatelessResetError, 'StatelessResetError');
/** A client-side failure to reach a target (pywebtransport ClientError). */
export class ClientError extends ConnectionError {
    static code = 'WT_ERR_CLIENT';
    static defaultErrorCode = ErrorCodes.APP_INVALID_REQUEST;
    targetUrl;
    constructor(message, options = {}) {
        super(message, options);
        this.targetUrl = options.targetUrl;
    }
}
brand(ClientError, 'ClientError');
/** The server could not start or serve (pywebtransport ServerError). */
export class ServerError extends WebTransportError {
    static code = 'WT_ERR_SERVER';
    static defaultErrorCode = ErrorCodes.APP_SERVICE_UNAVAILABLE;
    bindAddress;
    constructor(message, options = {}) {
        super(message, options);
        this.bindAddress = options.bindAddress;
    }
}
brand(ServerError, 'ServerError');
export class SessionError extends WebTransportError {
    static code = 'WT_ERR_SESSION';
    static defaultErrorCode = ErrorCodes.INTERNAL_ERROR;
    sessionId;
    sessionState;
    closeCode;
    reason;
    remote;
    constructor(message, options = {}) {
        super(message, options);
        this.sessionId = options.sessionId;
        this.sessionState = options.sessionState;
        this.closeCode = options.closeCode;
        this.reason = options.reason ?? '';
        this.remote = options.remote ?? false;
    }
}
brand(SessionError, 'SessionError');
/** The server answered the CONNECT with a non-2xx status. */
export class SessionRejectedError extends SessionError {
    static code = 'WT_ERR_SESSION_REJECTED';
    static defaultErrorCode = ErrorCodes.H3_REQUEST_REJECTED;
    status;
    headers;
    constructor(message, options) {
        super(message, { ...options, remote: options.remote ?? true });
        this.status = options.status;
        this.headers = options.headers ?? {};
    }
}
brand(SessionRejectedError, 'SessionRejectedError');
/** An operation was attempted on (or interrupted by) a closed session. */
export class SessionClosedError extends SessionError {
    static code = 'WT_ERR_SESSION_CLOSED';
    static defaultErrorCode = ErrorCodes.NO_ERROR;
}
brand(SessionClosedError, 'SessionClosedError');
export class StreamError extends WebTransportError {
    static code = 'WT_ERR_STREAM';
    static defaultErrorCode = ErrorCodes.STREAM_STATE_ERROR;
    streamId;
    streamState;
    streamErrorCode;
    remote;
    constructor(message, options = {}) {
        super(message, options);
        this.streamId = options.streamId;
        this.streamState = options.streamState;
        this.streamErrorCode = options.streamErrorCode;
        this.remote = options.remote ?? false;
    }
}
brand(StreamError, 'StreamError');
/** The peer reset its sending side (RESET_STREAM / RESET_STREAM_AT). */
export class StreamResetError extends StreamError {
    static code = 'WT_ERR_STREAM_RESET';
    constructor(message, options = {}) {
        super(message, { ...options, remote: options.remote ?? true });
    }
}
brand(StreamResetError, 'StreamResetError');
/** The peer asked us to stop sending (STOP_SENDING). */
export class StreamStoppedError extends StreamError {
    static code = 'WT_ERR_STREAM_STOPPED';
    constructor(message, options = {}) {
        super(message, { ...options, remote: options.remote ?? true });
    }
}
brand(StreamStoppedError, 'StreamStoppedError');
/** The stream ended before `readExactly(n)` got n bytes (asyncio.IncompleteReadError). */
export class IncompleteReadError extends StreamError {
    static code = 'WT_ERR_INCOMPLETE_READ';
    /** The bytes that did arrive; they are consumed. */
    partial;
    expected;
    constructor(message, options) {
        super(message, options);
        this.partial = options.partial;
        this.expected = options.expected;
    }
}
brand(IncompleteReadError, 'IncompleteReadError');
/** A local limit would be exceeded (buffer cap, credit), e.g. a non-waiting write beyond the send buffer. */
export class FlowControlError extends WebTransportError {
    static code = 'WT_ERR_FLOW_CONTROL';
    static defaultErrorCode = ErrorCodes.FLOW_CONTROL_ERROR;
    streamId;
    limitExceeded;
    currentValue;
    constructor(message, options = {}) {
        super(message, options);
        this.streamId = options.streamId;
        this.limitExceeded = options.limitExceeded;
        this.currentValue = options.currentValue;
    }
}
brand(FlowControlError, 'FlowControlError');
export class DatagramError extends WebTransportError {
    static code = 'WT_ERR_DATAGRAM';
    static defaultErrorCode = ErrorCodes.INTERNAL_ERROR;
    datagramSize;
    maxSize;
    reason;
    constructor(message, options = {}) {
        super(message, options);
        this.datagramSize = options.datagramSize;
        this.maxSize = options.maxSize;
        this.reason = options.reason;
    }
}
brand(DatagramError, 'DatagramError');
/** The peer violated the protocol; `errorCode` is the wire code we closed with. */
export class ProtocolError extends WebTransportError {
    static code = 'WT_ERR_PROTOCOL';
    static defaultErrorCode = ErrorCodes.PROTOCOL_VIOLATION;
    frameType;
    layer;
    constructor(message, options = {}) {
        super(message, options);
        this.frameType = options.frameType;
        this.layer = options.layer;
    }
}
brand(ProtocolError, 'ProtocolError');
/** A message could not be encoded or decoded (the original error is the `cause`). */
export class SerializationError extends WebTransportError {
    static code = 'WT_ERR_SERIALIZATION';
    static defaultErrorCode = ErrorCodes.INTERNAL_ERROR;
}
brand(SerializationError, 'SerializationError');
/**
 * A library operation ran out of time (pywebtransport TimeoutError). Its `name` is
 * `'TimeoutError'`, the same as the DOMException of `AbortSignal.timeout()`.
 */
export class OperationTimeoutError extends WebTransportError {
    static code = 'WT_ERR_TIMEOUT';
    static defaultErrorCode = ErrorCodes.APP_CONNECTION_TIMEOUT;
    timeoutMs;
    operation;
    constructor(message, options = {}) {
        super(message, options);
        this.timeoutMs = options.timeoutMs;
        this.operation = options.operation;
    }
}
brand(OperationTimeoutError, 'TimeoutError');
/** Thrown by middleware to reject a session request with an HTTP status (default 403). */
export class MiddlewareRejectedError extends WebTransportError {
    static code = 'WT_ERR_MIDDLEWARE_REJECTED';
    static defaultErrorCode = ErrorCodes.APP_PERMISSION_DENIED;
    status;
    headers;
    constructor(message, options = {}) {
        super(message, options);
        this.status = options.status ?? 403;
        this.headers = options.headers ?? {};
    }
}
brand(MiddlewareRejectedError, 'MiddlewareRejectedError');
/** Authentication failed: a rejection with status 401 by default. */
export class AuthenticationError extends MiddlewareRejectedError {
    static code = 'WT_ERR_AUTHENTICATION';
    static defaultErrorCode = ErrorCodes.APP_AUTHENTICATION_FAILED;
    authMethod;
    constructor(message, options = {}) {
        super(message, { ...options, status: options.status ?? 401 });
        this.authMethod = options.authMethod;
    }
}
brand(AuthenticationError, 'AuthenticationError');
// ── Factories (pywebtransport helper functions) ──────────────────────────────────────────────
export function certificateNotFound({ path }) {
    return new CertificateError(`Certificate file not found: ${path}`, { certificatePath: path, certificateError: 'not-found' });
}
export function connectionTimeout({ timeoutMs, operation = 'connect' }) {
    return new OperationTimeoutError(`${operation} timed out after ${timeoutMs} ms`, { timeoutMs, operation });
}
export function datagramTooLarge({ size, maxSize }) {
    return new DatagramError(`Datagram of ${size} bytes exceeds the maximum of ${maxSize} bytes`, {
        datagramSize: size, maxSize, reason: 'too-large',
    });
}
export function invalidConfig({ key, value, reason, cause }) {
    return new ConfigurationError(`Invalid configuration for '${key}': ${reason}`, { configKey: key, configValue: value, cause });
}
export function protocolViolation({ message, frameType }) {
    return new ProtocolError(message, { frameType });
}
export function sessionNotReady({ sessionId, currentState }) {
    return new SessionError(`Session ${sessionId} is not ready (state: ${currentState})`, { sessionId, sessionState: currentState });
}
export function streamClosed({ streamId, reason = 'Stream was closed' }) {
    return new StreamError(`${reason} (stream ${streamId})`, { streamId });
}
// ── Predicates ───────────────────────────────────────────────────────────────────────────────
function errorName(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const name = error.name;
    return typeof name === 'string' ? name : undefined;
}
/** True for `AbortSignal.timeout()` reasons, OperationTimeoutError and IdleTimeoutError. */
export function isTimeoutError(error) {
    return errorName(error) === 'TimeoutError' || error instanceof IdleTimeoutError;
}
/** True for an aborted signal's default reason (DOMException `AbortError`) and Node's AbortError. */
export function isAbortError(error) {
    return errorName(error) === 'AbortError';
}
/** Most specific category first, so a CertificateError is 'certificate', not 'connection'. */
const CATEGORIES = [
    [AuthenticationError, 'authentication'],
    [MiddlewareRejectedError, 'middleware'],
    [CertificateError, 'certificate'],
    [HandshakeError, 'handshake'],
    [ClientError, 'client'],
    [IdleTimeoutError, 'timeout'],
    [ConnectionError, 'connection'],
    [ConfigurationError, 'configuration'],
    [DatagramError, 'datagram'],
    [FlowControlError, 'flowControl'],
    [ProtocolError, 'protocol'],
    [SerializationError, 'serialization'],
    [ServerError, 'server'],
    [SessionError, 'session'],
    [StreamError, 'stream'],
    [OperationTimeoutError, 'timeout'],
];
export function getErrorCategory(error) {
    for (const [ctor, category] of CATEGORIES) {
        if (error instanceof ctor)
            return category;
    }
    if (isTimeoutError(error))
        return 'timeout';
    if (isAbortError(error))
        return 'abort';
    return 'unknown';
}
const FATAL_CODES = new Set([
    ErrorCodes.PROTOCOL_VIOLATION,
    ErrorCodes.FRAME_ENCODING_ERROR,
    ErrorCodes.CRYPTO_BUFFER_EXCEEDED,
    ErrorCodes.APP_AUTHENTICATION_FAILED,
    ErrorCodes.APP_PERMISSION_DENIED,
]);
const RETRIABLE_CODES = new Set([
    ErrorCodes.APP_CONNECTION_TIMEOUT,
    ErrorCodes.APP_SERVICE_UNAVAILABLE,
    ErrorCodes.FLOW_CONTROL_ERROR,
]);
function wireCode(error) {
    return typeof error.errorCode === 'bigint' ? Number(error.errorCode) : error.errorCode;
}
/**
 * Whether retrying cannot help: foreign errors (bugs) and protocol/authentication failures.
 * Timeouts and cancellations are not fatal.
 */
export function isFatalError(error) {
    if (error instanceof WebTransportError)
        return FATAL_CODES.has(wireCode(error));
    return !isTimeoutError(error) && !isAbortError(error);
}
/** Whether the same operation may succeed later: timeouts, unavailable service, flow control. */
export function isRetriableError(error) {
    if (error instanceof WebTransportError)
        return RETRIABLE_CODES.has(wireCode(error));
    return isTimeoutError(error);
}
//# sourceMappingURL=errors.js.map