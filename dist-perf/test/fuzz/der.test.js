/**
 * The DER/X.509 parser and the hash verifier on hostile input: mutations of a real certificate
 * (bit flips, byte rewrites, truncation, insertion, deletion, length-field rewrites) and random
 * bytes. parseCertificate may only succeed or throw DerError; the hash verifier may only throw
 * CertificateVerificationError.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { DerError, decodePem, parseCertificate } from '../../src/proto/tls/der.js';
import { CertificateHashVerifier } from '../../src/proto/tls/certificate-hash-verifier.js';
import { CertificateVerificationError } from '../../src/proto/tls/session.js';
import { nodeCryptoProvider } from '../../src/crypto/node-provider.js';
import { NodeCertificateVerifier } from '../../src/crypto/node-cert-verifier.js';
/** `openssl req -x509` EC P-256 leaf with SAN (DNS + IPv4 + IPv6), basicConstraints, keyUsage, EKU. */
const CERT = decodePem(`-----BEGIN CERTIFICATE-----
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
-----END CERTIFICATE-----`)[0];
const VALID_AT_US = Date.UTC(2026, 10, 30) * 1000;
const position = fc.nat({ max: CERT.length - 1 });
const mutation = fc.oneof(fc.record({ kind: fc.constant('flip'), at: position, bit: fc.nat({ max: 7 }) }), 
// Bytes that matter to DER: long-form length markers, tags, 0x00/0xff.
fc.record({ kind: fc.constant('set'), at: position, value: fc.oneof(fc.constantFrom(0x00, 0x30, 0x80, 0x81, 0x82, 0x84, 0x85, 0xff, 0x1f, 0x06, 0xa3), fc.nat({ max: 255 })) }), fc.record({ kind: fc.constant('truncate'), at: position }), fc.record({ kind: fc.constant('insert'), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }), fc.record({ kind: fc.constant('delete'), at: position, count: fc.integer({ min: 1, max: 8 }) }));
function apply(der, m) {
    switch (m.kind) {
        case 'flip': {
            const out = der.slice();
            out[m.at % out.length] ^= 1 << m.bit;
            return out;
        }
        case 'set': {
            const out = der.slice();
            out[m.at % out.length] = m.value;
            return out;
        }
        case 'truncate': return der.subarray(0, m.at % der.length);
        case 'insert': {
            const at = m.at % (der.length + 1);
            return new Uint8Array([...der.subarray(0, at), ...m.bytes, ...der.subarray(at)]);
        }
        case 'delete': {
            const at = m.at % der.length;
            return new Uint8Array([...der.subarray(0, at), ...der.subarray(at + m.count)]);
        }
    }
}
function parseOnlyDerError(der) {
    try {
        parseCertificate(der);
    }
    catch (error) {
        if (!(error instanceof DerError))
            throw error;
    }
}
describe('DER parser fuzz', () => {
    test('the unmutated certificate parses', () => {
        assert.equal(parseCertificate(CERT).dnsNames.length, 2);
    });
    test('mutated certificates: success or DerError only', () => {
        fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
            parseOnlyDerError(ms.reduce(apply, CERT));
        }), { numRuns: 2000 });
    });
    test('random bytes, with and without a SEQUENCE header: DerError only', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (body, wrap) => {
            const input = wrap ? new Uint8Array([0x30, 0x82, body.length >> 8, body.length & 0xff, ...body]) : body;
            parseOnlyDerError(input);
        }), { numRuns: 1500 });
    });
    test('the hash verifier on mutated, self-pinned certificates throws only CertificateVerificationError', () => {
        fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
            const der = ms.reduce(apply, CERT);
            const value = new Uint8Array(createHash('sha256').update(der).digest());
            try {
                new CertificateHashVerifier([{ algorithm: 'sha-256', value }], nodeCryptoProvider).verify([der], undefined, VALID_AT_US);
            }
            catch (error) {
                if (!(error instanceof CertificateVerificationError))
                    throw error;
            }
        }), { numRuns: 1000 });
    });
    test('the chain verifier on mutated leaves (trusting the original) throws only CertificateVerificationError', () => {
        const verifier = new NodeCertificateVerifier({ ca: [CERT] });
        assert.doesNotThrow(() => verifier.verify([CERT], 'vector.example', VALID_AT_US));
        fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
            try {
                verifier.verify([ms.reduce(apply, CERT), CERT], 'vector.example', VALID_AT_US);
            }
            catch (error) {
                if (!(error instanceof CertificateVerificationError))
                    throw error;
            }
        }), { numRuns: 500 });
    });
    test('decodePem on arbitrary text: DerError only', () => {
        fc.assert(fc.property(fc.string({ maxLength: 200 }), (body) => {
            try {
                decodePem(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`);
            }
            catch (error) {
                if (!(error instanceof DerError))
                    throw error;
            }
        }), { numRuns: 1000 });
    });
});
//# sourceMappingURL=der.test.js.map