import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CertificateHashVerifier, MAX_HASH_PINNED_VALIDITY_MS } from '../../../../src/proto/tls/certificate-hash-verifier.js';
import { CertificateVerificationError } from '../../../../src/proto/tls/session.js';
import { DerReader, parseCertificate } from '../../../../src/proto/tls/der.js';
import { nodeCryptoProvider } from '../../../../src/crypto/node-provider.js';
import { createTestPki } from '../../../../src/testing/test-pki.js';
const DAY_MS = 86_400_000;
const sha256 = (der) => new Uint8Array(createHash('sha256').update(der).digest());
const micros = (ms) => ms * 1000;
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
function tlv(tag, ...parts) {
    const len = parts.reduce((n, p) => n + p.length, 0);
    const head = len < 0x80 ? [tag, len] : len < 0x100 ? [tag, 0x81, len] : [tag, 0x82, len >> 8, len & 0xff];
    return new Uint8Array(Buffer.concat([Buffer.from(head), ...parts]));
}
/** The same certificate re-encoded as X.509 v1 (no version field, no extensions); signature left stale. */
function asVersion1(der) {
    const outer = new DerReader(der).enter(0x30, 'cert');
    const tbsEl = outer.read();
    const alg = outer.read();
    const sig = outer.read();
    const tbs = new DerReader(tbsEl.value);
    const kept = [];
    while (!tbs.done) {
        const el = tbs.read();
        if (el.tag !== 0xa0 && el.tag !== 0xa3)
            kept.push(el.raw);
    }
    return tlv(0x30, tlv(0x30, ...kept), alg.raw, sig.raw);
}
describe('CertificateHashVerifier', async () => {
    const pki = await createTestPki({ keyType: 'ec-p256', validityDays: 14 });
    const leaf = pki.leafDer;
    const inside = micros(pki.notBefore.getTime() + DAY_MS);
    const pinned = (der, algorithm = 'sha-256') => new CertificateHashVerifier([{ algorithm, value: sha256(der) }], nodeCryptoProvider);
    test('accepts a pinned 14-day ECDSA P-256 leaf inside its validity, ignoring the chain and name', () => {
        assert.equal(reason(() => pinned(leaf).verify([leaf], 'not-the-name.example', inside)), 'accepted');
        assert.equal(reason(() => pinned(leaf).verify(pki.chain, undefined, inside)), 'accepted');
        // Exactly at both ends of the window.
        assert.equal(reason(() => pinned(leaf).verify([leaf], undefined, micros(pki.notBefore.getTime()))), 'accepted');
        assert.equal(reason(() => pinned(leaf).verify([leaf], undefined, micros(pki.notAfter.getTime()))), 'accepted');
    });
    test('the algorithm name is ASCII case-insensitive and other algorithms are ignored', () => {
        assert.equal(reason(() => pinned(leaf, 'SHA-256').verify([leaf], undefined, inside)), 'accepted');
        assert.equal(reason(() => pinned(leaf, 'sha-384').verify([leaf], undefined, inside)), 'hash-mismatch');
        assert.equal(reason(() => pinned(leaf, 'sha256').verify([leaf], undefined, inside)), 'hash-mismatch');
        const v = new CertificateHashVerifier([
            { algorithm: 'sha-1', value: sha256(leaf) }, { algorithm: 'sha-256', value: new Uint8Array(32) }, { algorithm: 'Sha-256', value: sha256(leaf) },
        ], nodeCryptoProvider);
        assert.equal(v.size, 2);
        assert.equal(reason(() => v.verify([leaf], undefined, inside)), 'accepted');
    });
    test('hash mismatch, empty list and empty chain', () => {
        const other = sha256(leaf);
        other[0] ^= 1;
        assert.equal(reason(() => new CertificateHashVerifier([{ algorithm: 'sha-256', value: other }], nodeCryptoProvider).verify([leaf], undefined, inside)), 'hash-mismatch');
        assert.equal(reason(() => new CertificateHashVerifier([], nodeCryptoProvider).verify([leaf], undefined, inside)), 'hash-mismatch');
        // Only the leaf counts: pinning the CA does not pin its leaves.
        assert.equal(reason(() => pinned(pki.caDer).verify(pki.chain, undefined, inside)), 'hash-mismatch');
        assert.equal(reason(() => pinned(leaf).verify([], undefined, inside)), 'bad-certificate');
    });
    test('the pinned values are copied', () => {
        const value = sha256(leaf);
        const v = new CertificateHashVerifier([{ algorithm: 'sha-256', value }], nodeCryptoProvider);
        value.fill(0);
        assert.equal(reason(() => v.verify([leaf], undefined, inside)), 'accepted');
    });
    test('expired and not yet valid', () => {
        assert.equal(reason(() => pinned(leaf).verify([leaf], undefined, micros(pki.notAfter.getTime()) + 1000)), 'expired');
        assert.equal(reason(() => pinned(leaf).verify([leaf], undefined, micros(pki.notBefore.getTime()) - 1000)), 'expired');
    });
    test('a validity period over two weeks is refused', async () => {
        const long = await createTestPki({ keyType: 'ec-p256', validityDays: 15 });
        const c = parseCertificate(long.leafDer);
        assert.ok(c.notAfter - c.notBefore > MAX_HASH_PINNED_VALIDITY_MS);
        assert.equal(reason(() => pinned(long.leafDer).verify([long.leafDer], undefined, micros(c.notBefore + DAY_MS))), 'bad-certificate');
    });
    test('RSA keys are refused; P-384 and Ed25519 are allowed', async () => {
        for (const [keyType, expected] of [['rsa-2048', 'bad-certificate'], ['ec-p384', 'accepted'], ['ed25519', 'accepted']]) {
            const p = await createTestPki({ keyType });
            const at = micros(p.notBefore.getTime() + DAY_MS);
            assert.equal(reason(() => pinned(p.leafDer).verify([p.leafDer], undefined, at)), expected, keyType);
        }
    });
    test('X.509 v1 and unparsable leaves are bad-certificate even when the hash matches', () => {
        const v1 = asVersion1(leaf);
        assert.equal(parseCertificate(v1).version, 1);
        assert.equal(reason(() => pinned(v1).verify([v1], undefined, inside)), 'bad-certificate');
        const junk = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]);
        assert.equal(reason(() => pinned(junk).verify([junk], undefined, inside)), 'bad-certificate');
    });
});
//# sourceMappingURL=certificate-hash-verifier.test.js.map