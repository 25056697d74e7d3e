import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { certificateVerifyInput, decodeCertificate, decodeCertificateRequest, decodeCertificateVerify, encodeCertificate, encodeCertificateRequest, encodeCertificateVerify, } from '../../../../src/proto/tls/certificate.js';
import { AlertDescription, TlsAlertError } from '../../../../src/proto/tls/alerts.js';
import { fromUtf8 } from '../../../../src/proto/util/bytes.js';
describe('certificate messages', () => {
    test('Certificate round trip', () => {
        const chain = [new Uint8Array([1, 2, 3]), new Uint8Array(300).fill(4)];
        const msg = encodeCertificate(new Uint8Array(0), chain);
        assert.equal(msg[0], 11);
        const c = decodeCertificate(msg.subarray(4));
        assert.deepEqual(c.chain, chain);
        assert.equal(c.context.length, 0);
        assert.deepEqual(decodeCertificate(encodeCertificate(new Uint8Array([5]), []).subarray(4)).chain, []);
    });
    test('CertificateRequest requires signature_algorithms', () => {
        const cr = decodeCertificateRequest(encodeCertificateRequest(new Uint8Array(0), [0x0403, 0x0807]).subarray(4));
        assert.deepEqual(cr.signatureAlgorithms, [0x0403, 0x0807]);
        assert.throws(() => decodeCertificateRequest(new Uint8Array([0, 0, 0])), (e) => e instanceof TlsAlertError && e.alert === AlertDescription.missing_extension);
    });
    test('CertificateVerify round trip', () => {
        const cv = decodeCertificateVerify(encodeCertificateVerify(0x0804, new Uint8Array([7, 8])).subarray(4));
        assert.equal(cv.scheme, 0x0804);
        assert.deepEqual(cv.signature, new Uint8Array([7, 8]));
        assert.throws(() => decodeCertificateVerify(new Uint8Array([8, 4, 0, 3, 1])), TlsAlertError);
    });
    test('signature input: 64 spaces, context, 0, hash (RFC 8446 §4.4.3)', () => {
        const h = new Uint8Array(32).fill(0xab);
        const input = certificateVerifyInput('server', h);
        assert.equal(input.length, 64 + 33 + 1 + 32);
        assert.ok(input.subarray(0, 64).every((b) => b === 0x20));
        assert.equal(fromUtf8(input.subarray(64, 97)), 'TLS 1.3, server CertificateVerify');
        assert.equal(input[97], 0);
        assert.deepEqual(input.subarray(98), h);
        assert.equal(fromUtf8(certificateVerifyInput('client', h).subarray(64, 97)), 'TLS 1.3, client CertificateVerify');
    });
    test('empty cert_data -> decode_error', () => {
        assert.throws(() => decodeCertificate(new Uint8Array([0, 0, 0, 5, 0, 0, 0, 0, 0])), (e) => e instanceof TlsAlertError && e.alert === AlertDescription.decode_error);
    });
});
//# sourceMappingURL=certificate.test.js.map