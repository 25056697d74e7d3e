import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createTestPki } from '../../../src/testing/test-pki.js';
import { NodeCertificateVerifier } from '../../../src/crypto/node-cert-verifier.js';
import { parseCertificate } from '../../../src/proto/tls/der.js';
const nowUs = () => Date.now() * 1000;
describe('createTestPki', () => {
    for (const keyType of ['ec-p256', 'ec-p384', 'rsa-2048', 'ed25519']) {
        test(`${keyType}: a CA and a leaf that verify, with a matching key`, async () => {
            const pki = await createTestPki({ keyType, hostnames: ['pki.test', '127.0.0.1'] });
            assert.deepEqual(pki.chain, [pki.leafDer, pki.caDer]);
            const leaf = new X509Certificate(pki.leafPem);
            const ca = new X509Certificate(pki.caPem);
            assert.ok(leaf.checkIssued(ca));
            assert.ok(leaf.verify(ca.publicKey));
            assert.ok(ca.ca);
            assert.equal(leaf.ca, false);
            assert.ok(leaf.checkPrivateKey(createPrivateKey(pki.keyPem)));
            assert.equal(leaf.subjectAltName, 'DNS:pki.test, IP Address:127.0.0.1');
            assert.ok(pki.signingKey.schemes.length > 0);
            new NodeCertificateVerifier({ ca: [pki.caPem] }).verify(pki.chain, 'pki.test', nowUs());
        });
    }
    test('validity, notBefore, includeChain and intermediate options', async () => {
        const notBefore = Date.UTC(2020, 0, 1, 0, 0, 0, 500);
        const pki = await createTestPki({ validityDays: 3, notBefore, includeChain: false });
        const leaf = parseCertificate(pki.leafDer);
        assert.equal(leaf.notBefore, Date.UTC(2020, 0, 1));
        assert.equal(leaf.notAfter - leaf.notBefore, 3 * 86_400_000);
        assert.deepEqual(pki.chain, [pki.leafDer]);
        // The CA stays valid now, so only the leaf is expired.
        const ca = parseCertificate(pki.caDer);
        assert.ok(ca.notBefore < Date.now() && ca.notAfter > Date.now());
        const inter = await createTestPki({ intermediate: true });
        assert.equal(inter.chain.length, 3);
        assert.deepEqual(inter.chain[1], inter.intermediateDer);
        assert.equal(parseCertificate(inter.intermediateDer).isCA, true);
    });
    test('keys are cached per key type; CA names are unique per call; freshKeys bypasses the cache', async () => {
        const a = await createTestPki({ keyType: 'ec-p256' });
        const b = await createTestPki({ keyType: 'ec-p256' });
        const c = await createTestPki({ keyType: 'ec-p256', freshKeys: true });
        const spki = (der) => Buffer.from(parseCertificate(der).subjectPublicKeyInfo.raw).toString('hex');
        assert.equal(spki(a.leafDer), spki(b.leafDer));
        assert.notEqual(spki(a.leafDer), spki(c.leafDer));
        assert.notEqual(parseCertificate(a.caDer).subject.commonName, parseCertificate(b.caDer).subject.commonName);
        assert.equal((await createTestPki({ caName: 'Fixed CA' })).caPem.length > 0, true);
        assert.equal(parseCertificate((await createTestPki({ caName: 'Fixed CA' })).caDer).subject.commonName, 'Fixed CA');
    });
});
//# sourceMappingURL=test-pki.test.js.map