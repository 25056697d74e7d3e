import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEncryptedExtensions, encodeEncryptedExtensions } from '../../../../src/proto/tls/encrypted-extensions.js';
import { TlsAlertError } from '../../../../src/proto/tls/alerts.js';
describe('EncryptedExtensions codec', () => {
    test('round trip', () => {
        const msg = encodeEncryptedExtensions([{ type: 57, data: new Uint8Array([1, 2, 3]) }]);
        assert.equal(msg[0], 8);
        assert.deepEqual(decodeEncryptedExtensions(msg.subarray(4)).map.get(57), new Uint8Array([1, 2, 3]));
    });
    test('trailing bytes and truncation are alerts', () => {
        assert.throws(() => decodeEncryptedExtensions(new Uint8Array([0, 0, 1])), TlsAlertError);
        assert.throws(() => decodeEncryptedExtensions(new Uint8Array([0, 5, 0])), TlsAlertError);
    });
});
//# sourceMappingURL=encrypted-extensions.test.js.map