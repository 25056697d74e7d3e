/**
 * ngtcp2 0.12 (Debian gtlsclient, ALPN h3) as the client of OUR echo server: the full QUIC
 * handshake with AES-128-GCM and with ChaCha20, with Retry, through 5 % loss, Version
 * Negotiation, and the 3x anti-amplification limit. HTTP/3 comes in a later issue: the h3 client's
 * control/QPACK streams and GET are simply echoed, so only handshake evidence is checked. The
 * example client exits 0 even on failure: its VERBOSE=1 log is the verdict.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { delay, freeUdpPort, interopEnvironment, ngtcp2Missing, runCase, waitForUdpBound } from './helpers.js';
import { ngtcp2ConnectionCloses, ngtcp2HandshakeCompleted, ngtcp2NegotiatedAlpn, ngtcp2NegotiatedCipher, ngtcp2ReceivedVersionNegotiation, ngtcp2SawRetry, ngtcp2VersionNegotiationVersions, proxyAmplification, proxyStats, } from './log-checks.js';
const found = interopEnvironment();
const skip = found.skip ?? ngtcp2Missing();
const CASE_TIMEOUT_MS = 60_000;
const AES128 = '--ciphers=NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-128-GCM';
const CHACHA20 = '--ciphers=NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+CHACHA20-POLY1305';
/** Runs gtlsclient (VERBOSE=1) against `port` and returns once it exited or showed the negotiated ALPN. */
async function runNgtcp2Client(c, port, extra, timeoutSeconds = 15, name = 'ngtcp2-client') {
    const client = c.kitScript(name, 'ngtcp2-client.sh', [String(port), '/', '--', ...extra], { timeoutMs: (timeoutSeconds + 10) * 1000, env: { VERBOSE: '1', TIMEOUT: String(timeoutSeconds) } });
    // Our echo server answers the h3 GET with its own bytes, so the client may linger until its
    // timeout; the handshake verdict is in the log as soon as the ALPN line appears.
    const evidence = client.waitFor(/^Negotiated ALPN is \S+$/m, (timeoutSeconds + 5) * 1000).then(() => delay(1000), () => undefined);
    await Promise.race([client.exited, evidence]);
    await client.stop(1000);
    return client;
}
function assertHandshake(log, expectedCipher) {
    assert.ok(ngtcp2HandshakeCompleted(log), 'ngtcp2 log lacks "QUIC handshake has completed"');
    assert.equal(ngtcp2NegotiatedAlpn(log), 'h3', 'ngtcp2 "Negotiated ALPN is"');
    if (expectedCipher)
        assert.equal(ngtcp2NegotiatedCipher(log), expectedCipher, 'ngtcp2 "Negotiated cipher suite is"');
}
function noteCloses(t, log) {
    for (const line of ngtcp2ConnectionCloses(log).slice(0, 4))
        t.diagnostic(`ngtcp2: ${line}`);
    const cipher = ngtcp2NegotiatedCipher(log);
    if (cipher)
        t.diagnostic(`ngtcp2 negotiated ${cipher}`);
}
describe('interop: ngtcp2 client -> our server', { skip }, () => {
    test('reference: ngtcp2 client -> ngtcp2 server (kit self-check of the log checks)', { timeout: CASE_TIMEOUT_MS }, async () => {
        await runCase(found.env, 'ngtcp2-reference', async (c) => {
            const port = await freeUdpPort();
            c.kitScript('ngtcp2-server', 'ngtcp2-server.sh', [String(port)], { timeoutMs: 40_000, env: { TIMEOUT: '30' } });
            assert.ok(await waitForUdpBound(port), `ngtcp2 server did not bind UDP ${port}`);
            const client = await runNgtcp2Client(c, port, [AES128], 8);
            assertHandshake(client.output, 'AES-128-GCM');
        });
    });
    test('handshake, AES-128-GCM, ALPN h3', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        await runCase(found.env, 'ngtcp2-client-handshake', async (c) => {
            const { port } = await c.startOurServer('h3');
            const client = await runNgtcp2Client(c, port, [AES128]);
            noteCloses(t, client.output);
            assertHandshake(client.output, 'AES-128-GCM');
        });
    });
    test('handshake, ChaCha20-Poly1305', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        await runCase(found.env, 'ngtcp2-client-chacha20', async (c) => {
            const { port } = await c.startOurServer('h3');
            const client = await runNgtcp2Client(c, port, [CHACHA20]);
            noteCloses(t, client.output);
            assertHandshake(client.output, 'CHACHA20-POLY1305');
        });
    });
    test('session resumption: the second handshake uses the ticket and skips the certificate', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        await runCase(found.env, 'ngtcp2-client-resumption', async (c) => {
            const { port } = await c.startOurServer('h3');
            const files = [`--session-file=${c.dir}/session`, `--tp-file=${c.dir}/tp`, '--disable-early-data'];
            const first = await runNgtcp2Client(c, port, files, 15, 'ngtcp2-client-first');
            assertHandshake(first.output);
            const second = await runNgtcp2Client(c, port, files, 15, 'ngtcp2-client-resumed');
            noteCloses(t, second.output);
            assertHandshake(second.output);
            // The server's Handshake flight: with a certificate it is ~1 KB; resumed it is EE + Finished only.
            const firstFlight = /frm rx \d+ Handshake CRYPTO\(0x06\) offset=0 len=(\d+)/.exec(first.output);
            const resumedFlight = /frm rx \d+ Handshake CRYPTO\(0x06\) offset=0 len=(\d+)/.exec(second.output);
            assert.ok(firstFlight && resumedFlight, 'server Handshake CRYPTO frames in the ngtcp2 logs');
            t.diagnostic(`server Handshake flight: full ${firstFlight[1]} bytes, resumed ${resumedFlight[1]} bytes`);
            assert.ok(Number(firstFlight[1]) >= 300, 'the full handshake carried the certificate');
            assert.ok(Number(resumedFlight[1]) < 300, 'the resumed handshake carried no certificate');
        });
    });
    test('handshake with Retry (our server --retry)', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        await runCase(found.env, 'ngtcp2-client-retry', async (c) => {
            const { port } = await c.startOurServer('h3', ['--retry']);
            const client = await runNgtcp2Client(c, port, []);
            noteCloses(t, client.output);
            assert.ok(ngtcp2SawRetry(client.output), 'ngtcp2 client log shows no "type=Retry" packet');
            assertHandshake(client.output);
        });
    });
    test('handshake through udp-impair-proxy at 5 % loss', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        await runCase(found.env, 'ngtcp2-client-loss', async (c) => {
            const { port } = await c.startOurServer('h3');
            const proxy = await c.startProxy(port, ['--loss', '0.05', '--quiet'], 40);
            const client = await runNgtcp2Client(c, proxy.port, [], 25);
            await proxy.process.stop();
            const c2s = proxyStats(proxy.process.output, 'c2s');
            const s2c = proxyStats(proxy.process.output, 's2c');
            t.diagnostic(`proxy dropped ${c2s?.dropped ?? '?'} of ${c2s?.packets ?? '?'} c2s and ${s2c?.dropped ?? '?'} of ${s2c?.packets ?? '?'} s2c datagrams`);
            noteCloses(t, client.output);
            assertHandshake(client.output);
        });
    });
    test('version negotiation: unknown version 0x1a2a3a4a gets a VN listing 0x00000001', { timeout: CASE_TIMEOUT_MS }, async () => {
        await runCase(found.env, 'ngtcp2-client-vn', async (c) => {
            const { port } = await c.startOurServer('h3');
            const client = c.kitScript('ngtcp2-client', 'ngtcp2-client.sh', [String(port), '/', '--', '-v', '0x1a2a3a4a'], { timeoutMs: 20_000, env: { VERBOSE: '1', TIMEOUT: '6' } });
            await client.waitExit(15_000);
            assert.ok(ngtcp2ReceivedVersionNegotiation(client.output), 'ngtcp2 client received no Version Negotiation packet (type=VN)');
            const versions = ngtcp2VersionNegotiationVersions(client.output);
            assert.ok(versions.includes('0x00000001'), `VN lists ${versions.join(', ') || 'nothing'}, not 0x00000001`);
            assert.ok(!versions.includes('0x1a2a3a4a'), 'VN must not list the version the client offered');
        });
    });
    test('anti-amplification: our server sends <= 3x what it received from an unvalidated client', { timeout: CASE_TIMEOUT_MS }, async (t) => {
        await runCase(found.env, 'ngtcp2-client-amplification', async (c) => {
            const { port } = await c.startOurServer('h3');
            const proxy = await c.startProxy(port, ['--c2s-max', '1', '--quiet'], 15);
            const client = c.kitScript('ngtcp2-client', 'ngtcp2-client.sh', [String(proxy.port), '/'], { timeoutMs: 15_000, env: { TIMEOUT: '3' } });
            await client.waitExit(12_000);
            // Give the server's PTO retransmissions time to hit (or respect) the limit, then read the verdict.
            await delay(1500);
            await proxy.process.stop();
            const amp = proxyAmplification(proxy.process.output);
            assert.ok(amp, 'proxy printed no amplification line (did the client send anything?)');
            t.diagnostic(`server sent ${amp.serverBytes} B for ${amp.clientBytes} B = ${amp.ratio}x`);
            assert.ok(amp.serverBytes > 0, 'our server sent nothing back: the limit is trivially kept but the handshake never started');
            assert.ok(amp.ok && amp.ratio <= 3, `amplification ${amp.ratio}x > 3x`);
        });
    });
});
//# sourceMappingURL=ngtcp2-client.test.js.map