/**
 * One direction of a simulated path and its impairments. A link decides, for each datagram sent
 * at `now`, whether it arrives, when, how many copies, and whether a byte is flipped. Every random
 * choice comes from the link's own SeededRandom, so a run is a pure function of the seed and the
 * traffic.
 */
import type { SeededRandom } from './seeded-random.js';
import { type Micros } from '../proto/util/time.js';
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
export declare const DEFAULT_LINK_CONFIG: Readonly<LinkConfig>;
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
export declare class SimLink {
    readonly direction: string;
    readonly stats: LinkStats;
    private cfg;
    private readonly rng;
    private readonly filters;
    private readonly delays;
    private blackholes;
    private inBadState;
    /** When the bottleneck finishes serialising the last accepted packet. */
    private busyUntil;
    constructor(direction: string, rng: SeededRandom, config?: Partial<LinkConfig>);
    get config(): Readonly<LinkConfig>;
    /** Changes impairments from now on (packets already in flight keep their schedule). */
    configure(config: Partial<LinkConfig>): void;
    /** Drops every packet matching `predicate`; returns a function removing the filter. */
    dropWhere(predicate: PacketPredicate): () => void;
    removeFilter(predicate: PacketPredicate): void;
    /** Delays every packet matching `predicate` by `extraMs` on top of the normal schedule. */
    delayWhere(predicate: PacketPredicate, extraMs: number): () => void;
    /** Drops everything sent during [start, end) (µs): a path outage. */
    blackhole(start: Micros, end: Micros): void;
    /**
     * Runs one datagram through the impairments. `data` must be owned by the link (the network
     * copies on send); corrupted packets and duplicates get their own copies, because receivers may
     * decrypt in place.
     */
    transmit(data: Uint8Array, now: Micros, sink: DeliverySink): void;
    /** One-way delay for a packet: latency, jitter and the occasional reorder hold-back. */
    private delay;
    private lose;
    private inBlackhole;
    private drop;
}
