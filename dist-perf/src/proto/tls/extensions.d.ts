/**
 * TLS extension code points and the codecs of the extension bodies this stack uses
 * (RFC 8446 §4.2, RFC 6066 §3 SNI, RFC 7301 ALPN, RFC 9001 §8.2 quic_transport_parameters).
 * Decoders throw TlsAlertError only (run them inside `decoding`).
 */
import type { KeyExchangeGroup } from '../crypto/provider.js';
import { ByteReader, ByteWriter } from '../util/bytes.js';
export declare const ExtensionType: {
    readonly server_name: 0;
    readonly supported_groups: 10;
    readonly signature_algorithms: 13;
    readonly application_layer_protocol_negotiation: 16;
    readonly pre_shared_key: 41;
    readonly early_data: 42;
    readonly supported_versions: 43;
    readonly cookie: 44;
    readonly psk_key_exchange_modes: 45;
    readonly certificate_authorities: 47;
    readonly post_handshake_auth: 49;
    readonly signature_algorithms_cert: 50;
    readonly key_share: 51;
    readonly quic_transport_parameters: 57;
};
export type ExtensionType = (typeof ExtensionType)[keyof typeof ExtensionType];
export declare const NamedGroup: {
    readonly secp256r1: 23;
    readonly secp384r1: 24;
    readonly x25519: 29;
    readonly X25519MLKEM768: 4588;
};
export type NamedGroup = (typeof NamedGroup)[keyof typeof NamedGroup];
export declare const PskKeyExchangeMode: {
    readonly psk_ke: 0;
    readonly psk_dhe_ke: 1;
};
export declare const TLS13_VERSION = 772;
export declare const LEGACY_VERSION = 771;
export declare function groupCode(group: KeyExchangeGroup): number;
/** Our name for a group code point, or undefined for groups we cannot compute. */
export declare function groupName(code: number): KeyExchangeGroup | undefined;
/** Public key sizes in TLS encoding (RFC 8446 §4.2.8.2: uncompressed points for NIST curves). */
export declare function keyShareLength(group: KeyExchangeGroup): number;
export interface Extension {
    readonly type: number;
    readonly data: Uint8Array;
}
/** A parsed extensions block: bodies by type, and the order they came in. */
export interface ExtensionBlock {
    readonly map: ReadonlyMap<number, Uint8Array>;
    readonly order: readonly number[];
}
/** Reads `Extension extensions<..2^16-1>`; duplicates are illegal_parameter (RFC 8446 §4.2). */
export declare function readExtensions(r: ByteReader): ExtensionBlock;
export declare function writeExtensions(w: ByteWriter, extensions: readonly Extension[]): void;
/** Decodes one extension body and requires it to be consumed exactly. */
export declare function decodeBody<T>(name: string, data: Uint8Array, decode: (r: ByteReader) => T): T;
export declare function encodeServerName(host: string): Uint8Array;
/** The host_name entry, or undefined when the list has none. Names must be printable ASCII. */
export declare function decodeServerName(data: Uint8Array): string | undefined;
export declare function encodeU16List(values: readonly number[]): Uint8Array;
export declare function decodeU16List(name: string, data: Uint8Array): number[];
export declare function encodeAlpn(protocols: readonly Uint8Array[]): Uint8Array;
export declare function decodeAlpn(data: Uint8Array): Uint8Array[];
export declare function encodeSupportedVersionsClient(versions: readonly number[]): Uint8Array;
export declare function decodeSupportedVersionsClient(data: Uint8Array): number[];
export declare function encodeU16(value: number): Uint8Array;
export declare function decodeU16(name: string, data: Uint8Array): number;
export interface KeyShareEntry {
    readonly group: number;
    readonly keyExchange: Uint8Array;
}
export declare function encodeKeyShareClient(entries: readonly KeyShareEntry[]): Uint8Array;
export declare function decodeKeyShareClient(data: Uint8Array): KeyShareEntry[];
export declare function encodeKeyShareServer(entry: KeyShareEntry): Uint8Array;
export declare function decodeKeyShareServer(data: Uint8Array): KeyShareEntry;
export declare function encodePskModes(modes: readonly number[]): Uint8Array;
export declare function decodePskModes(data: Uint8Array): number[];
export declare function encodeCookie(cookie: Uint8Array): Uint8Array;
export declare function decodeCookie(data: Uint8Array): Uint8Array;
export interface PskIdentity {
    readonly identity: Uint8Array;
    readonly obfuscatedTicketAge: number;
}
export interface OfferedPsks {
    readonly identities: readonly PskIdentity[];
    readonly binders: readonly Uint8Array[];
    /** Size of the binders list including its 2-byte length: the tail left out of the binder hash. */
    readonly bindersSize: number;
}
export declare function encodeOfferedPsks(identities: readonly PskIdentity[], binders: readonly Uint8Array[]): Uint8Array;
export declare function decodeOfferedPsks(data: Uint8Array): OfferedPsks;
