/**
 * Random and mutated datagrams (mutations of a recorded real handshake and 1-RTT traffic) thrown
 * at a server Endpoint and at an established client connection: handleDatagram never throws,
 * output and events stay finite, and state (connections, buffered packets) stays bounded.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Endpoint } from '../../src/proto/quic/endpoint/endpoint.js';
import { nodeCryptoProvider } from '../../src/crypto/node-provider.js';
import { createTestPki } from '../../src/testing/test-pki.js';
import { SeededRandom } from '../../src/testing/seeded-random.js';
let pki;
const CLIENT = { address: '127.0.0.1', port: 40_000 };
const SERVER = { address: '127.0.0.1', port: 4433 };
const out = new Uint8Array(65_536);
function serverEndpoint(seed) {
    return new Endpoint({ server: { tls: { certificateChain: pki.chain, signingKey: pki.signingKey, alpnProtocols: ['test'] } } }, { crypto: nodeCryptoProvider, random: new SeededRandom(seed) });
}
/** Polls everything out of an endpoint, failing if it never stops (a livelock). */
function drain(ep, now) {
    const sent = [];
    for (let t = ep.pollTransmit(now, out); t; t = ep.pollTransmit(now, out)) {
        sent.push(out.slice(0, t.size));
        assert.ok(sent.length < 1_000, 'endless transmits');
    }
    let events = 0;
    for (let e = ep.pollEvent(); e; e = ep.pollEvent())
        assert.ok(++events < 10_000, 'endless events');
    return sent;
}
/** A full handshake plus some stream data and a datagram, every datagram recorded. */
function record() {
    const s = serverEndpoint(1);
    const c = new Endpoint({}, { crypto: nodeCryptoProvider, random: new SeededRandom(2) });
    const conn = c.connect(0, SERVER, { alpnProtocols: ['test'], verifier: null });
    const rec = { fromClient: [], fromServer: [] };
    let now = 0;
    for (let round = 0; round < 30; round++, now += 2_000) {
        if (round === 6) {
            conn.writeStream(conn.openStream('bidi'), new Uint8Array(3000).fill(5), true);
            conn.sendDatagram(new Uint8Array(100));
        }
        for (const d of drain(c, now)) {
            rec.fromClient.push(d.slice());
            s.handleDatagram(now, d, CLIENT);
        }
        for (const d of drain(s, now)) {
            rec.fromServer.push(d.slice());
            c.handleDatagram(now, d, SERVER);
        }
    }
    assert.equal(conn.state, 'established');
    return rec;
}
const mutation = fc.record({
    kind: fc.constantFrom('flip', 'set', 'truncate', 'insert', 'splice'),
    pos: fc.nat(),
    value: fc.integer({ min: 0, max: 255 }),
    bytes: fc.uint8Array({ maxLength: 64 }),
});
function mutate(d, ms) {
    let x = d.slice();
    for (const m of ms) {
        const pos = x.length === 0 ? 0 : m.pos % x.length;
        switch (m.kind) {
            case 'flip':
                if (x.length > 0)
                    x[pos] ^= 1 << (m.value & 7);
                break;
            case 'set':
                if (x.length > 0)
                    x[pos] = m.value;
                break;
            case 'truncate':
                x = x.slice(0, pos);
                break;
            case 'insert':
                x = Uint8Array.from([...x.subarray(0, pos), ...m.bytes, ...x.subarray(pos)]);
                break;
            case 'splice':
                x.set(m.bytes.subarray(0, Math.max(0, x.length - pos)), pos);
                break;
        }
    }
    return x;
}
let rec;
before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
    rec = record();
});
describe('connection and endpoint fuzz', () => {
    test('random datagrams at a server endpoint: no throw, no state, bounded answers', () => {
        const s = serverEndpoint(10);
        let now = 0;
        fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 1500 }), fc.boolean(), (d, long) => {
            if (long && d.length > 0)
                d[0] = d[0] | 0xc0; // steer half of them into long-header parsing
            now += 1_000;
            s.handleDatagram(now, d, CLIENT);
            drain(s, now);
            assert.equal(s.connectionCount, 0, 'junk never creates a connection');
        }), { numRuns: 1500, seed: 42 });
    });
    test('mutated client flights at a server endpoint: no throw, bounded connections and backlog', () => {
        const s = serverEndpoint(11);
        let now = 0;
        let valid = 0;
        fc.assert(fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (i, ms, mutateIt) => {
            const original = rec.fromClient[i % rec.fromClient.length];
            const d = mutateIt ? mutate(original, ms) : original.slice();
            if (!mutateIt)
                valid++;
            now += 500;
            s.handleDatagram(now, d, { address: '127.0.0.1', port: 40_000 + (i % 3) });
            drain(s, now);
            if (now % 50_000 === 0)
                s.handleTimeout(now);
            assert.ok(s.connectionCount <= valid + 1, `${s.connectionCount} connections from ${valid} valid datagrams`);
        }), { numRuns: 800, seed: 43 });
    });
    test('mutated server datagrams at an established client connection: no throw, stays bounded', () => {
        const s = serverEndpoint(12);
        const c = new Endpoint({}, { crypto: nodeCryptoProvider, random: new SeededRandom(13) });
        const conn = c.connect(0, SERVER, { alpnProtocols: ['test'], verifier: null });
        let now = 0;
        for (let round = 0; round < 20; round++, now += 2_000) {
            for (const d of drain(c, now))
                s.handleDatagram(now, d, CLIENT);
            for (const d of drain(s, now))
                c.handleDatagram(now, d, SERVER);
        }
        assert.equal(conn.state, 'established');
        // A fresh server's 1-RTT traffic for this client, to mutate: live packets under the right keys.
        const live = [];
        const id = conn.openStream('bidi');
        conn.writeStream(id, new Uint8Array(2000));
        for (const d of drain(c, now))
            s.handleDatagram(now, d, CLIENT);
        for (const d of drain(s, now))
            live.push(d);
        const corpus = [...live, ...rec.fromServer];
        fc.assert(fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, ms) => {
            now += 1_000;
            c.handleDatagram(now, mutate(corpus[i % corpus.length], ms), SERVER);
            drain(c, now);
            assert.ok(conn.undecryptableBacklog <= 16);
            assert.ok(c.connectionCount <= 1);
        }), { numRuns: 1000, seed: 44 });
        // Bit flips and junk cannot authenticate: the connection survives all of it.
        assert.equal(conn.state, 'established');
    });
});
//# sourceMappingURL=connection.test.js.map