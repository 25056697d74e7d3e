import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { certificateAlert } from '../../../../src/proto/tls/session-base.js';
import { AlertDescription, TlsAlertError } from '../../../../src/proto/tls/alerts.js';
import { CertificateVerificationError } from '../../../../src/proto/tls/session.js';
describe('certificateAlert', () => {
    test('maps verifier reasons to RFC 8446 alerts', () => {
        const cases = [
            ['expired', AlertDescription.certificate_expired], ['untrusted', AlertDescription.unknown_ca],
            ['hostname', AlertDescription.bad_certificate], ['hash-mismatch', AlertDescription.bad_certificate],
            ['bad-certificate', AlertDescription.bad_certificate], ['unsupported', AlertDescription.unsupported_certificate],
        ];
        for (const [reason, alert] of cases)
            assert.equal(certificateAlert(new CertificateVerificationError(reason, 'm')).alert, alert);
        assert.equal(certificateAlert(new Error('x')).alert, AlertDescription.bad_certificate);
        const own = new TlsAlertError(AlertDescription.access_denied, 'd');
        assert.equal(certificateAlert(own), own);
    });
});
//# sourceMappingURL=session-base.test.js.map