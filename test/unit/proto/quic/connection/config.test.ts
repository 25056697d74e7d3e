import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TRANSPORT_CONFIG, resolveTransportConfig } from '../../../../../src/proto/quic/connection/config.js';
import { TransportError, TransportErrorCode } from '../../../../../src/proto/quic/errors.js';

function rejects(overrides: Parameters<typeof resolveTransportConfig>[0]): void {
  assert.throws(() => resolveTransportConfig(overrides),
    (e: unknown) => e instanceof TransportError && e.code === TransportErrorCode.INTERNAL_ERROR);
}

describe('resolveTransportConfig', () => {
  test('no overrides gives the defaults (a copy)', () => {
    const c = resolveTransportConfig();
    assert.deepEqual(c, { ...DEFAULT_TRANSPORT_CONFIG });
    assert.notEqual(c, DEFAULT_TRANSPORT_CONFIG);
  });

  test('overrides apply; undefined fields keep the default', () => {
    const c = resolveTransportConfig({ maxIdleTimeoutMs: 5_000, initialRttMs: undefined as unknown as number });
    assert.equal(c.maxIdleTimeoutMs, 5_000);
    assert.equal(c.initialRttMs, DEFAULT_TRANSPORT_CONFIG.initialRttMs);
  });

  test('rejects negative, fractional and non-numeric limits', () => {
    rejects({ initialMaxData: -1 });
    rejects({ initialMaxStreamsBidi: 1.5 });
    rejects({ maxIdleTimeoutMs: Number.NaN });
    rejects({ handshakeTimeoutMs: '10' as unknown as number });
  });

  test('rejects out-of-range protocol values', () => {
    rejects({ ackDelayExponent: 21 });
    rejects({ maxAckDelayMs: 2 ** 14 });
    rejects({ activeConnectionIdLimit: 1 });
    rejects({ maxPacketSize: 1199 });
    rejects({ maxPacketSize: 65_528 });
    rejects({ loopbackMaxPacketSize: 1199 });
    rejects({ loopbackMaxPacketSize: 65_528 });
    rejects({ connectionIdLength: 21 });
    rejects({ initialMaxStreamsUni: 2 ** 60 + 2 ** 40 });
    rejects({ sendBufferSize: 0 });
  });

  test('accepts the boundaries', () => {
    const c = resolveTransportConfig({ ackDelayExponent: 20, activeConnectionIdLimit: 2, maxPacketSize: 1200, connectionIdLength: 0 });
    assert.equal(c.ackDelayExponent, 20);
    assert.equal(c.connectionIdLength, 0);
  });

  test('windows are raised to at least the initial limits', () => {
    const c = resolveTransportConfig({ initialMaxStreamDataBidiLocal: 8e6, maxStreamWindow: 1, initialMaxData: 9e6, maxConnectionWindow: 1 });
    assert.equal(c.maxStreamWindow, 8e6);
    assert.equal(c.maxConnectionWindow, 9e6);
  });
});
