/**
 * QUIC frame type codepoints (RFC 9000 §19, §12.4 Table 3; RFC 9221 §4) and which packet
 * types may carry each frame.
 */
import type { Frame, FrameKind } from './frames.js';
export declare const FrameType: {
    readonly PADDING: 0;
    readonly PING: 1;
    readonly ACK: 2;
    readonly ACK_ECN: 3;
    readonly RESET_STREAM: 4;
    readonly STOP_SENDING: 5;
    readonly CRYPTO: 6;
    readonly NEW_TOKEN: 7;
    /** 0x08-0x0f: the low three bits are the OFF, LEN and FIN flags. */
    readonly STREAM: 8;
    readonly MAX_DATA: 16;
    readonly MAX_STREAM_DATA: 17;
    readonly MAX_STREAMS_BIDI: 18;
    readonly MAX_STREAMS_UNI: 19;
    readonly DATA_BLOCKED: 20;
    readonly STREAM_DATA_BLOCKED: 21;
    readonly STREAMS_BLOCKED_BIDI: 22;
    readonly STREAMS_BLOCKED_UNI: 23;
    readonly NEW_CONNECTION_ID: 24;
    readonly RETIRE_CONNECTION_ID: 25;
    readonly PATH_CHALLENGE: 26;
    readonly PATH_RESPONSE: 27;
    readonly CONNECTION_CLOSE: 28;
    readonly CONNECTION_CLOSE_APP: 29;
    readonly HANDSHAKE_DONE: 30;
    /** RFC 9221: DATAGRAM without a Length field (extends to the end of the packet). */
    readonly DATAGRAM: 48;
    /** RFC 9221: DATAGRAM with a Length field. */
    readonly DATAGRAM_LEN: 49;
};
export type FrameType = (typeof FrameType)[keyof typeof FrameType];
/** Flag bits of the STREAM frame type (RFC 9000 §19.8). */
export declare const StreamFrameBits: {
    readonly FIN: 1;
    readonly LEN: 2;
    readonly OFF: 4;
};
/** The packet types that carry frames. */
export type PacketType = 'initial' | '0rtt' | 'handshake' | '1rtt';
/** True when `frameType` is a known frame type (RFC 9000 + RFC 9221). */
export declare function isKnownFrameType(frameType: number): boolean;
/** RFC 9000 Table 3 by numeric frame type; false for unknown types. */
export declare function frameTypeAllowedIn(frameType: number, packetType: PacketType): boolean;
/**
 * RFC 9000 Table 3 by frame kind. `connectionClose` answers for the transport variant (0x1c);
 * an application close (0x1d) is only allowed in 0-RTT/1-RTT: use isFrameAllowed for a frame.
 */
export declare function frameAllowedIn(kind: FrameKind, packetType: PacketType): boolean;
/** RFC 9000 Table 3 for a concrete frame (distinguishes application CONNECTION_CLOSE). */
export declare function isFrameAllowed(frame: Frame, packetType: PacketType): boolean;
