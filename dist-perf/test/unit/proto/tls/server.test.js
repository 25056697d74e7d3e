import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeCryptoProvider as crypto } from '../../../../src/crypto/node-provider.js';
import { createTlsClient } from '../../../../src/proto/tls/client.js';
import { createTlsServer } from '../../../../src/proto/tls/server.js';
import { AlertDescription, TlsAlertError } from '../../../../src/proto/tls/alerts.js';
import { encodeClientHello } from '../../../../src/proto/tls/client-hello.js';
import { decodeServerHello } from '../../../../src/proto/tls/server-hello.js';
import { decodeEncryptedExtensions } from '../../../../src/proto/tls/encrypted-extensions.js';
import { ExtensionType, NamedGroup, decodeAlpn, decodeKeyShareServer, decodeU16, encodeAlpn, encodeKeyShareClient, encodeServerName, encodeSupportedVersionsClient, encodeU16List, } from '../../../../src/proto/tls/extensions.js';
import { HandshakeType } from '../../../../src/proto/tls/messages.js';
import { EncryptionLevel } from '../../../../src/proto/tls/session.js';
import { CERTIFICATE_VERIFY_SCHEMES } from '../../../../src/proto/tls/signature-schemes.js';
import { fromHex, utf8 } from '../../../../src/proto/util/bytes.js';
import { CHROMIUM_CLIENT_HELLO_HEX } from '../../../vectors/chromium-client-hello.js';
import { clientConfig, deps, handshake, identity, pump, serverConfig } from './helpers.js';
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
function drain(s) {
    const out = [];
    for (let e = s.pollEvent(); e; e = s.pollEvent())
        out.push(e);
    return out;
}
/** Splits a flight into [type, body] pairs. */
function messages(flight) {
    const out = [];
    for (let pos = 0; pos + 4 <= flight.length;) {
        const len = (flight[pos + 1] << 16) | (flight[pos + 2] << 8) | flight[pos + 3];
        out.push([flight[pos], flight.subarray(pos + 4, pos + 4 + len)]);
        pos += 4 + len;
    }
    return out;
}
/** A ClientHello built by hand, with each extension replaceable (undefined drops it). */
function hello(over = {}, suites = [0x1301]) {
    const share = crypto.generateKeyShare('x25519');
    const base = {
        versions: { type: ExtensionType.supported_versions, data: encodeSupportedVersionsClient([0x0304]) },
        groups: { type: ExtensionType.supported_groups, data: encodeU16List([NamedGroup.x25519]) },
        shares: { type: ExtensionType.key_share, data: encodeKeyShareClient([{ group: NamedGroup.x25519, keyExchange: share.publicKey }]) },
        sigalgs: { type: ExtensionType.signature_algorithms, data: encodeU16List(CERTIFICATE_VERIFY_SCHEMES) },
        alpn: { type: ExtensionType.application_layer_protocol_negotiation, data: encodeAlpn([utf8('h3')]) },
        tp: { type: ExtensionType.quic_transport_parameters, data: utf8('tp') },
        ...over,
    };
    const exts = Object.values(base).filter((e) => e !== undefined);
    return encodeClientHello(new Uint8Array(32).fill(1), suites, exts);
}
async function serverAlert(ch, over = {}) {
    const s = createTlsServer(await serverConfig(over), deps);
    return alertOf(() => s.handleHandshakeData(EncryptionLevel.INITIAL, ch, 0));
}
describe('server: real Chromium ClientHello', () => {
    test('parses it and answers x25519, a suite it offered and ALPN h3', async () => {
        const s = createTlsServer(await serverConfig({ alpnProtocols: ['h3'] }), deps);
        const ch = fromHex(CHROMIUM_CLIENT_HELLO_HEX);
        assert.equal(ch.length, 1481);
        // Delivered in odd-sized pieces, as CRYPTO frames would.
        for (let i = 0; i < ch.length; i += 97)
            s.handleHandshakeData(EncryptionLevel.INITIAL, ch.subarray(i, i + 97), 0);
        const events = drain(s);
        const initial = events.find((e) => e.type === 'handshakeData' && e.level === EncryptionLevel.INITIAL);
        assert.ok(initial && initial.type === 'handshakeData');
        assert.equal(initial.data[0], HandshakeType.server_hello);
        const sh = decodeServerHello(initial.data.subarray(4));
        assert.equal(sh.isHelloRetryRequest, false);
        assert.equal(sh.cipherSuite, 0x1301);
        assert.equal(sh.legacySessionIdEcho.length, 0);
        assert.equal(decodeKeyShareServer(sh.extensions.map.get(ExtensionType.key_share)).group, NamedGroup.x25519);
        assert.equal(decodeU16('supported_versions', sh.extensions.map.get(ExtensionType.supported_versions)), 0x0304);
        const flight = events.find((e) => e.type === 'handshakeData' && e.level === EncryptionLevel.HANDSHAKE);
        assert.ok(flight && flight.type === 'handshakeData');
        const [eeType, eeBody] = messages(flight.data)[0];
        assert.equal(eeType, HandshakeType.encrypted_extensions);
        const ee = decodeEncryptedExtensions(eeBody);
        assert.deepEqual(decodeAlpn(ee.map.get(ExtensionType.application_layer_protocol_negotiation)).map((b) => new TextDecoder().decode(b)), ['h3']);
        assert.deepEqual(messages(flight.data).map(([t]) => t), [
            HandshakeType.encrypted_extensions, HandshakeType.certificate, HandshakeType.certificate_verify, HandshakeType.finished,
        ]);
        assert.equal(s.alpn, 'h3');
        assert.equal(s.serverName, undefined);
        assert.equal(s.peerTransportParameters?.length, 88);
    });
    test('prefers its own ALPN order among what Chromium offered', async () => {
        const s = createTlsServer(await serverConfig({ alpnProtocols: ['h3-29', 'h3'] }), deps);
        s.handleHandshakeData(EncryptionLevel.INITIAL, fromHex(CHROMIUM_CLIENT_HELLO_HEX), 0);
        assert.equal(s.alpn, 'h3');
    });
});
describe('server negotiation', () => {
    test('HelloRetryRequest when the client has no share for a group of ours', async () => {
        const r = handshake(clientConfig({ groups: ['secp256r1', 'x25519'] }), await serverConfig({ groups: ['x25519'] }));
        assert.ok(r.c.handshakeComplete && r.s.handshakeComplete);
        const initial = r.server.filter((e) => e.type === 'handshakeData' && e.level === EncryptionLevel.INITIAL);
        assert.equal(initial.length, 2);
        const hrr = initial[0];
        assert.ok(hrr.type === 'handshakeData');
        const decoded = decodeServerHello(hrr.data.subarray(4));
        assert.equal(decoded.isHelloRetryRequest, true);
        assert.equal(decodeU16('key_share', decoded.extensions.map.get(ExtensionType.key_share)), NamedGroup.x25519);
        assert.equal(r.client.filter((e) => e.type === 'handshakeData' && e.level === EncryptionLevel.INITIAL).length, 2);
    });
    test('cipher suite by server preference', async () => {
        const r = handshake(clientConfig({ cipherSuites: [0x1301, 0x1302, 0x1303] }), await serverConfig({ cipherSuites: [0x1303, 0x1301] }));
        assert.equal(r.c.cipherSuite?.id, 0x1303);
    });
    test('selectCertificate chooses by SNI', async () => {
        const other = await identity('ed25519');
        const seen = [];
        const r = handshake(clientConfig({ serverName: 'Example.COM' }), await serverConfig({
            selectCertificate: (name) => { seen.push(name); return name === 'example.com' ? { chain: other.chain, key: other.key } : undefined; },
        }));
        assert.deepEqual(seen, ['example.com']);
        assert.deepEqual(r.c.peerCertificates, other.chain);
    });
    test('ALPN mismatch -> no_application_protocol (120)', async () => {
        const c = createTlsClient(clientConfig({ alpnProtocols: ['h3'] }), deps);
        const s = createTlsServer(await serverConfig({ alpnProtocols: ['webtransport'] }), deps);
        try {
            pump(c, s);
            assert.fail('no alert');
        }
        catch (err) {
            assert.ok(err instanceof TlsAlertError);
            assert.equal(err.alert, 120);
            assert.equal(err.quicErrorCode, 0x178);
        }
    });
    test('missing extensions and bad offers map to their alerts', async () => {
        assert.equal(await serverAlert(hello({ tp: undefined })), AlertDescription.missing_extension);
        assert.equal(await serverAlert(hello({ alpn: undefined })), AlertDescription.no_application_protocol);
        assert.equal(await serverAlert(hello({ versions: undefined })), AlertDescription.protocol_version);
        assert.equal(await serverAlert(hello({ versions: { type: ExtensionType.supported_versions, data: encodeSupportedVersionsClient([0x0303]) } })), AlertDescription.protocol_version);
        assert.equal(await serverAlert(hello({ sigalgs: undefined })), AlertDescription.missing_extension);
        assert.equal(await serverAlert(hello({ groups: undefined })), AlertDescription.missing_extension);
        assert.equal(await serverAlert(hello({ shares: undefined })), AlertDescription.missing_extension);
        assert.equal(await serverAlert(hello({}, [0x1304])), AlertDescription.handshake_failure);
        assert.equal(await serverAlert(hello({ groups: { type: ExtensionType.supported_groups, data: encodeU16List([NamedGroup.X25519MLKEM768]) } })), AlertDescription.illegal_parameter);
        assert.equal(await serverAlert(hello({
            groups: { type: ExtensionType.supported_groups, data: encodeU16List([0x0019]) },
            shares: { type: ExtensionType.key_share, data: encodeKeyShareClient([]) },
        })), AlertDescription.handshake_failure);
        assert.equal(await serverAlert(hello({
            shares: { type: ExtensionType.key_share, data: encodeKeyShareClient([{ group: NamedGroup.x25519, keyExchange: new Uint8Array(31) }]) },
        })), AlertDescription.illegal_parameter);
        assert.equal(await serverAlert(hello({
            sigalgs: { type: ExtensionType.signature_algorithms, data: encodeU16List([0x0401]) },
        })), AlertDescription.handshake_failure);
    });
    test('unknown extensions and GREASE values are ignored, order is free', async () => {
        const s = createTlsServer(await serverConfig(), deps);
        const ch = hello({
            grease: { type: 0x0a0a, data: new Uint8Array(0) },
            sni: { type: ExtensionType.server_name, data: encodeServerName('localhost') },
            groups: { type: ExtensionType.supported_groups, data: encodeU16List([0x1a1a, NamedGroup.x25519]) },
            alpn: { type: ExtensionType.application_layer_protocol_negotiation, data: encodeAlpn([utf8('\x2a\x2a'), utf8('h3')]) },
            other: { type: 0xfe0d, data: new Uint8Array([1, 2, 3]) },
        });
        s.handleHandshakeData(EncryptionLevel.INITIAL, ch, 0);
        assert.equal(s.serverName, 'localhost');
        assert.equal(s.alpn, 'h3');
    });
    test('duplicate extension -> illegal_parameter; truncated ClientHello -> decode_error', async () => {
        const ch = hello({ dup: { type: ExtensionType.quic_transport_parameters, data: utf8('x') } });
        assert.equal(await serverAlert(ch), AlertDescription.illegal_parameter);
        const good = hello();
        const cut = good.slice(0, good.length - 3);
        cut[3] = cut.length - 4; // re-frame the shortened body so only the body parse fails
        cut[2] = (cut.length - 4) >> 8;
        assert.equal(await serverAlert(cut), AlertDescription.decode_error);
    });
    test('a second ClientHello without the requested share -> illegal_parameter', async () => {
        const s = createTlsServer(await serverConfig({ groups: ['secp256r1'] }), deps);
        s.handleHandshakeData(EncryptionLevel.INITIAL, hello({ groups: { type: ExtensionType.supported_groups, data: encodeU16List([NamedGroup.x25519, NamedGroup.secp256r1]) } }), 0);
        const hrr = drain(s);
        assert.equal(hrr.length, 1);
        assert.equal(alertOf(() => s.handleHandshakeData(EncryptionLevel.INITIAL, hello({ groups: { type: ExtensionType.supported_groups, data: encodeU16List([NamedGroup.x25519, NamedGroup.secp256r1]) } }), 0)), AlertDescription.illegal_parameter);
    });
    test('oversized handshake message is refused before buffering it', async () => {
        const s = createTlsServer(await serverConfig(), deps);
        assert.equal(alertOf(() => s.handleHandshakeData(EncryptionLevel.INITIAL, new Uint8Array([1, 0x10, 0, 0]), 0)), AlertDescription.illegal_parameter);
    });
    test('client messages after completion -> unexpected_message', async () => {
        const r = handshake(clientConfig(), await serverConfig());
        assert.equal(alertOf(() => r.s.handleHandshakeData(EncryptionLevel.APPLICATION, new Uint8Array([HandshakeType.key_update, 0, 0, 1, 0]), 0)), AlertDescription.unexpected_message);
    });
});
//# sourceMappingURL=server.test.js.map