import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { memoizedSigningKey } from '../../../src/testing/memoized-signing-key.js';
test('same data and scheme -> same (valid) signature; different data -> fresh signature', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    let calls = 0;
    const raw = {
        schemes: [0x0403],
        sign: (_scheme, data) => {
            calls++;
            return new Uint8Array(sign('sha256', data, privateKey));
        },
    };
    const key = memoizedSigningKey(raw);
    assert.deepEqual(key.schemes, [0x0403]);
    const data = new TextEncoder().encode('certificate verify input');
    const s1 = key.sign(0x0403, data);
    const s2 = key.sign(0x0403, data.slice());
    assert.deepEqual(s1, s2);
    assert.equal(calls, 1);
    assert.ok(verify('sha256', data, publicKey, s1));
    s1.fill(0); // callers get copies: the cache is not corrupted
    assert.ok(verify('sha256', data, publicKey, key.sign(0x0403, data)));
    key.sign(0x0403, new TextEncoder().encode('other'));
    key.sign(0x0804, data);
    assert.equal(calls, 3);
});
//# sourceMappingURL=memoized-signing-key.test.js.map