import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeClientHello, encodeClientHello } from '../../../../src/proto/tls/client-hello.js';
import { AlertDescription, TlsAlertError } from '../../../../src/proto/tls/alerts.js';
import { ExtensionType } from '../../../../src/proto/tls/extensions.js';
import { fromHex } from '../../../../src/proto/util/bytes.js';
import { CHROMIUM_CLIENT_HELLO_HEX } from '../../../vectors/chromium-client-hello.js';
describe('ClientHello codec', () => {
    test('round trip with empty legacy_session_id', () => {
        const random = new Uint8Array(32).fill(3);
        const msg = encodeClientHello(random, [0x1301, 0x1303], [{ type: 57, data: new Uint8Array([1, 2]) }, { type: 0x0a0a, data: new Uint8Array(0) }]);
        assert.equal(msg[0], 1);
        const ch = decodeClientHello(msg.subarray(4));
        assert.deepEqual(ch.random, random);
        assert.equal(ch.legacySessionId.length, 0);
        assert.deepEqual(ch.cipherSuites, [0x1301, 0x1303]);
        assert.deepEqual(ch.extensions.order, [57, 0x0a0a]);
    });
    test('decodes the captured Chromium ClientHello', () => {
        const ch = decodeClientHello(fromHex(CHROMIUM_CLIENT_HELLO_HEX).subarray(4));
        assert.deepEqual(ch.cipherSuites, [0x1301, 0x1302, 0x1303]);
        assert.deepEqual(ch.extensions.order, [10, 27, 0x44cd, 16, 57, 45, 13, 51, 43]);
        assert.equal(ch.extensions.map.get(ExtensionType.quic_transport_parameters).length, 88);
    });
    test('pre_shared_key must be last; compression must be [0]', () => {
        const bad = encodeClientHello(new Uint8Array(32), [0x1301], [{ type: 41, data: new Uint8Array(0) }, { type: 57, data: new Uint8Array(0) }]);
        assert.throws(() => decodeClientHello(bad.subarray(4)), (e) => e instanceof TlsAlertError && e.alert === AlertDescription.illegal_parameter);
        const comp = encodeClientHello(new Uint8Array(32), [0x1301], []).slice();
        comp[4 + 2 + 32 + 1 + 2 + 2 + 1] = 1; // the compression method byte
        assert.throws(() => decodeClientHello(comp.subarray(4)), (e) => e instanceof TlsAlertError && e.alert === AlertDescription.illegal_parameter);
    });
    test('every truncation is decode_error or missing_extension, never another error', () => {
        const msg = encodeClientHello(new Uint8Array(32), [0x1301], [{ type: 57, data: new Uint8Array([1]) }]).subarray(4);
        for (let n = 0; n < msg.length; n++) {
            assert.throws(() => decodeClientHello(msg.subarray(0, n)), (e) => e instanceof TlsAlertError
                && (e.alert === AlertDescription.decode_error || e.alert === AlertDescription.missing_extension));
        }
    });
});
//# sourceMappingURL=client-hello.test.js.map