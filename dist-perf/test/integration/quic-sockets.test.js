/**
 * Real loopback UDP: IPv6, one server socket serving many connections demultiplexed by
 * connection ID, and one client socket dialing several connections.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { QuicEndpoint } from '../../src/runtime/quic-endpoint.js';
import { serveEcho } from '../../src/cli/echo-server.js';
import { createTestPki } from '../../src/testing/test-pki.js';
import { createCertificateVerifier } from '../../src/crypto/node-cert-verifier.js';
async function ipv6Available() {
    const s = createSocket('udp6');
    try {
        await new Promise((resolve, reject) => {
            s.once('error', reject);
            s.bind(0, '::1', () => resolve());
        });
        return true;
    }
    catch {
        return false;
    }
    finally {
        s.close();
    }
}
async function echo(connection, size) {
    const payload = randomBytes(size);
    const stream = await connection.openBidirectionalStream();
    const chunks = [];
    const reading = (async () => { for await (const c of stream)
        chunks.push(c); })();
    await stream.write(payload);
    await stream.end();
    await reading;
    return Buffer.concat(chunks).equals(payload);
}
describe('QUIC over real UDP sockets', () => {
    let pki;
    let server4;
    before(async () => {
        pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1', '::1'] });
        server4 = await QuicEndpoint.listen({
            host: '127.0.0.1', port: 0, alpnProtocols: ['echo'], certificateChain: pki.chain, signingKey: pki.signingKey,
        });
        void serveEcho(server4);
    });
    after(async () => {
        await server4?.close({ timeoutMs: 500 });
    });
    test('one server socket serves 20 concurrent clients, each on its own connection', async () => {
        const verifier = createCertificateVerifier({ ca: [pki.caPem] });
        const clients = await Promise.all(Array.from({ length: 20 }, () => QuicEndpoint.connect({
            host: '127.0.0.1', port: server4.address.port, serverName: 'localhost', alpnProtocols: ['echo'], verifier,
            signal: AbortSignal.timeout(10_000),
        })));
        try {
            const results = await Promise.all(clients.map((c) => echo(c, 64 * 1024)));
            assert.deepEqual(results, new Array(20).fill(true));
        }
        finally {
            await Promise.all(clients.map((c) => c[Symbol.asyncDispose]()));
        }
    });
    test('one client socket dials several connections to the same server', async () => {
        const local = await QuicEndpoint.bind({ host: '127.0.0.1' });
        try {
            const verifier = createCertificateVerifier({ ca: [pki.caPem] });
            const conns = await Promise.all([0, 1, 2, 3].map(() => local.connect({
                host: '127.0.0.1', port: server4.address.port, serverName: 'localhost', alpnProtocols: ['echo'], verifier,
            })));
            assert.deepEqual(await Promise.all(conns.map((c) => echo(c, 100_000))), [true, true, true, true]);
            for (const c of conns)
                c.close(0, 'done');
        }
        finally {
            await local.close({ timeoutMs: 500 });
        }
    });
    test('IPv6 loopback: handshake (IP SAN ::1 verified) and echo', async (t) => {
        if (!(await ipv6Available())) {
            t.skip('no IPv6 loopback on this machine');
            return;
        }
        const server6 = await QuicEndpoint.listen({
            host: '::1', port: 0, alpnProtocols: ['echo'], certificateChain: pki.chain, signingKey: pki.signingKey,
        });
        void serveEcho(server6);
        try {
            const client = await QuicEndpoint.connect({
                host: '::1', port: server6.address.port, alpnProtocols: ['echo'],
                verifier: createCertificateVerifier({ ca: [pki.caPem] }), signal: AbortSignal.timeout(10_000),
            });
            try {
                assert.equal(await echo(client, 300_000), true);
            }
            finally {
                await client[Symbol.asyncDispose]();
            }
        }
        finally {
            await server6.close({ timeoutMs: 500 });
        }
    });
});
//# sourceMappingURL=quic-sockets.test.js.map