/** Shared builders for the recovery tests. */
import type { AckFrame } from '../../../../../src/proto/quic/wire/frames.js';
import type { PacketSpace, SentPacket } from '../../../../../src/proto/quic/recovery/sent-packets.js';
export declare function pkt(space: PacketSpace, pn: number, timeSent: number, opts?: {
    size?: number;
    ackEliciting?: boolean;
    inFlight?: boolean;
}): SentPacket;
/** ACK frame from inclusive [smallest, largest] pairs given in descending order. */
export declare function ack(...ranges: [number, number][]): AckFrame;
export declare const pns: (ps: readonly SentPacket[]) => number[];
