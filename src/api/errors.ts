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

export interface WebTransportErrorOptions {
  cause?: unknown;
  /** Wire-level code (QUIC/H3/application); each class has a default. */
  errorCode?: number | bigint;
  details?: Record<string, unknown>;
}

type BrandedClass = { readonly code: string; readonly defaultErrorCode: number; readonly prototype: object };

/** Gives a class its brand, `name` and brand-based `instanceof`. Subclasses inherit parent brands. */
function brand(ctor: BrandedClass, name: string): void {
  const symbol = Symbol.for(BRAND_PREFIX + ctor.code);
  Object.defineProperty(ctor.prototype, symbol, { value: true });
  Object.defineProperty(ctor.prototype, 'name', { value: name, writable: true, configurable: true });
  Object.defineProperty(ctor, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      // A user subclass inherits this method: answer for it with the ordinary prototype check.
      if (this !== ctor) return Function.prototype[Symbol.hasInstance].call(this, value);
      return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[symbol] === true;
    },
  });
}

function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return { byteLength: value.byteLength };
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

export class WebTransportError extends Error {
  static readonly code: string = 'WT_ERR';
  static readonly defaultErrorCode: number = ErrorCodes.INTERNAL_ERROR;
  /** Stable machine-readable identifier, e.g. `WT_ERR_STREAM_RESET`. */
  readonly code: string;
  /** Wire-level code (pywebtransport `error_code`). */
  readonly errorCode: number | bigint;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, options: WebTransportErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const ctor = new.target as unknown as BrandedClass;
    this.code = ctor.code;
    this.errorCode = options.errorCode ?? ctor.defaultErrorCode;
    this.details = options.details ?? {};
  }

  /** Plain JSON-safe view (pywebtransport `to_dict`); bigints become decimal strings. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) out[key] = jsonValue(value);
    if (this.cause !== undefined) out['cause'] = jsonValue(this.cause);
    return out;
  }
}
brand(WebTransportError, 'WebTransportError');

// ── Configuration ────────────────────────────────────────────────────────────────────────────
export interface ConfigurationErrorOptions extends WebTransportErrorOptions {
  configKey?: string;
  configValue?: unknown;
}

/** Invalid option, thrown synchronously when a config or options object is built. */
export class ConfigurationError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_INVALID_OPTION';
  static override readonly defaultErrorCode: number = ErrorCodes.APP_INVALID_REQUEST;
  readonly configKey: string | undefined;
  readonly configValue: unknown;
  constructor(message: string, options: ConfigurationErrorOptions = {}) {
    super(message, options);
    this.configKey = options.configKey;
    this.configValue = options.configValue;
  }
}
brand(ConfigurationError, 'ConfigurationError');

// ── Connection ───────────────────────────────────────────────────────────────────────────────
export interface ConnectionErrorOptions extends WebTransportErrorOptions {
  remoteAddress?: { address: string; port: number };
  /** QUIC transport error code of the CONNECTION_CLOSE, when there was one. */
  transportCode?: bigint;
  /** Application error code of the CONNECTION_CLOSE, when there was one. */
  applicationCode?: bigint;
  reason?: string;
  /** True when the peer closed. */
  remote?: boolean;
}

export class ConnectionError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_CONNECTION';
  static override readonly defaultErrorCode: number = ErrorCodes.CONNECTION_REFUSED;
  readonly remoteAddress: { address: string; port: number } | undefined;
  readonly transportCode: bigint | undefined;
  readonly applicationCode: bigint | undefined;
  readonly reason: string;
  readonly remote: boolean;
  constructor(message: string, options: ConnectionErrorOptions = {}) {
    super(message, options);
    this.remoteAddress = options.remoteAddress;
    this.transportCode = options.transportCode;
    this.applicationCode = options.applicationCode;
    this.reason = options.reason ?? '';
    this.remote = options.remote ?? false;
  }
}
brand(ConnectionError, 'ConnectionError');

export interface HandshakeErrorOptions extends ConnectionErrorOptions {
  handshakeStage?: string;
  /** TLS alert number, when the handshake failed with one. */
  alert?: number;
}

export class HandshakeError extends ConnectionError {
  static override readonly code: string = 'WT_ERR_HANDSHAKE';
  static override readonly defaultErrorCode: number = ErrorCodes.INTERNAL_ERROR;
  readonly handshakeStage: string | undefined;
  readonly alert: number | undefined;
  constructor(message: string, options: HandshakeErrorOptions = {}) {
    super(message, options);
    this.handshakeStage = options.handshakeStage;
    this.alert = options.alert;
  }
}
brand(HandshakeError, 'HandshakeError');

export type CertificateFailure = 'expired' | 'hostname' | 'untrusted' | 'hash-mismatch' | 'not-found' | 'invalid';

export interface CertificateErrorOptions extends HandshakeErrorOptions {
  certificatePath?: string;
  /** Why the certificate was refused. */
  certificateError?: CertificateFailure;
}

export class CertificateError extends HandshakeError {
  static override readonly code: string = 'WT_ERR_CERTIFICATE';
  static override readonly defaultErrorCode: number = ErrorCodes.APP_AUTHENTICATION_FAILED;
  readonly certificatePath: string | undefined;
  readonly certificateError: CertificateFailure | undefined;
  constructor(message: string, options: CertificateErrorOptions = {}) {
    super(message, options);
    this.certificatePath = options.certificatePath;
    this.certificateError = options.certificateError;
  }
}
brand(CertificateError, 'CertificateError');

/** The connection was silent for longer than the negotiated idle timeout. */
export class IdleTimeoutError extends ConnectionError {
  static override readonly code: string = 'WT_ERR_IDLE_TIMEOUT';
  static override readonly defaultErrorCode: number = ErrorCodes.APP_CONNECTION_TIMEOUT;
}
brand(IdleTimeoutError, 'IdleTimeoutError');

/** The peer answered with a stateless reset: it lost the connection state. */
export class StatelessResetError extends ConnectionError {
  static override readonly code: string = 'WT_ERR_STATELESS_RESET';
  static override readonly defaultErrorCode: number = ErrorCodes.NO_ERROR;
}
brand(StatelessResetError, 'StatelessResetError');

export interface ClientErrorOptions extends ConnectionErrorOptions {
  targetUrl?: string;
}

/** A client-side failure to reach a target (pywebtransport ClientError). */
export class ClientError extends ConnectionError {
  static override readonly code: string = 'WT_ERR_CLIENT';
  static override readonly defaultErrorCode: number = ErrorCodes.APP_INVALID_REQUEST;
  readonly targetUrl: string | undefined;
  constructor(message: string, options: ClientErrorOptions = {}) {
    super(message, options);
    this.targetUrl = options.targetUrl;
  }
}
brand(ClientError, 'ClientError');

// ── Server ───────────────────────────────────────────────────────────────────────────────────
export interface ServerErrorOptions extends WebTransportErrorOptions {
  bindAddress?: { host: string; port: number };
}

/** The server could not start or serve (pywebtransport ServerError). */
export class ServerError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_SERVER';
  static override readonly defaultErrorCode: number = ErrorCodes.APP_SERVICE_UNAVAILABLE;
  readonly bindAddress: { host: string; port: number } | undefined;
  constructor(message: string, options: ServerErrorOptions = {}) {
    super(message, options);
    this.bindAddress = options.bindAddress;
  }
}
brand(ServerError, 'ServerError');

// ── Session ──────────────────────────────────────────────────────────────────────────────────
export interface SessionErrorOptions extends WebTransportErrorOptions {
  /** Wire session id (the CONNECT stream id). */
  sessionId?: number | string;
  sessionState?: string;
  closeCode?: number;
  reason?: string;
  remote?: boolean;
}

export class SessionError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_SESSION';
  static override readonly defaultErrorCode: number = ErrorCodes.INTERNAL_ERROR;
  readonly sessionId: number | string | undefined;
  readonly sessionState: string | undefined;
  readonly closeCode: number | undefined;
  readonly reason: string;
  readonly remote: boolean;
  constructor(message: string, options: SessionErrorOptions = {}) {
    super(message, options);
    this.sessionId = options.sessionId;
    this.sessionState = options.sessionState;
    this.closeCode = options.closeCode;
    this.reason = options.reason ?? '';
    this.remote = options.remote ?? false;
  }
}
brand(SessionError, 'SessionError');

export interface SessionRejectedErrorOptions extends SessionErrorOptions {
  status: number;
  headers?: Record<string, string>;
}

/** The server answered the CONNECT with a non-2xx status. */
export class SessionRejectedError extends SessionError {
  static override readonly code: string = 'WT_ERR_SESSION_REJECTED';
  static override readonly defaultErrorCode: number = ErrorCodes.H3_REQUEST_REJECTED;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  constructor(message: string, options: SessionRejectedErrorOptions) {
    super(message, { ...options, remote: options.remote ?? true });
    this.status = options.status;
    this.headers = options.headers ?? {};
  }
}
brand(SessionRejectedError, 'SessionRejectedError');

/** An operation was attempted on (or interrupted by) a closed session. */
export class SessionClosedError extends SessionError {
  static override readonly code: string = 'WT_ERR_SESSION_CLOSED';
  static override readonly defaultErrorCode: number = ErrorCodes.NO_ERROR;
}
brand(SessionClosedError, 'SessionClosedError');

// ── Streams ──────────────────────────────────────────────────────────────────────────────────
export interface StreamErrorOptions extends WebTransportErrorOptions {
  streamId?: number;
  streamState?: string;
  /** Application error code carried by RESET_STREAM / STOP_SENDING. */
  streamErrorCode?: number | bigint;
  remote?: boolean;
}

export class StreamError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_STREAM';
  static override readonly defaultErrorCode: number = ErrorCodes.STREAM_STATE_ERROR;
  readonly streamId: number | undefined;
  readonly streamState: string | undefined;
  readonly streamErrorCode: number | bigint | undefined;
  readonly remote: boolean;
  constructor(message: string, options: StreamErrorOptions = {}) {
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
  static override readonly code: string = 'WT_ERR_STREAM_RESET';
  constructor(message: string, options: StreamErrorOptions = {}) {
    super(message, { ...options, remote: options.remote ?? true });
  }
}
brand(StreamResetError, 'StreamResetError');

/** The peer asked us to stop sending (STOP_SENDING). */
export class StreamStoppedError extends StreamError {
  static override readonly code: string = 'WT_ERR_STREAM_STOPPED';
  constructor(message: string, options: StreamErrorOptions = {}) {
    super(message, { ...options, remote: options.remote ?? true });
  }
}
brand(StreamStoppedError, 'StreamStoppedError');

export interface IncompleteReadErrorOptions extends StreamErrorOptions {
  partial: Uint8Array;
  expected: number;
}

/** The stream ended before `readExactly(n)` got n bytes (asyncio.IncompleteReadError). */
export class IncompleteReadError extends StreamError {
  static override readonly code: string = 'WT_ERR_INCOMPLETE_READ';
  /** The bytes that did arrive; they are consumed. */
  readonly partial: Uint8Array;
  readonly expected: number;
  constructor(message: string, options: IncompleteReadErrorOptions) {
    super(message, options);
    this.partial = options.partial;
    this.expected = options.expected;
  }
}
brand(IncompleteReadError, 'IncompleteReadError');

// ── Flow control, datagrams, protocol, serialization ─────────────────────────────────────────
export interface FlowControlErrorOptions extends WebTransportErrorOptions {
  streamId?: number;
  limitExceeded?: number;
  currentValue?: number;
}

/** A local limit would be exceeded (buffer cap, credit), e.g. a non-waiting write beyond the send buffer. */
export class FlowControlError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_FLOW_CONTROL';
  static override readonly defaultErrorCode: number = ErrorCodes.FLOW_CONTROL_ERROR;
  readonly streamId: number | undefined;
  readonly limitExceeded: number | undefined;
  readonly currentValue: number | undefined;
  constructor(message: string, options: FlowControlErrorOptions = {}) {
    super(message, options);
    this.streamId = options.streamId;
    this.limitExceeded = options.limitExceeded;
    this.currentValue = options.currentValue;
  }
}
brand(FlowControlError, 'FlowControlError');

export type DatagramFailure = 'too-large' | 'unsupported' | 'closed';

export interface DatagramErrorOptions extends WebTransportErrorOptions {
  datagramSize?: number;
  maxSize?: number;
  reason?: DatagramFailure;
}

export class DatagramError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_DATAGRAM';
  static override readonly defaultErrorCode: number = ErrorCodes.INTERNAL_ERROR;
  readonly datagramSize: number | undefined;
  readonly maxSize: number | undefined;
  readonly reason: DatagramFailure | undefined;
  constructor(message: string, options: DatagramErrorOptions = {}) {
    super(message, options);
    this.datagramSize = options.datagramSize;
    this.maxSize = options.maxSize;
    this.reason = options.reason;
  }
}
brand(DatagramError, 'DatagramError');

export interface ProtocolErrorOptions extends WebTransportErrorOptions {
  frameType?: number | bigint;
  /** Which layer the peer violated. */
  layer?: 'quic' | 'h3' | 'wt';
}

/** The peer violated the protocol; `errorCode` is the wire code we closed with. */
export class ProtocolError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_PROTOCOL';
  static override readonly defaultErrorCode: number = ErrorCodes.PROTOCOL_VIOLATION;
  readonly frameType: number | bigint | undefined;
  readonly layer: 'quic' | 'h3' | 'wt' | undefined;
  constructor(message: string, options: ProtocolErrorOptions = {}) {
    super(message, options);
    this.frameType = options.frameType;
    this.layer = options.layer;
  }
}
brand(ProtocolError, 'ProtocolError');

/** A message could not be encoded or decoded (the original error is the `cause`). */
export class SerializationError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_SERIALIZATION';
  static override readonly defaultErrorCode: number = ErrorCodes.INTERNAL_ERROR;
}
brand(SerializationError, 'SerializationError');

// ── Timeouts ─────────────────────────────────────────────────────────────────────────────────
export interface OperationTimeoutErrorOptions extends WebTransportErrorOptions {
  timeoutMs?: number;
  operation?: string;
}

/**
 * A library operation ran out of time (pywebtransport TimeoutError). Its `name` is
 * `'TimeoutError'`, the same as the DOMException of `AbortSignal.timeout()`.
 */
export class OperationTimeoutError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_TIMEOUT';
  static override readonly defaultErrorCode: number = ErrorCodes.APP_CONNECTION_TIMEOUT;
  readonly timeoutMs: number | undefined;
  readonly operation: string | undefined;
  constructor(message: string, options: OperationTimeoutErrorOptions = {}) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
    this.operation = options.operation;
  }
}
brand(OperationTimeoutError, 'TimeoutError');

// ── Application (ServerApp) ──────────────────────────────────────────────────────────────────
export interface MiddlewareRejectedErrorOptions extends WebTransportErrorOptions {
  status?: number;
  headers?: Record<string, string>;
}

/** Thrown by middleware to reject a session request with an HTTP status (default 403). */
export class MiddlewareRejectedError extends WebTransportError {
  static override readonly code: string = 'WT_ERR_MIDDLEWARE_REJECTED';
  static override readonly defaultErrorCode: number = ErrorCodes.APP_PERMISSION_DENIED;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  constructor(message: string, options: MiddlewareRejectedErrorOptions = {}) {
    super(message, options);
    this.status = options.status ?? 403;
    this.headers = options.headers ?? {};
  }
}
brand(MiddlewareRejectedError, 'MiddlewareRejectedError');

export interface AuthenticationErrorOptions extends MiddlewareRejectedErrorOptions {
  authMethod?: string;
}

/** Authentication failed: a rejection with status 401 by default. */
export class AuthenticationError extends MiddlewareRejectedError {
  static override readonly code: string = 'WT_ERR_AUTHENTICATION';
  static override readonly defaultErrorCode: number = ErrorCodes.APP_AUTHENTICATION_FAILED;
  readonly authMethod: string | undefined;
  constructor(message: string, options: AuthenticationErrorOptions = {}) {
    super(message, { ...options, status: options.status ?? 401 });
    this.authMethod = options.authMethod;
  }
}
brand(AuthenticationError, 'AuthenticationError');

// ── Factories (pywebtransport helper functions) ──────────────────────────────────────────────
export function certificateNotFound({ path }: { path: string }): CertificateError {
  return new CertificateError(`Certificate file not found: ${path}`, { certificatePath: path, certificateError: 'not-found' });
}

export function connectionTimeout({ timeoutMs, operation = 'connect' }: { timeoutMs: number; operation?: string }): OperationTimeoutError {
  return new OperationTimeoutError(`${operation} timed out after ${timeoutMs} ms`, { timeoutMs, operation });
}

export function datagramTooLarge({ size, maxSize }: { size: number; maxSize: number }): DatagramError {
  return new DatagramError(`Datagram of ${size} bytes exceeds the maximum of ${maxSize} bytes`, {
    datagramSize: size, maxSize, reason: 'too-large',
  });
}

export function invalidConfig({ key, value, reason, cause }: { key: string; value: unknown; reason: string; cause?: unknown }): ConfigurationError {
  return new ConfigurationError(`Invalid configuration for '${key}': ${reason}`, { configKey: key, configValue: value, cause });
}

export function protocolViolation({ message, frameType }: { message: string; frameType?: number | bigint }): ProtocolError {
  return new ProtocolError(message, { frameType });
}

export function sessionNotReady({ sessionId, currentState }: { sessionId: number | string; currentState: string }): SessionError {
  return new SessionError(`Session ${sessionId} is not ready (state: ${currentState})`, { sessionId, sessionState: currentState });
}

export function streamClosed({ streamId, reason = 'Stream was closed' }: { streamId: number; reason?: string }): StreamError {
  return new StreamError(`${reason} (stream ${streamId})`, { streamId });
}

// ── Predicates ───────────────────────────────────────────────────────────────────────────────
function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** True for `AbortSignal.timeout()` reasons, OperationTimeoutError and IdleTimeoutError. */
export function isTimeoutError(error: unknown): boolean {
  return errorName(error) === 'TimeoutError' || error instanceof IdleTimeoutError;
}

/** True for an aborted signal's default reason (DOMException `AbortError`) and Node's AbortError. */
export function isAbortError(error: unknown): boolean {
  return errorName(error) === 'AbortError';
}

export type ErrorCategory =
  | 'authentication' | 'certificate' | 'client' | 'configuration' | 'connection' | 'datagram'
  | 'flowControl' | 'handshake' | 'middleware' | 'protocol' | 'serialization' | 'server' | 'session'
  | 'stream' | 'timeout' | 'abort' | 'unknown';

/** Most specific category first, so a CertificateError is 'certificate', not 'connection'. */
const CATEGORIES: ReadonlyArray<readonly [BrandedClass, ErrorCategory]> = [
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

export function getErrorCategory(error: unknown): ErrorCategory {
  for (const [ctor, category] of CATEGORIES) {
    if (error instanceof (ctor as unknown as new () => unknown)) return category;
  }
  if (isTimeoutError(error)) return 'timeout';
  if (isAbortError(error)) return 'abort';
  return 'unknown';
}

const FATAL_CODES: ReadonlySet<number> = new Set([
  ErrorCodes.PROTOCOL_VIOLATION,
  ErrorCodes.FRAME_ENCODING_ERROR,
  ErrorCodes.CRYPTO_BUFFER_EXCEEDED,
  ErrorCodes.APP_AUTHENTICATION_FAILED,
  ErrorCodes.APP_PERMISSION_DENIED,
]);

const RETRIABLE_CODES: ReadonlySet<number> = new Set([
  ErrorCodes.APP_CONNECTION_TIMEOUT,
  ErrorCodes.APP_SERVICE_UNAVAILABLE,
  ErrorCodes.FLOW_CONTROL_ERROR,
]);

function wireCode(error: WebTransportError): number {
  return typeof error.errorCode === 'bigint' ? Number(error.errorCode) : error.errorCode;
}

/**
 * Whether retrying cannot help: foreign errors (bugs) and protocol/authentication failures.
 * Timeouts and cancellations are not fatal.
 */
export function isFatalError(error: unknown): boolean {
  if (error instanceof WebTransportError) return FATAL_CODES.has(wireCode(error));
  return !isTimeoutError(error) && !isAbortError(error);
}

/** Whether the same operation may succeed later: timeouts, unavailable service, flow control. */
export function isRetriableError(error: unknown): boolean {
  if (error instanceof WebTransportError) return RETRIABLE_CODES.has(wireCode(error));
  return isTimeoutError(error);
}
