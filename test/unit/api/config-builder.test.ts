import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigBuilder } from '../../../src/api/config-builder.js';
import { ClientConfig, ServerConfig } from '../../../src/api/config.js';
import { ConfigurationError } from '../../../src/api/errors.js';

describe('ConfigBuilder', () => {
  test('client: each step maps to its config fields', () => {
    const config = ConfigBuilder.client()
      .debug()
      .performance({ maxStreams: 7, bufferSize: 4096, maxConnections: 3 })
      .timeout({ connectMs: 1500, readMs: null, writeMs: 2500 })
      .security({ verifyMode: 'CERT_NONE' })
      .set({ userAgent: 'ua/1' })
      .build();
    assert.ok(config instanceof ClientConfig);
    assert.equal(config.debug, true);
    assert.equal(config.logLevel, 'DEBUG');
    assert.equal(config.maxStreams, 7);
    assert.equal(config.streamBufferSize, 4096);
    assert.equal(config.maxConnections, 3);
    assert.equal(config.connectTimeoutMs, 1500);
    assert.equal(config.readTimeoutMs, null);
    assert.equal(config.writeTimeoutMs, 2500);
    assert.equal(config.verifyMode, 'CERT_NONE');
    assert.equal(config.userAgent, 'ua/1');
  });

  test('server: bind and maxStreams → maxStreamsPerConnection', () => {
    const config = ConfigBuilder.server().bind({ host: '127.0.0.1', port: 0 }).performance({ maxStreams: 9 }).debug({ enabled: false, logLevel: 'error' }).build();
    assert.ok(config instanceof ServerConfig);
    assert.deepEqual(config.getBindAddress(), { host: '127.0.0.1', port: 0 });
    assert.equal(config.maxStreamsPerConnection, 9);
    assert.equal(config.debug, false);
    assert.equal(config.logLevel, 'ERROR');
  });

  test('steps for the other kind fail at once', () => {
    assert.throws(() => ConfigBuilder.client().bind({ port: 1 }), ConfigurationError);
    assert.throws(() => ConfigBuilder.server().timeout({ connectMs: 1 }), ConfigurationError);
    assert.throws(() => new ConfigBuilder('proxy' as 'client'), ConfigurationError);
  });

  test('build validates the values and names the field', () => {
    const builder = ConfigBuilder.client().performance({ bufferSize: -1 });
    assert.throws(() => builder.build(), (e: unknown) => e instanceof ConfigurationError && e.configKey === 'streamBufferSize');
    assert.throws(() => ConfigBuilder.client().set({ nope: 1 } as never).build(), (e: unknown) => e instanceof ConfigurationError && e.configKey === 'nope');
  });

  test('undefined step values keep earlier ones; build can be repeated', () => {
    const builder = ConfigBuilder.client().timeout({ connectMs: 100 }).timeout({ readMs: 200 });
    assert.deepEqual(builder.toOptions(), { connectTimeoutMs: 100, readTimeoutMs: 200 });
    const a = builder.build();
    const b = builder.set({ maxRetries: 0 }).build();
    assert.equal(a.maxRetries, 3);
    assert.equal(b.maxRetries, 0);
    assert.equal(b.connectTimeoutMs, 100);
  });

  test('from() starts from an existing config of the same kind', () => {
    const base = new ServerConfig({ bindPort: 9000, maxSessions: 5 });
    const derived = ConfigBuilder.from(base).bind({ host: '::1' }).build();
    assert.ok(derived instanceof ServerConfig);
    assert.equal(derived.bindPort, 9000);
    assert.equal(derived.bindHost, '::1');
    assert.equal(derived.maxSessions, 5);
    const client = ConfigBuilder.from(new ClientConfig({ headers: { 'x-a': '1' } })).set({ userAgent: 'next/2' }).build();
    assert.equal(client.headers['user-agent'], 'next/2');
    assert.equal(client.headers['x-a'], '1');
  });
});
