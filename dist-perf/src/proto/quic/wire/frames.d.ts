/**
 * QUIC frames (RFC 9000 §19, RFC 9221 §4) as a discriminated union. Codecs are in
 * frame-decoder.ts and frame-encoder.ts; numeric frame types in frame-types.ts.
 *
 * Byte fields (data, token, reason, ...) are views into the packet or send buffer, never copies.
 * Application error codes are bigint (62-bit); lengths, offsets and ids are numbers (< 2^53).
 */
/** One ACK range, inclusive: every packet number in [smallest, largest] was received. */
export interface AckRange {
    smallest: number;
    largest: number;
}
export interface EcnCounts {
    ect0: number;
    ect1: number;
    ce: number;
}
export interface PaddingFrame {
    type: 'padding'; /** number of consecutive 0x00 bytes */
    length: number;
}
export interface PingFrame {
    type: 'ping';
}
export interface AckFrame {
    type: 'ack';
    /** Raw encoded ack delay (multiply by 2^ack_delay_exponent for microseconds). */
    ackDelay: number;
    /** Ranges in descending order; ranges[0].largest is the Largest Acknowledged. */
    ranges: AckRange[];
    ecn?: EcnCounts;
}
export interface ResetStreamFrame {
    type: 'resetStream';
    streamId: number;
    errorCode: bigint;
    finalSize: number;
}
export interface StopSendingFrame {
    type: 'stopSending';
    streamId: number;
    errorCode: bigint;
}
export interface CryptoFrame {
    type: 'crypto';
    offset: number;
    data: Uint8Array;
}
export interface NewTokenFrame {
    type: 'newToken';
    token: Uint8Array;
}
export interface StreamFrame {
    type: 'stream';
    streamId: number;
    offset: number;
    data: Uint8Array;
    fin: boolean;
}
export interface MaxDataFrame {
    type: 'maxData';
    maximum: number;
}
export interface MaxStreamDataFrame {
    type: 'maxStreamData';
    streamId: number;
    maximum: number;
}
export interface MaxStreamsFrame {
    type: 'maxStreams';
    bidi: boolean;
    maximum: number;
}
export interface DataBlockedFrame {
    type: 'dataBlocked';
    limit: number;
}
export interface StreamDataBlockedFrame {
    type: 'streamDataBlocked';
    streamId: number;
    limit: number;
}
export interface StreamsBlockedFrame {
    type: 'streamsBlocked';
    bidi: boolean;
    limit: number;
}
export interface NewConnectionIdFrame {
    type: 'newConnectionId';
    sequenceNumber: number;
    retirePriorTo: number;
    connectionId: Uint8Array;
    /** 16 bytes */
    statelessResetToken: Uint8Array;
}
export interface RetireConnectionIdFrame {
    type: 'retireConnectionId';
    sequenceNumber: number;
}
export interface PathChallengeFrame {
    type: 'pathChallenge'; /** 8 bytes */
    data: Uint8Array;
}
export interface PathResponseFrame {
    type: 'pathResponse'; /** 8 bytes */
    data: Uint8Array;
}
export interface ConnectionCloseFrame {
    type: 'connectionClose';
    /** true: type 0x1d (application close); false: type 0x1c (transport close). */
    application: boolean;
    errorCode: bigint;
    /** Transport close only: the frame type that triggered the error (0 if unknown). */
    frameType: number;
    reason: Uint8Array;
}
export interface HandshakeDoneFrame {
    type: 'handshakeDone';
}
export interface DatagramFrame {
    type: 'datagram';
    data: Uint8Array;
}
export type Frame = PaddingFrame | PingFrame | AckFrame | ResetStreamFrame | StopSendingFrame | CryptoFrame | NewTokenFrame | StreamFrame | MaxDataFrame | MaxStreamDataFrame | MaxStreamsFrame | DataBlockedFrame | StreamDataBlockedFrame | StreamsBlockedFrame | NewConnectionIdFrame | RetireConnectionIdFrame | PathChallengeFrame | PathResponseFrame | ConnectionCloseFrame | HandshakeDoneFrame | DatagramFrame;
export type FrameKind = Frame['type'];
/** Frames that do not make a packet ack-eliciting (RFC 9002 §2). */
export declare function isAckEliciting(frame: Frame): boolean;
