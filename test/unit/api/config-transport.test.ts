/** How ClientConfig / ServerConfig fields become QUIC transport settings (webTransportTransport). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientConfig, ServerConfig } from '../../../src/api/config.js';
import { ConfigurationError } from '../../../src/api/errors.js';
import { webTransportTransport } from '../../../src/api/server.js';
import { resolveTransportConfig } from '../../../src/proto/quic/connection/config.js';

describe('config → transport', () => {
  test('defaults: keep-alive on at the configured interval, CUBIC, idle timeout, datagrams sized for 65535', () => {
    const t = resolveTransportConfig(webTransportTransport(new ClientConfig()));
    assert.equal(t.keepAliveIntervalMs, 30_000);
    assert.equal(t.congestionControl, 'cubic');
    assert.equal(t.maxIdleTimeoutMs, 60_000);
    assert.equal(t.maxDatagramFrameSize, 65_535);
  });

  test('keepAlive false turns PINGs off; connectionKeepaliveTimeoutMs sets the interval', () => {
    assert.equal(webTransportTransport(new ServerConfig({ keepAlive: false })).keepAliveIntervalMs, 0);
    assert.equal(webTransportTransport(new ClientConfig({ connectionKeepaliveTimeoutMs: 2_500 })).keepAliveIntervalMs, 2_500);
    assert.equal(webTransportTransport(new ClientConfig({ connectionKeepaliveTimeoutMs: 0.2 })).keepAliveIntervalMs, 1);
  });

  test("congestionControlAlgorithm 'reno' selects NewReno, 'cubic' CUBIC (case-insensitive)", () => {
    assert.equal(webTransportTransport(new ClientConfig({ congestionControlAlgorithm: 'reno' })).congestionControl, 'newreno');
    assert.equal(webTransportTransport(new ServerConfig({ congestionControlAlgorithm: 'RENO' as 'reno' })).congestionControl, 'newreno');
    assert.equal(webTransportTransport(new ServerConfig({ congestionControlAlgorithm: 'cubic' })).congestionControl, 'cubic');
  });

  test('maxDatagramSize sizes the max_datagram_frame_size we announce (payload + frame overhead)', () => {
    const t = webTransportTransport(new ClientConfig({ maxDatagramSize: 1_000 }));
    assert.ok(t.maxDatagramFrameSize! > 1_000 && t.maxDatagramFrameSize! <= 1_016, String(t.maxDatagramFrameSize));
    assert.equal(webTransportTransport(new ClientConfig({ maxDatagramSize: 65_535 })).maxDatagramFrameSize, 65_535);
  });

  test('the transport option overrides what the config derives', () => {
    const t = webTransportTransport(new ClientConfig({ congestionControlAlgorithm: 'reno' }), { congestionControl: 'cubic', keepAliveIntervalMs: 0 });
    assert.equal(t.congestionControl, 'cubic');
    assert.equal(t.keepAliveIntervalMs, 0);
  });

  test('alpnProtocols must contain h3 (WebTransport runs over HTTP/3)', () => {
    assert.throws(() => new ClientConfig({ alpnProtocols: ['h3-29'] }), (e: unknown) => e instanceof ConfigurationError && /h3/.test(e.message));
    assert.throws(() => new ServerConfig({ alpnProtocols: ['echo'] }), ConfigurationError);
    assert.deepEqual(new ClientConfig({ alpnProtocols: ['h3-29', 'h3'] }).alpnProtocols, ['h3-29', 'h3']);
  });
});
