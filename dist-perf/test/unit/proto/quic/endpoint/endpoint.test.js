import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Endpoint } from '../../../../../src/proto/quic/endpoint/endpoint.js';
import { nodeCryptoProvider } from '../../../../../src/crypto/node-provider.js';
import { createTestPki } from '../../../../../src/testing/test-pki.js';
import { SeededRandom } from '../../../../../src/testing/seeded-random.js';
import { parseHeader } from '../../../../../src/proto/quic/wire/header.js';
let pki;
const CLIENT = { address: '127.0.0.1', port: 40_000 };
const SERVER = { address: '127.0.0.1', port: 4433 };
function server(seed, maxConnections) {
    return new Endpoint({
        server: { tls: { certificateChain: pki.chain, signingKey: pki.signingKey, alpnProtocols: ['test'] },
            ...(maxConnections !== undefined ? { maxConnections } : {}) },
    }, { crypto: nodeCryptoProvider, random: new SeededRandom(seed) });
}
function client(seed) {
    return new Endpoint({}, { crypto: nodeCryptoProvider, random: new SeededRandom(seed) });
}
function transmits(ep, now) {
    const out = new Uint8Array(65_536);
    const all = [];
    for (let t = ep.pollTransmit(now, out); t; t = ep.pollTransmit(now, out))
        all.push(out.slice(0, t.size));
    return all;
}
/** A client's first Initial datagram. */
function firstInitial(seed) {
    const c = client(seed);
    c.connect(0, SERVER, { alpnProtocols: ['test'], verifier: null });
    return transmits(c, 0)[0];
}
/** Delivers datagrams between two endpoints until both are quiet. */
function exchange(a, b, now) {
    for (let round = 0; round < 50; round++) {
        const fromA = transmits(a, now);
        const fromB = transmits(b, now);
        if (fromA.length === 0 && fromB.length === 0)
            return;
        for (const d of fromA)
            b.handleDatagram(now, d, CLIENT);
        for (const d of fromB)
            a.handleDatagram(now, d, SERVER);
        now += 1_000;
    }
}
before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
});
describe('Endpoint', () => {
    test('connect(): a padded Initial (>= 1200 bytes) with an 8-byte random DCID', () => {
        const c = client(1);
        const conn = c.connect(0, SERVER, { alpnProtocols: ['test'], verifier: null });
        assert.equal(c.connectionCount, 1);
        assert.equal(conn.isServer, false);
        const [d] = transmits(c, 0);
        assert.ok(d && d.length >= 1200);
        const h = parseHeader(d, 0, 8);
        assert.equal(h.kind, 'initial');
        if (h.kind === 'initial')
            assert.equal(h.dcid.length, 8);
        assert.ok(c.pollTimeout() !== undefined);
    });
    test('a server accepts an Initial, announces it once, and routes later packets to it', () => {
        const s = server(2);
        const c = client(3);
        const conn = c.connect(0, SERVER, { alpnProtocols: ['test'], verifier: null });
        exchange(c, s, 0);
        assert.equal(s.connectionCount, 1);
        const first = s.pollEvent();
        assert.equal(first?.type, 'accepted');
        const rest = [];
        for (let e = s.pollEvent(); e; e = s.pollEvent())
            rest.push(e);
        assert.ok(!rest.some((e) => e.type === 'accepted'));
        assert.ok(rest.some((e) => e.type === 'connection' && e.event.type === 'handshakeCompleted'));
        assert.equal(conn.state, 'established');
    });
    test('a client endpoint (no server config) ignores Initials', () => {
        const c = client(4);
        c.handleDatagram(0, firstInitial(5), CLIENT);
        assert.equal(c.connectionCount, 0);
        assert.equal(transmits(c, 0).length, 0);
    });
    test('drops empty, truncated, and short-DCID Initial datagrams', () => {
        const s = server(6);
        s.handleDatagram(0, new Uint8Array(0), CLIENT);
        s.handleDatagram(0, new Uint8Array([0xc0, 0, 0, 0, 1, 30]), CLIENT);
        const initial = firstInitial(7);
        const shortDcid = new Uint8Array(1200);
        shortDcid.set(initial.subarray(0, 5));
        shortDcid[5] = 4; // a client DCID must be at least 8 bytes (RFC 9000 §7.2)
        s.handleDatagram(0, shortDcid, CLIENT);
        assert.equal(s.connectionCount, 0);
        assert.equal(transmits(s, 0).length, 0);
    });
    test('maxConnections refuses new connections silently', () => {
        const s = server(8, 1);
        s.handleDatagram(0, firstInitial(9), CLIENT);
        s.handleDatagram(0, firstInitial(10), { address: '127.0.0.1', port: 40_001 });
        assert.equal(s.connectionCount, 1);
    });
    test('stateless answers are bounded: a flood of unknown versions queues at most 256', () => {
        const s = server(11);
        const d = new Uint8Array(1200);
        d.set([0xc0, 0x1a, 0x2a, 0x3a, 0x4a, 8, 1, 2, 3, 4, 5, 6, 7, 8, 0]);
        for (let i = 0; i < 1000; i++)
            s.handleDatagram(0, d, CLIENT);
        const sent = transmits(s, 0);
        assert.equal(sent.length, 256);
    });
    test('closeAll closes every connection; they are reaped after closing', () => {
        const s = server(12);
        const c = client(13);
        c.connect(0, SERVER, { alpnProtocols: ['test'], verifier: null });
        exchange(c, s, 0);
        s.closeAll(10_000, 0n, 'shutdown');
        exchange(c, s, 10_000);
        const later = 10_000_000;
        s.handleTimeout(later);
        c.handleTimeout(later);
        transmits(s, later);
        transmits(c, later);
        for (let e = s.pollEvent(); e; e = s.pollEvent()) { /* drain */ }
        for (let e = c.pollEvent(); e; e = c.pollEvent()) { /* drain */ }
        transmits(s, later);
        transmits(c, later);
        assert.equal(s.connectionCount, 0);
        assert.equal(c.connectionCount, 0);
    });
});
//# sourceMappingURL=endpoint.test.js.map