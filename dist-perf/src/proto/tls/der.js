/**
 * A minimal, strict DER reader (X.690) and an X.509 certificate parser (RFC 5280 §4.1) giving
 * what the TLS layer needs: the public key for CertificateVerify, validity, names and the few
 * extensions used by verifiers and by W3C hash pinning. Every malformed input ends in DerError;
 * reads are views into the input and nesting is bounded, so work and memory follow input size.
 */
/** Malformed or unsupported DER / certificate input. */
export class DerError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DerError';
    }
}
/** Universal tags (X.690 §8) and the constructed forms used by X.509. */
export const DerTag = {
    BOOLEAN: 0x01,
    INTEGER: 0x02,
    BIT_STRING: 0x03,
    OCTET_STRING: 0x04,
    NULL: 0x05,
    OBJECT_IDENTIFIER: 0x06,
    UTF8String: 0x0c,
    PrintableString: 0x13,
    TeletexString: 0x14,
    IA5String: 0x16,
    UTCTime: 0x17,
    GeneralizedTime: 0x18,
    UniversalString: 0x1c,
    BMPString: 0x1e,
    SEQUENCE: 0x30,
    SET: 0x31,
};
/** Object identifiers this module recognises, keyed by their RFC names. */
export const Oid = {
    id_ecPublicKey: '1.2.840.10045.2.1',
    rsaEncryption: '1.2.840.113549.1.1.1',
    id_RSASSA_PSS: '1.2.840.113549.1.1.10',
    id_Ed25519: '1.3.101.112',
    id_Ed448: '1.3.101.113',
    secp256r1: '1.2.840.10045.3.1.7',
    secp384r1: '1.3.132.0.34',
    secp521r1: '1.3.132.0.35',
    id_at_commonName: '2.5.4.3',
    id_ce_keyUsage: '2.5.29.15',
    id_ce_subjectAltName: '2.5.29.17',
    id_ce_basicConstraints: '2.5.29.19',
    id_ce_extKeyUsage: '2.5.29.37',
    anyExtendedKeyUsage: '2.5.29.37.0',
    id_kp_serverAuth: '1.3.6.1.5.5.7.3.1',
    id_kp_clientAuth: '1.3.6.1.5.5.7.3.2',
};
/** KeyUsage bits (RFC 5280 §4.2.1.3) as a mask: bit n of the BIT STRING is `1 << n`. */
export const KeyUsage = {
    digitalSignature: 1 << 0,
    nonRepudiation: 1 << 1,
    keyEncipherment: 1 << 2,
    dataEncipherment: 1 << 3,
    keyAgreement: 1 << 4,
    keyCertSign: 1 << 5,
    cRLSign: 1 << 6,
    encipherOnly: 1 << 7,
    decipherOnly: 1 << 8,
};
/** Deeper nesting than any real certificate needs; bounds recursion on hostile input. */
export const MAX_DER_DEPTH = 16;
const MAX_OID_BYTES = 64;
/** Reads consecutive TLVs from one level of a DER encoding. */
export class DerReader {
    buf;
    pos;
    depth;
    constructor(buf, depth = 0) {
        if (depth > MAX_DER_DEPTH)
            throw new DerError('DER nesting too deep');
        this.buf = buf;
        this.pos = 0;
        this.depth = depth;
    }
    get done() {
        return this.pos >= this.buf.length;
    }
    /** The next identifier octet, or undefined at the end. */
    peekTag() {
        return this.pos < this.buf.length ? this.buf[this.pos] : undefined;
    }
    read() {
        const b = this.buf;
        const start = this.pos;
        if (start + 2 > b.length)
            throw new DerError('truncated DER header');
        const tag = b[start];
        if ((tag & 0x1f) === 0x1f)
            throw new DerError('high-tag-number form is not supported');
        let p = start + 1;
        const first = b[p++];
        let len;
        if (first < 0x80) {
            len = first;
        }
        else {
            const n = first & 0x7f;
            // 0x80 is the indefinite form (BER only); more than 4 length octets cannot fit the input.
            if (n === 0)
                throw new DerError('indefinite length is not DER');
            if (n > 4)
                throw new DerError('DER length too large');
            if (p + n > b.length)
                throw new DerError('truncated DER length');
            if (b[p] === 0)
                throw new DerError('non-minimal DER length');
            len = 0;
            for (let i = 0; i < n; i++)
                len = len * 256 + b[p++];
            if (len < 0x80)
                throw new DerError('non-minimal DER length');
        }
        if (len > b.length - p)
            throw new DerError('truncated DER value');
        this.pos = p + len;
        return { tag, value: b.subarray(p, p + len), raw: b.subarray(start, p + len) };
    }
    /** Reads the next element, which must carry `tag`. */
    expect(tag, what) {
        if (this.peekTag() !== tag)
            throw new DerError(`expected ${what}`);
        return this.read();
    }
    /** Reads the next element only if it carries `tag`. */
    optional(tag) {
        return this.peekTag() === tag ? this.read() : undefined;
    }
    /** A reader over the content of the next constructed element with `tag`, one level deeper. */
    enter(tag, what) {
        return new DerReader(this.expect(tag, what).value, this.depth + 1);
    }
    /** A reader over the content of an element already read. */
    child(element) {
        return new DerReader(element.value, this.depth + 1);
    }
    /** Throws unless every byte was consumed (DER allows no trailing data). */
    end(what) {
        if (!this.done)
            throw new DerError(`trailing data after ${what}`);
    }
}
/** Dotted-decimal form of OBJECT IDENTIFIER content octets. */
export function decodeOid(value) {
    if (value.length === 0 || value.length > MAX_OID_BYTES)
        throw new DerError('bad OID length');
    if ((value[value.length - 1] & 0x80) !== 0)
        throw new DerError('truncated OID');
    const arcs = [];
    let acc = 0;
    let fresh = true;
    for (let i = 0; i < value.length; i++) {
        const byte = value[i];
        if (fresh && byte === 0x80)
            throw new DerError('non-minimal OID arc');
        // 7 bytes of 7 bits stay below 2^49, exact in a double.
        if (acc >= 2 ** 42)
            throw new DerError('OID arc too large');
        acc = acc * 128 + (byte & 0x7f);
        fresh = (byte & 0x80) === 0;
        if (fresh) {
            if (arcs.length === 0) {
                const top = acc < 40 ? 0 : acc < 80 ? 1 : 2;
                arcs.push(top, acc - top * 40);
            }
            else {
                arcs.push(acc);
            }
            acc = 0;
        }
    }
    return arcs.join('.');
}
/** A non-negative INTEGER that fits a small number (version, pathLenConstraint). */
function decodeSmallUint(value, what) {
    checkIntegerEncoding(value, what);
    if ((value[0] & 0x80) !== 0)
        throw new DerError(`negative ${what}`);
    if (value.length > 4)
        throw new DerError(`${what} too large`);
    let v = 0;
    for (let i = 0; i < value.length; i++)
        v = v * 256 + value[i];
    return v;
}
function checkIntegerEncoding(value, what) {
    if (value.length === 0)
        throw new DerError(`empty ${what}`);
    if (value.length > 1 && ((value[0] === 0 && (value[1] & 0x80) === 0) || (value[0] === 0xff && (value[1] & 0x80) !== 0))) {
        throw new DerError(`non-minimal ${what}`);
    }
}
function decodeBoolean(value) {
    if (value.length !== 1 || (value[0] !== 0 && value[0] !== 0xff))
        throw new DerError('bad BOOLEAN');
    return value[0] === 0xff;
}
/** BIT STRING content without its unused-bits octet, plus that count. */
function decodeBitString(value) {
    if (value.length === 0)
        throw new DerError('empty BIT STRING');
    const unused = value[0];
    if (unused > 7 || (value.length === 1 && unused !== 0))
        throw new DerError('bad BIT STRING');
    if (unused !== 0 && (value[value.length - 1] & ((1 << unused) - 1)) !== 0)
        throw new DerError('BIT STRING padding not zero');
    return { bits: value.subarray(1), unused };
}
// ---- time ----
function digits(value, at, n) {
    let v = 0;
    for (let i = at; i < at + n; i++) {
        const c = value[i] - 0x30;
        if (c < 0 || c > 9)
            throw new DerError('bad digit in time');
        v = v * 10 + c;
    }
    return v;
}
/** Days since 1970-01-01 of a proleptic Gregorian civil day (H. Hinnant's days_from_civil). */
function daysFromCivil(y, m, d) {
    const yy = m <= 2 ? y - 1 : y;
    const era = Math.floor(yy / 400);
    const yoe = yy - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
function daysInMonth(y, m) {
    if (m === 2)
        return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
    return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ), RFC 5280 §4.1.2.5, as ms since epoch. */
export function decodeTime(element) {
    const v = element.value;
    let year;
    let at;
    if (element.tag === DerTag.UTCTime) {
        if (v.length !== 13)
            throw new DerError('bad UTCTime');
        const yy = digits(v, 0, 2);
        year = yy >= 50 ? 1900 + yy : 2000 + yy;
        at = 2;
    }
    else if (element.tag === DerTag.GeneralizedTime) {
        if (v.length !== 15)
            throw new DerError('bad GeneralizedTime');
        year = digits(v, 0, 4);
        at = 4;
    }
    else {
        throw new DerError('expected a time');
    }
    if (v[v.length - 1] !== 0x5a)
        throw new DerError('time must end in Z');
    const month = digits(v, at, 2);
    const day = digits(v, at + 2, 2);
    const hour = digits(v, at + 4, 2);
    const minute = digits(v, at + 6, 2);
    const second = digits(v, at + 8, 2);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
        throw new DerError('time out of range');
    }
    return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
}
// ---- strings and names ----
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
/** The text of a directory string; undefined for string types we do not decode. */
function decodeDirectoryString(element) {
    const v = element.value;
    switch (element.tag) {
        case DerTag.UTF8String:
            try {
                return utf8Decoder.decode(v);
            }
            catch {
                throw new DerError('bad UTF8String');
            }
        case DerTag.PrintableString:
        case DerTag.IA5String:
        case DerTag.TeletexString:
            return latin1(v);
        case DerTag.BMPString: {
            if (v.length % 2 !== 0)
                throw new DerError('bad BMPString');
            let s = '';
            for (let i = 0; i < v.length; i += 2)
                s += String.fromCharCode((v[i] << 8) | v[i + 1]);
            return s;
        }
        default:
            return undefined;
    }
}
function latin1(v) {
    let s = '';
    for (let i = 0; i < v.length; i++)
        s += String.fromCharCode(v[i]);
    return s;
}
function ascii(v, what) {
    for (let i = 0; i < v.length; i++)
        if (v[i] > 0x7e || v[i] < 0x20)
            throw new DerError(`bad ${what}`);
    return latin1(v);
}
function parseName(element, parent) {
    const rdns = parent.child(element);
    let commonName;
    while (!rdns.done) {
        const set = rdns.enter(DerTag.SET, 'RelativeDistinguishedName');
        if (set.done)
            throw new DerError('empty RelativeDistinguishedName');
        while (!set.done) {
            const atv = set.enter(DerTag.SEQUENCE, 'AttributeTypeAndValue');
            const type = decodeOid(atv.expect(DerTag.OBJECT_IDENTIFIER, 'attribute type').value);
            const value = atv.read();
            atv.end('AttributeTypeAndValue');
            if (type === Oid.id_at_commonName && commonName === undefined)
                commonName = decodeDirectoryString(value);
        }
    }
    return { raw: element.raw, commonName };
}
function parseAlgorithm(r) {
    const seq = r.enter(DerTag.SEQUENCE, 'AlgorithmIdentifier');
    const oid = decodeOid(seq.expect(DerTag.OBJECT_IDENTIFIER, 'algorithm OID').value);
    const parameters = seq.done ? undefined : seq.read();
    seq.end('AlgorithmIdentifier');
    return { oid, parameters };
}
function parseSpki(r) {
    const element = r.expect(DerTag.SEQUENCE, 'SubjectPublicKeyInfo');
    const seq = r.child(element);
    const alg = parseAlgorithm(seq);
    const { bits } = decodeBitString(seq.expect(DerTag.BIT_STRING, 'subjectPublicKey').value);
    seq.end('SubjectPublicKeyInfo');
    let curve;
    if (alg.oid === Oid.id_ecPublicKey) {
        if (alg.parameters?.tag !== DerTag.OBJECT_IDENTIFIER)
            throw new DerError('EC key without a named curve');
        curve = decodeOid(alg.parameters.value);
    }
    return { raw: element.raw, algorithm: alg.oid, curve, publicKey: bits };
}
/** Text form of a SAN iPAddress (4 or 16 octets); IPv6 in RFC 5952 shortest form. */
export function formatIpAddress(v) {
    if (v.length === 4)
        return `${v[0]}.${v[1]}.${v[2]}.${v[3]}`;
    if (v.length !== 16)
        throw new DerError('bad iPAddress length');
    const words = [];
    for (let i = 0; i < 16; i += 2)
        words.push((v[i] << 8) | v[i + 1]);
    // The longest run (first on ties) of two or more zero words becomes '::'.
    let bestAt = -1, bestLen = 1;
    for (let i = 0; i < 8;) {
        if (words[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && words[j] === 0)
            j++;
        if (j - i > bestLen) {
            bestAt = i;
            bestLen = j - i;
        }
        i = j;
    }
    const hex = (ws) => ws.map((w) => w.toString(16)).join(':');
    if (bestAt < 0)
        return hex(words);
    return `${hex(words.slice(0, bestAt))}::${hex(words.slice(bestAt + bestLen))}`;
}
function parseSubjectAltName(value, facts) {
    const outer = new DerReader(value, 4);
    const names = outer.enter(DerTag.SEQUENCE, 'GeneralNames');
    outer.end('subjectAltName');
    if (names.done)
        throw new DerError('empty subjectAltName');
    while (!names.done) {
        const name = names.read();
        // [2] IMPLICIT IA5String dNSName, [7] IMPLICIT OCTET STRING iPAddress; others are skipped.
        if (name.tag === 0x82)
            facts.dnsNames.push(ascii(name.value, 'dNSName'));
        else if (name.tag === 0x87)
            facts.ipAddresses.push(formatIpAddress(name.value));
    }
}
function parseBasicConstraints(value, facts) {
    const outer = new DerReader(value, 4);
    const seq = outer.enter(DerTag.SEQUENCE, 'BasicConstraints');
    outer.end('basicConstraints');
    const ca = seq.optional(DerTag.BOOLEAN);
    facts.isCA = ca !== undefined && decodeBoolean(ca.value);
    const len = seq.optional(DerTag.INTEGER);
    if (len !== undefined)
        facts.pathLength = decodeSmallUint(len.value, 'pathLenConstraint');
    seq.end('BasicConstraints');
}
function parseKeyUsage(value, facts) {
    const r = new DerReader(value, 4);
    const { bits } = decodeBitString(r.expect(DerTag.BIT_STRING, 'KeyUsage').value);
    r.end('keyUsage');
    if (bits.length > 2)
        throw new DerError('KeyUsage too long');
    let mask = 0;
    for (let i = 0; i < bits.length; i++) {
        // BIT STRING bit 0 is the most significant bit of the first octet.
        for (let b = 0; b < 8; b++)
            if ((bits[i] & (0x80 >> b)) !== 0)
                mask |= 1 << (i * 8 + b);
    }
    facts.keyUsage = mask;
}
function parseExtKeyUsage(value, facts) {
    const outer = new DerReader(value, 4);
    const seq = outer.enter(DerTag.SEQUENCE, 'ExtKeyUsageSyntax');
    outer.end('extKeyUsage');
    const purposes = [];
    while (!seq.done)
        purposes.push(decodeOid(seq.expect(DerTag.OBJECT_IDENTIFIER, 'KeyPurposeId').value));
    if (purposes.length === 0)
        throw new DerError('empty extKeyUsage');
    facts.extendedKeyUsage = purposes;
}
function parseExtensions(element, parent, facts) {
    const wrapper = parent.child(element);
    const list = wrapper.enter(DerTag.SEQUENCE, 'Extensions');
    wrapper.end('extensions');
    const out = [];
    while (!list.done) {
        const ext = list.enter(DerTag.SEQUENCE, 'Extension');
        const oid = decodeOid(ext.expect(DerTag.OBJECT_IDENTIFIER, 'extnID').value);
        const crit = ext.optional(DerTag.BOOLEAN);
        const critical = crit !== undefined && decodeBoolean(crit.value);
        const value = ext.expect(DerTag.OCTET_STRING, 'extnValue').value;
        ext.end('Extension');
        // RFC 5280 §4.2: a certificate MUST NOT include more than one instance of an extension.
        for (const e of out)
            if (e.oid === oid)
                throw new DerError(`duplicate extension ${oid}`);
        out.push({ oid, critical, value });
        if (oid === Oid.id_ce_subjectAltName)
            parseSubjectAltName(value, facts);
        else if (oid === Oid.id_ce_basicConstraints)
            parseBasicConstraints(value, facts);
        else if (oid === Oid.id_ce_keyUsage)
            parseKeyUsage(value, facts);
        else if (oid === Oid.id_ce_extKeyUsage)
            parseExtKeyUsage(value, facts);
    }
    if (out.length === 0)
        throw new DerError('empty Extensions');
    return out;
}
/** Parses one DER X.509 certificate. Throws DerError for anything malformed. */
export function parseCertificate(der) {
    const top = new DerReader(der);
    const certElement = top.expect(DerTag.SEQUENCE, 'Certificate');
    top.end('Certificate');
    const cert = top.child(certElement);
    const tbsElement = cert.expect(DerTag.SEQUENCE, 'TBSCertificate');
    const outerAlgorithm = cert.expect(DerTag.SEQUENCE, 'signatureAlgorithm');
    const signature = decodeBitString(cert.expect(DerTag.BIT_STRING, 'signatureValue').value);
    cert.end('Certificate');
    if (signature.unused !== 0)
        throw new DerError('signature is not whole octets');
    const tbs = cert.child(tbsElement);
    let version = 1;
    const explicitVersion = tbs.optional(0xa0);
    if (explicitVersion !== undefined) {
        const vr = tbs.child(explicitVersion);
        const v = decodeSmallUint(vr.expect(DerTag.INTEGER, 'version').value, 'version');
        vr.end('version');
        if (v > 2)
            throw new DerError(`unknown certificate version ${v + 1}`);
        version = (v + 1);
    }
    const serial = tbs.expect(DerTag.INTEGER, 'serialNumber').value;
    checkIntegerEncoding(serial, 'serialNumber');
    const innerAlgorithmElement = tbs.expect(DerTag.SEQUENCE, 'signature');
    // RFC 5280 §4.1.1.2: the outer signatureAlgorithm MUST equal the signed one.
    if (!sameBytes(innerAlgorithmElement.raw, outerAlgorithm.raw))
        throw new DerError('signature algorithm mismatch');
    const signatureAlgorithm = parseAlgorithm(new DerReader(innerAlgorithmElement.raw, 2)).oid;
    const issuer = parseName(tbs.expect(DerTag.SEQUENCE, 'issuer'), tbs);
    const validity = tbs.enter(DerTag.SEQUENCE, 'Validity');
    const notBefore = decodeTime(validity.read());
    const notAfter = decodeTime(validity.read());
    validity.end('Validity');
    const subject = parseName(tbs.expect(DerTag.SEQUENCE, 'subject'), tbs);
    const subjectPublicKeyInfo = parseSpki(tbs);
    // issuerUniqueID [1] and subjectUniqueID [2] (v2+) are skipped.
    if (tbs.optional(0x81) !== undefined || tbs.optional(0xa1) !== undefined) {
        if (version < 2)
            throw new DerError('issuerUniqueID in a v1 certificate');
    }
    if (tbs.optional(0x82) !== undefined || tbs.optional(0xa2) !== undefined) {
        if (version < 2)
            throw new DerError('subjectUniqueID in a v1 certificate');
    }
    const facts = {
        dnsNames: [], ipAddresses: [], isCA: false, pathLength: undefined, keyUsage: undefined, extendedKeyUsage: undefined,
    };
    let extensions = [];
    const extensionsElement = tbs.optional(0xa3);
    if (extensionsElement !== undefined) {
        if (version !== 3)
            throw new DerError('extensions in a pre-v3 certificate');
        extensions = parseExtensions(extensionsElement, tbs, facts);
    }
    tbs.end('TBSCertificate');
    return {
        raw: certElement.raw,
        tbs: tbsElement.raw,
        version,
        serialNumber: serial,
        signatureAlgorithm,
        signatureValue: signature.bits,
        issuer,
        subject,
        notBefore,
        notAfter,
        subjectPublicKeyInfo,
        extensions,
        ...facts,
    };
}
function sameBytes(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
// ---- PEM ----
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++)
    B64_INDEX[B64.charCodeAt(i)] = i;
function decodeBase64(text) {
    const clean = text.replace(/[\s]+/g, '');
    const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
    if (clean.length % 4 !== 0)
        throw new DerError('bad base64 length');
    const body = clean.length - pad;
    const out = new Uint8Array((clean.length / 4) * 3 - pad);
    let acc = 0, bits = 0, o = 0;
    for (let i = 0; i < body; i++) {
        const c = clean.charCodeAt(i);
        const v = c < 128 ? B64_INDEX[c] : -1;
        if (v < 0)
            throw new DerError('bad base64 character');
        acc = ((acc << 6) | v) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (acc >> bits) & 0xff;
        }
    }
    return out;
}
/** The DER bodies of every `-----BEGIN <label>-----` block in `text`, in order. */
export function decodePem(text, label = 'CERTIFICATE') {
    const out = [];
    const begin = `-----BEGIN ${label}-----`;
    const end = `-----END ${label}-----`;
    let at = 0;
    for (;;) {
        const b = text.indexOf(begin, at);
        if (b < 0)
            break;
        const e = text.indexOf(end, b + begin.length);
        if (e < 0)
            throw new DerError(`unterminated PEM ${label}`);
        out.push(decodeBase64(text.slice(b + begin.length, e)));
        at = e + end.length;
    }
    return out;
}
//# sourceMappingURL=der.js.map