/**
 * QUIC versions, Version Negotiation packets (RFC 9000 §17.2.1, RFC 8999 §6) and Retry packets
 * with their integrity tag (RFC 9000 §17.2.5, RFC 9001 §5.8).
 */
import type { CryptoProvider } from '../../crypto/provider.js';
export declare const QUIC_V1 = 1;
/** Versions this stack speaks, most preferred first. */
export declare const SUPPORTED_VERSIONS: readonly number[];
export declare function isSupportedVersion(version: number): boolean;
/** Reserved versions 0x?a?a?a?a, used to exercise version negotiation (RFC 9000 §15). */
export declare function isReservedVersion(version: number): boolean;
/**
 * A Version Negotiation packet. `dcid`/`scid` are already swapped by the caller (dcid = the
 * client's SCID, scid = the client's DCID). `randomByte` fills the 7 unused first-byte bits.
 */
export declare function encodeVersionNegotiation(dcid: Uint8Array, scid: Uint8Array, versions: readonly number[], randomByte: number): Uint8Array;
export interface VersionNegotiation {
    dcid: Uint8Array;
    scid: Uint8Array;
    versions: number[];
}
/** Parses a Version Negotiation packet (a whole datagram). Throws InvalidPacketError. */
export declare function decodeVersionNegotiation(datagram: Uint8Array): VersionNegotiation;
export declare const RETRY_INTEGRITY_TAG_LENGTH = 16;
/** The 16-byte Retry Integrity Tag for `retryPacketWithoutTag` sent in reply to `odcid`. */
export declare function retryIntegrityTag(provider: CryptoProvider, odcid: Uint8Array, retryPacketWithoutTag: Uint8Array): Uint8Array;
/** True when the last 16 bytes of `retryPacket` are its valid integrity tag for `odcid`. */
export declare function verifyRetryIntegrity(provider: CryptoProvider, odcid: Uint8Array, retryPacket: Uint8Array): boolean;
export interface RetryOptions {
    version?: number;
    /** The client's SCID. */
    dcid: Uint8Array;
    /** The server's new connection ID. */
    scid: Uint8Array;
    /** The original DCID the client sent (only for the tag, not on the wire). */
    odcid: Uint8Array;
    /** Non-empty address validation token. */
    token: Uint8Array;
    /** Fills the 4 unused first-byte bits (RFC 9000 §17.2.5); default 0. */
    unusedBits?: number;
}
/** A complete Retry packet including its integrity tag. */
export declare function encodeRetry(provider: CryptoProvider, o: RetryOptions): Uint8Array;
