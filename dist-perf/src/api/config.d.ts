import * as C from './constants.js';
export declare const VerifyMode: Readonly<{
    readonly CERT_NONE: "CERT_NONE";
    readonly CERT_OPTIONAL: "CERT_OPTIONAL";
    readonly CERT_REQUIRED: "CERT_REQUIRED";
}>;
export type VerifyMode = (typeof VerifyMode)[keyof typeof VerifyMode];
export type CongestionControlAlgorithm = (typeof C.SUPPORTED_CONGESTION_CONTROL_ALGORITHMS)[number];
export type LogLevel = (typeof C.LOG_LEVELS)[number];
/** PEM text, a path to a PEM file, or PEM/DER bytes. */
export type CredentialSource = string | Uint8Array;
/** pywebtransport's boolean middleware; ServerApp has its own, richer middleware. */
export type ConfigMiddleware = (...args: never[]) => unknown;
interface CommonConfigFields {
    alpnProtocols: readonly string[];
    caCerts: CredentialSource | undefined;
    certfile: CredentialSource | undefined;
    congestionControlAlgorithm: CongestionControlAlgorithm;
    connectionCleanupIntervalMs: number;
    connectionIdleCheckIntervalMs: number;
    connectionIdleTimeoutMs: number;
    connectionKeepaliveTimeoutMs: number;
    debug: boolean;
    keepAlive: boolean;
    keyfile: CredentialSource | undefined;
    logLevel: LogLevel;
    maxConnections: number;
    maxDatagramSize: number;
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
    autoReconnect: boolean;
    closeTimeoutMs: number;
    connectTimeoutMs: number;
    /** Sent on the CONNECT request; names are lower-cased and `user-agent` is added when absent. */
    headers: Readonly<Record<string, string>>;
    maxRetries: number;
    maxRetryDelayMs: number;
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
    maxStreamsPerConnection: number;
    middleware: readonly ConfigMiddleware[];
    sessionCleanupIntervalMs: number;
    verifyMode: VerifyMode;
}
export type ClientConfigOptions = {
    readonly [K in keyof ClientConfigFields]?: ClientConfigFields[K];
};
export type ServerConfigOptions = {
    readonly [K in keyof ServerConfigFields]?: ServerConfigFields[K];
};
export declare class ClientConfig implements Readonly<ClientConfigFields> {
    readonly alpnProtocols: readonly string[];
    readonly autoReconnect: boolean;
    readonly caCerts: CredentialSource | undefined;
    readonly certfile: CredentialSource | undefined;
    readonly closeTimeoutMs: number;
    readonly congestionControlAlgorithm: CongestionControlAlgorithm;
    readonly connectTimeoutMs: number;
    readonly connectionCleanupIntervalMs: number;
    readonly connectionIdleCheckIntervalMs: number;
    readonly connectionIdleTimeoutMs: number;
    readonly connectionKeepaliveTimeoutMs: number;
    readonly debug: boolean;
    readonly headers: Readonly<Record<string, string>>;
    readonly keepAlive: boolean;
    readonly keyfile: CredentialSource | undefined;
    readonly logLevel: LogLevel;
    readonly maxConnections: number;
    readonly maxDatagramSize: number;
    readonly maxIncomingStreams: number;
    readonly maxRetries: number;
    readonly maxRetryDelayMs: number;
    readonly maxStreamBufferSize: number;
    readonly maxStreams: number;
    readonly readTimeoutMs: number | null;
    readonly retryBackoff: number;
    readonly retryDelayMs: number;
    readonly streamBufferSize: number;
    readonly streamCleanupIntervalMs: number;
    readonly streamCreationTimeoutMs: number;
    readonly userAgent: string;
    readonly verifyMode: VerifyMode | null;
    readonly writeTimeoutMs: number | null;
    /** Validates every field; unknown keys are rejected. */
    constructor(options?: ClientConfigOptions);
    /** The default field values (pywebtransport `Defaults.get_client_config()`). */
    static defaults(): ClientConfigFields;
    /** Defaults merged with overrides; unknown keys are ignored. */
    static create(options?: ClientConfigOptions): ClientConfig;
    /** From a plain object (e.g. parsed JSON); unknown keys are ignored (pywebtransport `from_dict`). */
    static fromObject(object: Record<string, unknown>): ClientConfig;
    /** Short timeouts, no certificate verification unless `verifySsl`, debug logging. */
    static createForDevelopment({ verifySsl }?: {
        verifySsl?: boolean;
    }): ClientConfig;
    /** Verified TLS (optional CA bundle and client certificate), more streams per session. */
    static createForProduction({ caCerts, certfile, keyfile }?: {
        caCerts?: CredentialSource;
        certfile?: CredentialSource;
        keyfile?: CredentialSource;
    }): ClientConfig;
    /** Re-checks every rule; a constructed config always passes. */
    validate(): void;
    /** Plain, JSON-friendly copy of every field (pywebtransport `to_dict`). */
    toObject(): ClientConfigFields;
    /** Deep copy. */
    copy(): ClientConfig;
    /** A validated copy with `patch` applied; unknown keys are a ConfigurationError. */
    update(patch: ClientConfigOptions): ClientConfig;
    /** A validated copy where the non-null fields of `other` (a ClientConfig or options) win. */
    merge(other: ClientConfig | ClientConfigOptions): ClientConfig;
}
export interface ServerPresetOptions {
    host?: string;
    port?: number;
    certfile?: CredentialSource;
    keyfile?: CredentialSource;
}
export declare class ServerConfig implements Readonly<ServerConfigFields> {
    readonly accessLog: boolean;
    readonly alpnProtocols: readonly string[];
    readonly bindHost: string;
    readonly bindPort: number;
    readonly caCerts: CredentialSource | undefined;
    readonly certfile: CredentialSource | undefined;
    readonly congestionControlAlgorithm: CongestionControlAlgorithm;
    readonly connectionCleanupIntervalMs: number;
    readonly connectionIdleCheckIntervalMs: number;
    readonly connectionIdleTimeoutMs: number;
    readonly connectionKeepaliveTimeoutMs: number;
    readonly debug: boolean;
    readonly keepAlive: boolean;
    readonly keyfile: CredentialSource | undefined;
    readonly logLevel: LogLevel;
    readonly maxConnections: number;
    readonly maxDatagramSize: number;
    readonly maxIncomingStreams: number;
    readonly maxSessions: number;
    readonly maxStreamBufferSize: number;
    readonly maxStreamsPerConnection: number;
    readonly middleware: readonly ConfigMiddleware[];
    readonly readTimeoutMs: number | null;
    readonly sessionCleanupIntervalMs: number;
    readonly streamBufferSize: number;
    readonly streamCleanupIntervalMs: number;
    readonly streamCreationTimeoutMs: number;
    readonly verifyMode: VerifyMode;
    readonly writeTimeoutMs: number | null;
    /** Validates every field; unknown keys are rejected. */
    constructor(options?: ServerConfigOptions);
    /** The default field values (pywebtransport `Defaults.get_server_config()`). */
    static defaults(): ServerConfigFields;
    /** Defaults merged with overrides; unknown keys are ignored. */
    static create(options?: ServerConfigOptions): ServerConfig;
    /** From a plain object; unknown keys are ignored (pywebtransport `from_dict`). */
    static fromObject(object: Record<string, unknown>): ServerConfig;
    /** Localhost, fewer connections and streams, debug logging. */
    static createForDevelopment({ host, port, certfile, keyfile }?: ServerPresetOptions): ServerConfig;
    /** Certificate required; client certificates are requested (optional) when `caCerts` is given. */
    static createForProduction({ host, port, certfile, keyfile, caCerts }: Required<Pick<ServerPresetOptions, 'host' | 'port' | 'certfile' | 'keyfile'>> & {
        caCerts?: CredentialSource;
    }): ServerConfig;
    /** `{ host, port }` to bind (pywebtransport `get_bind_address`). */
    getBindAddress(): {
        host: string;
        port: number;
    };
    validate(): void;
    toObject(): ServerConfigFields;
    copy(): ServerConfig;
    update(patch: ServerConfigOptions): ServerConfig;
    merge(other: ServerConfig | ServerConfigOptions): ServerConfig;
}
export {};
