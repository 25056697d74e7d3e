import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientConfig, ServerConfig, VerifyMode } from '../../../src/api/config.js';
import { DEFAULT_USER_AGENT } from '../../../src/api/constants.js';
import { CertificateError, ConfigurationError } from '../../../src/api/errors.js';

function assertConfigError(fn: () => unknown, key: string, cause?: new (...args: never[]) => Error): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ConfigurationError, `expected ConfigurationError, got ${String(error)}`);
    assert.equal(error.configKey, key);
    assert.match(error.message, new RegExp(key.replace('.', '\\.')));
    if (cause !== undefined) assert.ok(error.cause instanceof cause, `cause ${String(error.cause)}`);
    return true;
  });
}

const PEM = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';

describe('ClientConfig', () => {
  test('defaults match pywebtransport 0.5.1 (durations in ms)', () => {
    const c = new ClientConfig();
    assert.deepEqual(c.alpnProtocols, ['h3', 'h3-29']);
    assert.equal(c.autoReconnect, false);
    assert.equal(c.caCerts, undefined);
    assert.equal(c.certfile, undefined);
    assert.equal(c.keyfile, undefined);
    assert.equal(c.closeTimeoutMs, 5_000);
    assert.equal(c.congestionControlAlgorithm, 'cubic');
    assert.equal(c.connectTimeoutMs, 30_000);
    assert.equal(c.connectionCleanupIntervalMs, 30_000);
    assert.equal(c.connectionIdleCheckIntervalMs, 5_000);
    assert.equal(c.connectionIdleTimeoutMs, 60_000);
    assert.equal(c.connectionKeepaliveTimeoutMs, 30_000);
    assert.equal(c.debug, false);
    assert.deepEqual(c.headers, { 'user-agent': DEFAULT_USER_AGENT });
    assert.equal(c.keepAlive, true);
    assert.equal(c.logLevel, 'INFO');
    assert.equal(c.maxConnections, 100);
    assert.equal(c.maxDatagramSize, 65_535);
    assert.equal(c.maxIncomingStreams, 100);
    assert.equal(c.maxRetries, 3);
    assert.equal(c.maxRetryDelayMs, 30_000);
    assert.equal(c.maxStreamBufferSize, 1_048_576);
    assert.equal(c.maxStreams, 100);
    assert.equal(c.readTimeoutMs, 60_000);
    assert.equal(c.retryBackoff, 2);
    assert.equal(c.retryDelayMs, 1_000);
    assert.equal(c.streamBufferSize, 65_536);
    assert.equal(c.streamCleanupIntervalMs, 15_000);
    assert.equal(c.streamCreationTimeoutMs, 10_000);
    assert.equal(c.userAgent, DEFAULT_USER_AGENT);
    assert.equal(c.verifyMode, 'CERT_REQUIRED');
    assert.equal(c.writeTimeoutMs, 30_000);
    assert.equal(Object.keys(c.toObject()).length, 32);
  });

  test('is frozen', () => {
    const c = new ClientConfig();
    assert.ok(Object.isFrozen(c));
    assert.ok(Object.isFrozen(c.headers));
    assert.throws(() => {
      (c as { maxStreams: number }).maxStreams = 5;
    }, TypeError);
  });

  test('headers are lower-cased and user-agent is added unless given', () => {
    const c = new ClientConfig({ headers: { 'X-Token': 'abc' }, userAgent: 'me/1' });
    assert.deepEqual(c.headers, { 'x-token': 'abc', 'user-agent': 'me/1' });
    const own = new ClientConfig({ headers: { 'User-Agent': 'custom' } });
    assert.equal(own.headers['user-agent'], 'custom');
  });

  test('rejects bad headers', () => {
    assertConfigError(() => new ClientConfig({ headers: { 'bad name': 'x' } }), 'headers.bad name', RangeError);
    assertConfigError(() => new ClientConfig({ headers: { a: 'x\r\ninjected: 1' } }), 'headers.a', RangeError);
    assertConfigError(() => new ClientConfig({ headers: { a: 1 as unknown as string } }), 'headers.a', TypeError);
    assertConfigError(() => new ClientConfig({ headers: [] as unknown as Record<string, string> }), 'headers', TypeError);
  });

  const invalid: Array<[string, unknown, (new (...args: never[]) => Error)?]> = [
    ['alpnProtocols', [], RangeError],
    ['alpnProtocols', 'h3', TypeError],
    ['alpnProtocols', [''], RangeError],
    ['alpnProtocols', ['x'.repeat(256)], RangeError],
    ['autoReconnect', 'yes', TypeError],
    ['closeTimeoutMs', 0, RangeError],
    ['congestionControlAlgorithm', 'bbr', RangeError],
    ['connectTimeoutMs', -1, RangeError],
    ['connectTimeoutMs', Infinity, RangeError],
    ['connectTimeoutMs', Number.NaN, TypeError],
    ['connectTimeoutMs', '30', TypeError],
    ['connectTimeoutMs', null, TypeError],
    ['connectionIdleTimeoutMs', 0, RangeError],
    ['keepAlive', 1, TypeError],
    ['logLevel', 'verbose', RangeError],
    ['maxConnections', 0, RangeError],
    ['maxConnections', 1.5, TypeError],
    ['maxDatagramSize', 0, RangeError],
    ['maxDatagramSize', 65_536, RangeError],
    ['maxIncomingStreams', 0, RangeError],
    ['maxRetries', -1, RangeError],
    ['maxRetryDelayMs', 0, RangeError],
    ['maxStreams', 0, RangeError],
    ['readTimeoutMs', 0, RangeError],
    ['retryBackoff', 0.5, RangeError],
    ['retryDelayMs', 0, RangeError],
    ['streamBufferSize', 0, RangeError],
    ['streamCreationTimeoutMs', -5, RangeError],
    ['userAgent', '', RangeError],
    ['verifyMode', 'CERT_MAYBE', RangeError],
    ['verifyMode', 2, TypeError],
    ['writeTimeoutMs', -1, RangeError],
    ['certfile', 42, TypeError],
  ];
  for (const [key, value, cause] of invalid) {
    test(`rejects ${key} = ${String(value)}`, () => {
      assertConfigError(() => new ClientConfig({ [key]: value } as never), key, cause);
    });
  }

  test('accepts boundary and normalised values', () => {
    const c = new ClientConfig({
      maxDatagramSize: 1, maxRetries: 0, retryBackoff: 1, readTimeoutMs: null, writeTimeoutMs: null,
      verifyMode: null, logLevel: 'debug' as never, congestionControlAlgorithm: 'RENO' as never,
    });
    assert.equal(c.maxDatagramSize, 1);
    assert.equal(c.readTimeoutMs, null);
    assert.equal(c.writeTimeoutMs, null);
    assert.equal(c.verifyMode, null);
    assert.equal(c.logLevel, 'DEBUG');
    assert.equal(c.congestionControlAlgorithm, 'reno');
    assert.equal(new ClientConfig({ verifyMode: 'cert_none' as never }).verifyMode, VerifyMode.CERT_NONE);
  });

  test('maxStreamBufferSize must be >= streamBufferSize', () => {
    assertConfigError(() => new ClientConfig({ streamBufferSize: 2048, maxStreamBufferSize: 1024 }), 'maxStreamBufferSize', RangeError);
    assert.equal(new ClientConfig({ streamBufferSize: 1024, maxStreamBufferSize: 1024 }).maxStreamBufferSize, 1024);
  });

  test('unknown keys: rejected by the constructor and update, ignored by create/fromObject', () => {
    assertConfigError(() => new ClientConfig({ bogus: 1 } as never), 'bogus');
    assertConfigError(() => new ClientConfig().update({ bogus: 1 } as never), 'bogus');
    assert.equal(ClientConfig.create({ bogus: 1, maxStreams: 7 } as never).maxStreams, 7);
    assert.equal(ClientConfig.fromObject({ bogus: 1, maxRetries: 9 }).maxRetries, 9);
  });

  test('options must be an object', () => {
    assert.throws(() => new ClientConfig(null as never), ConfigurationError);
    assert.throws(() => ClientConfig.create('x' as never), ConfigurationError);
  });

  test('undefined values take the default', () => {
    assert.equal(new ClientConfig({ maxStreams: undefined }).maxStreams, 100);
  });

  describe('credentials', () => {
    let dir = '';
    let certPath = '';
    let keyPath = '';
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'apibase-config-'));
      certPath = join(dir, 'cert.pem');
      keyPath = join(dir, 'key.pem');
      writeFileSync(certPath, PEM);
      writeFileSync(keyPath, 'key');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('existing paths, inline PEM and bytes are accepted', () => {
      const c = new ClientConfig({ certfile: certPath, keyfile: keyPath, caCerts: PEM });
      assert.equal(c.certfile, certPath);
      assert.equal(c.caCerts, PEM);
      const bytes = new ClientConfig({ certfile: new Uint8Array([1]), keyfile: new Uint8Array([2]) });
      assert.deepEqual(bytes.certfile, new Uint8Array([1]));
    });

    test('a missing file is a ConfigurationError caused by CertificateError', () => {
      assertConfigError(() => new ClientConfig({ caCerts: join(dir, 'missing.pem') }), 'caCerts', CertificateError);
    });

    test('certfile and keyfile go together', () => {
      assertConfigError(() => new ClientConfig({ certfile: certPath }), 'keyfile');
      assertConfigError(() => new ClientConfig({ keyfile: keyPath }), 'certfile');
    });

    test('empty strings mean "not set" (0.5.1 used "")', () => {
      assert.equal(new ClientConfig({ certfile: '', keyfile: '' }).certfile, undefined);
    });

    test('empty bytes are rejected', () => {
      assertConfigError(() => new ClientConfig({ caCerts: new Uint8Array(0) }), 'caCerts', RangeError);
    });

    test('createForProduction', () => {
      const c = ClientConfig.createForProduction({ caCerts: certPath, certfile: certPath, keyfile: keyPath });
      assert.equal(c.verifyMode, 'CERT_REQUIRED');
      assert.equal(c.maxStreams, 200);
      assert.equal(c.streamBufferSize, 65_536);
      assert.equal(c.connectTimeoutMs, 30_000);
      assert.equal(c.readTimeoutMs, 60_000);
      assert.equal(c.writeTimeoutMs, 30_000);
      assert.equal(c.caCerts, certPath);
      assert.equal(ClientConfig.createForProduction().caCerts, undefined);
    });
  });

  test('createForDevelopment', () => {
    const dev = ClientConfig.createForDevelopment();
    assert.equal(dev.verifyMode, 'CERT_NONE');
    assert.equal(dev.connectTimeoutMs, 10_000);
    assert.equal(dev.readTimeoutMs, 30_000);
    assert.equal(dev.debug, true);
    assert.equal(dev.logLevel, 'DEBUG');
    assert.equal(ClientConfig.createForDevelopment({ verifySsl: true }).verifyMode, 'CERT_REQUIRED');
  });

  test('toObject is a plain, detached, JSON-friendly copy', () => {
    const c = new ClientConfig({ maxStreams: 5 });
    const o = c.toObject();
    assert.equal(Object.getPrototypeOf(o), Object.prototype);
    assert.equal(o.maxStreams, 5);
    (o.headers as Record<string, string>)['x'] = 'y';
    assert.equal(c.headers['x'], undefined);
    const round = JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
    assert.equal(round['verifyMode'], 'CERT_REQUIRED');
    assert.equal(ClientConfig.fromObject(round).maxStreams, 5);
  });

  test('copy is equal but distinct', () => {
    const c = new ClientConfig({ headers: { a: 'b' } });
    const d = c.copy();
    assert.notEqual(c, d);
    assert.deepEqual(d.toObject(), c.toObject());
    assert.notEqual(d.headers, c.headers);
  });

  test('update returns a validated copy and leaves the original alone', () => {
    const c = new ClientConfig();
    const d = c.update({ maxStreams: 10, connectTimeoutMs: 5 });
    assert.equal(d.maxStreams, 10);
    assert.equal(d.connectTimeoutMs, 5);
    assert.equal(c.maxStreams, 100);
    assertConfigError(() => c.update({ maxStreams: 0 }), 'maxStreams');
  });

  test('a new userAgent replaces the derived user-agent header, not an explicit one', () => {
    const d = new ClientConfig().update({ userAgent: 'next/2' });
    assert.equal(d.headers['user-agent'], 'next/2');
    const explicit = new ClientConfig({ headers: { 'user-agent': 'mine' } }).update({ userAgent: 'next/2' });
    assert.equal(explicit.headers['user-agent'], 'mine');
  });

  test('merge: non-null fields of the other side win', () => {
    const base = new ClientConfig({ maxStreams: 10, readTimeoutMs: 5_000 });
    const merged = base.merge({ maxRetries: 7, readTimeoutMs: null, maxStreams: undefined });
    assert.equal(merged.maxRetries, 7);
    assert.equal(merged.maxStreams, 10);
    assert.equal(merged.readTimeoutMs, 5_000, 'null does not override');
    const other = new ClientConfig({ maxStreams: 3 });
    assert.equal(base.merge(other).maxStreams, 3);
    assert.throws(() => base.merge(new ServerConfig() as never), (e: unknown) => e instanceof ConfigurationError && e.cause instanceof TypeError);
    assert.throws(() => base.merge(42 as never), ConfigurationError);
  });

  test('validate passes for a constructed config', () => {
    assert.doesNotThrow(() => new ClientConfig().validate());
  });

  test('defaults() returns fresh default fields', () => {
    const d = ClientConfig.defaults();
    assert.equal(d.maxStreams, 100);
    assert.equal(d.connectTimeoutMs, 30_000);
  });
});

describe('ServerConfig', () => {
  test('defaults match pywebtransport 0.5.1 (durations in ms)', () => {
    const s = new ServerConfig();
    assert.equal(s.accessLog, true);
    assert.deepEqual(s.alpnProtocols, ['h3', 'h3-29']);
    assert.equal(s.bindHost, 'localhost');
    assert.equal(s.bindPort, 4433);
    assert.equal(s.caCerts, undefined);
    assert.equal(s.certfile, undefined);
    assert.equal(s.keyfile, undefined);
    assert.equal(s.congestionControlAlgorithm, 'cubic');
    assert.equal(s.connectionCleanupIntervalMs, 30_000);
    assert.equal(s.connectionIdleCheckIntervalMs, 5_000);
    assert.equal(s.connectionIdleTimeoutMs, 60_000);
    assert.equal(s.connectionKeepaliveTimeoutMs, 30_000);
    assert.equal(s.debug, false);
    assert.equal(s.keepAlive, true);
    assert.equal(s.logLevel, 'INFO');
    assert.equal(s.maxConnections, 3_000);
    assert.equal(s.maxDatagramSize, 65_535);
    assert.equal(s.maxIncomingStreams, 100);
    assert.equal(s.maxSessions, 10_000);
    assert.equal(s.maxStreamBufferSize, 1_048_576);
    assert.equal(s.maxStreamsPerConnection, 100);
    assert.deepEqual(s.middleware, []);
    assert.equal(s.readTimeoutMs, 60_000);
    assert.equal(s.sessionCleanupIntervalMs, 60_000);
    assert.equal(s.streamBufferSize, 65_536);
    assert.equal(s.streamCleanupIntervalMs, 15_000);
    assert.equal(s.streamCreationTimeoutMs, 10_000);
    assert.equal(s.verifyMode, 'CERT_NONE');
    assert.equal(s.writeTimeoutMs, 30_000);
    assert.ok(Object.isFrozen(s));
  });

  const invalid: Array<[string, unknown, (new (...args: never[]) => Error)?]> = [
    ['bindHost', '', RangeError],
    ['bindPort', 65_536, RangeError],
    ['bindPort', -1, RangeError],
    ['bindPort', '4433', TypeError],
    ['maxSessions', 0, RangeError],
    ['maxStreamsPerConnection', 0, RangeError],
    ['middleware', ['x'], TypeError],
    ['sessionCleanupIntervalMs', 0, RangeError],
    ['verifyMode', null, TypeError],
    ['accessLog', 'no', TypeError],
  ];
  for (const [key, value, cause] of invalid) {
    test(`rejects ${key} = ${String(value)}`, () => {
      assertConfigError(() => new ServerConfig({ [key]: value } as never), key, cause);
    });
  }

  test('port 0 asks for any free port', () => {
    assert.equal(new ServerConfig({ bindPort: 0 }).bindPort, 0);
  });

  test('getBindAddress', () => {
    assert.deepEqual(new ServerConfig({ bindHost: '127.0.0.1', bindPort: 9000 }).getBindAddress(), { host: '127.0.0.1', port: 9000 });
  });

  test('middleware functions are kept', () => {
    const mw = (): boolean => true;
    const s = new ServerConfig({ middleware: [mw] });
    assert.equal(s.middleware[0], mw);
    assert.ok(Object.isFrozen(s.middleware));
  });

  test('createForDevelopment', () => {
    const s = ServerConfig.createForDevelopment({ certfile: PEM, keyfile: PEM, port: 0 });
    assert.equal(s.bindHost, 'localhost');
    assert.equal(s.bindPort, 0);
    assert.equal(s.maxConnections, 100);
    assert.equal(s.maxStreamsPerConnection, 50);
    assert.equal(s.debug, true);
    assert.equal(ServerConfig.createForDevelopment().bindPort, 4433);
  });

  test('createForProduction: CERT_OPTIONAL with a CA, else CERT_NONE; certificate required', () => {
    const base = { host: '127.0.0.1', port: 443, certfile: PEM, keyfile: PEM };
    assert.equal(ServerConfig.createForProduction(base).verifyMode, 'CERT_NONE');
    const withCa = ServerConfig.createForProduction({ ...base, caCerts: PEM });
    assert.equal(withCa.verifyMode, 'CERT_OPTIONAL');
    assert.equal(withCa.bindPort, 443);
    assertConfigError(() => ServerConfig.createForProduction({ ...base, certfile: undefined as never }), 'certfile');
  });

  test('update, merge, copy, fromObject', () => {
    const s = new ServerConfig({ maxSessions: 5 });
    assert.equal(s.update({ bindPort: 1 }).bindPort, 1);
    assert.equal(s.update({ bindPort: 1 }).maxSessions, 5);
    assertConfigError(() => s.update({ nope: 1 } as never), 'nope');
    assert.equal(s.merge({ maxSessions: 9, bindHost: undefined }).maxSessions, 9);
    assert.equal(s.merge(new ServerConfig({ bindHost: '::1' })).bindHost, '::1');
    assert.throws(() => s.merge(new ClientConfig() as never), ConfigurationError);
    assert.deepEqual(s.copy().toObject(), s.toObject());
    assert.equal(ServerConfig.fromObject({ ...s.toObject(), extra: true }).maxSessions, 5);
    assert.equal(ServerConfig.defaults().maxSessions, 10_000);
    assert.doesNotThrow(() => s.validate());
  });

  test('rejects client-only keys', () => {
    assertConfigError(() => new ServerConfig({ connectTimeoutMs: 1 } as never), 'connectTimeoutMs');
  });
});
