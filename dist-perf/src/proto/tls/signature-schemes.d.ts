/** TLS 1.3 SignatureScheme code points (RFC 8446 §4.2.3) that this stack signs or verifies. */
export declare const SignatureScheme: {
    readonly rsa_pkcs1_sha256: 1025;
    readonly rsa_pkcs1_sha384: 1281;
    readonly rsa_pkcs1_sha512: 1537;
    readonly ecdsa_secp256r1_sha256: 1027;
    readonly ecdsa_secp384r1_sha384: 1283;
    readonly ecdsa_secp521r1_sha512: 1539;
    readonly rsa_pss_rsae_sha256: 2052;
    readonly rsa_pss_rsae_sha384: 2053;
    readonly rsa_pss_rsae_sha512: 2054;
    readonly ed25519: 2055;
    readonly rsa_pss_pss_sha256: 2057;
    readonly rsa_pss_pss_sha384: 2058;
    readonly rsa_pss_pss_sha512: 2059;
};
export type SignatureScheme = (typeof SignatureScheme)[keyof typeof SignatureScheme];
/** Schemes allowed in CertificateVerify (TLS 1.3 forbids PKCS#1 v1.5 there). */
export declare const CERTIFICATE_VERIFY_SCHEMES: readonly number[];
/** Schemes we accept in certificate chains (signature_algorithms_cert), PKCS#1 included. */
export declare const CERTIFICATE_CHAIN_SCHEMES: readonly number[];
export declare function signatureSchemeName(scheme: number): string;
