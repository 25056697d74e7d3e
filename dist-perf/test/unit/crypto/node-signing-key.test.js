import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { createSigningKey } from '../../../src/crypto/node-signing-key.js';
import { nodeCryptoProvider } from '../../../src/crypto/node-provider.js';
import { SignatureScheme as S } from '../../../src/proto/tls/signature-schemes.js';
import { createTestPki } from '../../../src/testing/test-pki.js';
const data = new TextEncoder().encode(' '.repeat(64) + 'TLS 1.3, server CertificateVerify\0' + 'transcript-hash');
function pemOf(key) {
    return key.export({ type: 'pkcs8', format: 'pem' });
}
/** Verifies like a TLS 1.3 peer would for each scheme. */
function tlsVerify(scheme, publicKey, signature, message = data) {
    const m = message;
    switch (scheme) {
        case S.ecdsa_secp256r1_sha256: return verify('sha256', m, { key: publicKey, dsaEncoding: 'der' }, signature);
        case S.ecdsa_secp384r1_sha384: return verify('sha384', m, { key: publicKey, dsaEncoding: 'der' }, signature);
        case S.ecdsa_secp521r1_sha512: return verify('sha512', m, { key: publicKey, dsaEncoding: 'der' }, signature);
        case S.ed25519: return verify(null, m, publicKey, signature);
        default: {
            const hash = { 0x0804: 'sha256', 0x0805: 'sha384', 0x0806: 'sha512', 0x0809: 'sha256', 0x080a: 'sha384', 0x080b: 'sha512' }[scheme];
            const saltLength = { sha256: 32, sha384: 48, sha512: 64 }[hash];
            return verify(hash, m, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }, signature);
        }
    }
}
describe('createSigningKey', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const cases = [
        ['EC P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' }), [S.ecdsa_secp256r1_sha256]],
        ['EC P-384', generateKeyPairSync('ec', { namedCurve: 'P-384' }), [S.ecdsa_secp384r1_sha384]],
        ['EC P-521', generateKeyPairSync('ec', { namedCurve: 'P-521' }), [S.ecdsa_secp521r1_sha512]],
        ['RSA', rsa, [S.rsa_pss_rsae_sha256, S.rsa_pss_rsae_sha384, S.rsa_pss_rsae_sha512]],
        ['Ed25519', generateKeyPairSync('ed25519'), [S.ed25519]],
    ];
    for (const [name, pair, schemes] of cases) {
        test(`${name}: schemes in preference order and signatures that verify`, () => {
            const key = createSigningKey(pemOf(pair.privateKey));
            assert.deepEqual(key.schemes, schemes);
            for (const scheme of schemes) {
                const sig = key.sign(scheme, data);
                assert.ok(sig instanceof Uint8Array);
                assert.ok(tlsVerify(scheme, pair.publicKey, sig), `0x${scheme.toString(16)}`);
                if (name.startsWith('EC'))
                    assert.equal(sig[0], 0x30, 'ECDSA signature is a DER SEQUENCE');
                // The signature covers the data: one flipped bit must not verify.
                const other = data.slice();
                other[0] ^= 1;
                assert.equal(tlsVerify(scheme, pair.publicKey, sig, other), false);
            }
        });
    }
    test('RSA-PSS salt length equals the hash length (a wrong fixed salt fails)', () => {
        const key = createSigningKey(rsa.privateKey);
        const sig = key.sign(S.rsa_pss_rsae_sha384, data);
        assert.ok(verify('sha384', data, { key: rsa.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 }, sig));
        assert.equal(verify('sha384', data, { key: rsa.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig), false);
    });
    test('RSASSA-PSS keys use rsa_pss_pss_* limited to their bound hash', () => {
        const bound = generateKeyPairSync('rsa-pss', { modulusLength: 1024, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256' });
        const key = createSigningKey(bound.privateKey);
        assert.deepEqual(key.schemes, [S.rsa_pss_pss_sha256]);
        assert.ok(tlsVerify(S.rsa_pss_pss_sha256, bound.publicKey, key.sign(S.rsa_pss_pss_sha256, data)));
        const free = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
        const key2 = createSigningKey(free.privateKey);
        assert.deepEqual(key2.schemes, [S.rsa_pss_pss_sha256, S.rsa_pss_pss_sha384, S.rsa_pss_pss_sha512]);
        assert.ok(tlsVerify(S.rsa_pss_pss_sha512, free.publicKey, key2.sign(S.rsa_pss_pss_sha512, data)));
    });
    test('accepts PEM bytes, DER PKCS#8, SEC1 PEM, KeyObject and encrypted PEM', () => {
        const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
        const der = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
        const sec1 = pair.privateKey.export({ type: 'sec1', format: 'pem' });
        const encrypted = pair.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' });
        for (const key of [
            createSigningKey(new TextEncoder().encode(pemOf(pair.privateKey))),
            createSigningKey(new Uint8Array(der)),
            createSigningKey(sec1),
            createSigningKey(pair.privateKey),
            createSigningKey(encrypted, { passphrase: 'pw' }),
        ]) {
            assert.ok(tlsVerify(S.ecdsa_secp256r1_sha256, pair.publicKey, key.sign(S.ecdsa_secp256r1_sha256, data)));
        }
        assert.throws(() => createSigningKey(encrypted, { passphrase: 'wrong' }));
    });
    test('refuses public keys, unusable key types and schemes the key cannot produce', () => {
        const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
        assert.throws(() => createSigningKey(pair.publicKey), TypeError);
        assert.throws(() => createSigningKey(generateKeyPairSync('x25519').privateKey), TypeError);
        assert.throws(() => createSigningKey(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey), TypeError);
        const key = createSigningKey(pair.privateKey);
        assert.throws(() => key.sign(S.ecdsa_secp384r1_sha384, data), RangeError);
        assert.throws(() => key.sign(S.rsa_pss_rsae_sha256, data), /rsa_pss_rsae_sha256/);
        assert.ok(Object.isFrozen(key.schemes));
    });
    test('signatures verify with the provider against the test PKI leaf, for every key type', async () => {
        for (const keyType of ['ec-p256', 'ec-p384', 'rsa-2048', 'ed25519']) {
            const pki = await createTestPki({ keyType });
            for (const scheme of pki.signingKey.schemes) {
                const sig = pki.signingKey.sign(scheme, data);
                assert.ok(nodeCryptoProvider.verifySignature(scheme, pki.leafDer, data, sig), `${keyType} 0x${scheme.toString(16)}`);
                assert.equal(nodeCryptoProvider.verifySignature(scheme, pki.caDer, data, sig), false);
            }
            assert.ok(createPublicKey(pki.keyPem));
        }
    });
});
//# sourceMappingURL=node-signing-key.test.js.map