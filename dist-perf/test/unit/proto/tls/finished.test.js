import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeCryptoProvider as crypto } from '../../../../src/crypto/node-provider.js';
import { computeVerifyData, encodeFinished, finishedKey, verifyDataEquals } from '../../../../src/proto/tls/finished.js';
import { fromHex, toHex } from '../../../../src/proto/util/bytes.js';
import { RFC8448_SIMPLE as V } from '../../../vectors/rfc8448.js';
describe('Finished', () => {
    test('finished keys of RFC 8448 §3', () => {
        assert.equal(toHex(finishedKey(crypto, 'sha256', fromHex(V.serverHandshakeTraffic))), V.serverFinishedKey);
    });
    test('verify_data is HMAC(finished_key, transcript hash)', () => {
        const th = new Uint8Array(32).fill(1);
        const vd = computeVerifyData(crypto, 'sha256', fromHex(V.clientHandshakeTraffic), th);
        assert.equal(toHex(vd), toHex(crypto.hmac('sha256', fromHex(V.clientFinishedKey), th)));
        assert.deepEqual(encodeFinished(vd).subarray(0, 4), new Uint8Array([20, 0, 0, 32]));
    });
    test('verifyDataEquals', () => {
        assert.ok(verifyDataEquals(new Uint8Array([1, 2]), new Uint8Array([1, 2])));
        assert.ok(!verifyDataEquals(new Uint8Array([1, 2]), new Uint8Array([1, 3])));
        assert.ok(!verifyDataEquals(new Uint8Array([1, 2]), new Uint8Array([1])));
    });
});
//# sourceMappingURL=finished.test.js.map