/**
 * Server credentials: loading a PEM certificate chain and private key (inline or from files),
 * and generating a development self-signed certificate that browsers accept through
 * `serverCertificateHashes` (W3C rules: X.509v3, ECDSA P-256, validity of at most 14 days).
 */
import { X509Certificate as NodeX509Certificate, createHash, webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { decodePem } from '../proto/tls/der.js';
import { toHex } from '../proto/util/bytes.js';
import { createSigningKey } from '../crypto/node-signing-key.js';
const PEM_BEGIN = '-----BEGIN';
function isPemBytes(b) {
    return Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, 64)).toString('latin1').trimStart().startsWith(PEM_BEGIN);
}
/** Inline PEM stays as is; any other string is a file path. */
async function readText(value) {
    return value.includes(PEM_BEGIN) ? value : readFile(value, 'utf8');
}
async function certificateChain(cert) {
    if (typeof cert === 'string' || isPemBytes(cert)) {
        const text = typeof cert === 'string' ? await readText(cert) : Buffer.from(cert.buffer, cert.byteOffset, cert.byteLength).toString('latin1');
        const chain = decodePem(text);
        if (chain.length === 0)
            throw new TypeError('cert: no PEM CERTIFICATE block found');
        return chain;
    }
    return [cert.slice()];
}
export function certificateSha256(der) {
    return new Uint8Array(createHash('sha256').update(der).digest());
}
/**
 * Loads a certificate chain and its private key, checking that the key belongs to the leaf.
 * Throws TypeError for unreadable or mismatched input.
 */
export async function loadCredentials(options) {
    const chain = await certificateChain(options.cert);
    const keyInput = typeof options.key === 'string' ? await readText(options.key) : options.key;
    const passphrase = options.passphrase === undefined ? {} : { passphrase: options.passphrase };
    const signingKey = createSigningKey(keyInput, passphrase);
    let leaf;
    try {
        leaf = new NodeX509Certificate(Buffer.from(chain[0]));
    }
    catch (error) {
        throw new TypeError(`cert: unparsable leaf certificate (${error.message})`);
    }
    if (!leaf.checkPrivateKey(signingKey.key))
        throw new TypeError('key does not match the leaf certificate');
    return { chain, signingKey, leafSha256: certificateSha256(chain[0]) };
}
const DAY_MS = 24 * 60 * 60 * 1000;
/** Backdating absorbs small clock differences between server and browser. */
const BACKDATE_MS = 60 * 60 * 1000;
/**
 * @peculiar/x509's dependency injection (tsyringe) needs Reflect.getMetadata, normally from the
 * reflect-metadata package, which this project does not ship. Its decorators only read and write
 * metadata while the module loads, so a minimal per-target store is enough. Installed only when
 * absent, and only when certificates are generated.
 */
function ensureReflectMetadata() {
    const R = Reflect;
    if (typeof R['getMetadata'] === 'function')
        return;
    const store = new WeakMap();
    const own = (target, key) => store.get(target)?.get(key);
    R['defineMetadata'] = (key, value, target) => {
        let m = store.get(target);
        if (!m)
            store.set(target, (m = new Map()));
        m.set(key, value);
    };
    R['getOwnMetadata'] = own;
    R['getMetadata'] = (key, target) => {
        for (let t = target; t !== null; t = Object.getPrototypeOf(t)) {
            const v = own(t, key);
            if (v !== undefined)
                return v;
        }
        return undefined;
    };
}
let x509Module;
/** @peculiar/x509, loaded on first use and bound to node's WebCrypto. Internal (also used by src/testing). */
export function loadX509() {
    x509Module ??= (async () => {
        ensureReflectMetadata();
        const x509 = await import('@peculiar/x509');
        x509.cryptoProvider.set(webcrypto);
        return x509;
    })();
    return x509Module;
}
/** subjectAltName entries: IP literals (brackets allowed for IPv6) as iPAddress, the rest as dNSName. */
export function subjectAltNames(hostnames) {
    return hostnames.map((h) => {
        const bare = h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
        return isIP(bare) !== 0 ? { type: 'ip', value: bare } : { type: 'dns', value: h };
    });
}
function pem(label, der) {
    const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
    return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}
/**
 * A fresh ECDSA P-256 self-signed certificate for development and for clients that pin its
 * SHA-256 with serverCertificateHashes.
 */
export async function generateSelfSignedCertificate(options = {}) {
    const hostnames = options.hostnames ?? ['localhost', '127.0.0.1', '::1'];
    const days = options.days ?? 14;
    if (!(days > 0 && days <= 14))
        throw new RangeError('days must be in (0, 14]: browsers refuse longer certificates for hash pinning');
    if ((options.keyType ?? 'ec-p256') !== 'ec-p256')
        throw new RangeError(`unsupported keyType ${String(options.keyType)}`);
    if (hostnames.length === 0)
        throw new RangeError('at least one hostname is required');
    const x509 = await loadX509();
    const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
    // Whole seconds: X.509 times have second precision, so the period stays exactly `days`.
    const notBefore = new Date(Math.floor((Date.now() - BACKDATE_MS) / 1000) * 1000);
    const notAfter = new Date(notBefore.getTime() + days * DAY_MS);
    const names = subjectAltNames(hostnames);
    const cn = names.find((n) => n.type === 'dns')?.value ?? hostnames[0];
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
        name: [{ CN: [cn] }],
        notBefore,
        notAfter,
        keys,
        signingAlgorithm: algorithm,
        extensions: [
            new x509.BasicConstraintsExtension(false, undefined, true),
            new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
            new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
            new x509.SubjectAlternativeNameExtension(names),
        ],
    });
    const certDer = new Uint8Array(cert.rawData);
    const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
    const keyPem = pem('PRIVATE KEY', pkcs8);
    const sha256 = certificateSha256(certDer);
    return {
        certPem: pem('CERTIFICATE', certDer),
        keyPem,
        certDer,
        chain: [certDer],
        signingKey: createSigningKey(keyPem),
        leafSha256: sha256,
        sha256,
        sha256Hex: toHex(sha256),
        notBefore,
        notAfter,
    };
}
//# sourceMappingURL=tls-credentials.js.map