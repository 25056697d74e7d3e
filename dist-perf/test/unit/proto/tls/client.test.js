import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTlsClient, isIpLiteral } from '../../../../src/proto/tls/client.js';
import { createTlsServer } from '../../../../src/proto/tls/server.js';
import { AlertDescription, TlsAlertError } from '../../../../src/proto/tls/alerts.js';
import { EncryptionLevel } from '../../../../src/proto/tls/session.js';
import { SignatureScheme } from '../../../../src/proto/tls/signature-schemes.js';
import { HandshakeType } from '../../../../src/proto/tls/messages.js';
import { formatKeyLogLine } from '../../../../src/proto/tls/keylog.js';
import { toHex } from '../../../../src/proto/util/bytes.js';
import { CLIENT_TP, SERVER_TP, acceptAll, clientConfig, deps, handshake, identity, pump, recordingVerifier, refusing, secretsOf, serverConfig, typesOf, } from './helpers.js';
function alertOf(fn) {
    try {
        fn();
    }
    catch (err) {
        if (err instanceof TlsAlertError)
            return err.alert;
        throw err;
    }
    assert.fail('expected a TlsAlertError');
}
function secretValue(events, level, direction) {
    const ev = events.find((e) => e.type === 'secret' && e.level === level && e.direction === direction);
    assert.ok(ev && ev.type === 'secret', `no ${direction} secret at ${level}`);
    return toHex(ev.secret);
}
/** Both sides derived matching keys for every level. */
function assertKeysMatch(r) {
    for (const level of [EncryptionLevel.HANDSHAKE, EncryptionLevel.APPLICATION]) {
        assert.equal(secretValue(r.client, level, 'write'), secretValue(r.server, level, 'read'));
        assert.equal(secretValue(r.server, level, 'write'), secretValue(r.client, level, 'read'));
    }
}
describe('full handshakes client <-> server', () => {
    for (const suite of [0x1301, 0x1302, 0x1303]) {
        test(`cipher suite 0x${suite.toString(16)}`, async () => {
            const r = handshake(clientConfig({ cipherSuites: [suite] }), await serverConfig());
            assert.ok(r.c.handshakeComplete && r.s.handshakeComplete);
            assert.equal(r.c.cipherSuite?.id, suite);
            assert.equal(r.s.cipherSuite?.id, suite);
            assertKeysMatch(r);
            assert.equal(secretValue(r.client, EncryptionLevel.APPLICATION, 'write').length, suite === 0x1302 ? 96 : 64);
        });
    }
    for (const group of ['x25519', 'secp256r1']) {
        test(`group ${group}`, async () => {
            const r = handshake(clientConfig({ groups: [group] }), await serverConfig({ groups: ['x25519', 'secp256r1'] }));
            assert.ok(r.c.handshakeComplete && r.s.handshakeComplete);
            assertKeysMatch(r);
            // No retry was needed: exactly one ClientHello.
            assert.equal(r.client.filter((e) => e.type === 'handshakeData' && e.level === EncryptionLevel.INITIAL).length, 1);
        });
    }
    const schemes = [
        ['p256', SignatureScheme.ecdsa_secp256r1_sha256],
        ['p384', SignatureScheme.ecdsa_secp384r1_sha384],
        ['rsa', SignatureScheme.rsa_pss_rsae_sha256],
        ['rsa', SignatureScheme.rsa_pss_rsae_sha384],
        ['rsa', SignatureScheme.rsa_pss_rsae_sha512],
        ['ed25519', SignatureScheme.ed25519],
    ];
    for (const [kind, scheme] of schemes) {
        test(`signature scheme 0x${scheme.toString(16)} (${kind})`, async () => {
            const id = await identity(kind, [scheme]);
            const verifier = recordingVerifier();
            const r = handshake(clientConfig({ verifier }), await serverConfig({ certificateChain: id.chain, signingKey: id.key }));
            assert.ok(r.c.handshakeComplete && r.s.handshakeComplete);
            assert.equal(verifier.calls.length, 1);
            assert.equal(verifier.calls[0].serverName, 'localhost');
            assert.deepEqual(r.c.peerCertificates, id.chain);
        });
    }
    test('event order on both sides (RFC 9001 §4.1.4)', async () => {
        const r = handshake(clientConfig(), await serverConfig());
        assert.deepEqual(typesOf(r.server), [
            'data@0', 'secret@2:write', 'secret@2:read', 'keyLog', 'keyLog', 'data@2', 'secret@3:write', 'keyLog', 'keyLog',
            'secret@3:read', 'handshakeComplete',
        ]);
        assert.deepEqual(typesOf(r.client), [
            'data@0', 'secret@2:read', 'secret@2:write', 'keyLog', 'keyLog', 'secret@3:read', 'secret@3:write', 'keyLog', 'keyLog',
            'data@2', 'handshakeComplete',
        ]);
        assert.equal(r.c.alpn, 'h3');
        assert.equal(r.s.alpn, 'h3');
        assert.equal(r.s.serverName, 'localhost');
        assert.deepEqual(r.s.peerTransportParameters, CLIENT_TP);
        assert.deepEqual(r.c.peerTransportParameters, SERVER_TP);
        assert.equal(r.c.resumed, false);
        assert.deepEqual(secretsOf(r.client), ['2:read', '2:write', '3:read', '3:write']);
    });
    test('keyLog events carry the ClientHello random and format as NSS lines', async () => {
        const r = handshake(clientConfig(), await serverConfig());
        const hello = r.client.find((e) => e.type === 'handshakeData');
        assert.ok(hello.type === 'handshakeData');
        const random = toHex(hello.data.subarray(6, 38));
        const logs = r.client.filter((e) => e.type === 'keyLog');
        assert.deepEqual(logs.map((e) => e.type === 'keyLog' && e.label), [
            'CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'SERVER_TRAFFIC_SECRET_0',
        ]);
        for (const e of logs) {
            assert.ok(e.type === 'keyLog');
            assert.equal(toHex(e.clientRandom), random);
            const line = formatKeyLogLine(e.label, e.clientRandom, e.secret);
            assert.match(line, new RegExp(`^${e.label} ${random} [0-9a-f]{64}$`));
        }
        const serverLogs = r.server.filter((e) => e.type === 'keyLog').map((e) => e.type === 'keyLog' && formatKeyLogLine(e.label, e.clientRandom, e.secret));
        const clientLogs = logs.map((e) => e.type === 'keyLog' && formatKeyLogLine(e.label, e.clientRandom, e.secret));
        assert.deepEqual([...serverLogs].sort(), [...clientLogs].sort());
    });
    test('verifier null skips chain verification but still checks CertificateVerify', async () => {
        const r = handshake(clientConfig({ verifier: null }), await serverConfig());
        assert.ok(r.c.handshakeComplete);
        const c = createTlsClient(clientConfig({ verifier: null }), deps);
        const s = createTlsServer(await serverConfig(), deps);
        const alert = alertOf(() => pump(c, s, 0, (from, ev) => {
            if (from !== 'server' || ev.level !== EncryptionLevel.HANDSHAKE)
                return ev.data;
            return corruptMessage(ev.data, HandshakeType.certificate_verify);
        }));
        assert.equal(alert, AlertDescription.decrypt_error);
    });
    test('SNI is omitted for IP literals, verifier still gets the address', async () => {
        assert.ok(isIpLiteral('127.0.0.1') && isIpLiteral('::1') && !isIpLiteral('localhost'));
        const verifier = recordingVerifier();
        const r = handshake(clientConfig({ serverName: '127.0.0.1', verifier }), await serverConfig());
        assert.ok(r.c.handshakeComplete);
        assert.equal(r.s.serverName, undefined);
        assert.equal(verifier.calls[0].serverName, '127.0.0.1');
    });
});
/** Flips a byte inside the first message of `type` in a flight of handshake messages. */
function corruptMessage(flight, type) {
    const out = flight.slice();
    for (let pos = 0; pos + 4 <= out.length;) {
        const len = (out[pos + 1] << 16) | (out[pos + 2] << 8) | out[pos + 3];
        if (out[pos] === type) {
            out[pos + 4 + len - 1] ^= 0x01;
            return out;
        }
        pos += 4 + len;
    }
    return out;
}
describe('failures', () => {
    test('bad server Finished -> decrypt_error', async () => {
        const c = createTlsClient(clientConfig(), deps);
        const s = createTlsServer(await serverConfig(), deps);
        const alert = alertOf(() => pump(c, s, 0, (from, ev) => (from === 'server' && ev.level === EncryptionLevel.HANDSHAKE ? corruptMessage(ev.data, HandshakeType.finished) : ev.data)));
        assert.equal(alert, AlertDescription.decrypt_error);
        assert.equal(c.handshakeComplete, false);
    });
    test('bad client Finished -> decrypt_error at the server', async () => {
        const c = createTlsClient(clientConfig(), deps);
        const s = createTlsServer(await serverConfig(), deps);
        let thrownBy = '';
        try {
            pump(c, s, 0, (from, ev) => {
                thrownBy = from === 'client' ? 'server' : 'client';
                return from === 'client' && ev.level === EncryptionLevel.HANDSHAKE ? corruptMessage(ev.data, HandshakeType.finished) : ev.data;
            });
            assert.fail('no alert');
        }
        catch (err) {
            assert.ok(err instanceof TlsAlertError);
            assert.equal(err.alert, AlertDescription.decrypt_error);
            assert.equal(err.quicErrorCode, 0x100 + 51);
        }
        assert.equal(thrownBy, 'server');
        assert.equal(s.handshakeComplete, false);
    });
    const refusals = [
        ['bad-certificate', AlertDescription.bad_certificate],
        ['hostname', AlertDescription.bad_certificate],
        ['hash-mismatch', AlertDescription.bad_certificate],
        ['expired', AlertDescription.certificate_expired],
        ['untrusted', AlertDescription.unknown_ca],
        ['unsupported', AlertDescription.unsupported_certificate],
    ];
    for (const [reason, alert] of refusals) {
        test(`verifier refusal '${reason}' -> alert ${alert}`, async () => {
            const c = createTlsClient(clientConfig({ verifier: refusing(reason) }), deps);
            const s = createTlsServer(await serverConfig(), deps);
            assert.equal(alertOf(() => pump(c, s)), alert);
        });
    }
    test('a verifier throwing a plain Error -> bad_certificate', async () => {
        const c = createTlsClient(clientConfig({ verifier: { verify: () => { throw new Error('nope'); } } }), deps);
        const s = createTlsServer(await serverConfig(), deps);
        assert.equal(alertOf(() => pump(c, s)), AlertDescription.bad_certificate);
    });
    test('after an alert the session keeps failing with the same alert', async () => {
        const c = createTlsClient(clientConfig({ verifier: refusing('expired') }), deps);
        const s = createTlsServer(await serverConfig(), deps);
        assert.equal(alertOf(() => pump(c, s)), AlertDescription.certificate_expired);
        assert.equal(alertOf(() => c.handleHandshakeData(EncryptionLevel.HANDSHAKE, new Uint8Array(4), 0)), AlertDescription.certificate_expired);
    });
    test('handshake data at the wrong level -> unexpected_message', async () => {
        const c = createTlsClient(clientConfig(), deps);
        const s = createTlsServer(await serverConfig(), deps);
        c.start(0);
        const hello = c.pollEvent();
        assert.ok(hello.type === 'handshakeData');
        assert.equal(alertOf(() => s.handleHandshakeData(EncryptionLevel.HANDSHAKE, hello.data, 0)), AlertDescription.unexpected_message);
        const s2 = createTlsServer(await serverConfig(), deps);
        assert.equal(alertOf(() => s2.handleHandshakeData(EncryptionLevel.EARLY_DATA, hello.data, 0)), AlertDescription.unexpected_message);
        // A ClientHello sent to a client is unexpected too.
        const c2 = createTlsClient(clientConfig(), deps);
        c2.start(0);
        assert.equal(alertOf(() => c2.handleHandshakeData(EncryptionLevel.INITIAL, hello.data, 0)), AlertDescription.unexpected_message);
    });
    test('server picking an ALPN the client did not offer -> illegal_parameter', async () => {
        const c = createTlsClient(clientConfig({ alpnProtocols: ['h3'] }), deps);
        const s = createTlsServer(await serverConfig({ alpnProtocols: ['h3'] }), deps);
        // Rewrite "h3" to "h4" in the server's EncryptedExtensions (same length, so framing holds).
        const alert = alertOf(() => pump(c, s, 0, (from, ev) => {
            if (from !== 'server' || ev.level !== EncryptionLevel.HANDSHAKE)
                return ev.data;
            const out = ev.data.slice();
            for (let i = 0; i + 1 < out.length; i++)
                if (out[i] === 0x68 && out[i + 1] === 0x33) {
                    out[i + 1] = 0x34;
                    break;
                }
            return out;
        }));
        assert.equal(alert, AlertDescription.illegal_parameter);
    });
});
describe('client certificates', () => {
    test('server requests, client sends; server verifies it', async () => {
        const clientId = await identity('p384');
        const verifier = recordingVerifier();
        const r = handshake(clientConfig({ clientCertificate: { chain: clientId.chain, key: clientId.key } }), await serverConfig({ requestClientCertificate: true, clientCertificateVerifier: verifier }));
        assert.ok(r.c.handshakeComplete && r.s.handshakeComplete);
        assert.deepEqual(r.s.peerCertificates, clientId.chain);
        assert.equal(verifier.calls.length, 1);
        assert.equal(verifier.calls[0].serverName, undefined);
        assertKeysMatch(r);
    });
    test('client without a certificate -> certificate_required when the server requires one', async () => {
        const c = createTlsClient(clientConfig(), deps);
        const s = createTlsServer(await serverConfig({ requestClientCertificate: true, clientCertificateVerifier: acceptAll }), deps);
        assert.equal(alertOf(() => pump(c, s)), AlertDescription.certificate_required);
    });
    test('client without a certificate is accepted when the server only asks', async () => {
        const r = handshake(clientConfig(), await serverConfig({ requestClientCertificate: true }));
        assert.ok(r.c.handshakeComplete && r.s.handshakeComplete);
        assert.equal(r.s.peerCertificates.length, 0);
    });
    test('client certificate refused by the server verifier -> its alert', async () => {
        const clientId = await identity('p256');
        const c = createTlsClient(clientConfig({ clientCertificate: { chain: clientId.chain, key: clientId.key } }), deps);
        const s = createTlsServer(await serverConfig({ requestClientCertificate: true, clientCertificateVerifier: refusing('untrusted') }), deps);
        assert.equal(alertOf(() => pump(c, s)), AlertDescription.unknown_ca);
    });
});
describe('resumption', () => {
    async function firstTicket() {
        const ticketKey = new Uint8Array(32).fill(7);
        const r = handshake(clientConfig(), await serverConfig({ ticketKey }), 1_000_000);
        r.s.sendSessionTicket(2_000_000);
        const more = pump(r.c, r.s, 2_000_000);
        assert.deepEqual(typesOf(more.server), ['data@3']);
        const ev = more.client.find((e) => e.type === 'sessionTicket');
        assert.ok(ev && ev.type === 'sessionTicket');
        return { ticket: ev.ticket, ticketKey };
    }
    test('a ticket resumes: resumed=true, no Certificate, keys match', async () => {
        const { ticket, ticketKey } = await firstTicket();
        assert.equal(ticket.alpn, 'h3');
        assert.equal(ticket.serverName, 'localhost');
        assert.equal(ticket.maxEarlyData, 0);
        assert.equal(ticket.receivedAt, 2_000_000);
        const verifier = recordingVerifier();
        const r = handshake(clientConfig({ sessionTicket: ticket, verifier }), await serverConfig({ ticketKey }), 3_000_000);
        assert.ok(r.c.handshakeComplete && r.s.handshakeComplete);
        assert.equal(r.c.resumed, true);
        assert.equal(r.s.resumed, true);
        assert.equal(verifier.calls.length, 0);
        assert.equal(r.c.peerCertificates.length, 0);
        assertKeysMatch(r);
        // The server's handshake flight is just EncryptedExtensions + Finished.
        const flight = r.server.find((e) => e.type === 'handshakeData' && e.level === EncryptionLevel.HANDSHAKE);
        assert.ok(flight && flight.type === 'handshakeData');
        const types = [];
        for (let pos = 0; pos < flight.data.length; pos += 4 + ((flight.data[pos + 1] << 16) | (flight.data[pos + 2] << 8) | flight.data[pos + 3])) {
            types.push(flight.data[pos]);
        }
        assert.deepEqual(types, [HandshakeType.encrypted_extensions, HandshakeType.finished]);
    });
    test('an expired ticket or another server key falls back to a full handshake', async () => {
        const { ticket, ticketKey } = await firstTicket();
        const late = handshake(clientConfig({ sessionTicket: ticket }), await serverConfig({ ticketKey }), 2_000_000 + 86_401 * 1_000_000);
        assert.equal(late.c.resumed, false);
        const other = handshake(clientConfig({ sessionTicket: ticket }), await serverConfig({ ticketKey: new Uint8Array(32).fill(9) }), 3_000_000);
        assert.ok(other.c.handshakeComplete);
        assert.equal(other.c.resumed, false);
        assert.equal(other.s.resumed, false);
    });
    test('a tampered binder -> decrypt_error', async () => {
        const { ticket, ticketKey } = await firstTicket();
        const c = createTlsClient(clientConfig({ sessionTicket: ticket }), deps);
        const s = createTlsServer(await serverConfig({ ticketKey }), deps);
        const alert = alertOf(() => pump(c, s, 3_000_000, (from, ev) => {
            if (from !== 'client' || ev.level !== EncryptionLevel.INITIAL)
                return ev.data;
            const out = ev.data.slice();
            out[out.length - 1] ^= 1;
            return out;
        }));
        assert.equal(alert, AlertDescription.decrypt_error);
    });
    test('sendSessionTicket is a no-op without a ticket key', async () => {
        const r = handshake(clientConfig(), await serverConfig());
        r.s.sendSessionTicket(0);
        assert.equal(r.s.pollEvent(), undefined);
    });
    test('resumption after a HelloRetryRequest', async () => {
        const { ticket, ticketKey } = await firstTicket();
        const r = handshake(clientConfig({ sessionTicket: ticket, groups: ['secp256r1', 'x25519'] }), await serverConfig({ ticketKey, groups: ['x25519'] }), 3_000_000);
        assert.ok(r.c.handshakeComplete && r.s.handshakeComplete);
        assert.equal(r.c.resumed, true);
        assertKeysMatch(r);
    });
});
//# sourceMappingURL=client.test.js.map