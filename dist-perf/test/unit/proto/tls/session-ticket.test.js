import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeCryptoProvider as crypto } from '../../../../src/crypto/node-provider.js';
import { computeBinder, decodeNewSessionTicket, encodeNewSessionTicket, openTicket, sealTicket, } from '../../../../src/proto/tls/session-ticket.js';
import { AlertDescription, TlsAlertError } from '../../../../src/proto/tls/alerts.js';
import { KeySchedule } from '../../../../src/proto/tls/key-schedule.js';
import { computeVerifyData } from '../../../../src/proto/tls/finished.js';
import { fromHex, toHex } from '../../../../src/proto/util/bytes.js';
import { RFC8448_RESUMPTION } from '../../../vectors/rfc8448.js';
import { nodeRandom } from './helpers.js';
describe('NewSessionTicket', () => {
    test('round trip; early_data extension read as maxEarlyData', () => {
        const msg = encodeNewSessionTicket({ lifetimeSeconds: 3600, ageAdd: 0xdeadbeef, nonce: new Uint8Array([0]), ticket: new Uint8Array([1, 2, 3]) }, [{ type: 42, data: new Uint8Array([0, 0, 0x40, 0]) }]);
        assert.equal(msg[0], 4);
        const t = decodeNewSessionTicket(msg.subarray(4));
        assert.equal(t.lifetimeSeconds, 3600);
        assert.equal(t.ageAdd, 0xdeadbeef);
        assert.deepEqual(t.ticket, new Uint8Array([1, 2, 3]));
        assert.equal(t.maxEarlyData, 0x4000);
    });
    test('lifetime above 7 days -> illegal_parameter; empty ticket -> decode_error', () => {
        const long = encodeNewSessionTicket({ lifetimeSeconds: 604_801, ageAdd: 0, nonce: new Uint8Array(0), ticket: new Uint8Array([1]) });
        assert.throws(() => decodeNewSessionTicket(long.subarray(4)), (e) => e instanceof TlsAlertError && e.alert === AlertDescription.illegal_parameter);
        const empty = encodeNewSessionTicket({ lifetimeSeconds: 1, ageAdd: 0, nonce: new Uint8Array(0), ticket: new Uint8Array(0) });
        assert.throws(() => decodeNewSessionTicket(empty.subarray(4)), (e) => e instanceof TlsAlertError && e.alert === AlertDescription.decode_error);
    });
});
describe('ticket sealing', () => {
    const key = new Uint8Array(32).fill(1);
    const contents = {
        suite: 0x1301, alpn: 'h3', serverName: 'example.com', psk: new Uint8Array(32).fill(2), issuedAt: 2 ** 40 + 5, lifetimeSeconds: 100, ageAdd: 77,
    };
    test('seal then open returns the contents', () => {
        assert.deepEqual(openTicket(crypto, key, sealTicket(crypto, nodeRandom, key, contents)), contents);
    });
    test('other key, tampering or garbage -> undefined', () => {
        const t = sealTicket(crypto, nodeRandom, key, contents);
        assert.equal(openTicket(crypto, new Uint8Array(32), t), undefined);
        const bad = t.slice();
        bad[20] ^= 1;
        assert.equal(openTicket(crypto, key, bad), undefined);
        assert.equal(openTicket(crypto, key, new Uint8Array(5)), undefined);
    });
});
describe('binders', () => {
    test('binder = HMAC(finished key of the RFC 8448 §4 binder key, hash)', () => {
        const psk = fromHex(RFC8448_RESUMPTION.psk);
        const th = new Uint8Array(32).fill(3);
        const binderKey = new KeySchedule(crypto, 'sha256', psk).binderKey();
        assert.equal(toHex(binderKey), RFC8448_RESUMPTION.binderKey);
        assert.equal(toHex(computeBinder(crypto, 'sha256', psk, th)), toHex(computeVerifyData(crypto, 'sha256', binderKey, th)));
    });
});
//# sourceMappingURL=session-ticket.test.js.map