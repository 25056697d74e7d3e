import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HELLO_RETRY_REQUEST_RANDOM, decodeServerHello, encodeServerHello } from '../../../../src/proto/tls/server-hello.js';
import { AlertDescription, TlsAlertError } from '../../../../src/proto/tls/alerts.js';
import { nodeCryptoProvider } from '../../../../src/crypto/node-provider.js';
import { toHex, utf8 } from '../../../../src/proto/util/bytes.js';
describe('ServerHello codec', () => {
    test('HRR random is SHA-256("HelloRetryRequest")', () => {
        assert.equal(toHex(HELLO_RETRY_REQUEST_RANDOM), toHex(nodeCryptoProvider.hash('sha256', utf8('HelloRetryRequest'))));
    });
    test('round trip, HRR detection, session id echo', () => {
        const sh = decodeServerHello(encodeServerHello(new Uint8Array(32).fill(1), new Uint8Array([9]), 0x1302, [{ type: 43, data: new Uint8Array([3, 4]) }]).subarray(4));
        assert.equal(sh.cipherSuite, 0x1302);
        assert.equal(sh.isHelloRetryRequest, false);
        assert.deepEqual(sh.legacySessionIdEcho, new Uint8Array([9]));
        const hrr = decodeServerHello(encodeServerHello(HELLO_RETRY_REQUEST_RANDOM, new Uint8Array(0), 0x1301, []).subarray(4));
        assert.equal(hrr.isHelloRetryRequest, true);
    });
    test('a TLS 1.2 style ServerHello without extensions -> protocol_version', () => {
        const full = encodeServerHello(new Uint8Array(32), new Uint8Array(0), 0x1301, []);
        const body = full.subarray(4, full.length - 2);
        assert.throws(() => decodeServerHello(body), (e) => e instanceof TlsAlertError && e.alert === AlertDescription.protocol_version);
    });
});
//# sourceMappingURL=server-hello.test.js.map