/**
 * OUR client against ngtcp2 0.12 (Debian gtlsserver, ALPN h3): the full QUIC handshake with the
 * default suite (AES-128-GCM), with ChaCha20 forced by the server, with Retry (-V), and through
 * 5 % loss. No streams or datagrams yet (HTTP/3 comes later): our client runs with zero of each,
 * verifies the server's certificate against the kit CA, and must report ok with ALPN h3.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { freeUdpPort, interopEnvironment, ngtcp2Missing, runCase, waitForUdpBound } from './helpers.js';
import { isChaCha20, ngtcp2ConnectionCloses, ngtcp2HandshakeCompleted, ngtcp2NegotiatedAlpn, ngtcp2NegotiatedCipher, ngtcp2SawRetry, parseClientReport, proxyStats } from './log-checks.js';
const found = interopEnvironment();
const skip = found.skip ?? ngtcp2Missing();
const CASE_TIMEOUT_MS = 60_000;
const CHACHA20 = '--ciphers=NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+CHACHA20-POLY1305';
/** gtlsserver (VERBOSE=1) on a free port, once its UDP socket is bound. */
async function startNgtcp2Server(c, options) {
    const port = await freeUdpPort();
    const server = c.kitScript('ngtcp2-server', 'ngtcp2-server.sh', [String(port), ...options], { timeoutMs: 55_000, env: { VERBOSE: '1', TIMEOUT: '45' } });
    assert.ok(await waitForUdpBound(port), `ngtcp2 server did not bind UDP ${port}`);
    return { process: server, port };
}
/** Our client, handshake only (no streams, no datagrams), ALPN h3, CA-verified; returns its JSON report. */
async function runOurClient(c, port, extra = [], timeoutSeconds = 15) {
    const client = c.node('our-client', c.env.cli, ['client', '--mode', 'echo', '--alpn', 'h3', '--connect', `127.0.0.1:${port}`,
        '--ca', c.env.ca, '--sni', 'localhost', '--bytes', '0', '--streams', '0', '--uni', '0', '--datagrams', '0',
        '--timeout', String(timeoutSeconds), '--keylog', join(c.dir, 'our-client.keys'), ...extra], { timeoutMs: (timeoutSeconds + 15) * 1000 });
    const exit = await client.waitExit((timeoutSeconds + 10) * 1000);
    const report = parseClientReport(client.stdout);
    assert.ok(report, `our client printed no JSON report (exit ${exit.code}${exit.timedOut ? ', killed after timeout' : ''})`);
    return { report, code: exit.code };
}
function assertHandshake(report, code, serverLog, expectedCipher) {
    assert.equal(report.ok, true, `our client reported failure: ${JSON.stringify(report)}`);
    assert.equal(code, 0, 'our client exit status');
    assert.equal(report.alpn, 'h3', 'ALPN seen by our client');
    assert.ok(ngtcp2HandshakeCompleted(serverLog), 'ngtcp2 server log lacks "QUIC handshake has completed"');
    assert.equal(ngtcp2NegotiatedAlpn(serverLog), 'h3', 'ngtcp2 server "Negotiated ALPN is"');
    if (expectedCipher)
        assert.equal(ngtcp2NegotiatedCipher(serverLog), expectedCipher, 'ngtcp2 server "Negotiated cipher suite is"');
}
function note(t, report, serverLog) {
    t.diagnostic(`our client: ${JSON.stringify({ ok: report.ok, alpn: report.alpn, cipher: report.cipher, handshakeMs: report.handshakeMs, error: report.error })}`);
    for (const line of ngtcp2ConnectionCloses(serverLog).slice(0, 4))
        t.diagnostic(`ngtcp2 server: ${line}`);
}
describe('interop: our client -> ngtcp2 server', { skip }, () => {
    test('handshake, default suites (AES-128-GCM), ALPN h3', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        await runCase(found.env, 'client-ngtcp2-handshake', async (c) => {
            const server = await startNgtcp2Server(c, []);
            const { report, code } = await runOurClient(c, server.port);
            note(t, report, server.process.output);
            assertHandshake(report, code, server.process.output, 'AES-128-GCM');
        });
    });
    test('handshake with Retry (server -V)', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        await runCase(found.env, 'client-ngtcp2-retry', async (c) => {
            const server = await startNgtcp2Server(c, ['-V']);
            const { report, code } = await runOurClient(c, server.port);
            note(t, report, server.process.output);
            assert.ok(ngtcp2SawRetry(server.process.output), 'ngtcp2 server log shows no "Sending Retry packet"');
            assert.match(server.process.output, /^Verifying Retry token from/m, 'our client never came back with the Retry token');
            assertHandshake(report, code, server.process.output);
        });
    });
    test('handshake with ChaCha20-Poly1305 (server forces it, our client --chacha20)', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        await runCase(found.env, 'client-ngtcp2-chacha20', async (c) => {
            const server = await startNgtcp2Server(c, [CHACHA20]);
            const { report, code } = await runOurClient(c, server.port, ['--chacha20']);
            note(t, report, server.process.output);
            assertHandshake(report, code, server.process.output, 'CHACHA20-POLY1305');
            if (report.cipher !== undefined)
                assert.ok(isChaCha20(report.cipher), `our client reports cipher ${String(report.cipher)}`);
        });
    });
    test('handshake through udp-impair-proxy at 5 % loss', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        await runCase(found.env, 'client-ngtcp2-loss', async (c) => {
            const server = await startNgtcp2Server(c, []);
            const proxy = await c.startProxy(server.port, ['--loss', '0.05', '--quiet'], 40);
            const { report, code } = await runOurClient(c, proxy.port, [], 25);
            await proxy.process.stop();
            const c2s = proxyStats(proxy.process.output, 'c2s');
            const s2c = proxyStats(proxy.process.output, 's2c');
            t.diagnostic(`proxy dropped ${c2s?.dropped ?? '?'} of ${c2s?.packets ?? '?'} c2s and ${s2c?.dropped ?? '?'} of ${s2c?.packets ?? '?'} s2c datagrams`);
            note(t, report, server.process.output);
            assertHandshake(report, code, server.process.output);
        });
    });
});
//# sourceMappingURL=ngtcp2-server.test.js.map