/**
 * Raw QUIC over real loopback UDP: the async runtime on the real proto Endpoint, client and server
 * in one process, then the interop CLI as child processes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { QuicEndpoint } from '../../src/runtime/quic-endpoint.js';
import { echoConnection, serveEcho } from '../../src/cli/echo-server.js';
import { runEchoClient } from '../../src/cli/echo-client.js';
import { createTestPki } from '../../src/testing/test-pki.js';
import { createCertificateVerifier } from '../../src/crypto/node-cert-verifier.js';
const needed = { createTestPki, createCertificateVerifier };
const skip = false;
async function readAll(stream) {
    const chunks = [];
    for await (const c of stream)
        chunks.push(c);
    return Buffer.concat(chunks);
}
describe('raw QUIC echo over loopback', { skip }, () => {
    let pki;
    let server;
    let client;
    before(async () => {
        const n = needed;
        pki = await n.createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
        server = await QuicEndpoint.listen({
            host: '127.0.0.1', port: 0, alpnProtocols: ['echo'], certificateChain: pki.chain, signingKey: pki.signingKey,
        });
        void serveEcho(server);
        client = await QuicEndpoint.connect({
            host: '127.0.0.1', port: server.address.port, serverName: 'localhost', alpnProtocols: ['echo'],
            verifier: n.createCertificateVerifier({ ca: [pki.caPem] }), signal: AbortSignal.timeout(5000),
        });
    });
    after(async () => {
        await client?.[Symbol.asyncDispose]();
        await server?.close({ timeoutMs: 500 });
    });
    test('handshake negotiates the ALPN', () => {
        assert.equal(client.alpn, 'echo');
        assert.ok(client.stats().packetsReceived > 0);
    });
    test('1 MB echoes back intact on a bidi stream', async () => {
        const payload = randomBytes(1024 * 1024);
        const stream = await client.openBidirectionalStream();
        const echoed = readAll(stream);
        for (let i = 0; i < payload.length; i += 100_000)
            await stream.write(payload.subarray(i, i + 100_000));
        await stream.end();
        assert.ok((await echoed).equals(payload));
    });
    test('uni streams and datagrams echo through the echo client', async () => {
        const result = await runEchoClient(client, { bytes: 50_000, streams: 2, uni: 2, datagrams: 50, datagramWaitMs: 2000 });
        assert.equal(result.bidi.ok, true, JSON.stringify(result.bidi));
        assert.equal(result.uni.ok, true, JSON.stringify(result.uni));
        assert.equal(result.datagrams.corrupt, 0);
        assert.ok(result.datagrams.received > 0, 'loopback delivers datagrams');
    });
    test('a refused certificate fails the handshake', async () => {
        const n = needed;
        const other = await n.createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
        await assert.rejects(QuicEndpoint.connect({
            host: '127.0.0.1', port: server.address.port, serverName: 'localhost', alpnProtocols: ['echo'],
            verifier: n.createCertificateVerifier({ ca: [other.caPem] }), signal: AbortSignal.timeout(5000),
        }));
    });
    test('echoConnection is exported for custom servers', () => {
        assert.equal(typeof echoConnection, 'function');
    });
});
describe('interop CLI (echo mode) as child processes', { skip }, () => {
    const cli = fileURLToPath(new URL('../../src/cli/interop.js', import.meta.url));
    let dir;
    let serverProcess;
    after(() => {
        serverProcess?.kill('SIGTERM');
        if (dir)
            rmSync(dir, { recursive: true, force: true });
    });
    test('client reports ok and exits 0 against the CLI server', async () => {
        const pki = await needed.createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
        dir = mkdtempSync(join(tmpdir(), 'tswt-interop-'));
        writeFileSync(join(dir, 'cert.pem'), pki.leafPem);
        writeFileSync(join(dir, 'key.pem'), pki.keyPem);
        writeFileSync(join(dir, 'ca.pem'), pki.caPem);
        serverProcess = spawn(process.execPath, [cli, 'server', '--mode', 'echo', '--alpn', 'echo', '--listen', '127.0.0.1:0',
            '--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem')], { stdio: ['ignore', 'pipe', 'inherit'] });
        const firstLine = await new Promise((resolve, reject) => {
            createInterface({ input: serverProcess.stdout }).once('line', resolve);
            serverProcess.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
        });
        const { listening } = JSON.parse(firstLine);
        const client = spawn(process.execPath, [cli, 'client', '--mode', 'echo', '--alpn', 'echo', '--connect', listening,
            '--ca', join(dir, 'ca.pem'), '--sni', 'localhost', '--bytes', '200000', '--streams', '3', '--uni', '2', '--datagrams', '20',
            '--timeout', '20'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        client.stdout.on('data', (d) => { out += d.toString(); });
        const code = await new Promise((resolve) => client.once('exit', resolve));
        const lines = out.trim().split('\n');
        assert.equal(lines.length, 1, 'exactly one JSON line');
        const report = JSON.parse(lines[0]);
        assert.equal(report.ok, true, lines[0]);
        assert.equal(report.alpn, 'echo');
        assert.equal(report.bidi.n, 3);
        assert.equal(report.datagrams.corrupt, 0);
        assert.equal(code, 0);
    });
});
//# sourceMappingURL=quic-echo.test.js.map