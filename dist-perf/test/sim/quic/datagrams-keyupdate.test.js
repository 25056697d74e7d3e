/** DATAGRAM frames (RFC 9221) and 1-RTT key updates (RFC 9001 §6) on the simulated network. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createScenario, payload, readAvailable, transferOnStream } from '../helpers/scenario.js';
import { SeededRandom } from '../../../src/testing/seeded-random.js';
describe('datagrams and key update', () => {
    test('datagrams arrive intact; oversize ones are refused', async () => {
        const s = await createScenario({ seed: 41, link: { latencyMs: 5 } });
        const { client, server } = s.handshake();
        assert.ok(client.maxDatagramSize > 1000);
        const sent = [];
        for (let i = 0; i < 100; i++) {
            const d = new Uint8Array(64 + i).fill(i);
            sent.push(d);
            assert.equal(client.sendDatagram(d), 'queued');
        }
        assert.equal(client.sendDatagram(new Uint8Array(client.maxDatagramSize + 1)), 'too-large');
        const got = [];
        s.pair.drive(() => {
            for (let d = server.readDatagram(); d; d = server.readDatagram())
                got.push(d.slice());
            return got.length === 100;
        }, { maxTimeMs: 5_000 });
        for (let i = 0; i < 100; i++)
            assert.ok(Buffer.from(got[i]).equals(Buffer.from(sent[i])));
    });
    test('a key update in the middle of a transfer keeps every byte', async () => {
        const s = await createScenario({ seed: 42, link: { latencyMs: 5, jitterMs: 3 } });
        const { client, server } = s.handshake();
        s.pair.advance(100); // handshake confirmed on both sides
        const data = payload(new SeededRandom(42), 2 * 1024 * 1024);
        const id = client.openStream('uni');
        let updated = false;
        let offset = 0;
        const got = [];
        let fin = false;
        s.pair.drive(() => {
            if (offset < data.length)
                offset += client.writeStream(id, data.subarray(offset), true);
            const r = readAvailable(server, id);
            if (r.data.length)
                got.push(r.data);
            if (r.fin)
                fin = true;
            if (!updated && got.length > 10)
                updated = client.initiateKeyUpdate(s.pair.now());
            return fin;
        }, { maxTimeMs: 60_000 });
        assert.ok(updated, 'the client initiated a key update');
        assert.ok(Buffer.concat(got).equals(Buffer.from(data)));
        // A second update after the first was acknowledged also works, and the server followed.
        const id2 = client.openStream('bidi');
        s.pair.advance(200);
        assert.ok(client.initiateKeyUpdate(s.pair.now()), 'second update allowed once the first is confirmed');
        const back = transferOnStream(s.pair, client, id2, data.subarray(0, 100_000), () => server);
        assert.equal(back.length, 100_000);
    });
});
//# sourceMappingURL=datagrams-keyupdate.test.js.map