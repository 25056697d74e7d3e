/**
 * WebPKI-style verification of a peer's certificate chain with node:crypto X509Certificate:
 * build a path from the leaf through the presented intermediates to a trust anchor (issuer /
 * subject DER match + signature), check every certificate's validity at `now`, CA constraints
 * on issuers, and the leaf against the server name (DNS name or IP literal). Node's TLS stack
 * is not involved: our TLS 1.3 hands us raw DER.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { CertificateVerificationError } from '../proto/tls/session.js';
import { CertificateHashVerifier } from '../proto/tls/certificate-hash-verifier.js';
import { DerError, KeyUsage, Oid, decodePem, parseCertificate } from '../proto/tls/der.js';
import { toHex } from '../proto/util/bytes.js';
import { DerKeyedCache, cachedX509, nodeCryptoProvider } from './node-provider.js';
/** Longest path tried (leaf + intermediates), far above real chains; bounds the search. */
const MAX_PATH_LENGTH = 8;
/** Signature checks allowed per search: certificates that all sign each other must not blow it up. */
const MAX_SIGNATURE_CHECKS = 64;
/**
 * Certificates already parsed, by DER: servers present the same chain on every handshake and
 * parsing (ours and OpenSSL's) dominated the client's handshake cost. Validity and names are
 * still checked on every verification; only parsing and signature results are reused.
 */
const certCache = new DerKeyedCache(256);
/** Presented certificates go through the cache; trust anchors (long-lived in their store) do not. */
function load(der, what, cache = true) {
    const id = DerKeyedCache.keyOf(der);
    const cached = cache ? certCache.get(id) : undefined;
    if (cached !== undefined)
        return cached;
    // A private copy: the parsed fields are views into it and the caller's buffer may be reused.
    const own = der.slice();
    let parsed;
    let x509;
    let publicKey;
    try {
        parsed = parseCertificate(own);
        if (cache) {
            ({ x509, publicKey } = cachedX509(own));
        }
        else {
            x509 = new X509Certificate(Buffer.from(own.buffer, own.byteOffset, own.byteLength));
            const key = x509.publicKey;
            publicKey = { key, type: key.asymmetricKeyType, namedCurve: key.asymmetricKeyDetails?.namedCurve };
        }
    }
    catch (error) {
        const detail = error instanceof DerError || error instanceof Error ? error.message : String(error);
        throw new CertificateVerificationError('bad-certificate', `${what}: unparsable certificate (${detail})`);
    }
    const cert = {
        x509, publicKey, parsed, subjectKey: toHex(parsed.subject.raw), issuerKey: toHex(parsed.issuer.raw), derKey: id, signedBy: new WeakSet(),
    };
    if (cache)
        certCache.set(id, cert);
    return cert;
}
/** Certificates from PEM text (one or many) or DER bytes (a PEM file's bytes also work). */
function caToDer(ca) {
    if (typeof ca === 'string')
        return decodePem(ca);
    if (ca.length > 10 && Buffer.from(ca.buffer, ca.byteOffset, 10).toString('latin1') === '-----BEGIN') {
        return decodePem(Buffer.from(ca.buffer, ca.byteOffset, ca.byteLength).toString('latin1'));
    }
    return [ca];
}
class TrustStore {
    bySubject = new Map();
    byDer = new Set();
    constructor(certs) {
        for (const entry of certs) {
            for (const der of caToDer(entry)) {
                let cert;
                try {
                    cert = load(der, 'trust anchor', false);
                }
                catch {
                    continue; // an unparsable root (e.g. an exotic system root) must not break the others
                }
                const list = this.bySubject.get(cert.subjectKey);
                if (list)
                    list.push(cert);
                else
                    this.bySubject.set(cert.subjectKey, [cert]);
                this.byDer.add(cert.derKey);
            }
        }
    }
    get size() {
        return this.byDer.size;
    }
    issuersOf(cert) {
        return this.bySubject.get(cert.issuerKey) ?? [];
    }
    contains(cert) {
        return this.byDer.has(cert.derKey);
    }
}
let systemRoots;
function validAt(cert, nowMs) {
    return cert.parsed.notBefore <= nowMs && nowMs <= cert.parsed.notAfter;
}
/**
 * An issuer must be a CA allowed to sign certificates, and its pathLenConstraint must allow
 * the `below` intermediates under it (the depth of the certificate it signs, leaf = 0).
 */
function canIssue(issuer, below, anchor) {
    const p = issuer.parsed;
    // Configured v1 roots predate basicConstraints; a presented v1 intermediate is never a CA.
    if (!p.isCA && !(anchor && p.version === 1))
        return false;
    if (p.keyUsage !== undefined && (p.keyUsage & KeyUsage.keyCertSign) === 0)
        return false;
    return p.pathLength === undefined || below <= p.pathLength;
}
function signedBy(cert, issuer) {
    if (cert.signedBy.has(issuer))
        return true;
    let ok;
    try {
        ok = cert.x509.verify(issuer.publicKey.key);
    }
    catch {
        ok = false;
    }
    if (ok)
        cert.signedBy.add(issuer);
    return ok;
}
export class NodeCertificateVerifier {
    anchors;
    constructor(options = {}) {
        if (options.ca !== undefined) {
            this.anchors = new TrustStore(options.ca);
        }
        else {
            systemRoots ??= new TrustStore(rootCertificates);
            this.anchors = systemRoots;
        }
    }
    verify(chain, serverName, now) {
        if (chain.length === 0)
            throw new CertificateVerificationError('bad-certificate', 'no certificate');
        const presented = chain.map((der, i) => load(der, i === 0 ? 'leaf' : `certificate ${i}`));
        const leaf = presented[0];
        const nowMs = now / 1000;
        if (!this.buildPath(leaf, presented, nowMs)) {
            // Tell "would be trusted but a certificate is outside its validity" apart from "untrusted".
            if (this.buildPath(leaf, presented, undefined)) {
                throw new CertificateVerificationError('expired', 'a certificate in the chain is expired or not yet valid');
            }
            throw new CertificateVerificationError('untrusted', 'no path from the certificate to a trusted root');
        }
        if (serverName !== undefined)
            checkServerName(leaf, serverName);
    }
    /** Depth-first search for a trusted path; `nowMs` undefined skips validity checks. */
    buildPath(leaf, presented, nowMs) {
        const used = new Set([leaf]);
        let budget = MAX_SIGNATURE_CHECKS;
        const signedWithinBudget = (cert, issuer) => --budget >= 0 && signedBy(cert, issuer);
        const extend = (cert, depth) => {
            if (nowMs !== undefined && !validAt(cert, nowMs))
                return false;
            // A certificate that is itself configured as trusted (e.g. a pinned self-signed leaf).
            if (this.anchors.contains(cert))
                return true;
            for (const anchor of this.anchors.issuersOf(cert)) {
                if ((nowMs === undefined || validAt(anchor, nowMs)) && canIssue(anchor, depth, true) && signedWithinBudget(cert, anchor))
                    return true;
            }
            if (depth + 1 >= MAX_PATH_LENGTH)
                return false;
            for (const next of presented) {
                if (used.has(next) || next.subjectKey !== cert.issuerKey)
                    continue;
                if (!canIssue(next, depth, false) || !signedWithinBudget(cert, next))
                    continue;
                used.add(next);
                if (extend(next, depth + 1))
                    return true;
                used.delete(next);
            }
            return false;
        };
        return extend(leaf, 0);
    }
}
function checkServerName(leaf, serverName) {
    const eku = leaf.parsed.extendedKeyUsage;
    if (eku !== undefined && !eku.includes(Oid.id_kp_serverAuth) && !eku.includes(Oid.anyExtendedKeyUsage)) {
        throw new CertificateVerificationError('bad-certificate', 'certificate is not for server authentication');
    }
    let name = serverName;
    if (name.startsWith('[') && name.endsWith(']'))
        name = name.slice(1, -1);
    if (isIP(name) !== 0) {
        // IP literals match only SAN iPAddress entries (RFC 6125 §6.2.1 / RFC 5280).
        if (leaf.x509.checkIP(name) === undefined)
            throw new CertificateVerificationError('hostname', `certificate is not valid for ${name}`);
        return;
    }
    if (name.endsWith('.'))
        name = name.slice(0, -1);
    if (leaf.x509.checkHost(name, { partialWildcards: false, multiLabelWildcards: false }) === undefined) {
        throw new CertificateVerificationError('hostname', `certificate is not valid for ${name}`);
    }
}
/**
 * The verifier for a client's options: null when rejectUnauthorized is false (verification
 * off), a CertificateHashVerifier for non-empty serverCertificateHashes, else a
 * NodeCertificateVerifier over `ca` (or the system roots).
 */
export function createCertificateVerifier(options = {}) {
    if (options.rejectUnauthorized === false)
        return null;
    const hashes = options.serverCertificateHashes;
    if (hashes !== undefined && hashes.length > 0)
        return new CertificateHashVerifier(hashes, options.crypto ?? nodeCryptoProvider);
    return new NodeCertificateVerifier(options.ca === undefined ? {} : { ca: options.ca });
}
//# sourceMappingURL=node-cert-verifier.js.map