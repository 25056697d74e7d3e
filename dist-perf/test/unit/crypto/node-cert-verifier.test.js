import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, webcrypto } from 'node:crypto';
import { NodeCertificateVerifier, createCertificateVerifier, } from '../../../src/crypto/node-cert-verifier.js';
import { CertificateHashVerifier } from '../../../src/proto/tls/certificate-hash-verifier.js';
import { CertificateVerificationError } from '../../../src/proto/tls/session.js';
import { decodePem } from '../../../src/proto/tls/der.js';
import { generateSelfSignedCertificate, loadX509 } from '../../../src/api/tls-credentials.js';
import { createTestPki } from '../../../src/testing/test-pki.js';
const DAY_MS = 86_400_000;
const nowUs = () => Date.now() * 1000;
function reason(fn) {
    try {
        fn();
    }
    catch (error) {
        assert.ok(error instanceof CertificateVerificationError, String(error));
        return error.reason;
    }
    return 'accepted';
}
/** A certificate for `name` signed by the leaf key of `pki` (which is not a CA). */
async function signedByLeaf(pki) {
    const x509 = await loadX509();
    const pkcs8 = decodePem(pki.keyPem, 'PRIVATE KEY')[0];
    const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const signingKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, alg, false, ['sign']);
    const subjectKeys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
    const leaf = new x509.X509Certificate(pki.leafDer);
    const cert = await x509.X509CertificateGenerator.create({
        subject: 'CN=victim.test', issuer: leaf.subject, notBefore: new Date(Date.now() - DAY_MS), notAfter: new Date(Date.now() + DAY_MS),
        publicKey: subjectKeys.publicKey, signingKey, signingAlgorithm: alg,
        extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'victim.test' }])],
    });
    return new Uint8Array(cert.rawData);
}
describe('NodeCertificateVerifier', async () => {
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1', '::1', '*.wild.test'] });
    const trusted = new NodeCertificateVerifier({ ca: [pki.caPem] });
    test('accepts a chain to a configured CA, with or without the root in the chain', () => {
        assert.equal(reason(() => trusted.verify(pki.chain, 'localhost', nowUs())), 'accepted');
        assert.equal(reason(() => trusted.verify([pki.leafDer], 'localhost', nowUs())), 'accepted');
        assert.equal(reason(() => new NodeCertificateVerifier({ ca: [pki.caDer] }).verify([pki.leafDer], 'LOCALHOST.', nowUs())), 'accepted');
    });
    test('walks through an intermediate, in any presented order; a missing intermediate is untrusted', async () => {
        const p = await createTestPki({ keyType: 'ec-p384', intermediate: true, hostnames: ['inter.test'] });
        const v = new NodeCertificateVerifier({ ca: [p.caPem] });
        assert.equal(p.chain.length, 3);
        assert.equal(reason(() => v.verify(p.chain, 'inter.test', nowUs())), 'accepted');
        assert.equal(reason(() => v.verify([p.leafDer, p.caDer, p.intermediateDer], 'inter.test', nowUs())), 'accepted');
        assert.equal(reason(() => v.verify([p.leafDer], 'inter.test', nowUs())), 'untrusted');
        // Trusting the intermediate itself is enough.
        assert.equal(reason(() => new NodeCertificateVerifier({ ca: [p.intermediatePem] }).verify([p.leafDer], 'inter.test', nowUs())), 'accepted');
    });
    test('an unknown CA, and an impostor CA with the same name but another key, are untrusted', async () => {
        const other = await createTestPki({ keyType: 'ec-p256' });
        assert.equal(reason(() => trusted.verify(other.chain, 'localhost', nowUs())), 'untrusted');
        const caName = 'shared name CA';
        const real = await createTestPki({ keyType: 'ec-p256', caName });
        const impostor = await createTestPki({ keyType: 'ec-p256', caName, freshKeys: true });
        assert.equal(reason(() => new NodeCertificateVerifier({ ca: [real.caPem] }).verify(impostor.chain, 'localhost', nowUs())), 'untrusted');
        assert.equal(reason(() => new NodeCertificateVerifier({ ca: [real.caPem] }).verify(real.chain, 'localhost', nowUs())), 'accepted');
    });
    test('a certificate issued by a non-CA leaf is untrusted', async () => {
        const forged = await signedByLeaf(pki);
        assert.equal(reason(() => trusted.verify([forged, pki.leafDer, pki.caDer], 'victim.test', nowUs())), 'untrusted');
    });
    test('expired and not-yet-valid leaves', async () => {
        const expired = await createTestPki({ keyType: 'ec-p256', notBefore: Date.now() - 30 * DAY_MS, validityDays: 10 });
        assert.equal(reason(() => new NodeCertificateVerifier({ ca: [expired.caPem] }).verify(expired.chain, 'localhost', nowUs())), 'expired');
        // The verifier uses the `now` it is given, not the wall clock.
        const then = (Date.now() - 25 * DAY_MS) * 1000;
        assert.equal(reason(() => new NodeCertificateVerifier({ ca: [expired.caPem] }).verify(expired.chain, 'localhost', then)), 'accepted');
        assert.equal(reason(() => trusted.verify(pki.chain, 'localhost', (pki.notBefore.getTime() - 1000) * 1000)), 'expired');
        assert.equal(reason(() => trusted.verify(pki.chain, 'localhost', (pki.notAfter.getTime() + 1000) * 1000)), 'expired');
    });
    test('host names: exact, wildcard one label deep, case and trailing dot', () => {
        for (const name of ['localhost', 'a.wild.test', 'A.WILD.TEST'])
            assert.equal(reason(() => trusted.verify(pki.chain, name, nowUs())), 'accepted', name);
        for (const name of ['example.com', 'wild.test', 'a.b.wild.test', 'localhost.example'])
            assert.equal(reason(() => trusted.verify(pki.chain, name, nowUs())), 'hostname', name);
    });
    test('IP literals match SAN iPAddress only: 127.0.0.1 and ::1 (bare or bracketed)', async () => {
        for (const ip of ['127.0.0.1', '::1', '[::1]', '0:0:0:0:0:0:0:1'])
            assert.equal(reason(() => trusted.verify(pki.chain, ip, nowUs())), 'accepted', ip);
        for (const ip of ['127.0.0.2', '::2', '10.0.0.1'])
            assert.equal(reason(() => trusted.verify(pki.chain, ip, nowUs())), 'hostname', ip);
        // A DNS SAN that spells an IP does not match the IP.
        const dnsOnly = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
        assert.equal(reason(() => new NodeCertificateVerifier({ ca: [dnsOnly.caPem] }).verify(dnsOnly.chain, '127.0.0.1', nowUs())), 'hostname');
    });
    test('no server name (client certificates) skips the name check', () => {
        assert.equal(reason(() => trusted.verify(pki.chain, undefined, nowUs())), 'accepted');
    });
    test('a self-signed leaf configured as its own trust anchor is accepted', async () => {
        const self = await generateSelfSignedCertificate({ hostnames: ['self.test'] });
        const v = new NodeCertificateVerifier({ ca: [self.certPem] });
        assert.equal(reason(() => v.verify(self.chain, 'self.test', nowUs())), 'accepted');
        assert.equal(reason(() => v.verify(self.chain, 'other.test', nowUs())), 'hostname');
        assert.equal(reason(() => trusted.verify(self.chain, 'self.test', nowUs())), 'untrusted');
    });
    test('empty and unparsable chains are bad-certificate', () => {
        assert.equal(reason(() => trusted.verify([], 'localhost', nowUs())), 'bad-certificate');
        assert.equal(reason(() => trusted.verify([new Uint8Array([0x30, 0x00])], 'localhost', nowUs())), 'bad-certificate');
        assert.equal(reason(() => trusted.verify([pki.leafDer, new Uint8Array([1, 2, 3])], 'localhost', nowUs())), 'bad-certificate');
    });
    test('a PEM bundle with several CAs, and the system roots, load', () => {
        const bundle = new NodeCertificateVerifier({ ca: [`${pki.caPem}\n${pki.leafPem}`, new TextEncoder().encode(pki.caPem)] });
        assert.equal(reason(() => bundle.verify(pki.chain, 'localhost', nowUs())), 'accepted');
        const system = new NodeCertificateVerifier();
        assert.equal(reason(() => system.verify(pki.chain, 'localhost', nowUs())), 'untrusted');
    });
});
describe('createCertificateVerifier', () => {
    test('null only when rejectUnauthorized is false', () => {
        assert.equal(createCertificateVerifier({ rejectUnauthorized: false }), null);
        assert.equal(createCertificateVerifier({ rejectUnauthorized: false, serverCertificateHashes: [{ algorithm: 'sha-256', value: new Uint8Array(32) }] }), null);
        assert.ok(createCertificateVerifier() instanceof NodeCertificateVerifier);
        assert.ok(createCertificateVerifier({ rejectUnauthorized: true, serverCertificateHashes: [] }) instanceof NodeCertificateVerifier);
    });
    test('serverCertificateHashes select hash pinning instead of the PKI', async () => {
        const self = await generateSelfSignedCertificate();
        const v = createCertificateVerifier({ serverCertificateHashes: [{ algorithm: 'sha-256', value: self.sha256 }], ca: [] });
        assert.ok(v instanceof CertificateHashVerifier);
        assert.equal(reason(() => v.verify(self.chain, 'anything', nowUs())), 'accepted');
        const wrong = createHash('sha256').update('x').digest();
        assert.equal(reason(() => createCertificateVerifier({ serverCertificateHashes: [{ algorithm: 'sha-256', value: wrong }] }).verify(self.chain, 'x', nowUs())), 'hash-mismatch');
    });
    test('ca option is used for PKI verification', async () => {
        const pki = await createTestPki({ keyType: 'ed25519' });
        assert.equal(reason(() => createCertificateVerifier({ ca: [pki.caPem] }).verify(pki.chain, 'localhost', nowUs())), 'accepted');
        assert.equal(reason(() => createCertificateVerifier({ ca: [] }).verify(pki.chain, 'localhost', nowUs())), 'untrusted');
    });
});
//# sourceMappingURL=node-cert-verifier.test.js.map