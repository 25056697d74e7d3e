/** Shared builders for the recovery tests. */
import type { AckFrame } from '../../../../../src/proto/quic/wire/frames.js';
import type { PacketSpace, SentPacket } from '../../../../../src/proto/quic/recovery/sent-packets.js';

export function pkt(space: PacketSpace, pn: number, timeSent: number,
  opts: { size?: number; ackEliciting?: boolean; inFlight?: boolean } = {}): SentPacket {
  const ackEliciting = opts.ackEliciting ?? true;
  return {
    pn, space, timeSent, size: opts.size ?? 1200, ackEliciting,
    inFlight: opts.inFlight ?? ackEliciting,
    frames: ackEliciting ? [{ type: 'ping' }] : [],
  };
}

/** ACK frame from inclusive [smallest, largest] pairs given in descending order. */
export function ack(...ranges: [number, number][]): AckFrame {
  return { type: 'ack', ackDelay: 0, ranges: ranges.map(([smallest, largest]) => ({ smallest, largest })) };
}

export const pns = (ps: readonly SentPacket[]): number[] => ps.map((p) => p.pn);
