/**
 * ClientConfig and ServerConfig: every field of pywebtransport v0.5.1 (inventory §1.2) in
 * camelCase, durations in milliseconds (`…Ms`), sizes in bytes. A config is validated when it is
 * built (ConfigurationError naming the field, with a TypeError/RangeError cause) and then frozen:
 * `update`/`merge` return new validated configs instead of mutating.
 *
 * Deviations from 0.5.1, for the intent rather than the bug: an explicit `null` timeout means
 * "no timeout"; `bindPort: 0` asks for any free port; ServerConfig has `streamCreationTimeoutMs`
 * (0.5.1 hard-coded it); a changed `userAgent` replaces the derived `user-agent` header.
 */
import { existsSync } from 'node:fs';
import * as C from './constants.js';
import { ConfigurationError, certificateNotFound, invalidConfig } from './errors.js';

export const VerifyMode = Object.freeze({
  CERT_NONE: 'CERT_NONE',
  CERT_OPTIONAL: 'CERT_OPTIONAL',
  CERT_REQUIRED: 'CERT_REQUIRED',
} as const);
export type VerifyMode = (typeof VerifyMode)[keyof typeof VerifyMode];
export type CongestionControlAlgorithm = (typeof C.SUPPORTED_CONGESTION_CONTROL_ALGORITHMS)[number];
export type LogLevel = (typeof C.LOG_LEVELS)[number];
/** PEM text, a path to a PEM file, or PEM/DER bytes. */
export type CredentialSource = string | Uint8Array;
/** pywebtransport's boolean middleware; ServerApp has its own, richer middleware. */
export type ConfigMiddleware = (...args: never[]) => unknown;

interface CommonConfigFields {
  /** Must contain "h3"; the connection always offers exactly "h3" (WebTransport over HTTP/3). */
  alpnProtocols: readonly string[];
  /** Client: trust anchors for the server. Server: trust anchors for client certificates (verifyMode). */
  caCerts: CredentialSource | undefined;
  /** Server: its certificate. Client: the certificate it presents when the server asks (mTLS). */
  certfile: CredentialSource | undefined;
  /** 'reno' selects our NewReno, 'cubic' CUBIC. */
  congestionControlAlgorithm: CongestionControlAlgorithm;
  connectionCleanupIntervalMs: number;
  connectionIdleCheckIntervalMs: number;
  connectionIdleTimeoutMs: number;
  /** With keepAlive: the longest quiet spell before a QUIC PING (at most half the idle timeout). */
  connectionKeepaliveTimeoutMs: number;
  debug: boolean;
  /** Send QUIC PINGs on a quiet connection so that the idle timeout does not close it. */
  keepAlive: boolean;
  keyfile: CredentialSource | undefined;
  logLevel: LogLevel;
  maxConnections: number;
  /** Largest datagram payload a session sends; also sizes the max_datagram_frame_size we announce. */
  maxDatagramSize: number;
  /** Peer streams waiting to be accepted per session; more are refused (stop/reset with 0x1003). */
  maxIncomingStreams: number;
  maxStreamBufferSize: number;
  /** null: reads wait forever. */
  readTimeoutMs: number | null;
  streamBufferSize: number;
  streamCleanupIntervalMs: number;
  streamCreationTimeoutMs: number;
  /** null: writes wait forever. */
  writeTimeoutMs: number | null;
}

export interface ClientConfigFields extends CommonConfigFields {
  /**
   * Read by the toolkit, not by WebTransportClient: `ReconnectingClient` (tswebtransport/pool)
   * is the reconnecting client (the core API does not depend on the toolkit).
   */
  autoReconnect: boolean;
  closeTimeoutMs: number;
  connectTimeoutMs: number;
  /** Sent on the CONNECT request; names are lower-cased and `user-agent` is added when absent. */
  headers: Readonly<Record<string, string>>;
  maxRetries: number;
  maxRetryDelayMs: number;
  /** Locally opened streams open at once per session; createXStream() beyond it throws StreamError. */
  maxStreams: number;
  /** Multiplier between reconnect delays (≥ 1). */
  retryBackoff: number;
  retryDelayMs: number;
  userAgent: string;
  /** null: the library default (CERT_REQUIRED). */
  verifyMode: VerifyMode | null;
}

export interface ServerConfigFields extends CommonConfigFields {
  accessLog: boolean;
  bindHost: string;
  bindPort: number;
  maxSessions: number;
  /** Server sessions' maxStreams (pywebtransport naming): locally opened streams open at once. */
  maxStreamsPerConnection: number;
  middleware: readonly ConfigMiddleware[];
  sessionCleanupIntervalMs: number;
  /**
   * Client certificates: CERT_NONE does not ask; CERT_OPTIONAL asks and verifies one that comes
   * against caCerts (the system roots without it); CERT_REQUIRED also refuses a handshake without
   * one (TLS alert 116 certificate_required).
   */
  verifyMode: VerifyMode;
}

export type ClientConfigOptions = { readonly [K in keyof ClientConfigFields]?: ClientConfigFields[K] };
export type ServerConfigOptions = { readonly [K in keyof ServerConfigFields]?: ServerConfigFields[K] };

// ── Field checks: each returns the normalised value or throws ConfigurationError ─────────────
type Check<T> = (value: unknown, key: string) => T;
interface FieldSpec<T> {
  readonly initial: () => T;
  readonly check: Check<T>;
}
type Specs<F> = { readonly [K in keyof F]-?: FieldSpec<F[K]> };

function typeFail(key: string, value: unknown, expected: string): never {
  throw invalidConfig({ key, value, reason: `must be ${expected}`, cause: new TypeError(`${key} must be ${expected}`) });
}
function rangeFail(key: string, value: unknown, expected: string): never {
  throw invalidConfig({ key, value, reason: `must be ${expected}`, cause: new RangeError(`${key} must be ${expected}`) });
}

const bool: Check<boolean> = (v, key) => (typeof v === 'boolean' ? v : typeFail(key, v, 'a boolean'));

function int(min: number, max = Number.MAX_SAFE_INTEGER): Check<number> {
  return (v, key) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) return typeFail(key, v, 'an integer');
    return v >= min && v <= max ? v : rangeFail(key, v, max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}..${max}`);
  };
}

function num(min: number, exclusive: boolean): Check<number> {
  return (v, key) => {
    if (typeof v !== 'number' || Number.isNaN(v)) return typeFail(key, v, 'a number');
    const ok = Number.isFinite(v) && (exclusive ? v > min : v >= min);
    return ok ? v : rangeFail(key, v, `a finite number ${exclusive ? '>' : '>='} ${min}`);
  };
}

const positiveMs = num(0, true);
const nullableMs: Check<number | null> = (v, key) => (v === null ? null : positiveMs(v, key));

function oneOf<T extends string>(values: readonly T[], normalise: (s: string) => string = (s) => s): Check<T> {
  return (v, key) => {
    if (typeof v !== 'string') return typeFail(key, v, `one of ${values.join(', ')}`);
    const value = normalise(v);
    return (values as readonly string[]).includes(value) ? (value as T) : rangeFail(key, v, `one of ${values.join(', ')}`);
  };
}

const nonEmptyString: Check<string> = (v, key) => {
  if (typeof v !== 'string') return typeFail(key, v, 'a string');
  return v.length > 0 ? v : rangeFail(key, v, 'a non-empty string');
};

const alpnList: Check<readonly string[]> = (v, key) => {
  if (!Array.isArray(v) || v.some((p) => typeof p !== 'string')) return typeFail(key, v, 'an array of strings');
  const list = v as string[];
  if (list.length === 0) return rangeFail(key, v, 'a non-empty list');
  // An ALPN protocol id is 1..255 bytes on the wire (RFC 7301 §3.1).
  if (list.some((p) => p.length === 0 || Buffer.byteLength(p) > 255)) return rangeFail(key, v, 'protocol ids of 1..255 bytes');
  // WebTransport runs over HTTP/3 (RFC 9114 §3.1: ALPN "h3"); only "h3" goes on the wire, the
  // rest of the list (the "h3-29" default, for parity) is accepted and ignored.
  if (!list.includes(C.ALPN_H3)) return rangeFail(key, v, `a list containing "${C.ALPN_H3}" (WebTransport needs HTTP/3)`);
  return Object.freeze([...list]);
};

/** Inline PEM and bytes are taken as is; any other string is a path that must exist. */
const credential: Check<CredentialSource | undefined> = (v, key) => {
  if (v === '' || v === null) return undefined;
  if (v instanceof Uint8Array) return v.byteLength > 0 ? v : rangeFail(key, v, 'non-empty bytes');
  if (typeof v !== 'string') return typeFail(key, v, 'PEM text, a file path or bytes');
  if (!v.includes('-----BEGIN') && !existsSync(v)) {
    throw invalidConfig({ key, value: v, reason: `file not found: ${v}`, cause: certificateNotFound({ path: v }) });
  }
  return v;
};

const headerList: Check<Readonly<Record<string, string>>> = (v, key) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return typeFail(key, v, 'an object of string values');
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(v)) {
    if (typeof value !== 'string') return typeFail(`${key}.${name}`, value, 'a string');
    // Header names are tokens; CR/LF/NUL anywhere would allow header injection.
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return rangeFail(`${key}.${name}`, name, 'a valid header name');
    if (/[\r\n\0]/.test(value)) return rangeFail(`${key}.${name}`, value, 'free of CR, LF and NUL');
    out[name.toLowerCase()] = value;
  }
  return out;
};

const middlewareList: Check<readonly ConfigMiddleware[]> = (v, key) => {
  if (!Array.isArray(v) || v.some((m) => typeof m !== 'function')) return typeFail(key, v, 'an array of functions');
  return Object.freeze([...(v as ConfigMiddleware[])]);
};

function field<T>(initial: T | (() => T), check: Check<T>): FieldSpec<T> {
  return { initial: typeof initial === 'function' ? (initial as () => T) : () => initial, check };
}

const COMMON_SPECS: Specs<CommonConfigFields> = {
  alpnProtocols: field(() => C.DEFAULT_ALPN_PROTOCOLS, alpnList),
  caCerts: field<CredentialSource | undefined>(() => undefined, credential),
  certfile: field<CredentialSource | undefined>(() => undefined, credential),
  congestionControlAlgorithm: field<CongestionControlAlgorithm>(C.DEFAULT_CONGESTION_CONTROL_ALGORITHM, oneOf(C.SUPPORTED_CONGESTION_CONTROL_ALGORITHMS, (s) => s.toLowerCase())),
  connectionCleanupIntervalMs: field(C.DEFAULT_CONNECTION_CLEANUP_INTERVAL_MS, positiveMs),
  connectionIdleCheckIntervalMs: field(C.DEFAULT_CONNECTION_IDLE_CHECK_INTERVAL_MS, positiveMs),
  connectionIdleTimeoutMs: field(C.DEFAULT_CONNECTION_IDLE_TIMEOUT_MS, positiveMs),
  connectionKeepaliveTimeoutMs: field(C.DEFAULT_CONNECTION_KEEPALIVE_TIMEOUT_MS, positiveMs),
  debug: field(C.DEFAULT_DEBUG, bool),
  keepAlive: field(C.DEFAULT_KEEP_ALIVE, bool),
  keyfile: field<CredentialSource | undefined>(() => undefined, credential),
  logLevel: field<LogLevel>(C.DEFAULT_LOG_LEVEL, oneOf(C.LOG_LEVELS, (s) => s.toUpperCase())),
  maxConnections: field(C.DEFAULT_CLIENT_MAX_CONNECTIONS, int(1)),
  maxDatagramSize: field(C.DEFAULT_MAX_DATAGRAM_SIZE, int(1, C.MAX_DATAGRAM_SIZE)),
  maxIncomingStreams: field(C.DEFAULT_MAX_INCOMING_STREAMS, int(1)),
  maxStreamBufferSize: field(C.DEFAULT_MAX_STREAM_BUFFER_SIZE, int(1)),
  readTimeoutMs: field<number | null>(C.DEFAULT_READ_TIMEOUT_MS, nullableMs),
  streamBufferSize: field(C.DEFAULT_BUFFER_SIZE, int(1)),
  streamCleanupIntervalMs: field(C.DEFAULT_STREAM_CLEANUP_INTERVAL_MS, positiveMs),
  streamCreationTimeoutMs: field(C.DEFAULT_STREAM_CREATION_TIMEOUT_MS, positiveMs),
  writeTimeoutMs: field<number | null>(C.DEFAULT_WRITE_TIMEOUT_MS, nullableMs),
};

const CLIENT_SPECS: Specs<ClientConfigFields> = {
  ...COMMON_SPECS,
  autoReconnect: field(C.DEFAULT_AUTO_RECONNECT, bool),
  closeTimeoutMs: field(C.DEFAULT_CLOSE_TIMEOUT_MS, positiveMs),
  connectTimeoutMs: field(C.DEFAULT_CONNECT_TIMEOUT_MS, positiveMs),
  headers: field<Readonly<Record<string, string>>>(() => ({}), headerList),
  maxRetries: field(C.DEFAULT_MAX_RETRIES, int(0)),
  maxRetryDelayMs: field(C.DEFAULT_MAX_RETRY_DELAY_MS, positiveMs),
  maxStreams: field(C.DEFAULT_MAX_STREAMS, int(1)),
  retryBackoff: field(C.DEFAULT_RETRY_BACKOFF, num(1, false)),
  retryDelayMs: field(C.DEFAULT_RETRY_DELAY_MS, positiveMs),
  userAgent: field(C.DEFAULT_USER_AGENT, nonEmptyString),
  verifyMode: field<VerifyMode | null>(C.DEFAULT_CLIENT_VERIFY_MODE, (v, key) =>
    v === null ? null : oneOf(Object.values(VerifyMode), (s) => s.toUpperCase())(v, key)),
};

const SERVER_SPECS: Specs<ServerConfigFields> = {
  ...COMMON_SPECS,
  accessLog: field(C.DEFAULT_ACCESS_LOG, bool),
  bindHost: field(C.DEFAULT_BIND_HOST, nonEmptyString),
  bindPort: field(C.DEFAULT_DEV_PORT, int(0, 65_535)),
  maxConnections: field(C.DEFAULT_SERVER_MAX_CONNECTIONS, int(1)),
  maxSessions: field(C.DEFAULT_MAX_SESSIONS, int(1)),
  maxStreamsPerConnection: field(C.DEFAULT_MAX_STREAMS_PER_CONNECTION, int(1)),
  middleware: field<readonly ConfigMiddleware[]>(() => Object.freeze([]), middlewareList),
  sessionCleanupIntervalMs: field(C.DEFAULT_SESSION_CLEANUP_INTERVAL_MS, positiveMs),
  verifyMode: field<VerifyMode>(C.DEFAULT_SERVER_VERIFY_MODE, oneOf(Object.values(VerifyMode), (s) => s.toUpperCase())),
};

function asOptionsObject(input: unknown, owner: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigurationError(`${owner} options must be an object`, { configValue: input, cause: new TypeError(`${owner} options must be an object`) });
  }
  return input as Record<string, unknown>;
}

/** Defaults + checked overrides. `strict` rejects unknown keys; lenient mode drops them. */
function resolveFields<F>(specs: Specs<F>, input: unknown, strict: boolean, owner: string): F {
  const options = asOptionsObject(input, owner);
  if (strict) {
    for (const key of Object.keys(options)) {
      if (!Object.hasOwn(specs, key)) throw invalidConfig({ key, value: options[key], reason: `unknown ${owner} option` });
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(specs)) {
    const spec = (specs as Record<string, FieldSpec<unknown>>)[key]!;
    const raw = options[key];
    out[key] = raw === undefined ? spec.initial() : spec.check(raw, key);
  }
  return out as F;
}

function pick(input: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(input, key)) out[key] = input[key];
  return out;
}

function checkCommon(f: CommonConfigFields): void {
  if (f.maxStreamBufferSize < f.streamBufferSize) {
    rangeFail('maxStreamBufferSize', f.maxStreamBufferSize, `>= streamBufferSize (${f.streamBufferSize})`);
  }
  if ((f.certfile === undefined) !== (f.keyfile === undefined)) {
    const key = f.certfile === undefined ? 'certfile' : 'keyfile';
    throw invalidConfig({ key, value: undefined, reason: 'certfile and keyfile must be given together' });
  }
}

function copyValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return value.slice();
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (typeof value === 'object' && value !== null) return { ...value };
  return value;
}

function toPlainObject<F>(config: F, specs: Specs<F>): F {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(specs)) out[key] = copyValue((config as Record<string, unknown>)[key]);
  return out as F;
}

/** Fields of `other` that are neither undefined nor null win (pywebtransport `merge`). */
function mergedFields(base: Record<string, unknown>, other: unknown, owner: string, keys: readonly string[]): Record<string, unknown> {
  const patch = asOptionsObject(other, `${owner}.merge`);
  const out = { ...base };
  for (const key of keys) {
    const value = patch[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

// ── ClientConfig ─────────────────────────────────────────────────────────────────────────────
const CLIENT_KEYS = Object.freeze(Object.keys(CLIENT_SPECS));

function withUserAgent(fields: ClientConfigFields): ClientConfigFields {
  if (Object.hasOwn(fields.headers, C.USER_AGENT_HEADER)) return fields;
  return { ...fields, headers: { ...fields.headers, [C.USER_AGENT_HEADER]: fields.userAgent } };
}

/** Starting point for a derived config: drops the derived user-agent header when userAgent changes. */
function clientBase(config: ClientConfig, patch: Record<string, unknown>): Record<string, unknown> {
  const base = toPlainObject<ClientConfigFields>(config, CLIENT_SPECS) as unknown as Record<string, unknown>;
  const headers = base['headers'] as Record<string, string>;
  if (patch['userAgent'] !== undefined && headers[C.USER_AGENT_HEADER] === config.userAgent) {
    delete headers[C.USER_AGENT_HEADER];
  }
  return base;
}

export class ClientConfig implements Readonly<ClientConfigFields> {
  declare readonly alpnProtocols: readonly string[];
  declare readonly autoReconnect: boolean;
  declare readonly caCerts: CredentialSource | undefined;
  declare readonly certfile: CredentialSource | undefined;
  declare readonly closeTimeoutMs: number;
  declare readonly congestionControlAlgorithm: CongestionControlAlgorithm;
  declare readonly connectTimeoutMs: number;
  declare readonly connectionCleanupIntervalMs: number;
  declare readonly connectionIdleCheckIntervalMs: number;
  declare readonly connectionIdleTimeoutMs: number;
  declare readonly connectionKeepaliveTimeoutMs: number;
  declare readonly debug: boolean;
  declare readonly headers: Readonly<Record<string, string>>;
  declare readonly keepAlive: boolean;
  declare readonly keyfile: CredentialSource | undefined;
  declare readonly logLevel: LogLevel;
  declare readonly maxConnections: number;
  declare readonly maxDatagramSize: number;
  declare readonly maxIncomingStreams: number;
  declare readonly maxRetries: number;
  declare readonly maxRetryDelayMs: number;
  declare readonly maxStreamBufferSize: number;
  declare readonly maxStreams: number;
  declare readonly readTimeoutMs: number | null;
  declare readonly retryBackoff: number;
  declare readonly retryDelayMs: number;
  declare readonly streamBufferSize: number;
  declare readonly streamCleanupIntervalMs: number;
  declare readonly streamCreationTimeoutMs: number;
  declare readonly userAgent: string;
  declare readonly verifyMode: VerifyMode | null;
  declare readonly writeTimeoutMs: number | null;

  /** Validates every field; unknown keys are rejected. */
  constructor(options: ClientConfigOptions = {}) {
    const fields = withUserAgent(resolveFields(CLIENT_SPECS, options, true, 'ClientConfig'));
    checkCommon(fields);
    Object.assign(this, fields);
    Object.freeze(this.headers);
    Object.freeze(this);
  }

  /** The default field values (pywebtransport `Defaults.get_client_config()`). */
  static defaults(): ClientConfigFields {
    return resolveFields(CLIENT_SPECS, {}, true, 'ClientConfig');
  }

  /** Defaults merged with overrides; unknown keys are ignored. */
  static create(options: ClientConfigOptions = {}): ClientConfig {
    return new ClientConfig(pick(asOptionsObject(options, 'ClientConfig'), CLIENT_KEYS) as ClientConfigOptions);
  }

  /** From a plain object (e.g. parsed JSON); unknown keys are ignored (pywebtransport `from_dict`). */
  static fromObject(object: Record<string, unknown>): ClientConfig {
    return ClientConfig.create(object as ClientConfigOptions);
  }

  /** Short timeouts, no certificate verification unless `verifySsl`, debug logging. */
  static createForDevelopment({ verifySsl = false }: { verifySsl?: boolean } = {}): ClientConfig {
    return ClientConfig.create({
      connectTimeoutMs: 10_000,
      readTimeoutMs: 30_000,
      verifyMode: verifySsl ? VerifyMode.CERT_REQUIRED : VerifyMode.CERT_NONE,
      debug: true,
      logLevel: 'DEBUG',
    });
  }

  /** Verified TLS (optional CA bundle and client certificate), more streams per session. */
  static createForProduction(
    { caCerts, certfile, keyfile }: { caCerts?: CredentialSource; certfile?: CredentialSource; keyfile?: CredentialSource } = {},
  ): ClientConfig {
    return ClientConfig.create({
      caCerts, certfile, keyfile,
      connectTimeoutMs: 30_000,
      readTimeoutMs: 60_000,
      writeTimeoutMs: 30_000,
      verifyMode: VerifyMode.CERT_REQUIRED,
      maxStreams: 200,
      streamBufferSize: 65_536,
    });
  }

  /** Re-checks every rule; a constructed config always passes. */
  validate(): void {
    new ClientConfig(this.toObject());
  }

  /** Plain, JSON-friendly copy of every field (pywebtransport `to_dict`). */
  toObject(): ClientConfigFields {
    return toPlainObject<ClientConfigFields>(this, CLIENT_SPECS);
  }

  /** Deep copy. */
  copy(): ClientConfig {
    return new ClientConfig(this.toObject());
  }

  /** A validated copy with `patch` applied; unknown keys are a ConfigurationError. */
  update(patch: ClientConfigOptions): ClientConfig {
    const changes = asOptionsObject(patch, 'ClientConfig.update');
    return new ClientConfig({ ...clientBase(this, changes), ...changes } as ClientConfigOptions);
  }

  /** A validated copy where the non-null fields of `other` (a ClientConfig or options) win. */
  merge(other: ClientConfig | ClientConfigOptions): ClientConfig {
    if (other instanceof ServerConfig) {
      throw new ConfigurationError('ClientConfig.merge expects a ClientConfig or an options object', { cause: new TypeError('ServerConfig given') });
    }
    const patch = other instanceof ClientConfig ? other.toObject() : asOptionsObject(other, 'ClientConfig.merge');
    return new ClientConfig(mergedFields(clientBase(this, patch as Record<string, unknown>), patch, 'ClientConfig', CLIENT_KEYS) as ClientConfigOptions);
  }
}

// ── ServerConfig ─────────────────────────────────────────────────────────────────────────────
const SERVER_KEYS = Object.freeze(Object.keys(SERVER_SPECS));

export interface ServerPresetOptions {
  host?: string;
  port?: number;
  certfile?: CredentialSource;
  keyfile?: CredentialSource;
}

export class ServerConfig implements Readonly<ServerConfigFields> {
  declare readonly accessLog: boolean;
  declare readonly alpnProtocols: readonly string[];
  declare readonly bindHost: string;
  declare readonly bindPort: number;
  declare readonly caCerts: CredentialSource | undefined;
  declare readonly certfile: CredentialSource | undefined;
  declare readonly congestionControlAlgorithm: CongestionControlAlgorithm;
  declare readonly connectionCleanupIntervalMs: number;
  declare readonly connectionIdleCheckIntervalMs: number;
  declare readonly connectionIdleTimeoutMs: number;
  declare readonly connectionKeepaliveTimeoutMs: number;
  declare readonly debug: boolean;
  declare readonly keepAlive: boolean;
  declare readonly keyfile: CredentialSource | undefined;
  declare readonly logLevel: LogLevel;
  declare readonly maxConnections: number;
  declare readonly maxDatagramSize: number;
  declare readonly maxIncomingStreams: number;
  declare readonly maxSessions: number;
  declare readonly maxStreamBufferSize: number;
  declare readonly maxStreamsPerConnection: number;
  declare readonly middleware: readonly ConfigMiddleware[];
  declare readonly readTimeoutMs: number | null;
  declare readonly sessionCleanupIntervalMs: number;
  declare readonly streamBufferSize: number;
  declare readonly streamCleanupIntervalMs: number;
  declare readonly streamCreationTimeoutMs: number;
  declare readonly verifyMode: VerifyMode;
  declare readonly writeTimeoutMs: number | null;

  /** Validates every field; unknown keys are rejected. */
  constructor(options: ServerConfigOptions = {}) {
    const fields = resolveFields(SERVER_SPECS, options, true, 'ServerConfig');
    checkCommon(fields);
    Object.assign(this, fields);
    Object.freeze(this);
  }

  /** The default field values (pywebtransport `Defaults.get_server_config()`). */
  static defaults(): ServerConfigFields {
    return resolveFields(SERVER_SPECS, {}, true, 'ServerConfig');
  }

  /** Defaults merged with overrides; unknown keys are ignored. */
  static create(options: ServerConfigOptions = {}): ServerConfig {
    return new ServerConfig(pick(asOptionsObject(options, 'ServerConfig'), SERVER_KEYS) as ServerConfigOptions);
  }

  /** From a plain object; unknown keys are ignored (pywebtransport `from_dict`). */
  static fromObject(object: Record<string, unknown>): ServerConfig {
    return ServerConfig.create(object as ServerConfigOptions);
  }

  /** Localhost, fewer connections and streams, debug logging. */
  static createForDevelopment({ host = C.DEFAULT_BIND_HOST, port = C.DEFAULT_DEV_PORT, certfile, keyfile }: ServerPresetOptions = {}): ServerConfig {
    return ServerConfig.create({
      bindHost: host, bindPort: port, certfile, keyfile,
      maxConnections: 100,
      maxStreamsPerConnection: 50,
      debug: true,
      logLevel: 'DEBUG',
    });
  }

  /** Certificate required; client certificates are requested (optional) when `caCerts` is given. */
  static createForProduction(
    { host, port, certfile, keyfile, caCerts }: Required<Pick<ServerPresetOptions, 'host' | 'port' | 'certfile' | 'keyfile'>> & { caCerts?: CredentialSource },
  ): ServerConfig {
    if (certfile === undefined || keyfile === undefined) {
      throw invalidConfig({ key: certfile === undefined ? 'certfile' : 'keyfile', value: undefined, reason: 'required in production' });
    }
    return ServerConfig.create({
      bindHost: host, bindPort: port, certfile, keyfile, caCerts,
      verifyMode: caCerts === undefined ? VerifyMode.CERT_NONE : VerifyMode.CERT_OPTIONAL,
    });
  }

  /** `{ host, port }` to bind (pywebtransport `get_bind_address`). */
  getBindAddress(): { host: string; port: number } {
    return { host: this.bindHost, port: this.bindPort };
  }

  validate(): void {
    new ServerConfig(this.toObject());
  }

  toObject(): ServerConfigFields {
    return toPlainObject<ServerConfigFields>(this, SERVER_SPECS);
  }

  copy(): ServerConfig {
    return new ServerConfig(this.toObject());
  }

  update(patch: ServerConfigOptions): ServerConfig {
    const changes = asOptionsObject(patch, 'ServerConfig.update');
    return new ServerConfig({ ...this.toObject(), ...changes } as ServerConfigOptions);
  }

  merge(other: ServerConfig | ServerConfigOptions): ServerConfig {
    if (other instanceof ClientConfig) {
      throw new ConfigurationError('ServerConfig.merge expects a ServerConfig or an options object', { cause: new TypeError('ClientConfig given') });
    }
    const patch = other instanceof ServerConfig ? other.toObject() : other;
    return new ServerConfig(mergedFields(this.toObject() as unknown as Record<string, unknown>, patch, 'ServerConfig', SERVER_KEYS) as ServerConfigOptions);
  }
}
