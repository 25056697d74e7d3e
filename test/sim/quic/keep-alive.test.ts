/** Keep-alive (TransportConfig.keepAliveIntervalMs) on the simulated network, virtual clock. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createScenario, closeInfo, hasEvent } from '../helpers/scenario.js';
import { resolveTransportConfig } from '../../../src/proto/quic/connection/config.js';
import { TransportError } from '../../../src/proto/quic/errors.js';

const IDLE_1S = { maxIdleTimeoutMs: 1_000 };

describe('QUIC keep-alive', () => {
  test('an idle connection with keep-alive stays up through 10 s of silence (idle timeout 1 s)', async () => {
    // The configured interval is larger than the idle timeout: it is capped at half of it.
    const s = await createScenario({ seed: 901, clientTransport: { ...IDLE_1S, keepAliveIntervalMs: 30_000 }, serverTransport: IDLE_1S });
    const { client, server } = s.handshake();
    s.pair.advance(200);
    const sentBefore = client.stats().packetsSent;
    s.pair.advance(10_000);
    assert.equal(client.state, 'established');
    assert.equal(server.state, 'established');
    assert.ok(!hasEvent(s.events('client', client), 'closed'));
    assert.ok(!hasEvent(s.events('server', server), 'closed'));
    // Only the client sends PINGs; the server answers them with ACKs and stays up too.
    assert.ok(client.stats().packetsSent - sentBefore >= 10, 'the client sent PINGs');
  });

  test('the same connection without keep-alive closes with kind idleTimeout', async () => {
    const s = await createScenario({ seed: 902, clientTransport: IDLE_1S, serverTransport: IDLE_1S });
    const { client, server } = s.handshake();
    s.pair.advance(10_000);
    assert.equal(closeInfo(s.events('client', client))?.kind, 'idleTimeout');
    assert.equal(closeInfo(s.events('server', server))?.kind, 'idleTimeout');
  });

  test('a configured interval below half the idle timeout is used as is', async () => {
    const s = await createScenario({
      seed: 903, clientTransport: { maxIdleTimeoutMs: 30_000, keepAliveIntervalMs: 1_000 }, serverTransport: { maxIdleTimeoutMs: 30_000 },
    });
    const { client, server } = s.handshake();
    s.pair.advance(500);
    const clientBefore = client.stats().packetsSent;
    const serverReceivedBefore = server.stats().packetsReceived;
    s.pair.advance(10_000);
    const pings = client.stats().packetsSent - clientBefore;
    // About one PING a second (not one per 15 s, half the idle timeout).
    assert.ok(pings >= 8 && pings <= 12, `${pings} packets in 10 s`);
    assert.equal(server.stats().packetsReceived - serverReceivedBefore, pings);
  });

  test('keep-alive survives lost PINGs (loss recovery retransmits the probe)', async () => {
    const s = await createScenario({ seed: 904, clientTransport: { ...IDLE_1S, keepAliveIntervalMs: 400 }, serverTransport: IDLE_1S });
    const { client, server } = s.handshake();
    s.pair.advance(200);
    let dropped = 0;
    s.pair.clientToServer.dropWhere(() => dropped++ < 1);
    s.pair.advance(5_000);
    assert.equal(dropped > 0, true);
    assert.equal(client.state, 'established');
    assert.equal(server.state, 'established');
  });

  test('no PINGs are sent when keep-alive is off', async () => {
    const s = await createScenario({ seed: 905, clientTransport: { maxIdleTimeoutMs: 30_000 }, serverTransport: { maxIdleTimeoutMs: 30_000 } });
    const { client } = s.handshake();
    s.pair.advance(1_000);
    const before = client.stats().packetsSent;
    s.pair.advance(10_000);
    assert.equal(client.stats().packetsSent, before);
  });

  test('keepAliveIntervalMs and congestionControl are validated', () => {
    assert.throws(() => resolveTransportConfig({ keepAliveIntervalMs: -1 }), TransportError);
    assert.throws(() => resolveTransportConfig({ keepAliveIntervalMs: 1.5 }), TransportError);
    assert.throws(() => resolveTransportConfig({ congestionControl: 'reno' as never }), TransportError);
    assert.equal(resolveTransportConfig({}).keepAliveIntervalMs, 0);
  });
});
