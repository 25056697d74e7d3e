import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AlertDescription, TlsAlertError, alertName, decoding } from '../../../../src/proto/tls/alerts.js';
import { ByteReader } from '../../../../src/proto/util/bytes.js';
describe('alerts', () => {
    test('quicErrorCode is 0x100 + alert (RFC 9001 §4.8)', () => {
        const e = new TlsAlertError(AlertDescription.no_application_protocol, 'x');
        assert.equal(e.quicErrorCode, 0x178);
        assert.equal(e.alert, 120);
        assert.equal(e.name, 'TlsAlertError');
        assert.equal(new TlsAlertError(AlertDescription.missing_extension, 'y').quicErrorCode, 0x16d);
    });
    test('code points match RFC 8446 §6', () => {
        assert.equal(AlertDescription.unexpected_message, 10);
        assert.equal(AlertDescription.handshake_failure, 40);
        assert.equal(AlertDescription.bad_certificate, 42);
        assert.equal(AlertDescription.illegal_parameter, 47);
        assert.equal(AlertDescription.decode_error, 50);
        assert.equal(AlertDescription.decrypt_error, 51);
        assert.equal(AlertDescription.protocol_version, 70);
        assert.equal(AlertDescription.unsupported_extension, 110);
        assert.equal(AlertDescription.certificate_required, 116);
        assert.equal(alertName(51), 'decrypt_error');
        assert.equal(alertName(200), 'alert_200');
    });
    test('decoding() converts ByteReader bounds errors to decode_error and passes others', () => {
        assert.throws(() => decoding('t', () => new ByteReader(new Uint8Array(1)).u16()), (e) => e instanceof TlsAlertError && e.alert === AlertDescription.decode_error);
        assert.throws(() => decoding('t', () => { throw new TlsAlertError(AlertDescription.illegal_parameter, 'p'); }), (e) => e instanceof TlsAlertError && e.alert === AlertDescription.illegal_parameter);
        assert.equal(decoding('t', () => 5), 5);
    });
});
//# sourceMappingURL=alerts.test.js.map