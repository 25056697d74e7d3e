/**
 * Loss detection for the three packet number spaces (RFC 9002 §6 and Appendix A): ACK
 * processing, packet- and time-threshold loss, the probe timeout with exponential backoff,
 * the client's anti-deadlock probe and persistent-congestion detection.
 *
 * Sans-IO: the Connection feeds sends, ACKs and timeouts, reads `timer(ctx)` into its
 * LOSS_DETECTION timer, retransmits the frames of `lost` packets and sends the probes asked for.
 */
import type { AckFrame } from '../wire/frames.js';
import type { Micros } from '../../util/time.js';
import type { CongestionController } from './congestion/controller.js';
import { K_GRANULARITY, type RttEstimator } from './rtt.js';
import { type PacketSpace, type SentPacket, SentPacketStore, SLOT_ACKED } from './sent-packets.js';

/** RFC 9002 §6.1.1: a packet is lost once 3 later packets are acknowledged. */
export const K_PACKET_THRESHOLD = 3;
/** RFC 9002 §6.1.2: ... or once it is 9/8 of an RTT older than an acknowledged packet. */
export const K_TIME_THRESHOLD_NUM = 9;
export const K_TIME_THRESHOLD_DEN = 8;
/** RFC 9002 §7.6.1: persistent congestion spans 3 PTO periods. */
export const K_PERSISTENT_CONGESTION_THRESHOLD = 3;
/** Caps the PTO backoff exponent so the deadline stays a finite, exact integer. */
const MAX_BACKOFF_EXPONENT = 24;

/** Connection facts loss detection needs to arm and run the PTO. */
export interface LossContext {
  handshakeConfirmed: boolean;
  /**
   * Client: the server has validated our address (we have received a Handshake ACK or the
   * handshake is confirmed). Loss detection also tracks Handshake ACKs itself; this is ORed in.
   * Server: always true.
   */
  peerAddressValidated: boolean;
  hasHandshakeKeys: boolean;
  isServer: boolean;
  /** Server blocked by the anti-amplification limit: no PTO is armed (RFC 9002 §6.2.2.1). */
  amplificationLimited?: boolean;
}

export interface LossDetectionOptions {
  rtt: RttEstimator;
  cc: CongestionController;
  isServer: boolean;
  /** The peer's max_ack_delay in µs (RFC 9000 §18.2 default 25 ms). */
  maxAckDelay: Micros;
}

export interface AckResult {
  /** Newly acknowledged packets, ascending by packet number. */
  newlyAcked: SentPacket[];
  /** Packets declared lost while processing this ACK, ascending. */
  lost: SentPacket[];
  rttUpdated: boolean;
}

export interface TimeoutResult {
  lost: SentPacket[];
  /** Send `count` ack-eliciting packets in `space` (PING if there is nothing to retransmit). */
  probe?: { space: PacketSpace; count: 1 | 2 };
}

const SPACES: readonly PacketSpace[] = [0, 1, 2];

export class LossDetection {
  /** pto_count: consecutive PTOs without an ACK. */
  ptoCount = 0;
  private readonly rtt: RttEstimator;
  private readonly cc: CongestionController;
  private readonly isServer: boolean;
  private maxAckDelay: Micros;
  private readonly stores: [SentPacketStore, SentPacketStore, SentPacketStore] =
    [new SentPacketStore(), new SentPacketStore(), new SentPacketStore()];
  private readonly largestAckedPn: [number | undefined, number | undefined, number | undefined] =
    [undefined, undefined, undefined];
  private readonly lossTime: [Micros | undefined, Micros | undefined, Micros | undefined] =
    [undefined, undefined, undefined];
  private readonly ecnCe = [0, 0, 0];
  /** When the first RTT sample was taken: packets sent before it cannot prove persistent congestion. */
  private firstRttSampleTime: Micros | undefined;
  private handshakeAckReceived = false;
  /** The latest `now` seen; the anti-deadlock PTO counts from it (RFC 9002 A.8). */
  private lastEventTime: Micros = 0;

  constructor(opts: LossDetectionOptions) {
    this.rtt = opts.rtt;
    this.cc = opts.cc;
    this.isServer = opts.isServer;
    this.maxAckDelay = opts.maxAckDelay;
  }

  /** The peer's max_ack_delay, once its transport parameters arrive. */
  setMaxAckDelay(us: Micros): void {
    this.maxAckDelay = us;
  }

  /** Records a sent packet; in-flight packets are charged to the congestion controller. */
  onPacketSent(p: SentPacket, now: Micros): void {
    this.lastEventTime = now;
    this.stores[p.space].insert(p);
    if (p.inFlight) this.cc.onPacketSent(p.size, now);
  }

  /**
   * Processes an ACK frame received in `space` (RFC 9002 A.7). `ackDelayMicros` is the decoded
   * ACK Delay (already scaled by the peer's ack_delay_exponent). Throws PROTOCOL_VIOLATION if
   * the ACK covers a packet number never sent.
   */
  onAckReceived(space: PacketSpace, ack: AckFrame, ackDelayMicros: Micros, now: Micros,
    handshakeConfirmed: boolean): AckResult {
    this.lastEventTime = now;
    const store = this.stores[space];
    const ranges = ack.ranges;
    for (const r of ranges) store.validateAckRange(r.smallest, r.largest);
    if (ranges.length === 0) return { newlyAcked: [], lost: [], rttUpdated: false };

    const largest = ranges[0]!.largest;
    const prev = this.largestAckedPn[space];
    if (prev === undefined || largest > prev) this.largestAckedPn[space] = largest;
    if (space === 1) this.handshakeAckReceived = true;

    // Ranges are descending; walk them backwards so newlyAcked comes out ascending.
    const newlyAcked: SentPacket[] = [];
    for (let i = ranges.length - 1; i >= 0; i--) store.ackRange(ranges[i]!.smallest, ranges[i]!.largest, newlyAcked);
    if (newlyAcked.length === 0) {
      store.compact();
      return { newlyAcked, lost: [], rttUpdated: false };
    }

    let rttUpdated = false;
    const newest = newlyAcked[newlyAcked.length - 1]!;
    if (newest.pn === largest && includesAckEliciting(newlyAcked)) {
      // Initial ACKs are never delayed on purpose (RFC 9002 §5.3): ignore their ack delay.
      const ackDelay = space === 0 ? 0 : ackDelayMicros;
      this.rtt.update(now - newest.timeSent, ackDelay, this.maxAckDelay, handshakeConfirmed);
      if (this.firstRttSampleTime === undefined) this.firstRttSampleTime = now;
      rttUpdated = true;
    }

    if (ack.ecn !== undefined && ack.ecn.ce > this.ecnCe[space]!) {
      this.ecnCe[space] = ack.ecn.ce;
      if (newest.pn === largest) this.cc.onEcnCe?.(newest.timeSent, now);
    }

    const lost = this.detectAndRemoveLost(space, now);
    this.cc.onPacketsAcked(newlyAcked, now, this.rtt);
    if (this.peerCompletedAddressValidation(handshakeConfirmed, false)) this.ptoCount = 0;
    return { newlyAcked, lost, rttUpdated };
  }

  /**
   * Runs the loss detection timer (RFC 9002 A.9). Spurious calls (before the deadline) return
   * no loss and no probe.
   */
  onTimeout(now: Micros, ctx: LossContext): TimeoutResult {
    const lossSpace = this.earliestLossSpace();
    if (lossSpace !== undefined) {
      if (this.lossTime[lossSpace]! > now) return { lost: [] };
      this.lastEventTime = now;
      return { lost: this.detectAndRemoveLost(lossSpace, now) };
    }
    const deadline = this.timer(ctx);
    if (deadline === undefined || deadline > now) return { lost: [] };
    let probe: TimeoutResult['probe'];
    if (this.totalAckElicitingInFlight() === 0) {
      // Anti-deadlock (RFC 9002 §6.2.2.1): a padded Initial earns the server more credit;
      // a Handshake packet proves address ownership.
      probe = { space: ctx.hasHandshakeKeys ? 1 : 0, count: 1 };
    } else {
      probe = { space: this.ptoTimeAndSpace(ctx).space, count: 2 };
    }
    this.ptoCount++;
    this.lastEventTime = now;
    return { lost: [], probe };
  }

  /** The loss detection deadline (RFC 9002 A.8 SetLossDetectionTimer), or undefined for none. */
  timer(ctx: LossContext): Micros | undefined {
    const lossSpace = this.earliestLossSpace();
    if (lossSpace !== undefined) return this.lossTime[lossSpace];
    if (ctx.isServer && ctx.amplificationLimited === true) return undefined;
    if (this.totalAckElicitingInFlight() === 0 &&
      this.peerCompletedAddressValidation(ctx.handshakeConfirmed, ctx.peerAddressValidated)) return undefined;
    return this.ptoTimeAndSpace(ctx).time;
  }

  /**
   * Drops all state of the Initial or Handshake space when its keys are discarded (RFC 9002
   * A.11). The packets leave bytes in flight without counting as lost; they are returned so the
   * caller can release their frames.
   */
  discardSpace(space: PacketSpace): SentPacket[] {
    const dropped = this.stores[space].drain();
    for (const p of dropped) this.cc.onPacketDiscarded(p);
    this.lossTime[space] = undefined;
    this.ptoCount = 0;
    return dropped;
  }

  bytesInFlight(): number {
    return this.cc.bytesInFlight;
  }

  largestAcked(space: PacketSpace): number | undefined {
    return this.largestAckedPn[space];
  }

  inFlightAckEliciting(space: PacketSpace): number {
    return this.stores[space].ackElicitingInFlight;
  }

  /** Outstanding packet `pn` of `space` (neither acked, lost nor discarded). */
  sentPacket(space: PacketSpace, pn: number): SentPacket | undefined {
    return this.stores[space].get(pn);
  }

  /** Number of outstanding packets in `space`. */
  outstanding(space: PacketSpace): number {
    return this.stores[space].size;
  }

  /** Largest packet number sent in `space`, -1 before the first. */
  largestSent(space: PacketSpace): number {
    return this.stores[space].largestSent;
  }

  /** Persistent congestion duration (RFC 9002 §7.6.1). */
  persistentCongestionDuration(): Micros {
    return (this.rtt.ptoBase() + this.maxAckDelay) * K_PERSISTENT_CONGESTION_THRESHOLD;
  }

  /** DetectAndRemoveLostPackets (RFC 9002 A.10), plus persistent congestion (§7.6.2). */
  private detectAndRemoveLost(space: PacketSpace, now: Micros): SentPacket[] {
    this.lossTime[space] = undefined;
    const largestAcked = this.largestAckedPn[space];
    const store = this.stores[space];
    if (largestAcked === undefined || store.size === 0) {
      store.compact();
      return [];
    }
    const rtt = this.rtt;
    const lossDelay = Math.max(
      Math.ceil((K_TIME_THRESHOLD_NUM * Math.max(rtt.latestRtt, rtt.smoothedRtt)) / K_TIME_THRESHOLD_DEN),
      K_GRANULARITY);
    const lostSendTime = now - lossDelay;
    const pcDuration = this.persistentCongestionDuration();
    const firstSample = this.firstRttSampleTime;

    let lost: SentPacket[] | undefined;
    let lossTime: Micros | undefined;
    // Persistent congestion: a run of losses with nothing acknowledged or pending in between.
    let runStart: Micros | undefined;
    let persistent = false;
    let probesLost = false;
    const end = Math.min(largestAcked, store.endPn - 1);
    for (let pn = store.firstPn; pn <= end; pn++) {
      const slot = store.slot(pn);
      if (typeof slot !== 'object') {
        if (slot === SLOT_ACKED) runStart = undefined;
        continue;
      }
      if (slot.timeSent <= lostSendTime || largestAcked >= pn + K_PACKET_THRESHOLD) {
        store.markLost(slot);
        (lost ??= []).push(slot);
        if (slot.pmtuProbe === true) {
          probesLost = true;
          continue;
        }
        if (slot.ackEliciting && firstSample !== undefined && slot.timeSent > firstSample) {
          if (runStart === undefined) runStart = slot.timeSent;
          else if (slot.timeSent - runStart > pcDuration) persistent = true;
        }
      } else {
        const t = slot.timeSent + lossDelay;
        if (lossTime === undefined || t < lossTime) lossTime = t;
        runStart = undefined;
      }
    }
    this.lossTime[space] = lossTime;
    store.compact();
    if (lost === undefined) return [];
    if (!probesLost) {
      this.cc.onPacketsLost(lost, now, persistent);
      return lost;
    }
    // A lost PMTU probe only leaves the flight: it says the size is too big, not that the path
    // is congested (RFC 9000 §14.4).
    const congestionLosses: SentPacket[] = [];
    for (const p of lost) {
      if (p.pmtuProbe === true) this.cc.onPacketDiscarded(p);
      else congestionLosses.push(p);
    }
    if (congestionLosses.length > 0) this.cc.onPacketsLost(congestionLosses, now, persistent);
    return lost;
  }

  private earliestLossSpace(): PacketSpace | undefined {
    let best: PacketSpace | undefined;
    for (const s of SPACES) {
      const t = this.lossTime[s];
      if (t !== undefined && (best === undefined || t < this.lossTime[best]!)) best = s;
    }
    return best;
  }

  /** GetPtoTimeAndSpace (RFC 9002 A.8). */
  private ptoTimeAndSpace(ctx: LossContext): { time: Micros | undefined; space: PacketSpace } {
    const backoff = 2 ** Math.min(this.ptoCount, MAX_BACKOFF_EXPONENT);
    let duration = this.rtt.ptoBase() * backoff;
    if (this.totalAckElicitingInFlight() === 0) {
      return { time: this.lastEventTime + duration, space: ctx.hasHandshakeKeys ? 1 : 0 };
    }
    let time: Micros | undefined;
    let space: PacketSpace = 0;
    for (const s of SPACES) {
      const store = this.stores[s];
      if (store.ackElicitingInFlight === 0) continue;
      if (s === 2) {
        // No application-data PTO before the handshake is confirmed (RFC 9002 §6.2.1).
        if (!ctx.handshakeConfirmed) break;
        duration += this.maxAckDelay * backoff;
      }
      const t = store.timeOfLastAckEliciting! + duration;
      if (time === undefined || t < time) {
        time = t;
        space = s;
      }
    }
    return { time, space };
  }

  private totalAckElicitingInFlight(): number {
    const [a, b, c] = this.stores;
    return a.ackElicitingInFlight + b.ackElicitingInFlight + c.ackElicitingInFlight;
  }

  /** PeerCompletedAddressValidation (RFC 9002 A.8). */
  private peerCompletedAddressValidation(handshakeConfirmed: boolean, validated: boolean): boolean {
    return this.isServer || this.handshakeAckReceived || handshakeConfirmed || validated;
  }
}

function includesAckEliciting(packets: readonly SentPacket[]): boolean {
  for (const p of packets) if (p.ackEliciting) return true;
  return false;
}
