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
});
function typeFail(key, value, expected) {
    throw invalidConfig({ key, value, reason: `must be ${expected}`, cause: new TypeError(`${key} must be ${expected}`) });
}
function rangeFail(key, value, expected) {
    throw invalidConfig({ key, value, reason: `must be ${expected}`, cause: new RangeError(`${key} must be ${expected}`) });
}
const bool = (v, key) => (typeof v === 'boolean' ? v : typeFail(key, v, 'a boolean'));
function int(min, max = Number.MAX_SAFE_INTEGER) {
    return (v, key) => {
        if (typeof v !== 'number' || !Number.isInteger(v))
            return typeFail(key, v, 'an integer');
        return v >= min && v <= max ? v : rangeFail(key, v, max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}..${max}`);
    };
}
function num(min, exclusive) {
    return (v, key) => {
        if (typeof v !== 'number' || Number.isNaN(v))
            return typeFail(key, v, 'a number');
        const ok = Number.isFinite(v) && (exclusive ? v > min : v >= min);
        return ok ? v : rangeFail(key, v, `a finite number ${exclusive ? '>' : '>='} ${min}`);
    };
}
const positiveMs = num(0, true);
const nullableMs = (v, key) => (v === null ? null : positiveMs(v, key));
function oneOf(values, normalise = (s) => s) {
    return (v, key) => {
        if (typeof v !== 'string')
            return typeFail(key, v, `one of ${values.join(', ')}`);
        const value = normalise(v);
        return values.includes(value) ? value : rangeFail(key, v, `one of ${values.join(', ')}`);
    };
}
const nonEmptyString = (v, key) => {
    if (typeof v !== 'string')
        return typeFail(key, v, 'a string');
    return v.length > 0 ? v : rangeFail(key, v, 'a non-empty string');
};
const alpnList = (v, key) => {
    if (!Array.isArray(v) || v.some((p) => typeof p !== 'string'))
        return typeFail(key, v, 'an array of strings');
    const list = v;
    if (list.length === 0)
        return rangeFail(key, v, 'a non-empty list');
    // An ALPN protocol id is 1..255 bytes on the wire (RFC 7301 §3.1).
    if (list.some((p) => p.length === 0 || Buffer.byteLength(p) > 255))
        return rangeFail(key, v, 'protocol ids of 1..255 bytes');
    return Object.freeze([...list]);
};
/** Inline PEM and bytes are taken as is; any other string is a path that must exist. */
const credential = (v, key) => {
    if (v === '' || v === null)
        return undefined;
    if (v instanceof Uint8Array)
        return v.byteLength > 0 ? v : rangeFail(key, v, 'non-empty bytes');
    if (typeof v !== 'string')
        return typeFail(key, v, 'PEM text, a file path or bytes');
    if (!v.includes('-----BEGIN') && !existsSync(v)) {
        throw invalidConfig({ key, value: v, reason: `file not found: ${v}`, cause: certificateNotFound({ path: v }) });
    }
    return v;
};
const headerList = (v, key) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        return typeFail(key, v, 'an object of string values');
    const out = {};
    for (const [name, value] of Object.entries(v)) {
        if (typeof value !== 'string')
            return typeFail(`${key}.${name}`, value, 'a string');
        // Header names are tokens; CR/LF/NUL anywhere would allow header injection.
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
            return rangeFail(`${key}.${name}`, name, 'a valid header name');
        if (/[\r\n\0]/.test(value))
            return rangeFail(`${key}.${name}`, value, 'free of CR, LF and NUL');
        out[name.toLowerCase()] = value;
    }
    return out;
};
const middlewareList = (v, key) => {
    if (!Array.isArray(v) || v.some((m) => typeof m !== 'function'))
        return typeFail(key, v, 'an array of functions');
    return Object.freeze([...v]);
};
function field(initial, check) {
    return { initial: typeof initial === 'function' ? initial : () => initial, check };
}
const COMMON_SPECS = {
    alpnProtocols: field(() => C.DEFAULT_ALPN_PROTOCOLS, alpnList),
    caCerts: field(() => undefined, credential),
    certfile: field(() => undefined, credential),
    congestionControlAlgorithm: field(C.DEFAULT_CONGESTION_CONTROL_ALGORITHM, oneOf(C.SUPPORTED_CONGESTION_CONTROL_ALGORITHMS, (s) => s.toLowerCase())),
    connectionCleanupIntervalMs: field(C.DEFAULT_CONNECTION_CLEANUP_INTERVAL_MS, positiveMs),
    connectionIdleCheckIntervalMs: field(C.DEFAULT_CONNECTION_IDLE_CHECK_INTERVAL_MS, positiveMs),
    connectionIdleTimeoutMs: field(C.DEFAULT_CONNECTION_IDLE_TIMEOUT_MS, positiveMs),
    connectionKeepaliveTimeoutMs: field(C.DEFAULT_CONNECTION_KEEPALIVE_TIMEOUT_MS, positiveMs),
    debug: field(C.DEFAULT_DEBUG, bool),
    keepAlive: field(C.DEFAULT_KEEP_ALIVE, bool),
    keyfile: field(() => undefined, credential),
    logLevel: field(C.DEFAULT_LOG_LEVEL, oneOf(C.LOG_LEVELS, (s) => s.toUpperCase())),
    maxConnections: field(C.DEFAULT_CLIENT_MAX_CONNECTIONS, int(1)),
    maxDatagramSize: field(C.DEFAULT_MAX_DATAGRAM_SIZE, int(1, C.MAX_DATAGRAM_SIZE)),
    maxIncomingStreams: field(C.DEFAULT_MAX_INCOMING_STREAMS, int(1)),
    maxStreamBufferSize: field(C.DEFAULT_MAX_STREAM_BUFFER_SIZE, int(1)),
    readTimeoutMs: field(C.DEFAULT_READ_TIMEOUT_MS, nullableMs),
    streamBufferSize: field(C.DEFAULT_BUFFER_SIZE, int(1)),
    streamCleanupIntervalMs: field(C.DEFAULT_STREAM_CLEANUP_INTERVAL_MS, positiveMs),
    streamCreationTimeoutMs: field(C.DEFAULT_STREAM_CREATION_TIMEOUT_MS, positiveMs),
    writeTimeoutMs: field(C.DEFAULT_WRITE_TIMEOUT_MS, nullableMs),
};
const CLIENT_SPECS = {
    ...COMMON_SPECS,
    autoReconnect: field(C.DEFAULT_AUTO_RECONNECT, bool),
    closeTimeoutMs: field(C.DEFAULT_CLOSE_TIMEOUT_MS, positiveMs),
    connectTimeoutMs: field(C.DEFAULT_CONNECT_TIMEOUT_MS, positiveMs),
    headers: field(() => ({}), headerList),
    maxRetries: field(C.DEFAULT_MAX_RETRIES, int(0)),
    maxRetryDelayMs: field(C.DEFAULT_MAX_RETRY_DELAY_MS, positiveMs),
    maxStreams: field(C.DEFAULT_MAX_STREAMS, int(1)),
    retryBackoff: field(C.DEFAULT_RETRY_BACKOFF, num(1, false)),
    retryDelayMs: field(C.DEFAULT_RETRY_DELAY_MS, positiveMs),
    userAgent: field(C.DEFAULT_USER_AGENT, nonEmptyString),
    verifyMode: field(C.DEFAULT_CLIENT_VERIFY_MODE, (v, key) => v === null ? null : oneOf(Object.values(VerifyMode), (s) => s.toUpperCase())(v, key)),
};
const SERVER_SPECS = {
    ...COMMON_SPECS,
    accessLog: field(C.DEFAULT_ACCESS_LOG, bool),
    bindHost: field(C.DEFAULT_BIND_HOST, nonEmptyString),
    bindPort: field(C.DEFAULT_DEV_PORT, int(0, 65_535)),
    maxConnections: field(C.DEFAULT_SERVER_MAX_CONNECTIONS, int(1)),
    maxSessions: field(C.DEFAULT_MAX_SESSIONS, int(1)),
    maxStreamsPerConnection: field(C.DEFAULT_MAX_STREAMS_PER_CONNECTION, int(1)),
    middleware: field(() => Object.freeze([]), middlewareList),
    sessionCleanupIntervalMs: field(C.DEFAULT_SESSION_CLEANUP_INTERVAL_MS, positiveMs),
    verifyMode: field(C.DEFAULT_SERVER_VERIFY_MODE, oneOf(Object.values(VerifyMode), (s) => s.toUpperCase())),
};
function asOptionsObject(input, owner) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new ConfigurationError(`${owner} options must be an object`, { configValue: input, cause: new TypeError(`${owner} options must be an object`) });
    }
    return input;
}
/** Defaults + checked overrides. `strict` rejects unknown keys; lenient mode drops them. */
function resolveFields(specs, input, strict, owner) {
    const options = asOptionsObject(input, owner);
    if (strict) {
        for (const key of Object.keys(options)) {
            if (!Object.hasOwn(specs, key))
                throw invalidConfig({ key, value: options[key], reason: `unknown ${owner} option` });
        }
    }
    const out = {};
    for (const key of Object.keys(specs)) {
        const spec = specs[key];
        const raw = options[key];
        out[key] = raw === undefined ? spec.initial() : spec.check(raw, key);
    }
    return out;
}
function pick(input, keys) {
    const out = {};
    for (const key of keys)
        if (Object.hasOwn(input, key))
            out[key] = input[key];
    return out;
}
function checkCommon(f) {
    if (f.maxStreamBufferSize < f.streamBufferSize) {
        rangeFail('maxStreamBufferSize', f.maxStreamBufferSize, `>= streamBufferSize (${f.streamBufferSize})`);
    }
    if ((f.certfile === undefined) !== (f.keyfile === undefined)) {
        const key = f.certfile === undefined ? 'certfile' : 'keyfile';
        throw invalidConfig({ key, value: undefined, reason: 'certfile and keyfile must be given together' });
    }
}
function copyValue(value) {
    if (value instanceof Uint8Array)
        return value.slice();
    if (Array.isArray(value))
        return [...value];
    if (typeof value === 'object' && value !== null)
        return { ...value };
    return value;
}
function toPlainObject(config, specs) {
    const out = {};
    for (const key of Object.keys(specs))
        out[key] = copyValue(config[key]);
    return out;
}
/** Fields of `other` that are neither undefined nor null win (pywebtransport `merge`). */
function mergedFields(base, other, owner, keys) {
    const patch = asOptionsObject(other, `${owner}.merge`);
    const out = { ...base };
    for (const key of keys) {
        const value = patch[key];
        if (value !== undefined && value !== null)
            out[key] = value;
    }
    return out;
}
// ── ClientConfig ─────────────────────────────────────────────────────────────────────────────
const CLIENT_KEYS = Object.freeze(Object.keys(CLIENT_SPECS));
function withUserAgent(fields) {
    if (Object.hasOwn(fields.headers, C.USER_AGENT_HEADER))
        return fields;
    return { ...fields, headers: { ...fields.headers, [C.USER_AGENT_HEADER]: fields.userAgent } };
}
/** Starting point for a derived config: drops the derived user-agent header when userAgent changes. */
function clientBase(config, patch) {
    const base = toPlainObject(config, CLIENT_SPECS);
    const headers = base['headers'];
    if (patch['userAgent'] !== undefined && headers[C.USER_AGENT_HEADER] === config.userAgent) {
        delete headers[C.USER_AGENT_HEADER];
    }
    return base;
}
export class ClientConfig {
    /** Validates every field; unknown keys are rejected. */
    constructor(options = {}) {
        const fields = withUserAgent(resolveFields(CLIENT_SPECS, options, true, 'ClientConfig'));
        checkCommon(fields);
        Object.assign(this, fields);
        Object.freeze(this.headers);
        Object.freeze(this);
    }
    /** The default field values (pywebtransport `Defaults.get_client_config()`). */
    static defaults() {
        return resolveFields(CLIENT_SPECS, {}, true, 'ClientConfig');
    }
    /** Defaults merged with overrides; unknown keys are ignored. */
    static create(options = {}) {
        return new ClientConfig(pick(asOptionsObject(options, 'ClientConfig'), CLIENT_KEYS));
    }
    /** From a plain object (e.g. parsed JSON); unknown keys are ignored (pywebtransport `from_dict`). */
    static fromObject(object) {
        return ClientConfig.create(object);
    }
    /** Short timeouts, no certificate verification unless `verifySsl`, debug logging. */
    static createForDevelopment({ verifySsl = false } = {}) {
        return ClientConfig.create({
            connectTimeoutMs: 10_000,
            readTimeoutMs: 30_000,
            verifyMode: verifySsl ? VerifyMode.CERT_REQUIRED : VerifyMode.CERT_NONE,
            debug: true,
            logLevel: 'DEBUG',
        });
    }
    /** Verified TLS (optional CA bundle and client certificate), more streams per session. */
    static createForProduction({ caCerts, certfile, keyfile } = {}) {
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
    validate() {
        new ClientConfig(this.toObject());
    }
    /** Plain, JSON-friendly copy of every field (pywebtransport `to_dict`). */
    toObject() {
        return toPlainObject(this, CLIENT_SPECS);
    }
    /** Deep copy. */
    copy() {
        return new ClientConfig(this.toObject());
    }
    /** A validated copy with `patch` applied; unknown keys are a ConfigurationError. */
    update(patch) {
        const changes = asOptionsObject(patch, 'ClientConfig.update');
        return new ClientConfig({ ...clientBase(this, changes), ...changes });
    }
    /** A validated copy where the non-null fields of `other` (a ClientConfig or options) win. */
    merge(other) {
        if (other instanceof ServerConfig) {
            throw new ConfigurationError('ClientConfig.merge expects a ClientConfig or an options object', { cause: new TypeError('ServerConfig given') });
        }
        const patch = other instanceof ClientConfig ? other.toObject() : asOptionsObject(other, 'ClientConfig.merge');
        return new ClientConfig(mergedFields(clientBase(this, patch), patch, 'ClientConfig', CLIENT_KEYS));
    }
}
// ── ServerConfig ─────────────────────────────────────────────────────────────────────────────
const SERVER_KEYS = Object.freeze(Object.keys(SERVER_SPECS));
export class ServerConfig {
    /** Validates every field; unknown keys are rejected. */
    constructor(options = {}) {
        const fields = resolveFields(SERVER_SPECS, options, true, 'ServerConfig');
        checkCommon(fields);
        Object.assign(this, fields);
        Object.freeze(this);
    }
    /** The default field values (pywebtransport `Defaults.get_server_config()`). */
    static defaults() {
        return resolveFields(SERVER_SPECS, {}, true, 'ServerConfig');
    }
    /** Defaults merged with overrides; unknown keys are ignored. */
    static create(options = {}) {
        return new ServerConfig(pick(asOptionsObject(options, 'ServerConfig'), SERVER_KEYS));
    }
    /** From a plain object; unknown keys are ignored (pywebtransport `from_dict`). */
    static fromObject(object) {
        return ServerConfig.create(object);
    }
    /** Localhost, fewer connections and streams, debug logging. */
    static createForDevelopment({ host = C.DEFAULT_BIND_HOST, port = C.DEFAULT_DEV_PORT, certfile, keyfile } = {}) {
        return ServerConfig.create({
            bindHost: host, bindPort: port, certfile, keyfile,
            maxConnections: 100,
            maxStreamsPerConnection: 50,
            debug: true,
            logLevel: 'DEBUG',
        });
    }
    /** Certificate required; client certificates are requested (optional) when `caCerts` is given. */
    static createForProduction({ host, port, certfile, keyfile, caCerts }) {
        if (certfile === undefined || keyfile === undefined) {
            throw invalidConfig({ key: certfile === undefined ? 'certfile' : 'keyfile', value: undefined, reason: 'required in production' });
        }
        return ServerConfig.create({
            bindHost: host, bindPort: port, certfile, keyfile, caCerts,
            verifyMode: caCerts === undefined ? VerifyMode.CERT_NONE : VerifyMode.CERT_OPTIONAL,
        });
    }
    /** `{ host, port }` to bind (pywebtransport `get_bind_address`). */
    getBindAddress() {
        return { host: this.bindHost, port: this.bindPort };
    }
    validate() {
        new ServerConfig(this.toObject());
    }
    toObject() {
        return toPlainObject(this, SERVER_SPECS);
    }
    copy() {
        return new ServerConfig(this.toObject());
    }
    update(patch) {
        const changes = asOptionsObject(patch, 'ServerConfig.update');
        return new ServerConfig({ ...this.toObject(), ...changes });
    }
    merge(other) {
        if (other instanceof ClientConfig) {
            throw new ConfigurationError('ServerConfig.merge expects a ServerConfig or an options object', { cause: new TypeError('ClientConfig given') });
        }
        const patch = other instanceof ServerConfig ? other.toObject() : other;
        return new ServerConfig(mergedFields(this.toObject(), patch, 'ServerConfig', SERVER_KEYS));
    }
}
//# sourceMappingURL=config.js.map