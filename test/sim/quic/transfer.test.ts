/**
 * Bulk transfer scenarios: 5 MB each way on one stream at 0 %, 5 % and 20 % loss and with
 * reordering; every byte must arrive intact, and a run must be reproducible from its seed.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createScenario, payload, transferOnStream } from '../helpers/scenario.js';
import { SeededRandom } from '../../../src/testing/seeded-random.js';
import type { LinkConfig } from '../../../src/testing/sim-link.js';
import { createTestPki } from '../../../src/testing/test-pki.js';

type TestPki = Awaited<ReturnType<typeof createTestPki>>;

const MB = 1024 * 1024;

async function bothWays(seed: number, link: Partial<LinkConfig>, size: number, pki?: TestPki): Promise<{ hash: string; lost: number }> {
  const s = await createScenario({ seed, link, ...(pki ? { pki } : {}) });
  const { client, server } = s.handshake({ maxTimeMs: 60_000 });
  const rng = new SeededRandom(seed);
  const up = payload(rng, size);
  const down = payload(rng, size);

  const upId = client.openStream('bidi')!;
  const gotUp = transferOnStream(s.pair, client, upId, up, () => server, { maxTimeMs: 600_000 });
  assert.equal(gotUp.length, up.length, 'upload length');
  assert.ok(Buffer.from(gotUp).equals(Buffer.from(up)), 'upload bytes intact');

  const downId = server.openStream('uni')!;
  const gotDown = transferOnStream(s.pair, server, downId, down, () => client, { maxTimeMs: 600_000 });
  assert.equal(gotDown.length, down.length, 'download length');
  assert.ok(Buffer.from(gotDown).equals(Buffer.from(down)), 'download bytes intact');
  return { hash: s.pair.transcript.hash(), lost: client.stats().packetsLost + server.stats().packetsLost };
}

describe('bulk transfer on the simulated network', () => {
  test('5 MB each way on one stream, no loss', async () => {
    const r = await bothWays(21, { latencyMs: 10 }, 5 * MB);
    assert.equal(r.lost, 0);
  });

  test('5 MB each way at 5 % random loss', async () => {
    const r = await bothWays(22, { latencyMs: 10, lossRate: 0.05 }, 5 * MB);
    assert.ok(r.lost > 0, 'loss was exercised');
  });

  test('2 MB each way at 20 % random loss', async () => {
    const r = await bothWays(23, { latencyMs: 10, lossRate: 0.2 }, 2 * MB);
    assert.ok(r.lost > 0);
  });

  test('2 MB each way with reordering, jitter and duplication', async () => {
    await bothWays(24, { latencyMs: 10, jitterMs: 8, reorderRate: 0.1, duplicateRate: 0.02 }, 2 * MB);
  });

  test('a run is reproducible from its seed', async () => {
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
    const a = await bothWays(25, { latencyMs: 5, lossRate: 0.05, jitterMs: 2 }, 256 * 1024, pki);
    const b = await bothWays(25, { latencyMs: 5, lossRate: 0.05, jitterMs: 2 }, 256 * 1024, pki);
    const c = await bothWays(26, { latencyMs: 5, lossRate: 0.05, jitterMs: 2 }, 256 * 1024, pki);
    assert.equal(a.hash, b.hash, 'same seed, same transcript');
    assert.notEqual(a.hash, c.hash, 'another seed, another transcript');
  });

  test('a slow reader holds the sender back through flow control', async () => {
    const s = await createScenario({ seed: 27, clientTransport: { sendBufferSize: 256 * 1024 },
      serverTransport: { initialMaxStreamDataBidiRemote: 64 * 1024, initialMaxData: 128 * 1024, maxStreamWindow: 64 * 1024, maxConnectionWindow: 128 * 1024 } });
    const { client, server } = s.handshake();
    const id = client.openStream('bidi')!;
    const data = new Uint8Array(1 * MB).fill(7);
    let accepted = 0;
    for (let i = 0; i < 50; i++) {
      accepted += client.writeStream(id, data.subarray(accepted));
      s.pair.advance(20);
    }
    // The server application never read: at most its window (plus the client's send buffer) moved.
    const stats = server.stats();
    assert.ok(stats.bytesReceived < 400 * 1024, `receiver got ${stats.bytesReceived} bytes without reading`);
    assert.ok(accepted < data.length, 'the writer was held back');
  });
});
