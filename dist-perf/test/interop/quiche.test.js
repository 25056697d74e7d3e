/**
 * Interop with quiche (npm @matrixai/quic 2.0.9 = quiche 0.18 + BoringSSL) in both roles: the echo
 * exchange with 1 MB on a bidi stream, 1 MB on a uni stream and 100 datagrams. Its server always
 * sends Retry first, so case 1 also proves our client's Retry handling.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { freeUdpPort, interopEnvironment, kitEnv, matrixaiMissing, runCase } from './helpers.js';
import { matrixaiEchoReport, parseClientReport } from './log-checks.js';
const found = interopEnvironment();
const skip = found.skip ?? matrixaiMissing(found.env);
const CASE_TIMEOUT_MS = 90_000;
describe('interop: quiche (@matrixai/quic)', { skip }, () => {
    test('our client -> quiche echo server (Retry, 1 MB bidi, 1 MB uni, 100 datagrams)', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        const env = found.env;
        await runCase(env, 'client-quiche-echo', async (c) => {
            const port = await freeUdpPort();
            const server = c.node('quiche-server', join(env.kit, 'matrixai-echo-server.mjs'), ['--port', String(port), '--alpn', 'echo', '--dgram', '--timeout', '80'], { timeoutMs: 85_000, env: kitEnv(env) });
            await server.waitFor(/listening on 127\.0\.0\.1:\d+/, 20_000);
            const client = c.node('our-client', env.cli, ['client', '--mode', 'echo', '--alpn', 'echo', '--connect', `127.0.0.1:${port}`,
                '--ca', env.ca, '--sni', 'localhost', '--bytes', '1000000', '--streams', '1', '--uni', '1', '--datagrams', '100',
                '--timeout', '45', '--keylog', join(c.dir, 'our-client.keys')], { timeoutMs: 60_000 });
            const exit = await client.waitExit(55_000);
            const report = parseClientReport(client.stdout);
            assert.ok(report, `our client printed no JSON report (exit ${exit.code})`);
            assert.equal(report.ok, true, `our client reported failure: ${JSON.stringify(report)}`);
            assert.equal(exit.code, 0, 'our client exit status');
            assert.equal(report.alpn, 'echo');
            const bidi = report.bidi;
            const uni = report.uni;
            assert.deepEqual([bidi.ok, bidi.n, bidi.bytes], [true, 1, 1_000_000], 'bidi echo');
            assert.deepEqual([uni.ok, uni.n, uni.bytes], [true, 1, 1_000_000], 'uni echo');
            const datagrams = report.datagrams;
            t.diagnostic(`our client: handshake ${String(report.handshakeMs)} ms, total ${String(report.elapsedMs)} ms, datagrams ${JSON.stringify(datagrams)}`);
            assert.equal(datagrams.sent, 100, 'datagrams sent');
            assert.equal(datagrams.corrupt, 0, 'no datagram echo may be corrupt');
            // Datagrams are unreliable; on loopback most must come back.
            assert.ok(datagrams.received > 0, `no datagram came back: ${JSON.stringify(datagrams)}`);
            // quiche echoed both streams (server side evidence).
            assert.match(server.output, /bidi stream \d+: echoed 1000000 bytes/);
            assert.match(server.output, /uni stream \d+: echoed 1000000 bytes on uni stream/);
        });
    });
    test('quiche client -> our echo server (1 MB bidi, 1 MB uni, 100 datagrams, cert chain checked)', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        const env = found.env;
        await runCase(env, 'quiche-client-server-echo', async (c) => {
            const { port } = await c.startOurServer('echo');
            const client = c.node('quiche-client', join(env.kit, 'matrixai-client.mjs'), ['--port', String(port), '--alpn', 'echo',
                '--streams', '1', '--uni', '1', '--size', '1000000', '--dgram', '100', '--ca', env.ca, '--sni', 'localhost',
                '--timeout', '45', '--keylog', join(c.dir, 'quiche-client.keys')], { timeoutMs: 60_000, env: kitEnv(env) });
            const exit = await client.waitExit(55_000);
            const r = matrixaiEchoReport(client.output);
            t.diagnostic(`quiche client: ${JSON.stringify(r)}`);
            // The quiche client verifies our chain against the CA: connecting proves our certificate is accepted.
            assert.equal(r.certChainLength, 2, 'quiche saw our leaf + CA chain');
            assert.equal(r.bidiEchoed, 1, 'quiche checked the 1 MB bidi echo');
            assert.equal(r.uniEchoed, 1, 'quiche checked the 1 MB uni echo');
            assert.equal(r.datagramsSent, 100);
            assert.ok((r.datagramsEchoed ?? 0) > 0, 'quiche got datagram echoes');
            assert.equal(r.ok, true, 'quiche client printed "OK mode=echo"');
            assert.equal(exit.code, 0, 'quiche client exit status');
        });
    });
});
//# sourceMappingURL=quiche.test.js.map