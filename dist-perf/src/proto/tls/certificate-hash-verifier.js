import { CertificateVerificationError } from './session.js';
import { DerError, Oid, parseCertificate } from './der.js';
/** The W3C limit on the total validity period of a hash-pinned certificate. */
export const MAX_HASH_PINNED_VALIDITY_MS = 14 * 24 * 60 * 60 * 1000;
/**
 * Allowed public key algorithms (implementation-defined; must include ECDSA P-256 and must not
 * include RSA): ECDSA on P-256 and P-384, and Ed25519.
 */
function keyAllowed(cert) {
    const spki = cert.subjectPublicKeyInfo;
    if (spki.algorithm === Oid.id_ecPublicKey)
        return spki.curve === Oid.secp256r1 || spki.curve === Oid.secp384r1;
    return spki.algorithm === Oid.id_Ed25519;
}
function sameBytes(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
export class CertificateHashVerifier {
    hashes;
    crypto;
    constructor(serverCertificateHashes, crypto) {
        // Copied so later changes to the caller's arrays cannot change what we trust.
        this.hashes = serverCertificateHashes
            .filter((h) => h.algorithm.toLowerCase() === 'sha-256')
            .map((h) => h.value.slice());
        this.crypto = crypto;
    }
    /** How many usable (sha-256) hashes were given. */
    get size() {
        return this.hashes.length;
    }
    verify(chain, _serverName, now) {
        const leaf = chain[0];
        if (leaf === undefined)
            throw new CertificateVerificationError('bad-certificate', 'no certificate');
        const digest = this.crypto.hash('sha256', leaf);
        if (!this.hashes.some((h) => sameBytes(h, digest))) {
            throw new CertificateVerificationError('hash-mismatch', 'certificate SHA-256 matches no serverCertificateHashes entry');
        }
        let cert;
        try {
            cert = parseCertificate(leaf);
        }
        catch (error) {
            if (error instanceof DerError)
                throw new CertificateVerificationError('bad-certificate', `unparsable certificate: ${error.message}`);
            throw error;
        }
        if (cert.version !== 3)
            throw new CertificateVerificationError('bad-certificate', `X.509v${cert.version} certificate, v3 required`);
        if (!keyAllowed(cert)) {
            throw new CertificateVerificationError('bad-certificate', `public key algorithm ${cert.subjectPublicKeyInfo.algorithm} not allowed with certificate hashes`);
        }
        if (cert.notAfter - cert.notBefore > MAX_HASH_PINNED_VALIDITY_MS) {
            throw new CertificateVerificationError('bad-certificate', 'validity period exceeds two weeks');
        }
        const nowMs = now / 1000;
        if (nowMs < cert.notBefore)
            throw new CertificateVerificationError('expired', 'certificate is not yet valid');
        if (nowMs > cert.notAfter)
            throw new CertificateVerificationError('expired', 'certificate has expired');
    }
}
//# sourceMappingURL=certificate-hash-verifier.js.map