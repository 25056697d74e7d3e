/**
 * A minimal, strict DER reader (X.690) and an X.509 certificate parser (RFC 5280 §4.1) giving
 * what the TLS layer needs: the public key for CertificateVerify, validity, names and the few
 * extensions used by verifiers and by W3C hash pinning. Every malformed input ends in DerError;
 * reads are views into the input and nesting is bounded, so work and memory follow input size.
 */
/** Malformed or unsupported DER / certificate input. */
export declare class DerError extends Error {
    constructor(message: string);
}
/** Universal tags (X.690 §8) and the constructed forms used by X.509. */
export declare const DerTag: {
    readonly BOOLEAN: 1;
    readonly INTEGER: 2;
    readonly BIT_STRING: 3;
    readonly OCTET_STRING: 4;
    readonly NULL: 5;
    readonly OBJECT_IDENTIFIER: 6;
    readonly UTF8String: 12;
    readonly PrintableString: 19;
    readonly TeletexString: 20;
    readonly IA5String: 22;
    readonly UTCTime: 23;
    readonly GeneralizedTime: 24;
    readonly UniversalString: 28;
    readonly BMPString: 30;
    readonly SEQUENCE: 48;
    readonly SET: 49;
};
/** Object identifiers this module recognises, keyed by their RFC names. */
export declare const Oid: {
    readonly id_ecPublicKey: "1.2.840.10045.2.1";
    readonly rsaEncryption: "1.2.840.113549.1.1.1";
    readonly id_RSASSA_PSS: "1.2.840.113549.1.1.10";
    readonly id_Ed25519: "1.3.101.112";
    readonly id_Ed448: "1.3.101.113";
    readonly secp256r1: "1.2.840.10045.3.1.7";
    readonly secp384r1: "1.3.132.0.34";
    readonly secp521r1: "1.3.132.0.35";
    readonly id_at_commonName: "2.5.4.3";
    readonly id_ce_keyUsage: "2.5.29.15";
    readonly id_ce_subjectAltName: "2.5.29.17";
    readonly id_ce_basicConstraints: "2.5.29.19";
    readonly id_ce_extKeyUsage: "2.5.29.37";
    readonly anyExtendedKeyUsage: "2.5.29.37.0";
    readonly id_kp_serverAuth: "1.3.6.1.5.5.7.3.1";
    readonly id_kp_clientAuth: "1.3.6.1.5.5.7.3.2";
};
/** KeyUsage bits (RFC 5280 §4.2.1.3) as a mask: bit n of the BIT STRING is `1 << n`. */
export declare const KeyUsage: {
    readonly digitalSignature: number;
    readonly nonRepudiation: number;
    readonly keyEncipherment: number;
    readonly dataEncipherment: number;
    readonly keyAgreement: number;
    readonly keyCertSign: number;
    readonly cRLSign: number;
    readonly encipherOnly: number;
    readonly decipherOnly: number;
};
/** Deeper nesting than any real certificate needs; bounds recursion on hostile input. */
export declare const MAX_DER_DEPTH = 16;
export interface DerElement {
    /** The identifier octet (low-tag-number form only). */
    readonly tag: number;
    /** Content octets (a view). */
    readonly value: Uint8Array;
    /** Identifier, length and content octets (a view). */
    readonly raw: Uint8Array;
}
/** Reads consecutive TLVs from one level of a DER encoding. */
export declare class DerReader {
    private readonly buf;
    private pos;
    private readonly depth;
    constructor(buf: Uint8Array, depth?: number);
    get done(): boolean;
    /** The next identifier octet, or undefined at the end. */
    peekTag(): number | undefined;
    read(): DerElement;
    /** Reads the next element, which must carry `tag`. */
    expect(tag: number, what: string): DerElement;
    /** Reads the next element only if it carries `tag`. */
    optional(tag: number): DerElement | undefined;
    /** A reader over the content of the next constructed element with `tag`, one level deeper. */
    enter(tag: number, what: string): DerReader;
    /** A reader over the content of an element already read. */
    child(element: DerElement): DerReader;
    /** Throws unless every byte was consumed (DER allows no trailing data). */
    end(what: string): void;
}
/** Dotted-decimal form of OBJECT IDENTIFIER content octets. */
export declare function decodeOid(value: Uint8Array): string;
/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ), RFC 5280 §4.1.2.5, as ms since epoch. */
export declare function decodeTime(element: DerElement): number;
export interface ParsedName {
    /** The DER Name (SEQUENCE OF RDN), for byte-exact issuer/subject matching. */
    readonly raw: Uint8Array;
    /** The first commonName attribute, if any. */
    readonly commonName: string | undefined;
}
export interface AlgorithmIdentifier {
    readonly oid: string;
    /** The parameters element, when present (NULL for RSA, a curve OID for EC...). */
    readonly parameters: DerElement | undefined;
}
export interface SubjectPublicKeyInfo {
    /** The whole DER SubjectPublicKeyInfo. */
    readonly raw: Uint8Array;
    readonly algorithm: string;
    /** The named curve OID for EC keys. */
    readonly curve: string | undefined;
    /** The subjectPublicKey bits (e.g. an uncompressed EC point or 32 Ed25519 bytes). */
    readonly publicKey: Uint8Array;
}
export interface CertificateExtension {
    readonly oid: string;
    readonly critical: boolean;
    /** The extnValue OCTET STRING content. */
    readonly value: Uint8Array;
}
export interface ParsedCertificate {
    /** The certificate's DER. */
    readonly raw: Uint8Array;
    /** The DER TBSCertificate: the bytes the issuer signed. */
    readonly tbs: Uint8Array;
    /** The X.509 version number: 1, 2 or 3. */
    readonly version: 1 | 2 | 3;
    /** The serial number's INTEGER content octets. */
    readonly serialNumber: Uint8Array;
    readonly signatureAlgorithm: string;
    readonly signatureValue: Uint8Array;
    readonly issuer: ParsedName;
    readonly subject: ParsedName;
    /** Milliseconds since 1970-01-01T00:00:00Z. */
    readonly notBefore: number;
    readonly notAfter: number;
    readonly subjectPublicKeyInfo: SubjectPublicKeyInfo;
    readonly extensions: readonly CertificateExtension[];
    /** subjectAltName dNSName entries. */
    readonly dnsNames: readonly string[];
    /** subjectAltName iPAddress entries as text ('127.0.0.1', '::1'). */
    readonly ipAddresses: readonly string[];
    /** basicConstraints cA (false when the extension is absent). */
    readonly isCA: boolean;
    /** basicConstraints pathLenConstraint, when present. */
    readonly pathLength: number | undefined;
    /** KeyUsage mask, or undefined when the extension is absent (no restriction). */
    readonly keyUsage: number | undefined;
    /** extKeyUsage purpose OIDs, or undefined when absent (no restriction). */
    readonly extendedKeyUsage: readonly string[] | undefined;
}
/** Text form of a SAN iPAddress (4 or 16 octets); IPv6 in RFC 5952 shortest form. */
export declare function formatIpAddress(v: Uint8Array): string;
/** Parses one DER X.509 certificate. Throws DerError for anything malformed. */
export declare function parseCertificate(der: Uint8Array): ParsedCertificate;
/** The DER bodies of every `-----BEGIN <label>-----` block in `text`, in order. */
export declare function decodePem(text: string, label?: string): Uint8Array[];
