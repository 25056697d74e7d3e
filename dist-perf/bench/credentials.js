/**
 * Certificates for the benchmark: the interop kit's throw-away CA + P-256 leaf (the same files
 * the quiche peer loads), turned into our SigningKey and verifier. The modules that do this
 * properly (src/api/tls-credentials, src/crypto/node-cert-verifier) are loaded at run time; while
 * they are missing a minimal node:crypto P-256 key stands in and verification is reported as off.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignatureScheme } from '../src/proto/tls/signature-schemes.js';
// Non-literal specifiers: these modules are written in parallel and may not exist yet.
const CREDENTIALS_MODULE = '../src/api/tls-credentials.js';
const SIGNING_KEY_MODULE = '../src/crypto/node-signing-key.js';
const VERIFIER_MODULE = '../src/crypto/node-cert-verifier.js';
export function kitCertFiles(workDir) {
    const dir = join(workDir, 'certs');
    const certPath = join(dir, 'cert.pem');
    const keyPath = join(dir, 'priv.key');
    const caPath = join(dir, 'ca.pem');
    return {
        certPem: readFileSync(certPath, 'utf8'), keyPem: readFileSync(keyPath, 'utf8'), caPem: readFileSync(caPath, 'utf8'),
        certPath, keyPath, caPath,
    };
}
/** DER bodies of every CERTIFICATE block in a PEM text, in order. */
export function pemCertificates(pem) {
    const out = [];
    const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
    for (let m = re.exec(pem); m !== null; m = re.exec(pem))
        out.push(new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')));
    return out;
}
export async function loadServerCredentials(files) {
    try {
        const mod = await import(CREDENTIALS_MODULE);
        const creds = await mod.loadCredentials({ cert: files.certPem, key: files.keyPem });
        return { chain: creds.chain, signingKey: creds.signingKey, source: 'src/api/tls-credentials' };
    }
    catch { /* fall through */ }
    const chain = pemCertificates(files.certPem);
    try {
        const mod = await import(SIGNING_KEY_MODULE);
        return { chain, signingKey: mod.createSigningKey(files.keyPem), source: 'src/crypto/node-signing-key' };
    }
    catch { /* fall through */ }
    return { chain, signingKey: p256SigningKey(createPrivateKey(files.keyPem)), source: 'bench fallback (P-256)' };
}
export async function loadClientVerification(files, wanted) {
    if (!wanted)
        return { verifier: null, mode: 'off' };
    try {
        const mod = await import(VERIFIER_MODULE);
        return { verifier: mod.createCertificateVerifier({ ca: [files.caPem] }), mode: 'ca' };
    }
    catch (error) {
        return { verifier: null, mode: 'off', note: `verifier unavailable: ${error.message.split('\n')[0]}` };
    }
}
/** ecdsa_secp256r1_sha256 with a DER signature, as TLS 1.3 CertificateVerify wants it. */
function p256SigningKey(key) {
    return {
        schemes: [SignatureScheme.ecdsa_secp256r1_sha256],
        sign(scheme, data) {
            if (scheme !== SignatureScheme.ecdsa_secp256r1_sha256)
                throw new Error(`unsupported scheme 0x${scheme.toString(16)}`);
            return new Uint8Array(sign('sha256', data, { key, dsaEncoding: 'der' }));
        },
    };
}
//# sourceMappingURL=credentials.js.map