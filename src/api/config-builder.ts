/**
 * ConfigBuilder: a fluent way to assemble a ClientConfig or ServerConfig (pywebtransport 0.5.1
 * ConfigBuilder). Each step only records options; build() validates everything at once through the
 * strict config constructor, so a typo or a bad value fails there with a ConfigurationError naming
 * the field. Steps that make no sense for the kind of config (bind() on a client) fail at once.
 */
import { ClientConfig, ServerConfig } from './config.js';
import type { ClientConfigOptions, CredentialSource, ServerConfigOptions, VerifyMode } from './config.js';
import { ConfigurationError } from './errors.js';

export type ConfigKind = 'client' | 'server';
export type ConfigFor<K extends ConfigKind> = K extends 'server' ? ServerConfig : ClientConfig;
export type OptionsFor<K extends ConfigKind> = K extends 'server' ? ServerConfigOptions : ClientConfigOptions;

export interface PerformanceOptions {
  /** Client: maxStreams; server: maxStreamsPerConnection. */
  readonly maxStreams?: number;
  /** streamBufferSize. */
  readonly bufferSize?: number;
  readonly maxConnections?: number;
  readonly maxDatagramSize?: number;
}

export interface SecurityOptions {
  readonly certfile?: CredentialSource;
  readonly keyfile?: CredentialSource;
  readonly caCerts?: CredentialSource;
  readonly verifyMode?: VerifyMode;
}

export interface TimeoutOptions {
  /** Client only. */
  readonly connectMs?: number;
  /** null: reads wait forever. */
  readonly readMs?: number | null;
  /** null: writes wait forever. */
  readonly writeMs?: number | null;
}

export class ConfigBuilder<K extends ConfigKind = 'client'> {
  readonly kind: K;
  #options: Record<string, unknown> = {};

  constructor(kind: K = 'client' as K) {
    if (kind !== 'client' && kind !== 'server') {
      throw new ConfigurationError(`config kind must be 'client' or 'server'`, { configKey: 'kind', configValue: kind });
    }
    this.kind = kind;
  }

  static client(): ConfigBuilder<'client'> {
    return new ConfigBuilder('client');
  }

  static server(): ConfigBuilder<'server'> {
    return new ConfigBuilder('server');
  }

  /** Starts from an existing config's fields (later steps override them). */
  static from<C extends ClientConfig | ServerConfig>(config: C): ConfigBuilder<C extends ServerConfig ? 'server' : 'client'> {
    const builder = new ConfigBuilder(config instanceof ServerConfig ? 'server' : 'client');
    const options: Record<string, unknown> = { ...config.toObject() };
    // Drop the derived user-agent header so a later set({ userAgent }) derives it afresh.
    if (config instanceof ClientConfig && config.headers['user-agent'] === config.userAgent) {
      const { 'user-agent': _derived, ...headers } = config.headers;
      options['headers'] = headers;
    }
    builder.#options = options;
    return builder as ConfigBuilder<C extends ServerConfig ? 'server' : 'client'>;
  }

  /** Server only: the address to listen on (port 0 = any free port). */
  bind({ host, port }: { host?: string; port?: number }): this {
    this.#only('server', 'bind');
    return this.#put({ bindHost: host, bindPort: port });
  }

  debug({ enabled = true, logLevel = 'DEBUG' }: { enabled?: boolean; logLevel?: string } = {}): this {
    return this.#put({ debug: enabled, logLevel });
  }

  performance({ maxStreams, bufferSize, maxConnections, maxDatagramSize }: PerformanceOptions): this {
    return this.#put({
      [this.kind === 'server' ? 'maxStreamsPerConnection' : 'maxStreams']: maxStreams,
      streamBufferSize: bufferSize,
      maxConnections,
      maxDatagramSize,
    });
  }

  security({ certfile, keyfile, caCerts, verifyMode }: SecurityOptions): this {
    return this.#put({ certfile, keyfile, caCerts, verifyMode });
  }

  timeout({ connectMs, readMs, writeMs }: TimeoutOptions): this {
    if (connectMs !== undefined) this.#only('client', 'timeout({ connectMs })');
    return this.#put({ connectTimeoutMs: connectMs, readTimeoutMs: readMs, writeTimeoutMs: writeMs });
  }

  /** Any other fields, by their config names (checked when build() runs). */
  set(options: OptionsFor<K>): this {
    return this.#put(options as Record<string, unknown>);
  }

  /** The options recorded so far (a copy). */
  toOptions(): OptionsFor<K> {
    return { ...this.#options } as OptionsFor<K>;
  }

  /** Validates and returns a new frozen config; the builder can keep being used. */
  build(): ConfigFor<K> {
    const options = { ...this.#options };
    return (this.kind === 'server' ? new ServerConfig(options) : new ClientConfig(options)) as ConfigFor<K>;
  }

  #put(values: Record<string, unknown>): this {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) this.#options[key] = value;
    return this;
  }

  #only(kind: ConfigKind, step: string): void {
    if (this.kind !== kind) {
      throw new ConfigurationError(`${step} is only valid for a ${kind} config`, { configKey: step, configValue: this.kind });
    }
  }
}
