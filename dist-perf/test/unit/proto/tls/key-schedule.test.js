import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeCryptoProvider as crypto } from '../../../../src/crypto/node-provider.js';
import { hkdfExpandLabel } from '../../../../src/proto/crypto/hkdf-label.js';
import { KeySchedule, resumptionPsk } from '../../../../src/proto/tls/key-schedule.js';
import { finishedKey } from '../../../../src/proto/tls/finished.js';
import { fromHex, toHex } from '../../../../src/proto/util/bytes.js';
import { RFC8448_RESUMPTION, RFC8448_SIMPLE as V } from '../../../vectors/rfc8448.js';
describe('KeySchedule (RFC 8448 §3)', () => {
    const ks = new KeySchedule(crypto, 'sha256');
    test('early secret from no PSK', () => {
        assert.equal(toHex(ks.earlySecret), V.earlySecret);
    });
    test('handshake secret and traffic secrets', () => {
        assert.equal(toHex(ks.deriveHandshakeSecret(fromHex(V.sharedSecret))), V.handshakeSecret);
        const hs = ks.handshakeTrafficSecrets(fromHex(V.transcriptClientHelloServerHello));
        assert.equal(toHex(hs.client), V.clientHandshakeTraffic);
        assert.equal(toHex(hs.server), V.serverHandshakeTraffic);
        assert.equal(toHex(finishedKey(crypto, 'sha256', hs.server)), V.serverFinishedKey);
        assert.equal(toHex(finishedKey(crypto, 'sha256', hs.client)), V.clientFinishedKey);
        // Traffic keys, as the record layer (QUIC: "quic key") would expand them with TLS labels.
        assert.equal(toHex(hkdfExpandLabel(crypto, 'sha256', hs.server, 'key', new Uint8Array(0), 16)), V.serverHandshakeKey);
        assert.equal(toHex(hkdfExpandLabel(crypto, 'sha256', hs.server, 'iv', new Uint8Array(0), 12)), V.serverHandshakeIv);
        assert.equal(toHex(hkdfExpandLabel(crypto, 'sha256', hs.client, 'key', new Uint8Array(0), 16)), V.clientHandshakeKey);
        assert.equal(toHex(hkdfExpandLabel(crypto, 'sha256', hs.client, 'iv', new Uint8Array(0), 12)), V.clientHandshakeIv);
    });
    test('master, application, exporter and resumption secrets', () => {
        assert.equal(toHex(ks.deriveMasterSecret()), V.masterSecret);
        const ap = ks.applicationTrafficSecrets(fromHex(V.transcriptThroughServerFinished));
        assert.equal(toHex(ap.client), V.clientApplicationTraffic);
        assert.equal(toHex(ap.server), V.serverApplicationTraffic);
        assert.equal(toHex(hkdfExpandLabel(crypto, 'sha256', ap.server, 'key', new Uint8Array(0), 16)), V.serverApplicationKey);
        assert.equal(toHex(hkdfExpandLabel(crypto, 'sha256', ap.client, 'iv', new Uint8Array(0), 12)), V.clientApplicationIv);
        assert.equal(toHex(ks.exporterMasterSecret(fromHex(V.transcriptThroughServerFinished))), V.exporterMaster);
        assert.equal(toHex(ks.resumptionMasterSecret(fromHex(V.transcriptThroughClientFinished))), V.resumptionMaster);
    });
    test('secrets derived out of order are a bug (InternalError), not a peer error', () => {
        const fresh = new KeySchedule(crypto, 'sha256');
        assert.throws(() => fresh.handshakeTrafficSecrets(new Uint8Array(32)), { name: 'InternalError' });
        assert.throws(() => fresh.deriveMasterSecret(), { name: 'InternalError' });
    });
});
describe('resumption (RFC 8448 §4)', () => {
    test('PSK from the §3 resumption master secret and ticket nonce 0', () => {
        assert.equal(toHex(resumptionPsk(crypto, 'sha256', fromHex(V.resumptionMaster), new Uint8Array([0, 0]))), RFC8448_RESUMPTION.psk);
    });
    test('early secret and binder key from the PSK', () => {
        const ks = new KeySchedule(crypto, 'sha256', fromHex(RFC8448_RESUMPTION.psk));
        assert.equal(toHex(ks.earlySecret), RFC8448_RESUMPTION.earlySecret);
        assert.equal(toHex(ks.binderKey()), RFC8448_RESUMPTION.binderKey);
        assert.notEqual(toHex(ks.binderKey(true)), RFC8448_RESUMPTION.binderKey);
    });
});
//# sourceMappingURL=key-schedule.test.js.map