/** TLS 1.3 SignatureScheme code points (RFC 8446 §4.2.3) that this stack signs or verifies. */
export const SignatureScheme = {
    rsa_pkcs1_sha256: 0x0401,
    rsa_pkcs1_sha384: 0x0501,
    rsa_pkcs1_sha512: 0x0601,
    ecdsa_secp256r1_sha256: 0x0403,
    ecdsa_secp384r1_sha384: 0x0503,
    ecdsa_secp521r1_sha512: 0x0603,
    rsa_pss_rsae_sha256: 0x0804,
    rsa_pss_rsae_sha384: 0x0805,
    rsa_pss_rsae_sha512: 0x0806,
    ed25519: 0x0807,
    rsa_pss_pss_sha256: 0x0809,
    rsa_pss_pss_sha384: 0x080a,
    rsa_pss_pss_sha512: 0x080b,
};
/** Schemes allowed in CertificateVerify (TLS 1.3 forbids PKCS#1 v1.5 there). */
export const CERTIFICATE_VERIFY_SCHEMES = [
    SignatureScheme.ecdsa_secp256r1_sha256,
    SignatureScheme.ecdsa_secp384r1_sha384,
    SignatureScheme.rsa_pss_rsae_sha256,
    SignatureScheme.rsa_pss_rsae_sha384,
    SignatureScheme.rsa_pss_rsae_sha512,
    SignatureScheme.ed25519,
];
/** Schemes we accept in certificate chains (signature_algorithms_cert), PKCS#1 included. */
export const CERTIFICATE_CHAIN_SCHEMES = [
    ...CERTIFICATE_VERIFY_SCHEMES,
    SignatureScheme.rsa_pkcs1_sha256,
    SignatureScheme.rsa_pkcs1_sha384,
    SignatureScheme.rsa_pkcs1_sha512,
];
export function signatureSchemeName(scheme) {
    for (const [name, value] of Object.entries(SignatureScheme))
        if (value === scheme)
            return name;
    return `0x${scheme.toString(16).padStart(4, '0')}`;
}
//# sourceMappingURL=signature-schemes.js.map