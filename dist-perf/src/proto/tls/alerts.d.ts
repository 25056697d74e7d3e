export declare const AlertDescription: {
    readonly close_notify: 0;
    readonly unexpected_message: 10;
    readonly bad_record_mac: 20;
    readonly record_overflow: 22;
    readonly handshake_failure: 40;
    readonly bad_certificate: 42;
    readonly unsupported_certificate: 43;
    readonly certificate_revoked: 44;
    readonly certificate_expired: 45;
    readonly certificate_unknown: 46;
    readonly illegal_parameter: 47;
    readonly unknown_ca: 48;
    readonly access_denied: 49;
    readonly decode_error: 50;
    readonly decrypt_error: 51;
    readonly protocol_version: 70;
    readonly insufficient_security: 71;
    readonly internal_error: 80;
    readonly inappropriate_fallback: 86;
    readonly user_canceled: 90;
    readonly missing_extension: 109;
    readonly unsupported_extension: 110;
    readonly unrecognized_name: 112;
    readonly bad_certificate_status_response: 113;
    readonly unknown_psk_identity: 115;
    readonly certificate_required: 116;
    readonly no_application_protocol: 120;
};
export type AlertDescription = (typeof AlertDescription)[keyof typeof AlertDescription];
export declare class TlsAlertError extends Error {
    readonly alert: AlertDescription;
    constructor(alert: AlertDescription, message: string);
    /** The QUIC transport error code carrying this alert. */
    get quicErrorCode(): number;
}
export declare function alertName(alert: number): string;
/**
 * Runs a decoder over untrusted bytes and turns ByteReader's bounds errors into decode_error,
 * so that parsers throw only TlsAlertError.
 */
export declare function decoding<T>(what: string, decode: () => T): T;
