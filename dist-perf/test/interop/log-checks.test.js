/**
 * The interop verdicts read peer logs, so the readers are tested on lines captured from the real
 * peers (ngtcp2 0.12.1 VERBOSE=1, udp-impair-proxy.mjs, matrixai-client.mjs). Runs without peers.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isChaCha20, matrixaiEchoReport, ngtcp2ConnectionCloses, ngtcp2HandshakeCompleted, ngtcp2NegotiatedAlpn, ngtcp2NegotiatedCipher, ngtcp2ReceivedVersionNegotiation, ngtcp2SawRetry, ngtcp2VersionNegotiationVersions, parseClientReport, parseListeningPort, proxyAmplification, proxyStats, } from './log-checks.js';
const NGTCP2_CLIENT_OK = [
    'I00000001 0xc4c7e149 con the negotiated version is 0x00000001',
    'I00000001 0xc4c7e149 con processing buffered handshake packet',
    'QUIC handshake has completed',
    'Negotiated cipher suite is CHACHA20-POLY1305',
    'Negotiated ALPN is h3',
    'I00000030 0xc4c7e149 frm rx 4 1RTT HANDSHAKE_DONE(0x1e)',
].join('\n');
const NGTCP2_CLIENT_VN = [
    'I00000000 0x22a94acc pkt tx pkn=0 dcid=0x6046 scid=0x22a9 version=0x1a2a3a4a type=Initial len=0',
    'I00000000 0x22a94acc pkt rx pkn=0 dcid=0x22a9 scid=0x6046 version=0x00000000 type=VN len=0',
    'I00000000 0x22a94acc pkt rx 0 VN v=0xeacada7a',
    'I00000000 0x22a94acc pkt rx 0 VN v=0x00000001',
    'ngtcp2_conn_read_pkt: ERR_RECV_VERSION_NEGOTIATION',
].join('\n');
describe('ngtcp2 VERBOSE=1 log readers', () => {
    test('handshake, cipher and ALPN lines', () => {
        assert.equal(ngtcp2HandshakeCompleted(NGTCP2_CLIENT_OK), true);
        assert.equal(ngtcp2NegotiatedCipher(NGTCP2_CLIENT_OK), 'CHACHA20-POLY1305');
        assert.equal(ngtcp2NegotiatedAlpn(NGTCP2_CLIENT_OK), 'h3');
    });
    test('a failed handshake has none of them', () => {
        const failed = 'I00000000 0x1 pkt tx pkn=0 type=Initial len=0\nI00000005 0x1 frm rx 0 Initial CONNECTION_CLOSE(0x1c) error_code=CRYPTO_ERROR(0x178) frame_type=0 reason_len=0';
        assert.equal(ngtcp2HandshakeCompleted(failed), false);
        assert.equal(ngtcp2NegotiatedAlpn(failed), undefined);
        assert.equal(ngtcp2NegotiatedCipher(failed), undefined);
        assert.deepEqual(ngtcp2ConnectionCloses(failed), ['I00000005 0x1 frm rx 0 Initial CONNECTION_CLOSE(0x1c) error_code=CRYPTO_ERROR(0x178) frame_type=0 reason_len=0']);
        // "handshake has completed" only counts as a whole line.
        assert.equal(ngtcp2HandshakeCompleted('xx QUIC handshake has completed yy'), false);
    });
    test('Retry on the client side and on the server side', () => {
        assert.equal(ngtcp2SawRetry('I0 0x1 pkt rx pkn=0 dcid=0xe1 scid=0x22 version=0x00000001 type=Retry len=0'), true);
        assert.equal(ngtcp2SawRetry('Sending Retry packet to [127.0.0.1]:54301\nVerifying Retry token from [127.0.0.1]:54301'), true);
        assert.equal(ngtcp2SawRetry(NGTCP2_CLIENT_OK), false);
    });
    test('Version Negotiation packets and their version list', () => {
        assert.equal(ngtcp2ReceivedVersionNegotiation(NGTCP2_CLIENT_VN), true);
        assert.deepEqual(ngtcp2VersionNegotiationVersions(NGTCP2_CLIENT_VN), ['0xeacada7a', '0x00000001']);
        assert.equal(ngtcp2ReceivedVersionNegotiation(NGTCP2_CLIENT_OK), false);
        assert.deepEqual(ngtcp2VersionNegotiationVersions(NGTCP2_CLIENT_OK), []);
    });
});
describe('udp-impair-proxy readers', () => {
    const exitLines = [
        '[proxy] 127.0.0.1:25433 -> 127.0.0.1:24433 loss=NaN/NaN blackhole=- corrupt=0 delay=0+0 c2s-max=1',
        '[proxy] c2s: 3 pkts 3600B, forwarded 1200B, dropped 2, corrupted 0',
        '[proxy] s2c: 2 pkts 2745B, forwarded 2745B, dropped 0, corrupted 0',
        '[proxy] amplification: server sent 2745B for 1200B received = 2.29x OK (<= 3x)',
    ].join('\n');
    test('amplification verdict', () => {
        assert.deepEqual(proxyAmplification(exitLines), { serverBytes: 2745, clientBytes: 1200, ratio: 2.29, ok: true });
        assert.deepEqual(proxyAmplification('[proxy] amplification: server sent 4000B for 1200B received = 3.33x VIOLATION (> 3x)'), { serverBytes: 4000, clientBytes: 1200, ratio: 3.33, ok: false });
        assert.equal(proxyAmplification('[proxy] c2s: 0 pkts 0B, forwarded 0B, dropped 0, corrupted 0'), undefined);
    });
    test('per-direction counters', () => {
        assert.deepEqual(proxyStats(exitLines, 'c2s'), { packets: 3, bytes: 3600, dropped: 2 });
        assert.deepEqual(proxyStats(exitLines, 's2c'), { packets: 2, bytes: 2745, dropped: 0 });
    });
});
describe('matrixai client and our CLI output', () => {
    test('matrixai echo client summary', () => {
        const log = [
            '[matrixai-client 2026-11-25T14:08:04.927Z] connected to 127.0.0.1:24434 alpn=echo in 34.5 ms; server cert chain length 2',
            '[matrixai-client 2026-11-25T14:08:06.430Z] bidi stream 0: 1000000 bytes echoed OK',
            '[matrixai-client 2026-11-25T14:08:07.226Z] uni stream 2: 1000000 bytes echoed OK on a server uni stream',
            '[matrixai-client 2026-11-25T14:08:07.248Z] datagrams: sent 100, echoed back 97 (unreliable; loopback should be 100)',
            '[matrixai-client 2026-11-25T14:08:07.374Z] OK mode=echo total 2481.7 ms',
        ].join('\n');
        assert.deepEqual(matrixaiEchoReport(log), { ok: true, certChainLength: 2, bidiEchoed: 1, uniEchoed: 1, datagramsSent: 100, datagramsEchoed: 97 });
        const failed = matrixaiEchoReport('[matrixai-client 2026-11-25T14:08:04Z] FAIL: connect: ErrorQUICConnectionPeerTLS x {}');
        assert.equal(failed.ok, false);
        assert.equal(failed.certChainLength, undefined);
    });
    test('our client report: the last JSON object line wins, junk is ignored', () => {
        assert.deepEqual(parseClientReport('warning: x\n{"ok":true,"alpn":"h3"}\n'), { ok: true, alpn: 'h3' });
        assert.deepEqual(parseClientReport('{"ok":false}\n{"ok":true}\n{broken'), { ok: true });
        assert.equal(parseClientReport('no json here\n[1,2]\n'), undefined);
    });
    test('our server listening line', () => {
        assert.equal(parseListeningPort('{"listening":"127.0.0.1:4433","mode":"echo"}'), 4433);
        assert.equal(parseListeningPort('{"listening":"[::1]:50000"}'), 50000);
        assert.equal(parseListeningPort('{"listening":"127.0.0.1:0"}'), undefined);
        assert.equal(parseListeningPort('hello'), undefined);
    });
    test('ChaCha20 recognised by id or by name', () => {
        assert.equal(isChaCha20(0x1303), true);
        assert.equal(isChaCha20('TLS_CHACHA20_POLY1305_SHA256'), true);
        assert.equal(isChaCha20(0x1301), false);
        assert.equal(isChaCha20('TLS_AES_128_GCM_SHA256'), false);
        assert.equal(isChaCha20(undefined), false);
    });
});
//# sourceMappingURL=log-checks.test.js.map