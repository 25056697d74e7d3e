import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Endpoint } from '../../../../../src/proto/quic/endpoint/endpoint.js';
import { nodeCryptoProvider } from '../../../../../src/crypto/node-provider.js';
import { createTestPki } from '../../../../../src/testing/test-pki.js';
import { SeededRandom } from '../../../../../src/testing/seeded-random.js';
import { TransportError } from '../../../../../src/proto/quic/errors.js';
let pki;
const CLIENT = { address: '127.0.0.1', port: 40_000 };
const SERVER = { address: '127.0.0.1', port: 4433 };
function transmits(ep, now) {
    const out = new Uint8Array(65_536);
    const all = [];
    for (let t = ep.pollTransmit(now, out); t; t = ep.pollTransmit(now, out))
        all.push(out.slice(0, t.size));
    return all;
}
function established(seed) {
    const s = new Endpoint({ server: { tls: { certificateChain: pki.chain, signingKey: pki.signingKey, alpnProtocols: ['test'] } } }, { crypto: nodeCryptoProvider, random: new SeededRandom(seed) });
    const c = new Endpoint({}, { crypto: nodeCryptoProvider, random: new SeededRandom(seed + 1) });
    const client = c.connect(0, SERVER, { alpnProtocols: ['test'], verifier: null });
    let server;
    for (let now = 0, round = 0; round < 20; round++, now += 1_000) {
        for (const d of transmits(c, now))
            s.handleDatagram(now, d, CLIENT);
        for (const d of transmits(s, now))
            c.handleDatagram(now, d, SERVER);
        for (let e = s.pollEvent(); e; e = s.pollEvent())
            if (e.type === 'accepted')
                server = e.connection;
    }
    return { c, s, client, server: server };
}
before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
});
describe('Connection', () => {
    test('before the handshake: streams and CID switching are unavailable', () => {
        const c = new Endpoint({}, { crypto: nodeCryptoProvider, random: new SeededRandom(1) });
        const conn = c.connect(0, SERVER, { alpnProtocols: ['test'], verifier: null });
        assert.equal(conn.state, 'handshaking');
        assert.equal(conn.openStream('bidi'), undefined);
        assert.equal(conn.sendDatagram(new Uint8Array(1)), 'unsupported');
        assert.equal(conn.switchRemoteConnectionId(), false);
        assert.ok(conn.pollTimeout() !== undefined, 'handshake and idle timers are armed');
    });
    test('after the handshake: ALPN, peer limits and issued CIDs are in place', () => {
        const { client, server } = established(10);
        assert.equal(client.state, 'established');
        assert.equal(server.state, 'established');
        assert.equal(client.alpn, 'test');
        assert.ok(client.maxDatagramSize > 1000);
        assert.equal(client.cids.remoteCount, 4, 'the server issued up to our active_connection_id_limit');
    });
    test('commands after close: writes throw, datagrams report closed, close is idempotent', () => {
        const { client } = established(20);
        const id = client.openStream('bidi');
        client.close(100_000, 3n, 'bye');
        assert.equal(client.state, 'closing');
        assert.throws(() => client.writeStream(id, new Uint8Array(1)), TransportError);
        assert.equal(client.sendDatagram(new Uint8Array(1)), 'closed');
        assert.equal(client.openStream('bidi'), undefined);
        client.close(100_000, 4n, 'again');
        assert.equal(client.closeReason?.code, 3n);
        client.resetStream(id, 1n); // no-ops, no throw
        client.stopStream(id, 1n);
    });
    test('handleStatelessReset ignores datagrams without a known token', () => {
        const { client } = established(30);
        assert.equal(client.handleStatelessReset(0, new Uint8Array(50).fill(0x41)), false);
        assert.equal(client.state, 'established');
    });
    test('stats count what was sent and received', () => {
        const { client } = established(40);
        const st = client.stats();
        assert.ok(st.datagramsSent >= 2 && st.bytesSent >= 1200);
        assert.ok(st.packetsReceived >= 2);
        assert.ok(st.congestionWindow >= 2 * 1200);
    });
});
//# sourceMappingURL=connection.test.js.map