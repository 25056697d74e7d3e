import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DerError, DerReader, DerTag, KeyUsage, MAX_DER_DEPTH, Oid, decodeOid, decodePem, decodeTime, formatIpAddress, parseCertificate, } from '../../../../src/proto/tls/der.js';
import { createTestPki } from '../../../../src/testing/test-pki.js';
/** `openssl req -x509` EC P-256 certificate: fixed vector with known fields. */
const OPENSSL_VECTOR = `-----BEGIN CERTIFICATE-----
MIICLTCCAdOgAwIBAgIFAQIDBAUwCgYIKoZIzj0EAwIwPzELMAkGA1UEBhMCVVMx
FzAVBgNVBAoMDnRzd2VidHJhbnNwb3J0MRcwFQYDVQQDDA52ZWN0b3IuZXhhbXBs
ZTAeFw0yNjExMjUxNDEyMjNaFw0yNjEyMDQxNDEyMjNaMD8xCzAJBgNVBAYTAlVT
MRcwFQYDVQQKDA50c3dlYnRyYW5zcG9ydDEXMBUGA1UEAwwOdmVjdG9yLmV4YW1w
bGUwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAR+2ZDYsMOawGfGDEYTKdhSbsBO
sowkfpX+ilLZVyLeQUJ4uGnwPerlJ3wnaFaITQkAbRlxnIbrSnoRG409s3iyo4G7
MIG4MB0GA1UdDgQWBBSE0pWybnscOPcfa5/8iEIVCk0B0zAfBgNVHSMEGDAWgBSE
0pWybnscOPcfa5/8iEIVCk0B0zBDBgNVHREEPDA6gg52ZWN0b3IuZXhhbXBsZYIQ
Ki52ZWN0b3IuZXhhbXBsZYcEwAACB4cQIAENuAAAAAAAAAAAAAAAATAMBgNVHRMB
Af8EAjAAMA4GA1UdDwEB/wQEAwIHgDATBgNVHSUEDDAKBggrBgEFBQcDATAKBggq
hkjOPQQDAgNIADBFAiBfslphnhdE8p45xvSdRy/vUMJk/BIOc/kO4hRUuQrgLwIh
AJ5P9ZIUONAOhGHR0nZC/eWVcfakvQiL2YngJvp/KHmC
-----END CERTIFICATE-----
`;
const hex = (b) => Buffer.from(b).toString('hex');
const bytes = (h) => new Uint8Array(Buffer.from(h.replace(/\s+/g, ''), 'hex'));
/** Checks our parse against node's X509Certificate (OpenSSL) for the same DER. */
function assertMatchesNode(der) {
    const ours = parseCertificate(der);
    const node = new X509Certificate(der);
    assert.equal(ours.notBefore, Date.parse(node.validFrom));
    assert.equal(ours.notAfter, Date.parse(node.validTo));
    assert.equal(hex(ours.serialNumber).replace(/^0+/, '').toUpperCase(), node.serialNumber.replace(/^0+/, ''));
    assert.equal(ours.isCA, node.ca);
    assert.equal(hex(ours.subjectPublicKeyInfo.raw), hex(node.publicKey.export({ type: 'spki', format: 'der' })));
    assert.equal(ours.subject.commonName, /CN=([^\n]*)/.exec(node.subject)?.[1]);
    const san = (node.subjectAltName ?? '').split(', ').filter((s) => s !== '');
    assert.deepEqual(ours.dnsNames, san.filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4)));
    // Node prints IPv6 uncompressed; the WHATWG URL parser gives the RFC 5952 form we produce.
    const canonical = (ip) => (ip.includes(':') ? new URL(`http://[${ip}]/`).hostname.slice(1, -1) : ip);
    assert.deepEqual(ours.ipAddresses, san.filter((s) => s.startsWith('IP Address:')).map((s) => canonical(s.slice(11))));
    // tbs is the first element inside the outer SEQUENCE.
    const at = der.indexOf(ours.tbs[0], 1);
    assert.equal(hex(der.subarray(at, at + ours.tbs.length)), hex(ours.tbs));
}
describe('DerReader', () => {
    test('reads short and long definite lengths', () => {
        const long = new Uint8Array(3 + 200).fill(7);
        long.set([0x04, 0x81, 200]);
        const r = new DerReader(new Uint8Array([0x02, 0x01, 0x05, ...long]));
        const a = r.read();
        assert.equal(a.tag, DerTag.INTEGER);
        assert.deepEqual([...a.value], [5]);
        const b = r.expect(DerTag.OCTET_STRING, 'octets');
        assert.equal(b.value.length, 200);
        assert.equal(b.raw.length, 203);
        assert.ok(r.done);
        r.end('test');
    });
    test('rejects BER-only and malformed encodings', () => {
        const bad = [
            ['indefinite length', '3080 0000'],
            ['non-minimal long form', '0481 05 0102030405'],
            ['leading zero length octet', '048200 05 0102030405'],
            ['length beyond input', '0405 0102'],
            ['more than 4 length octets', '0485 0000000001 00'],
            ['high tag number', '1f01 00'],
            ['header cut short', '04'],
        ];
        for (const [what, h] of bad)
            assert.throws(() => new DerReader(bytes(h)).read(), DerError, what);
    });
    test('expect/optional/end enforce structure', () => {
        const r = new DerReader(bytes('0500 0101ff'));
        assert.equal(r.optional(DerTag.INTEGER), undefined);
        assert.throws(() => r.expect(DerTag.SEQUENCE, 'seq'), DerError);
        r.read();
        assert.throws(() => r.end('x'), /trailing data/);
    });
    test('nesting deeper than MAX_DER_DEPTH is refused', () => {
        let inner = new Uint8Array(0);
        for (let i = 0; i < MAX_DER_DEPTH + 2; i++)
            inner = new Uint8Array([0x30, inner.length, ...inner]);
        let r = new DerReader(inner);
        assert.throws(() => {
            for (;;)
                r = r.enter(DerTag.SEQUENCE, 'seq');
        }, /too deep/);
    });
});
describe('decodeOid', () => {
    test('known OIDs', () => {
        assert.equal(decodeOid(bytes('2a8648ce3d0201')), Oid.id_ecPublicKey);
        assert.equal(decodeOid(bytes('2a8648ce3d030107')), Oid.secp256r1);
        assert.equal(decodeOid(bytes('2b6570')), Oid.id_Ed25519);
        assert.equal(decodeOid(bytes('551d11')), Oid.id_ce_subjectAltName);
        assert.equal(decodeOid(bytes('8837')), '2.999');
    });
    test('malformed OIDs', () => {
        for (const h of ['', '2a80 01', '2a86', '2a 8080808080808001'.replace(' ', '')])
            assert.throws(() => decodeOid(bytes(h)), DerError, h);
        assert.throws(() => decodeOid(new Uint8Array(65).fill(1)), DerError);
    });
});
describe('decodeTime', () => {
    const utc = (s) => ({ tag: DerTag.UTCTime, value: new TextEncoder().encode(s), raw: new Uint8Array(0) });
    const gen = (s) => ({ tag: DerTag.GeneralizedTime, value: new TextEncoder().encode(s), raw: new Uint8Array(0) });
    test('UTCTime century window and GeneralizedTime', () => {
        assert.equal(decodeTime(utc('491231235959Z')), Date.UTC(2049, 11, 31, 23, 59, 59));
        assert.equal(decodeTime(utc('500101000000Z')), Date.UTC(1950, 0, 1));
        assert.equal(decodeTime(utc('240229120000Z')), Date.UTC(2024, 1, 29, 12));
        assert.equal(decodeTime(gen('20500101000000Z')), Date.UTC(2050, 0, 1));
        assert.equal(decodeTime(gen('99991231235959Z')), Date.UTC(9999, 11, 31, 23, 59, 59));
        assert.equal(decodeTime(gen('19700101000000Z')), 0);
    });
    test('invalid times', () => {
        for (const s of ['230229000000Z', '241301000000Z', '240100000000Z', '240101240000Z', '240101006000Z', '2401010000Z', '240101000000+', '24010100000aZ']) {
            assert.throws(() => decodeTime(utc(s)), DerError, s);
        }
        assert.throws(() => decodeTime(gen('2024010100000Z')), DerError);
        assert.throws(() => decodeTime({ tag: DerTag.INTEGER, value: new Uint8Array(1), raw: new Uint8Array(0) }), DerError);
    });
});
describe('formatIpAddress', () => {
    test('IPv4 and RFC 5952 IPv6', () => {
        assert.equal(formatIpAddress(bytes('7f000001')), '127.0.0.1');
        assert.equal(formatIpAddress(bytes('00000000000000000000000000000001')), '::1');
        assert.equal(formatIpAddress(bytes('00000000000000000000000000000000')), '::');
        assert.equal(formatIpAddress(bytes('20010db8000000000000000000000001')), '2001:db8::1');
        assert.equal(formatIpAddress(bytes('20010db8000100000001000000000001')), '2001:db8:1:0:1::1');
        assert.equal(formatIpAddress(bytes('20010db8000000010000000000000000')), '2001:db8:0:1::');
        assert.equal(formatIpAddress(bytes('20010db8000000000001000000000001')), '2001:db8::1:0:0:1');
        assert.equal(formatIpAddress(bytes('fe800001000200030004000500060007')), 'fe80:1:2:3:4:5:6:7');
        assert.throws(() => formatIpAddress(bytes('7f0000')), DerError);
    });
});
describe('parseCertificate', () => {
    test('fixed openssl vector: every field', () => {
        const [der] = decodePem(OPENSSL_VECTOR);
        const c = parseCertificate(der);
        assert.equal(c.version, 3);
        assert.equal(hex(c.serialNumber), '0102030405');
        assert.equal(c.signatureAlgorithm, '1.2.840.10045.4.3.2');
        assert.equal(c.subject.commonName, 'vector.example');
        assert.equal(c.issuer.commonName, 'vector.example');
        assert.equal(hex(c.issuer.raw), hex(c.subject.raw));
        assert.equal(c.notBefore, Date.UTC(2026, 10, 25, 14, 12, 23));
        assert.equal(c.notAfter, Date.UTC(2026, 11, 4, 14, 12, 23));
        assert.equal(c.subjectPublicKeyInfo.algorithm, Oid.id_ecPublicKey);
        assert.equal(c.subjectPublicKeyInfo.curve, Oid.secp256r1);
        assert.equal(c.subjectPublicKeyInfo.publicKey.length, 65);
        assert.equal(c.subjectPublicKeyInfo.publicKey[0], 0x04);
        assert.deepEqual(c.dnsNames, ['vector.example', '*.vector.example']);
        assert.deepEqual(c.ipAddresses, ['192.0.2.7', '2001:db8::1']);
        assert.equal(c.isCA, false);
        assert.equal(c.pathLength, undefined);
        assert.equal(c.keyUsage, KeyUsage.digitalSignature);
        assert.deepEqual(c.extendedKeyUsage, [Oid.id_kp_serverAuth]);
        assert.equal(c.extensions.length, 6);
        assert.ok(c.extensions.find((e) => e.oid === Oid.id_ce_basicConstraints)?.critical);
        assert.equal(c.signatureValue[0], 0x30);
        assert.equal(createHash('sha256').update(c.raw).digest('hex'), '79ee0591c070288d4733bc731551de8f74c276e6acab18fb4b2486e598ba2fb9');
        assertMatchesNode(der);
    });
    test('certificates from @peculiar/x509 for every key type agree with node', async () => {
        for (const keyType of ['ec-p256', 'ec-p384', 'rsa-2048', 'ed25519']) {
            const pki = await createTestPki({ keyType, hostnames: ['a.test', '10.1.2.3', 'fe80::1'], intermediate: true });
            for (const der of pki.chain)
                assertMatchesNode(der);
            const leaf = parseCertificate(pki.leafDer);
            assert.deepEqual(leaf.ipAddresses, ['10.1.2.3', 'fe80::1']);
            const ca = parseCertificate(pki.caDer);
            assert.equal(ca.isCA, true);
            assert.equal(ca.pathLength, 1);
            assert.equal(ca.keyUsage, KeyUsage.keyCertSign | KeyUsage.cRLSign);
            assert.equal(hex(leaf.issuer.raw), hex(parseCertificate(pki.intermediateDer).subject.raw));
        }
    });
    test('a fresh openssl certificate (when openssl is installed) agrees with node', (t) => {
        const dir = mkdtempSync(join(tmpdir(), 'der-'));
        try {
            execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'),
                '-subj', '/CN=openssl.test', '-days', '3', '-addext', 'subjectAltName=DNS:openssl.test,IP:::1'], { stdio: 'ignore' });
        }
        catch {
            t.skip('openssl not available');
            rmSync(dir, { recursive: true, force: true });
            return;
        }
        const [der] = decodePem(readFileSync(join(dir, 'c.pem'), 'utf8'));
        rmSync(dir, { recursive: true, force: true });
        const c = parseCertificate(der);
        assert.equal(c.subjectPublicKeyInfo.algorithm, Oid.rsaEncryption);
        assert.deepEqual(c.ipAddresses, ['::1']);
        assertMatchesNode(der);
    });
    test('structural errors are DerError', () => {
        const [der] = decodePem(OPENSSL_VECTOR);
        const d = der;
        assert.throws(() => parseCertificate(d.subarray(0, d.length - 1)), DerError);
        assert.throws(() => parseCertificate(new Uint8Array([...d, 0])), /trailing/);
        assert.throws(() => parseCertificate(new Uint8Array(0)), DerError);
        // Outer signatureAlgorithm ecdsa-with-SHA256 changed to ...SHA384: must equal the signed one.
        const mismatch = d.slice();
        const outerAlg = mismatch.lastIndexOf(0x02, mismatch.length - 72);
        assert.equal(hex(mismatch.subarray(outerAlg - 7, outerAlg + 1)), '2a8648ce3d040302');
        mismatch[outerAlg] = 0x03;
        assert.throws(() => parseCertificate(mismatch), /mismatch/);
        // Version 4 does not exist.
        const v4 = d.slice();
        assert.equal(hex(v4.subarray(8, 13)), 'a003020102');
        v4[12] = 3;
        assert.throws(() => parseCertificate(v4), /version/);
    });
});
describe('decodePem', () => {
    test('decodes every block in order and ignores other text', () => {
        const [der] = decodePem(OPENSSL_VECTOR);
        const two = decodePem(`junk\n${OPENSSL_VECTOR}\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n${OPENSSL_VECTOR}`);
        assert.equal(two.length, 2);
        assert.deepEqual(two[1], der);
        assert.deepEqual(decodePem('-----BEGIN PRIVATE KEY-----\nAAEC\n-----END PRIVATE KEY-----', 'PRIVATE KEY'), [new Uint8Array([0, 1, 2])]);
        assert.deepEqual(decodePem('no pem here'), []);
        assert.equal(hex(der), Buffer.from(OPENSSL_VECTOR.split('\n').slice(1, -2).join(''), 'base64').toString('hex'));
    });
    test('bad base64 and unterminated blocks are DerError', () => {
        assert.throws(() => decodePem('-----BEGIN CERTIFICATE-----\nA*==\n-----END CERTIFICATE-----'), DerError);
        assert.throws(() => decodePem('-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----'), DerError);
        assert.throws(() => decodePem('-----BEGIN CERTIFICATE-----\nAAAA\n'), DerError);
    });
});
//# sourceMappingURL=der.test.js.map