/**
 * QUIC frame encoder and exact size prediction (RFC 9000 §19, RFC 9221 §4).
 *
 * Frames are written straight into the caller's ByteWriter (which may wrap the datagram
 * buffer); the packet builder sizes frames first with the *Size helpers, so a frame never
 * has to be built twice. Frame types are always minimally encoded (one byte).
 */
import { ByteWriter } from '../../util/bytes.js';
import type { AckRange, EcnCounts, Frame } from './frames.js';
/** Bytes before the data of a STREAM frame. OFF only when offset > 0; LEN when withLength. */
export declare function streamFrameHeaderSize(streamId: number, offset: number, dataLength: number, withLength: boolean): number;
/**
 * Largest data length whose STREAM frame fits in `space` bytes (0 when no data fits; a
 * fin-only frame needs streamFrameHeaderSize(id, offset, 0, withLength) bytes).
 */
export declare function maxStreamDataThatFits(streamId: number, offset: number, space: number, withLength: boolean): number;
/** Bytes before the data of a CRYPTO frame. */
export declare function cryptoFrameHeaderSize(offset: number, dataLength: number): number;
/** Largest data length whose CRYPTO frame fits in `space` bytes (0 when none). */
export declare function maxCryptoDataThatFits(offset: number, space: number): number;
/** Encoded size of a DATAGRAM frame carrying `dataLength` bytes. */
export declare function datagramFrameSize(dataLength: number, withLength: boolean): number;
/** Largest datagram payload that fits in `space` bytes (0 when none). */
export declare function maxDatagramDataThatFits(space: number, withLength: boolean): number;
/** Encoded size of an ACK frame for `ranges` (descending, disjoint, non-adjacent). */
export declare function ackFrameSize(ranges: readonly AckRange[], ackDelay: number, ecn?: EcnCounts): number;
/**
 * Exact encoded size of `f`. With `lastInPacket`, STREAM and DATAGRAM frames omit their
 * Length field (they extend to the end of the packet), matching encodeFrame.
 */
export declare function frameSize(f: Frame, lastInPacket?: boolean): number;
/** Writes a STREAM frame header; the caller writes `dataLength` bytes of data right after it. */
export declare function writeStreamFrameHeader(w: ByteWriter, streamId: number, offset: number, dataLength: number, fin: boolean, withLength: boolean): void;
/** Writes a CRYPTO frame header; the caller writes `dataLength` bytes of data right after it. */
export declare function writeCryptoFrameHeader(w: ByteWriter, offset: number, dataLength: number): void;
/** Writes a DATAGRAM frame header (type 0x31 with length, 0x30 without). */
export declare function writeDatagramFrameHeader(w: ByteWriter, dataLength: number, withLength: boolean): void;
/**
 * Writes an ACK (or ACK_ECN when `ecn` is given) frame. `ranges` are descending, disjoint and
 * non-adjacent (ranges[0].largest is the Largest Acknowledged); `ackDelay` is already scaled
 * down by the ack_delay_exponent.
 */
export declare function encodeAckFrame(w: ByteWriter, ranges: readonly AckRange[], ackDelay: number, ecn?: EcnCounts): void;
/**
 * Writes `f` at w.pos. With `lastInPacket`, STREAM and DATAGRAM frames omit their Length
 * field. Throws RangeError when a fixed buffer is too small (size frames first).
 */
export declare function encodeFrame(w: ByteWriter, f: Frame, lastInPacket?: boolean): void;
