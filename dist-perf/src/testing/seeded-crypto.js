/**
 * Makes a CryptoProvider reproducible for simulations: ephemeral (EC)DHE key shares are derived
 * from a seeded RandomSource instead of the OS generator, so two runs with the same seed put the
 * same bytes on the wire. Everything else is delegated to the wrapped provider. Test use only.
 */
import { createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
const X25519_PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]);
const X25519_SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00]);
const NIST = {
    secp256r1: {
        size: 32, jwkName: 'P-256',
        prefix: Uint8Array.from([0x30, 0x31, 0x02, 0x01, 0x01, 0x04, 0x20]),
        suffix: Uint8Array.from([0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]),
    },
    secp384r1: {
        size: 48, jwkName: 'P-384',
        prefix: Uint8Array.from([0x30, 0x3e, 0x02, 0x01, 0x01, 0x04, 0x30]),
        suffix: Uint8Array.from([0xa0, 0x07, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22]),
    },
};
/** `base` with generateKeyShare driven by `random`. */
export function withSeededKeyShares(base, random) {
    return {
        createAead: (algorithm, key) => base.createAead(algorithm, key),
        createHeaderProtection: (algorithm, hpKey) => base.createHeaderProtection(algorithm, hpKey),
        hash: (algorithm, data) => base.hash(algorithm, data),
        createTranscriptHash: (algorithm) => base.createTranscriptHash(algorithm),
        hmac: (algorithm, key, data) => base.hmac(algorithm, key, data),
        hkdfExtract: (algorithm, salt, ikm) => base.hkdfExtract(algorithm, salt, ikm),
        hkdfExpand: (algorithm, prk, info, length) => base.hkdfExpand(algorithm, prk, info, length),
        verifySignature: (scheme, certificateDer, data, signature) => base.verifySignature(scheme, certificateDer, data, signature),
        generateKeyShare: (group) => seededKeyShare(group, random),
    };
}
/** An ephemeral key pair whose private key comes from `random`. */
export function seededKeyShare(group, random) {
    return group === 'x25519' ? x25519Share(random) : nistShare(group, random);
}
function x25519Share(random) {
    const d = random.fill(new Uint8Array(32));
    const privateKey = createPrivateKey({ key: Buffer.from(concat(X25519_PKCS8_PREFIX, d)), format: 'der', type: 'pkcs8' });
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    return {
        group: 'x25519',
        publicKey: new Uint8Array(spki.subarray(spki.length - 32)),
        deriveSecret(peer) {
            if (peer.length !== 32)
                throw new Error('x25519 public key must be 32 bytes');
            const publicKey = createPublicKey({ key: Buffer.from(concat(X25519_SPKI_PREFIX, peer)), format: 'der', type: 'spki' });
            return derive(privateKey, publicKey);
        },
    };
}
function nistShare(group, random) {
    const c = NIST[group];
    const d = random.fill(new Uint8Array(c.size));
    d[0] &= 0x7f; // keeps d below the group order without rejection sampling
    d[c.size - 1] |= 1; // and never zero
    const privateKey = createPrivateKey({ key: Buffer.from(concat(c.prefix, d, c.suffix)), format: 'der', type: 'sec1' });
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
    const x = Buffer.from(jwk.x, 'base64url');
    const y = Buffer.from(jwk.y, 'base64url');
    return {
        group,
        publicKey: concat(Uint8Array.of(4), x, y),
        deriveSecret(peer) {
            if (peer.length !== 1 + 2 * c.size || peer[0] !== 4)
                throw new Error(`${group} public key must be an uncompressed point`);
            const publicKey = createPublicKey({
                key: {
                    kty: 'EC', crv: c.jwkName,
                    x: Buffer.from(peer.subarray(1, 1 + c.size)).toString('base64url'),
                    y: Buffer.from(peer.subarray(1 + c.size)).toString('base64url'),
                },
                format: 'jwk',
            });
            return derive(privateKey, publicKey);
        },
    };
}
function derive(privateKey, publicKey) {
    return new Uint8Array(diffieHellman({ privateKey, publicKey }));
}
function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
        out.set(p, o);
        o += p.length;
    }
    return out;
}
//# sourceMappingURL=seeded-crypto.js.map