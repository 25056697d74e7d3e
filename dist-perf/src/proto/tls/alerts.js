/**
 * TLS alerts (RFC 8446 §6). In QUIC no alert record is sent: a fatal alert becomes a
 * CONNECTION_CLOSE with the CRYPTO_ERROR code 0x100 + alert (RFC 9001 §4.8).
 */
import { TruncatedInputError, ValueTooLargeError } from '../util/bytes.js';
export const AlertDescription = {
    close_notify: 0,
    unexpected_message: 10,
    bad_record_mac: 20,
    record_overflow: 22,
    handshake_failure: 40,
    bad_certificate: 42,
    unsupported_certificate: 43,
    certificate_revoked: 44,
    certificate_expired: 45,
    certificate_unknown: 46,
    illegal_parameter: 47,
    unknown_ca: 48,
    access_denied: 49,
    decode_error: 50,
    decrypt_error: 51,
    protocol_version: 70,
    insufficient_security: 71,
    internal_error: 80,
    inappropriate_fallback: 86,
    user_canceled: 90,
    missing_extension: 109,
    unsupported_extension: 110,
    unrecognized_name: 112,
    bad_certificate_status_response: 113,
    unknown_psk_identity: 115,
    certificate_required: 116,
    no_application_protocol: 120,
};
/** QUIC's CRYPTO_ERROR range starts here (RFC 9001 §4.8). */
const CRYPTO_ERROR_BASE = 0x100;
export class TlsAlertError extends Error {
    alert;
    constructor(alert, message) {
        super(message);
        this.name = 'TlsAlertError';
        this.alert = alert;
    }
    /** The QUIC transport error code carrying this alert. */
    get quicErrorCode() {
        return CRYPTO_ERROR_BASE + this.alert;
    }
}
export function alertName(alert) {
    for (const [name, value] of Object.entries(AlertDescription))
        if (value === alert)
            return name;
    return `alert_${alert}`;
}
/**
 * Runs a decoder over untrusted bytes and turns ByteReader's bounds errors into decode_error,
 * so that parsers throw only TlsAlertError.
 */
export function decoding(what, decode) {
    try {
        return decode();
    }
    catch (err) {
        if (err instanceof TruncatedInputError || err instanceof ValueTooLargeError) {
            throw new TlsAlertError(AlertDescription.decode_error, `${what}: ${err.message}`);
        }
        throw err;
    }
}
//# sourceMappingURL=alerts.js.map