/**
 * Path MTU discovery on the simulated network (RFC 9000 §14.3, RFC 8899): the packet size a
 * connection reaches depends on what the link carries, probe loss is not congestion, and a path
 * whose MTU drops mid-transfer (a black hole) is survived by falling back to 1200 bytes.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createScenario, payload, transferOnStream, type Scenario } from '../helpers/scenario.js';
import { SeededRandom } from '../../../src/testing/seeded-random.js';
import type { Connection } from '../../../src/proto/quic/connection/connection.js';
import type { LinkConfig } from '../../../src/testing/sim-link.js';
import type { TransportConfig } from '../../../src/proto/quic/connection/config.js';

const MB = 1024 * 1024;
/** The sim's addresses are loopback: this bound makes the path behave like an ordinary destination. */
const ETHERNET_BOUND: Partial<TransportConfig> = { loopbackMaxPacketSize: 1452 };

async function setup(seed: number, link: Partial<LinkConfig>, transport: Partial<TransportConfig> = {}): Promise<{ s: Scenario; client: Connection; server: Connection }> {
  const s = await createScenario({ seed, link, clientTransport: transport, serverTransport: transport });
  const { client, server } = s.handshake({ maxTimeMs: 60_000 });
  return { s, client, server };
}

function upload(s: Scenario, client: Connection, server: Connection, size: number, onStep?: () => void): void {
  const data = payload(new SeededRandom(size), size);
  const id = client.openStream('bidi')!;
  const got = transferOnStream(s.pair, client, id, data, () => {
    onStep?.();
    return server;
  }, { maxTimeMs: 600_000 });
  assert.equal(got.length, data.length, 'every byte arrived');
  assert.ok(Buffer.from(got).equals(Buffer.from(data)), 'bytes intact');
}

describe('PMTU discovery on the simulated network', () => {
  test('a 1500-byte link: both sides reach 1452 within a few round trips and 2 MB flows', async () => {
    const { s, client, server } = await setup(71, { latencyMs: 10, mtu: 1472 }, ETHERNET_BOUND);
    assert.equal(client.stats().maxPacketSize, 1200, 'the base size until a probe is acknowledged');
    s.pair.advance(100);
    assert.equal(client.stats().maxPacketSize, 1452);
    assert.equal(server.stats().maxPacketSize, 1452);
    upload(s, client, server, 2 * MB);
    const stats = client.stats();
    assert.equal(stats.packetsLost, 0);
    assert.equal(stats.pmtuProbesLost, 0);
  });

  test('a 1280-byte link: probes fail, packets stay under the MTU, no congestion response', async () => {
    const { s, client, server } = await setup(72, { latencyMs: 10, mtu: 1252 }, ETHERNET_BOUND);
    upload(s, client, server, 2 * MB);
    const stats = client.stats();
    assert.ok(stats.maxPacketSize >= 1200 && stats.maxPacketSize <= 1252, `size ${stats.maxPacketSize}`);
    assert.ok(stats.pmtuProbesLost >= 3, 'the 1452 probe was lost MAX_PROBES times');
    assert.equal(stats.packetsLost, 0, 'lost probes are not counted as lost packets');
    assert.ok(s.pair.clientToServer.stats.droppedMtu >= stats.pmtuProbesLost, 'only probes were too big');
    // Slow start never ended: a probe loss would have halved the window.
    assert.ok(stats.congestionWindow > 200_000, `window ${stats.congestionWindow}`);
  });

  test('a loopback path reaches the loopback bound and needs far fewer packets', async () => {
    const small = await setup(73, { latencyMs: 1 }, ETHERNET_BOUND);
    small.s.pair.advance(50);
    const before = small.client.stats().packetsSent;
    upload(small.s, small.client, small.server, 2 * MB);
    const smallPackets = small.client.stats().packetsSent - before;

    const big = await setup(73, { latencyMs: 1 });
    big.s.pair.advance(50);
    assert.equal(big.client.stats().maxPacketSize, 16_384);
    assert.equal(big.server.stats().maxPacketSize, 16_384);
    const start = big.client.stats().packetsSent;
    upload(big.s, big.client, big.server, 2 * MB);
    const bigPackets = big.client.stats().packetsSent - start;
    assert.ok(bigPackets * 5 < smallPackets, `${bigPackets} packets at 16384 vs ${smallPackets} at 1452`);
  });

  test('the MTU drops mid-transfer: the black hole is detected, packets shrink, the transfer completes', async () => {
    const { s, client, server } = await setup(74, { latencyMs: 10 }, ETHERNET_BOUND);
    s.pair.advance(100);
    assert.equal(client.stats().maxPacketSize, 1452);
    let dropped = false;
    upload(s, client, server, 2 * MB, () => {
      if (!dropped && server.stats().bytesReceived > 512 * 1024) {
        s.pair.clientToServer.configure({ mtu: 1252 });
        dropped = true;
      }
    });
    assert.ok(dropped);
    const stats = client.stats();
    assert.ok(stats.maxPacketSize <= 1252, `size ${stats.maxPacketSize}`);
    assert.ok(s.pair.clientToServer.stats.droppedMtu > 0, 'big packets were black-holed');
  });
});
