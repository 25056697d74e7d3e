/** Many concurrent streams, stream limits, resets and STOP_SENDING on the simulated network. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createScenario, readAvailable } from '../helpers/scenario.js';

describe('streams on the simulated network', () => {
  test('200 concurrent bidi streams, echoed, with MAX_STREAMS raising the limit of 100', async () => {
    const s = await createScenario({ seed: 31, link: { latencyMs: 5, lossRate: 0.02 } });
    const { client, server } = s.handshake();
    const total = 200;
    const opened: number[] = [];
    const sent = new Map<number, Uint8Array>();
    const echoed = new Map<number, Uint8Array[]>();
    const serverBuffers = new Map<number, Uint8Array[]>();
    const serverDone = new Set<number>();
    const clientDone = new Set<number>();
    s.pair.drive(() => {
      while (opened.length < total) {
        const id = client.openStream('bidi');
        if (id === undefined) break;
        opened.push(id);
        const body = new Uint8Array(1000 + (opened.length % 7) * 300).fill(opened.length & 0xff);
        sent.set(id, body);
        assert.equal(client.writeStream(id, body, true), body.length);
      }
      // Server: echo each stream once its FIN arrived.
      for (let id = 0; id < total * 4; id += 4) {
        if (serverDone.has(id)) continue;
        const r = readAvailable(server, id);
        if (r.data.length) (serverBuffers.get(id) ?? serverBuffers.set(id, []).get(id)!).push(r.data);
        if (r.fin) {
          const chunks = serverBuffers.get(id) ?? [];
          const all = Buffer.concat(chunks);
          server.writeStream(id, all, true);
          serverDone.add(id);
        }
      }
      for (const id of opened) {
        if (clientDone.has(id)) continue;
        const r = readAvailable(client, id);
        if (r.data.length) (echoed.get(id) ?? echoed.set(id, []).get(id)!).push(r.data);
        if (r.fin) clientDone.add(id);
      }
      return clientDone.size === total;
    }, { maxTimeMs: 120_000 });
    for (const id of opened) {
      assert.ok(Buffer.concat(echoed.get(id) ?? []).equals(Buffer.from(sent.get(id)!)), `stream ${id} echoed intact`);
    }
  });

  test('RESET_STREAM and STOP_SENDING reach the peer with their codes', async () => {
    const s = await createScenario({ seed: 32 });
    const { client, server } = s.handshake();
    const a = client.openStream('bidi')!;
    client.writeStream(a, new Uint8Array(5000));
    s.pair.advance(50);
    client.resetStream(a, 7n);
    const b = client.openStream('bidi')!;
    client.writeStream(b, new Uint8Array(10));
    s.pair.advance(50);
    server.stopStream(b, 9n);
    s.pair.drive(() => {
      const se = s.events('server', server);
      const ce = s.events('client', client);
      return se.some((e) => e.type === 'streamReset' && e.streamId === a && e.errorCode === 7n)
        && ce.some((e) => e.type === 'streamStopped' && e.streamId === b && e.errorCode === 9n);
    }, { maxTimeMs: 5_000 });
  });
});
