/**
 * One direction of a simulated path and its impairments. A link decides, for each datagram sent
 * at `now`, whether it arrives, when, how many copies, and whether a byte is flipped. Every random
 * choice comes from the link's own SeededRandom, so a run is a pure function of the seed and the
 * traffic.
 */
import type { SeededRandom } from './seeded-random.js';
import { MICROS_PER_MS, MICROS_PER_SECOND, type Micros } from '../proto/util/time.js';

/** Gilbert–Elliott two-state burst loss; per packet: move state, then lose with the state's rate. */
export interface GilbertElliottConfig {
  /** Probability of going from the good to the bad state, per packet. */
  pGoodToBad: number;
  /** Probability of going from the bad to the good state, per packet (mean burst = 1 / this). */
  pBadToGood: number;
  /** Loss rate in the good state (default 0). */
  lossInGood?: number;
  /** Loss rate in the bad state (default 1). */
  lossInBad?: number;
}

export interface LinkConfig {
  /** One-way propagation delay. */
  latencyMs: number;
  /** Uniform extra delay in [-jitterMs, +jitterMs] (never below zero total); reorders packets. */
  jitterMs: number;
  /** Bernoulli loss probability (ignored when gilbertElliott is set). */
  lossRate: number;
  gilbertElliott: GilbertElliottConfig | undefined;
  /** Fraction of packets held back by an extra reorderDelayMs. */
  reorderRate: number;
  reorderDelayMs: number;
  /** Fraction of packets delivered twice. */
  duplicateRate: number;
  /** Fraction of packets with exactly one byte changed. */
  corruptRate: number;
  /** Datagrams longer than this are dropped (as a path MTU would). */
  mtu: number;
  /** Bottleneck rate in bits per second; 0 means unlimited. */
  bandwidthBps: number;
  /** Bytes the bottleneck queue holds before tail-dropping (with bandwidthBps). */
  queueBytes: number;
}

export const DEFAULT_LINK_CONFIG: Readonly<LinkConfig> = {
  latencyMs: 10,
  jitterMs: 0,
  lossRate: 0,
  gilbertElliott: undefined,
  reorderRate: 0,
  reorderDelayMs: 10,
  duplicateRate: 0,
  corruptRate: 0,
  mtu: 65_527,
  bandwidthBps: 0,
  queueBytes: 256 * 1024,
};

/** A packet seen by a filter: the bytes as sent, the direction label ("client->server") and its index. */
export type PacketPredicate = (packet: Uint8Array, direction: string, index: number) => boolean;

export interface LinkStats {
  /** Datagrams handed to the link. */
  sent: number;
  /** Datagrams that will never arrive, for any reason (sum of the drop counters below). */
  dropped: number;
  droppedLoss: number;
  droppedMtu: number;
  droppedQueue: number;
  droppedFilter: number;
  droppedBlackhole: number;
  /** Extra copies created. */
  duplicated: number;
  corrupted: number;
  /** Copies handed to the receiver (counted by the network at delivery time). */
  delivered: number;
  bytesSent: number;
  bytesDelivered: number;
}

/** Where a link puts the copies it lets through. */
export type DeliverySink = (deliverAt: Micros, data: Uint8Array) => void;

interface Blackhole {
  start: Micros;
  end: Micros;
}

interface Delay {
  predicate: PacketPredicate;
  extra: Micros;
}

export class SimLink {
  readonly direction: string;
  readonly stats: LinkStats = {
    sent: 0, dropped: 0, droppedLoss: 0, droppedMtu: 0, droppedQueue: 0, droppedFilter: 0,
    droppedBlackhole: 0, duplicated: 0, corrupted: 0, delivered: 0, bytesSent: 0, bytesDelivered: 0,
  };
  private cfg: LinkConfig;
  private readonly rng: SeededRandom;
  private readonly filters: PacketPredicate[] = [];
  private readonly delays: Delay[] = [];
  private blackholes: Blackhole[] = [];
  private inBadState = false;
  /** When the bottleneck finishes serialising the last accepted packet. */
  private busyUntil: Micros = 0;

  constructor(direction: string, rng: SeededRandom, config: Partial<LinkConfig> = {}) {
    this.direction = direction;
    this.rng = rng;
    this.cfg = validate({ ...DEFAULT_LINK_CONFIG, ...config });
  }

  get config(): Readonly<LinkConfig> {
    return this.cfg;
  }

  /** Changes impairments from now on (packets already in flight keep their schedule). */
  configure(config: Partial<LinkConfig>): void {
    this.cfg = validate({ ...this.cfg, ...config });
  }

  /** Drops every packet matching `predicate`; returns a function removing the filter. */
  dropWhere(predicate: PacketPredicate): () => void {
    this.filters.push(predicate);
    return () => this.removeFilter(predicate);
  }

  removeFilter(predicate: PacketPredicate): void {
    removeItem(this.filters, predicate);
  }

  /** Delays every packet matching `predicate` by `extraMs` on top of the normal schedule. */
  delayWhere(predicate: PacketPredicate, extraMs: number): () => void {
    const d: Delay = { predicate, extra: Math.round(extraMs * MICROS_PER_MS) };
    this.delays.push(d);
    return () => removeItem(this.delays, d);
  }

  /** Drops everything sent during [start, end) (µs): a path outage. */
  blackhole(start: Micros, end: Micros): void {
    if (!(end > start)) throw new RangeError('blackhole end must be after start');
    this.blackholes.push({ start, end });
  }

  /**
   * Runs one datagram through the impairments. `data` must be owned by the link (the network
   * copies on send); corrupted packets and duplicates get their own copies, because receivers may
   * decrypt in place.
   */
  transmit(data: Uint8Array, now: Micros, sink: DeliverySink): void {
    const s = this.stats;
    const c = this.cfg;
    const index = s.sent;
    s.sent++;
    s.bytesSent += data.length;

    if (this.inBlackhole(now)) return this.drop('droppedBlackhole');
    for (let i = 0; i < this.filters.length; i++) {
      if (this.filters[i]!(data, this.direction, index)) return this.drop('droppedFilter');
    }
    if (data.length > c.mtu) return this.drop('droppedMtu');

    let departAt = now;
    if (c.bandwidthBps > 0) {
      const start = Math.max(now, this.busyUntil);
      const queuedBytes = ((start - now) * c.bandwidthBps) / (8 * MICROS_PER_SECOND);
      if (queuedBytes + data.length > c.queueBytes) return this.drop('droppedQueue');
      departAt = start + Math.ceil((data.length * 8 * MICROS_PER_SECOND) / c.bandwidthBps);
      this.busyUntil = departAt;
    }
    if (this.lose()) return this.drop('droppedLoss');

    let deliverAt = departAt + this.delay();
    for (let i = 0; i < this.delays.length; i++) {
      const d = this.delays[i]!;
      if (d.predicate(data, this.direction, index)) deliverAt += d.extra;
    }
    let payload = data;
    if (this.rng.chance(c.corruptRate) && data.length > 0) {
      payload = data.slice();
      const at = this.rng.nextInt(payload.length);
      payload[at]! ^= 1 + this.rng.nextInt(255);
      s.corrupted++;
    }
    sink(deliverAt, payload);
    if (this.rng.chance(c.duplicateRate)) {
      s.duplicated++;
      sink(departAt + this.delay(), payload.slice());
    }
  }

  /** One-way delay for a packet: latency, jitter and the occasional reorder hold-back. */
  private delay(): Micros {
    const c = this.cfg;
    let d = c.latencyMs * MICROS_PER_MS;
    if (c.jitterMs > 0) d += (this.rng.nextFloat() * 2 - 1) * c.jitterMs * MICROS_PER_MS;
    if (this.rng.chance(c.reorderRate)) d += c.reorderDelayMs * MICROS_PER_MS;
    return Math.max(0, Math.round(d));
  }

  private lose(): boolean {
    const ge = this.cfg.gilbertElliott;
    if (ge === undefined) return this.rng.chance(this.cfg.lossRate);
    if (this.rng.chance(this.inBadState ? ge.pBadToGood : ge.pGoodToBad)) this.inBadState = !this.inBadState;
    return this.rng.chance(this.inBadState ? (ge.lossInBad ?? 1) : (ge.lossInGood ?? 0));
  }

  private inBlackhole(now: Micros): boolean {
    if (this.blackholes.length === 0) return false;
    this.blackholes = this.blackholes.filter((b) => b.end > now);
    return this.blackholes.some((b) => b.start <= now);
  }

  private drop(reason: 'droppedLoss' | 'droppedMtu' | 'droppedQueue' | 'droppedFilter' | 'droppedBlackhole'): void {
    this.stats[reason]++;
    this.stats.dropped++;
  }
}

function validate(c: LinkConfig): LinkConfig {
  const rates: (keyof LinkConfig)[] = ['lossRate', 'reorderRate', 'duplicateRate', 'corruptRate'];
  for (const k of rates) {
    const v = c[k] as number;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${k} must be in [0, 1], got ${v}`);
  }
  const nonNegative: (keyof LinkConfig)[] = ['latencyMs', 'jitterMs', 'reorderDelayMs', 'mtu', 'bandwidthBps', 'queueBytes'];
  for (const k of nonNegative) {
    const v = c[k] as number;
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${k} must be a non-negative number, got ${v}`);
  }
  const ge = c.gilbertElliott;
  if (ge !== undefined) {
    for (const v of [ge.pGoodToBad, ge.pBadToGood, ge.lossInGood ?? 0, ge.lossInBad ?? 1]) {
      if (!(v >= 0 && v <= 1)) throw new RangeError(`Gilbert-Elliott probabilities must be in [0, 1], got ${v}`);
    }
  }
  return c;
}

function removeItem<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}
