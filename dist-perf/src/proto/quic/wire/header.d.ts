/**
 * QUIC packet headers (RFC 9000 §17, RFC 8999): parsing what is readable before header
 * protection is removed, writing long/short headers, and packet number truncation/recovery
 * (RFC 9000 §17.1, Appendix A.2/A.3).
 *
 * Malformed packets raise InvalidPacketError: the receiver drops them silently (RFC 9000 §12.2,
 * §5.2), they never close the connection.
 */
import { ByteWriter } from '../../util/bytes.js';
import { InvalidPacketError } from './packet-error.js';
export { InvalidPacketError };
/** Maximum connection ID length in QUIC v1 (RFC 9000 §17.2); other versions allow 255. */
export declare const MAX_CID_LENGTH = 20;
export type LongPacketType = 'initial' | '0rtt' | 'handshake' | 'retry';
/** Initial, 0-RTT or Handshake packet of a supported version. */
export interface LongHeader {
    kind: 'initial' | '0rtt' | 'handshake';
    /** First byte as received (its low bits are still header-protected). */
    firstByte: number;
    version: number;
    dcid: Uint8Array;
    scid: Uint8Array;
    /** Initial only; empty for the other types. */
    token: Uint8Array;
    /** Offset of the packet number in the datagram. */
    pnOffset: number;
    /** Offset just after this packet in the datagram (from the Length field). */
    packetEnd: number;
}
export interface ShortHeader {
    kind: '1rtt';
    firstByte: number;
    dcid: Uint8Array;
    pnOffset: number;
    /** A short-header packet always extends to the end of the datagram. */
    packetEnd: number;
}
export interface RetryHeader {
    kind: 'retry';
    firstByte: number;
    version: number;
    dcid: Uint8Array;
    scid: Uint8Array;
    /** Retry token (non-empty). */
    token: Uint8Array;
    /** The last 16 bytes of the packet. */
    integrityTag: Uint8Array;
    packetEnd: number;
}
export interface VersionNegotiationHeader {
    kind: 'versionNegotiation';
    dcid: Uint8Array;
    scid: Uint8Array;
    /** Versions the server supports (u32 each). */
    versions: number[];
    packetEnd: number;
}
/** Long header of a version we do not speak: the endpoint may answer with Version Negotiation. */
export interface UnsupportedVersionHeader {
    kind: 'unsupportedVersion';
    version: number;
    /** Up to 255 bytes (RFC 8999). */
    dcid: Uint8Array;
    scid: Uint8Array;
    packetEnd: number;
}
export type PacketHeader = LongHeader | ShortHeader | RetryHeader | VersionNegotiationHeader | UnsupportedVersionHeader;
/**
 * Parses the header of the packet starting at `offset` in `datagram` (possibly one of several
 * coalesced packets). `shortDcidLength` is the length of our connection IDs, needed for short
 * headers. Walk coalesced packets with `packetEnd`. Throws InvalidPacketError.
 */
export declare function parseHeader(datagram: Uint8Array, offset: number, shortDcidLength: number): PacketHeader;
/**
 * The destination connection ID of the first packet in a datagram, for demultiplexing
 * (a view; undefined when the datagram is too short or malformed).
 */
export declare function peekDestinationConnectionId(datagram: Uint8Array, shortDcidLength: number): Uint8Array | undefined;
export interface LongHeaderOptions {
    type: 'initial' | '0rtt' | 'handshake';
    version: number;
    dcid: Uint8Array;
    scid: Uint8Array;
    /** Initial only (empty when absent). */
    token?: Uint8Array;
    packetNumber: number;
    pnLength: 1 | 2 | 3 | 4;
    /** Bytes reserved for the Length field (default 2: packets up to 16383 bytes). */
    lengthFieldSize?: 1 | 2 | 4 | 8;
}
export interface LongHeaderLayout {
    /** Offset of the Length field; fill it with setLongHeaderLength once the payload is known. */
    lengthOffset: number;
    lengthFieldSize: 1 | 2 | 4 | 8;
    /** Offset of the (unprotected, truncated) packet number. */
    pnOffset: number;
    /** Offset of the first payload byte. */
    payloadOffset: number;
}
/**
 * Writes an Initial/0-RTT/Handshake header with a placeholder Length and the truncated packet
 * number. Reserved bits are 0. After writing the payload, call setLongHeaderLength.
 */
export declare function writeLongHeader(w: ByteWriter, o: LongHeaderOptions): LongHeaderLayout;
/**
 * Fills the Length field of a long header: the bytes from the packet number to `packetEnd`
 * (which must include the AEAD tag).
 */
export declare function setLongHeaderLength(buf: Uint8Array, layout: LongHeaderLayout, packetEnd: number): void;
export interface ShortHeaderOptions {
    dcid: Uint8Array;
    spinBit: boolean;
    keyPhase: boolean;
    packetNumber: number;
    pnLength: 1 | 2 | 3 | 4;
}
/** Writes a 1-RTT header with the truncated packet number; returns the packet number offset. */
export declare function writeShortHeader(w: ByteWriter, o: ShortHeaderOptions): number;
/**
 * Bytes needed to send `fullPn` so the peer can recover it, given the largest packet number
 * it acknowledged in this space (RFC 9000 A.2): twice the unacknowledged range must fit.
 */
export declare function encodePacketNumberLength(fullPn: number, largestAcked: number | undefined): 1 | 2 | 3 | 4;
/** Recovers a full packet number from its truncated form (RFC 9000 A.3). */
export declare function decodePacketNumber(largestPn: number | undefined, truncatedPn: number, pnNbits: number): number;
