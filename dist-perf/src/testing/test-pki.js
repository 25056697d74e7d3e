/**
 * A small PKI for tests: a root CA (optionally an intermediate) and a leaf it signs, for any
 * key type the TLS stack supports. Key pairs are generated once per key type and role within a
 * process (RSA key generation is slow); certificates are fresh on each call, with a CA name
 * unique to the call so separate PKIs never trust each other.
 */
import { randomBytes, webcrypto } from 'node:crypto';
import { createSigningKey } from '../crypto/node-signing-key.js';
import { loadX509, subjectAltNames } from '../api/tls-credentials.js';
const DAY_MS = 24 * 60 * 60 * 1000;
const KEY_PARAMS = {
    'ec-p256': { generate: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
    'ec-p384': { generate: { name: 'ECDSA', namedCurve: 'P-384' }, sign: { name: 'ECDSA', hash: 'SHA-384' } },
    'rsa-2048': {
        generate: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
        sign: { name: 'RSASSA-PKCS1-v1_5' },
    },
    ed25519: { generate: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
};
const keyCache = new Map();
function keyPair(keyType, role, fresh) {
    const make = () => webcrypto.subtle.generateKey(KEY_PARAMS[keyType].generate, true, ['sign', 'verify']);
    if (fresh)
        return make();
    const id = `${keyType}:${role}`;
    let p = keyCache.get(id);
    if (!p) {
        p = make();
        keyCache.set(id, p);
    }
    return p;
}
function pem(label, der) {
    const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
    return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}
async function caExtensions(x509, keys, pathLength) {
    return [
        new x509.BasicConstraintsExtension(true, pathLength, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ];
}
/** Creates a CA (+ optional intermediate) and a leaf for `hostnames`. */
export async function createTestPki(options = {}) {
    const x509 = await loadX509();
    const keyType = options.keyType ?? 'ec-p256';
    const params = KEY_PARAMS[keyType];
    const fresh = options.freshKeys === true;
    const [caKeys, interKeys, leafKeys] = await Promise.all([
        keyPair(keyType, 'ca', fresh),
        options.intermediate ? keyPair(keyType, 'intermediate', fresh) : undefined,
        keyPair(keyType, 'leaf', fresh),
    ]);
    const now = Date.now();
    const nb = options.notBefore === undefined ? now - 3_600_000 : Number(options.notBefore);
    // Whole seconds, as X.509 stores them, so validity arithmetic in tests is exact.
    const notBefore = new Date(Math.floor(nb / 1000) * 1000);
    const notAfter = new Date(notBefore.getTime() + (options.validityDays ?? 14) * DAY_MS);
    // The CAs stay valid around the leaf and around now, so an expired leaf is the only fault.
    const caNotBefore = new Date(Math.min(notBefore.getTime(), now) - DAY_MS);
    const caNotAfter = new Date(Math.max(notAfter.getTime(), now) + 365 * DAY_MS);
    const tag = randomBytes(6).toString('hex');
    const caName = `CN=${options.caName ?? `tswebtransport test CA ${tag}`}`;
    const ca = await x509.X509CertificateGenerator.createSelfSigned({
        name: caName, notBefore: caNotBefore, notAfter: caNotAfter, keys: caKeys, signingAlgorithm: params.sign,
        extensions: await caExtensions(x509, caKeys, options.intermediate ? 1 : 0),
    });
    let issuer = ca;
    let issuerKey = caKeys.privateKey;
    let intermediate;
    if (interKeys) {
        intermediate = await x509.X509CertificateGenerator.create({
            subject: `CN=tswebtransport test intermediate ${tag}`, issuer: ca.subject,
            notBefore: caNotBefore, notAfter: caNotAfter, publicKey: interKeys.publicKey, signingKey: caKeys.privateKey,
            signingAlgorithm: params.sign, extensions: await caExtensions(x509, interKeys, 0),
        });
        issuer = intermediate;
        issuerKey = interKeys.privateKey;
    }
    const hostnames = options.hostnames ?? ['localhost', '127.0.0.1', '::1'];
    const names = subjectAltNames(hostnames);
    const leaf = await x509.X509CertificateGenerator.create({
        subject: `CN=${names.find((n) => n.type === 'dns')?.value ?? 'tswebtransport test leaf'}`,
        issuer: issuer.subject, notBefore, notAfter, publicKey: leafKeys.publicKey, signingKey: issuerKey,
        signingAlgorithm: params.sign,
        extensions: [
            new x509.BasicConstraintsExtension(false, undefined, true),
            new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
            new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
            ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
        ],
    });
    const caDer = new Uint8Array(ca.rawData);
    const leafDer = new Uint8Array(leaf.rawData);
    const intermediateDer = intermediate ? new Uint8Array(intermediate.rawData) : undefined;
    const keyPem = pem('PRIVATE KEY', new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', leafKeys.privateKey)));
    const chain = [leafDer];
    if (intermediateDer)
        chain.push(intermediateDer);
    if (options.includeChain !== false)
        chain.push(caDer);
    return {
        caPem: pem('CERTIFICATE', caDer),
        caDer,
        ...(intermediateDer ? { intermediatePem: pem('CERTIFICATE', intermediateDer), intermediateDer } : {}),
        leafPem: pem('CERTIFICATE', leafDer),
        leafDer,
        keyPem,
        chain,
        signingKey: createSigningKey(keyPem),
        notBefore,
        notAfter,
    };
}
//# sourceMappingURL=test-pki.js.map