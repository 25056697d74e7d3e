/**
 * Test helpers for the TLS state machines: certificates made with @peculiar/x509, a minimal
 * node:crypto SigningKey, fixed verifiers, and an in-memory pump between two TlsSessions.
 */
import { constants, createPrivateKey, randomBytes, sign, webcrypto } from 'node:crypto';
import '../../crypto/reflect-metadata-shim.js';
import * as x509 from '@peculiar/x509';
import { nodeCryptoProvider } from '../../../../src/crypto/node-provider.js';
import { createTlsClient } from '../../../../src/proto/tls/client.js';
import { createTlsServer } from '../../../../src/proto/tls/server.js';
import { CertificateVerificationError, } from '../../../../src/proto/tls/session.js';
import { SignatureScheme } from '../../../../src/proto/tls/signature-schemes.js';
import { utf8 } from '../../../../src/proto/util/bytes.js';
x509.cryptoProvider.set(webcrypto);
const SCHEMES = {
    p256: [SignatureScheme.ecdsa_secp256r1_sha256],
    p384: [SignatureScheme.ecdsa_secp384r1_sha384],
    rsa: [SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pss_rsae_sha384, SignatureScheme.rsa_pss_rsae_sha512],
    ed25519: [SignatureScheme.ed25519],
};
const HASH_OF = {
    [SignatureScheme.ecdsa_secp256r1_sha256]: 'sha256',
    [SignatureScheme.ecdsa_secp384r1_sha384]: 'sha384',
    [SignatureScheme.rsa_pss_rsae_sha256]: 'sha256',
    [SignatureScheme.rsa_pss_rsae_sha384]: 'sha384',
    [SignatureScheme.rsa_pss_rsae_sha512]: 'sha512',
};
/** A test-only SigningKey over a node:crypto private key; `schemes` may be narrowed. */
export function testSigningKey(kind, key, schemes = SCHEMES[kind]) {
    return {
        schemes,
        sign(scheme, data) {
            if (!schemes.includes(scheme))
                throw new Error(`scheme ${scheme} not supported by this key`);
            if (kind === 'ed25519')
                return new Uint8Array(sign(null, data, key));
            const hash = HASH_OF[scheme];
            if (kind === 'rsa') {
                return new Uint8Array(sign(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: hash === 'sha256' ? 32 : hash === 'sha384' ? 48 : 64 }));
            }
            return new Uint8Array(sign(hash, data, key));
        },
    };
}
const ALGORITHMS = {
    p256: { gen: { name: 'ECDSA', namedCurve: 'P-256' }, signing: { name: 'ECDSA', hash: 'SHA-256' } },
    p384: { gen: { name: 'ECDSA', namedCurve: 'P-384' }, signing: { name: 'ECDSA', hash: 'SHA-384' } },
    rsa: {
        gen: { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
        signing: { name: 'RSA-PSS', saltLength: 32 },
    },
    ed25519: { gen: { name: 'Ed25519' }, signing: { name: 'Ed25519' } },
};
const cache = new Map();
/** A self-signed certificate and its key (memoized per kind: key generation is slow). */
export function identity(kind, schemes) {
    let p = cache.get(kind);
    if (!p) {
        p = (async () => {
            const alg = ALGORITHMS[kind];
            const keys = (await webcrypto.subtle.generateKey(alg.gen, true, ['sign', 'verify']));
            const cert = await x509.X509CertificateGenerator.createSelfSigned({
                serialNumber: '01', name: `CN=test-${kind}`, notBefore: new Date(Date.now() - 86_400_000),
                notAfter: new Date(Date.now() + 86_400_000), signingAlgorithm: alg.signing, keys: keys,
                extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }])],
            });
            const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
            const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
            return { chain: [new Uint8Array(cert.rawData)], key: testSigningKey(kind, privateKey), privateKey };
        })();
        cache.set(kind, p);
    }
    return p.then((id) => (schemes ? { chain: id.chain, key: testSigningKey(kind, id.privateKey, schemes) } : id));
}
export const nodeRandom = { fill: (out) => { out.set(randomBytes(out.length)); return out; } };
export const deps = { crypto: nodeCryptoProvider, random: nodeRandom };
export const acceptAll = { verify: () => { } };
export function refusing(reason) {
    return { verify: () => { throw new CertificateVerificationError(reason, `refused: ${reason}`); } };
}
/** Records what it was asked to verify. */
export function recordingVerifier() {
    const calls = [];
    return { calls, verify: (chain, serverName) => { calls.push({ chain, serverName }); } };
}
export const CLIENT_TP = utf8('client-transport-params');
export const SERVER_TP = utf8('server-transport-params');
export function clientConfig(over = {}) {
    return { serverName: 'localhost', alpnProtocols: ['h3'], transportParameters: CLIENT_TP, verifier: acceptAll, ...over };
}
export async function serverConfig(over = {}, kind = 'p256') {
    const id = await identity(kind);
    return { certificateChain: id.chain, signingKey: id.key, alpnProtocols: ['h3'], transportParameters: SERVER_TP, ...over };
}
/**
 * Moves handshake bytes between the two sessions until both are quiet. Events are recorded
 * per side in order. `tamper` may rewrite data in flight (return it unchanged to pass).
 */
export function pump(client, server, now = 0, tamper) {
    const out = { client: [], server: [] };
    if (!client.handshakeComplete)
        client.start(now);
    for (let moved = true, rounds = 0; moved && rounds < 50; rounds++) {
        moved = false;
        for (const [from, self, peer] of [['client', client, server], ['server', server, client]]) {
            for (let ev = self.pollEvent(); ev; ev = self.pollEvent()) {
                out[from].push(ev);
                if (ev.type === 'handshakeData') {
                    moved = true;
                    peer.handleHandshakeData(ev.level, tamper ? tamper(from, ev) : ev.data, now);
                }
            }
        }
    }
    return out;
}
export function handshake(cc, sc, now = 0) {
    const c = createTlsClient(cc, deps);
    const s = createTlsServer(sc, deps);
    const r = pump(c, s, now);
    return { ...r, c, s };
}
export function secretsOf(events) {
    return events.flatMap((e) => (e.type === 'secret' ? [`${e.level}:${e.direction}`] : []));
}
export function typesOf(events) {
    return events.map((e) => (e.type === 'handshakeData' ? `data@${e.level}` : e.type === 'secret' ? `secret@${e.level}:${e.direction}` : e.type));
}
//# sourceMappingURL=helpers.js.map