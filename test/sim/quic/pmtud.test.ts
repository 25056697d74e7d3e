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
  test('a 1500-byte link: both sides use 1452 from confirmation and 2 MB flows without loss', async () => {
    const { s, client, server } = await setup(71, { latencyMs: 10, mtu: 1472 }, ETHERNET_BOUND);
    s.pair.advance(100);
    assert.equal(client.stats().maxPacketSize, 1452);
    assert.equal(server.stats().maxPacketSize, 1452);
    upload(s, client, server, 2 * MB);
    const stats = client.stats();
    assert.equal(stats.packetsLost, 0);
    assert.equal(stats.pmtuProbesLost, 0);
  });

  test('a 1280-byte link: the assumed 1452 is a black hole, the connection falls back and probes below it', async () => {
    const { s, client, server } = await setup(72, { latencyMs: 10, mtu: 1252 }, ETHERNET_BOUND);
    upload(s, client, server, 2 * MB);
    const stats = client.stats();
    assert.ok(stats.maxPacketSize >= 1200 && stats.maxPacketSize <= 1252, `size ${stats.maxPacketSize}`);
    assert.ok(s.pair.clientToServer.stats.droppedMtu > 0, 'full-size packets were black-holed first');
    assert.ok(stats.pmtuProbesLost >= 3, 'the 1452 probe was lost MAX_PROBES times after the fallback');
  });

  test('a loopback path: a bulk transfer reaches the loopback bound and needs far fewer packets', async () => {
    const small = await setup(73, { latencyMs: 1 }, ETHERNET_BOUND);
    small.s.pair.advance(50);
    const before = small.client.stats().packetsSent;
    upload(small.s, small.client, small.server, 2 * MB);
    const smallPackets = small.client.stats().packetsSent - before;

    const big = await setup(73, { latencyMs: 1 });
    big.s.pair.advance(50);
    assert.equal(big.client.stats().maxPacketSize, 1452, 'no probes before a bulk transfer');
    const start = big.client.stats().packetsSent;
    upload(big.s, big.client, big.server, 2 * MB);
    assert.equal(big.client.stats().maxPacketSize, 16_384);
    const bigPackets = big.client.stats().packetsSent - start;
    assert.ok(bigPackets * 3 < smallPackets, `${bigPackets} packets with discovery vs ${smallPackets} at 1452`);
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
