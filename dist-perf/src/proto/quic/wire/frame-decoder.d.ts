import type { PacketType } from './frame-types.js';
import type { Frame } from './frames.js';
/** ACK ranges kept per frame; further ranges are validated but dropped (older packets). */
export declare const MAX_ACK_RANGES = 1024;
/**
 * Decodes a decrypted packet payload into frames. Consecutive PADDING bytes collapse into one
 * PaddingFrame. Throws TransportError: PROTOCOL_VIOLATION for an empty payload, a frame not
 * allowed in `packetType` or a non-minimal frame type; FRAME_ENCODING_ERROR (with the frame
 * type) for unknown, truncated or malformed frames; see the file comment for huge values.
 */
export declare function decodeFrames(payload: Uint8Array, packetType: PacketType): Frame[];
