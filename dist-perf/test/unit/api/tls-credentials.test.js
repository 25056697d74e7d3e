import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateSha256, generateSelfSignedCertificate, loadCredentials, subjectAltNames, } from '../../../src/api/tls-credentials.js';
import { CertificateHashVerifier } from '../../../src/proto/tls/certificate-hash-verifier.js';
import { Oid, parseCertificate } from '../../../src/proto/tls/der.js';
import { nodeCryptoProvider } from '../../../src/crypto/node-provider.js';
import { SignatureScheme } from '../../../src/proto/tls/signature-schemes.js';
import { createTestPki } from '../../../src/testing/test-pki.js';
const dir = mkdtempSync(join(tmpdir(), 'tls-credentials-'));
after(() => rmSync(dir, { recursive: true, force: true }));
describe('loadCredentials', async () => {
    const pki = await createTestPki({ keyType: 'ec-p256', intermediate: true });
    const chainPem = [pki.leafPem, pki.intermediatePem, pki.caPem].join('');
    test('inline PEM chain and key: DER chain leaf first, leaf hash, working key', async () => {
        const c = await loadCredentials({ cert: chainPem, key: pki.keyPem });
        assert.deepEqual(c.chain, [pki.leafDer, pki.intermediateDer, pki.caDer]);
        assert.deepEqual(c.leafSha256, new Uint8Array(createHash('sha256').update(pki.leafDer).digest()));
        const data = new Uint8Array([1, 2, 3]);
        assert.ok(nodeCryptoProvider.verifySignature(SignatureScheme.ecdsa_secp256r1_sha256, c.chain[0], data, c.signingKey.sign(SignatureScheme.ecdsa_secp256r1_sha256, data)));
    });
    test('file paths, PEM bytes, DER bytes and KeyObject', async () => {
        writeFileSync(join(dir, 'cert.pem'), chainPem);
        writeFileSync(join(dir, 'key.pem'), pki.keyPem);
        const fromFiles = await loadCredentials({ cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') });
        assert.equal(fromFiles.chain.length, 3);
        const fromBytes = await loadCredentials({ cert: new TextEncoder().encode(chainPem), key: new TextEncoder().encode(pki.keyPem) });
        assert.equal(fromBytes.chain.length, 3);
        const fromDer = await loadCredentials({ cert: pki.leafDer, key: createPrivateKey(pki.keyPem) });
        assert.deepEqual(fromDer.chain, [pki.leafDer]);
    });
    test('encrypted key with passphrase', async () => {
        const encrypted = createPrivateKey(pki.keyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' });
        const c = await loadCredentials({ cert: pki.leafPem, key: encrypted, passphrase: 'secret' });
        assert.deepEqual(c.chain, [pki.leafDer]);
    });
    test('a key that does not belong to the leaf, a PEM without certificates, a missing file', async () => {
        const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
        await assert.rejects(loadCredentials({ cert: pki.leafPem, key: otherKey }), /does not match/);
        await assert.rejects(loadCredentials({ cert: pki.keyPem, key: pki.keyPem }), /no PEM CERTIFICATE/);
        await assert.rejects(loadCredentials({ cert: join(dir, 'missing.pem'), key: pki.keyPem }), /ENOENT/);
        await assert.rejects(loadCredentials({ cert: new Uint8Array([0x30, 0x00]), key: pki.keyPem }), TypeError);
    });
});
describe('generateSelfSignedCertificate', () => {
    test('defaults: ECDSA P-256, v3, 14 days, localhost + loopback IPs, hash-pinnable', async () => {
        const before = Date.now();
        const s = await generateSelfSignedCertificate();
        const parsed = parseCertificate(s.certDer);
        assert.equal(parsed.version, 3);
        assert.equal(parsed.subjectPublicKeyInfo.curve, Oid.secp256r1);
        assert.deepEqual(parsed.dnsNames, ['localhost']);
        assert.deepEqual(parsed.ipAddresses, ['127.0.0.1', '::1']);
        assert.deepEqual(parsed.extendedKeyUsage, [Oid.id_kp_serverAuth]);
        assert.equal(parsed.notAfter - parsed.notBefore, 14 * 86_400_000);
        assert.equal(parsed.notBefore, s.notBefore.getTime());
        assert.ok(parsed.notBefore <= before && parsed.notAfter > before + 13 * 86_400_000);
        assert.deepEqual(s.sha256, certificateSha256(s.certDer));
        assert.deepEqual(s.leafSha256, s.sha256);
        assert.equal(s.sha256Hex, Buffer.from(s.sha256).toString('hex'));
        assert.deepEqual(s.chain, [s.certDer]);
        assert.deepEqual(s.signingKey.schemes, [SignatureScheme.ecdsa_secp256r1_sha256]);
        assert.ok(new X509Certificate(s.certPem).checkPrivateKey(createPrivateKey(s.keyPem)));
        const v = new CertificateHashVerifier([{ algorithm: 'sha-256', value: s.sha256 }], nodeCryptoProvider);
        v.verify(s.chain, undefined, Date.now() * 1000);
        // The PEM pair round-trips through loadCredentials.
        const loaded = await loadCredentials({ cert: s.certPem, key: s.keyPem });
        assert.deepEqual(loaded.leafSha256, s.sha256);
    });
    test('custom hostnames and days; days outside (0, 14] are refused', async () => {
        const s = await generateSelfSignedCertificate({ hostnames: ['app.test', '[::1]', '10.0.0.1'], days: 3 });
        const parsed = parseCertificate(s.certDer);
        assert.equal(parsed.subject.commonName, 'app.test');
        assert.deepEqual(parsed.ipAddresses, ['::1', '10.0.0.1']);
        assert.equal(parsed.notAfter - parsed.notBefore, 3 * 86_400_000);
        await assert.rejects(generateSelfSignedCertificate({ days: 15 }), RangeError);
        await assert.rejects(generateSelfSignedCertificate({ days: 0 }), RangeError);
        await assert.rejects(generateSelfSignedCertificate({ hostnames: [] }), RangeError);
    });
    test('subjectAltNames splits IP literals from DNS names', () => {
        assert.deepEqual(subjectAltNames(['a.test', '127.0.0.1', '[fe80::1]', '::1']), [
            { type: 'dns', value: 'a.test' }, { type: 'ip', value: '127.0.0.1' }, { type: 'ip', value: 'fe80::1' }, { type: 'ip', value: '::1' },
        ]);
    });
});
//# sourceMappingURL=tls-credentials.test.js.map