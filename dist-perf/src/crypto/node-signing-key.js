/**
 * A TLS 1.3 CertificateVerify signer over a node:crypto private key. The schemes a key offers
 * follow RFC 8446 §4.2.3: ECDSA is bound to its curve, rsaEncryption keys sign with
 * rsa_pss_rsae_*, RSASSA-PSS keys with rsa_pss_pss_* (limited to the hash the key is bound to),
 * PSS salt = hash length, ECDSA signatures DER-encoded.
 */
import { constants, createPrivateKey, sign } from 'node:crypto';
import { SignatureScheme, signatureSchemeName } from '../proto/tls/signature-schemes.js';
const HASH_LENGTH = { sha256: 32, sha384: 48, sha512: 64 };
const EC_SCHEMES = {
    prime256v1: { scheme: SignatureScheme.ecdsa_secp256r1_sha256, hash: 'sha256' },
    secp384r1: { scheme: SignatureScheme.ecdsa_secp384r1_sha384, hash: 'sha384' },
    secp521r1: { scheme: SignatureScheme.ecdsa_secp521r1_sha512, hash: 'sha512' },
};
const RSAE = [
    [SignatureScheme.rsa_pss_rsae_sha256, 'sha256'],
    [SignatureScheme.rsa_pss_rsae_sha384, 'sha384'],
    [SignatureScheme.rsa_pss_rsae_sha512, 'sha512'],
];
const PSS = [
    [SignatureScheme.rsa_pss_pss_sha256, 'sha256'],
    [SignatureScheme.rsa_pss_pss_sha384, 'sha384'],
    [SignatureScheme.rsa_pss_pss_sha512, 'sha512'],
];
function toPrivateKey(key, passphrase) {
    if (typeof key === 'string')
        return createPrivateKey(passphrase === undefined ? key : { key, passphrase });
    if (key instanceof Uint8Array) {
        const bytes = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
        // PEM given as bytes, else DER PKCS#8.
        if (bytes.subarray(0, 10).toString('latin1') === '-----BEGIN') {
            return createPrivateKey(passphrase === undefined ? bytes : { key: bytes, passphrase });
        }
        return createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8', ...(passphrase === undefined ? {} : { passphrase }) });
    }
    if (key.type !== 'private')
        throw new TypeError(`a private key is required, got a ${key.type} key`);
    return key;
}
function schemesFor(key) {
    const out = new Map();
    const type = key.asymmetricKeyType;
    if (type === 'ec') {
        const curve = key.asymmetricKeyDetails?.namedCurve ?? '';
        const ec = EC_SCHEMES[curve];
        if (!ec)
            throw new TypeError(`unsupported EC curve for TLS 1.3: ${curve || 'unknown'}`);
        out.set(ec.scheme, { hash: ec.hash, pss: false });
    }
    else if (type === 'ed25519') {
        out.set(SignatureScheme.ed25519, { hash: null, pss: false });
    }
    else if (type === 'rsa') {
        for (const [scheme, hash] of RSAE)
            out.set(scheme, { hash, pss: true });
    }
    else if (type === 'rsa-pss') {
        // A key restricted to one hash (RFC 4055 parameters) may only sign with that hash.
        const bound = key.asymmetricKeyDetails?.hashAlgorithm;
        for (const [scheme, hash] of PSS)
            if (bound === undefined || bound === hash)
                out.set(scheme, { hash, pss: true });
        if (out.size === 0)
            throw new TypeError(`RSA-PSS key bound to unsupported hash ${bound}`);
    }
    else {
        throw new TypeError(`unsupported private key type for TLS 1.3: ${type ?? 'unknown'}`);
    }
    return out;
}
class NodeSigningKey {
    schemes;
    key;
    signers;
    constructor(key) {
        this.key = key;
        this.signers = schemesFor(key);
        this.schemes = Object.freeze([...this.signers.keys()]);
    }
    sign(scheme, data) {
        const s = this.signers.get(scheme);
        if (!s)
            throw new RangeError(`this key cannot sign with ${signatureSchemeName(scheme)}`);
        const input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        if (s.pss) {
            return new Uint8Array(sign(s.hash, input, {
                key: this.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: HASH_LENGTH[s.hash],
            }));
        }
        // ECDSA: DER signatures as TLS requires; Ed25519 takes no digest (hash null).
        return new Uint8Array(sign(s.hash, input, { key: this.key, dsaEncoding: 'der' }));
    }
}
/**
 * A SigningKey from a PEM string (PKCS#8, SEC1 or PKCS#1), PEM or DER PKCS#8 bytes, or a
 * private KeyObject. Throws TypeError for key types TLS 1.3 cannot use.
 */
export function createSigningKey(key, options = {}) {
    return new NodeSigningKey(toPrivateKey(key, options.passphrase));
}
//# sourceMappingURL=node-signing-key.js.map