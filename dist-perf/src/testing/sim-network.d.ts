import { SeededRandom } from './seeded-random.js';
import { SimLink, type LinkConfig, type LinkStats, type PacketPredicate } from './sim-link.js';
import type { Micros } from '../proto/util/time.js';
export interface SocketAddress {
    address: string;
    port: number;
}
export interface SimNode {
    readonly name: string;
    /** The address the node's socket is bound to (what its endpoint believes). */
    readonly bound: SocketAddress;
    /** The address peers see as the source (differs after a NAT rebinding). */
    external: SocketAddress;
}
/** A datagram arriving at `to` (the receiver's bound address) from `from` (the sender as seen). */
export interface SimDelivery {
    to: SocketAddress;
    from: SocketAddress;
    /** Owned by the receiver: a fresh copy, safe to modify. */
    data: Uint8Array;
    toNode: string;
    fromNode: string;
    direction: string;
    deliverAt: Micros;
}
/** Sees every datagram entering and leaving the network (transcripts, packet logs). */
export interface SimObserver {
    onSend?(now: Micros, direction: string, data: Uint8Array): void;
    onDeliver?(delivery: SimDelivery): void;
}
export interface SimNetworkOptions {
    seed?: number;
    /** Overrides the seed: the network forks one stream per link from it. */
    random?: SeededRandom;
    /** Impairments for links not configured explicitly. */
    defaultLink?: Partial<LinkConfig>;
}
export declare class SimNetwork {
    readonly random: SeededRandom;
    /** Datagrams sent to an address no node has (counted, never delivered). */
    unroutable: number;
    private readonly defaultLink;
    private readonly nodes;
    private readonly byBound;
    private readonly byExternal;
    private readonly links;
    private readonly globalFilters;
    private readonly queue;
    private readonly observers;
    /** Scratch for the link's sink; set for the duration of one send(). */
    private pending;
    private readonly sink;
    constructor(options?: SimNetworkOptions);
    get seed(): number;
    addNode(name: string, address: SocketAddress): SimNode;
    node(name: string): SimNode;
    /** NAT rebinding: from now on the node's packets appear from `external`, and only that address reaches it. */
    rebind(name: string, external: SocketAddress): void;
    /** The link carrying datagrams from node `from` to node `to` (created on first use). */
    link(from: string, to: string): SimLink;
    /** Configures both directions between two nodes. */
    configurePath(a: string, b: string, config: Partial<LinkConfig>): void;
    /** Drops matching packets on every link, present and future; returns the remover. */
    dropWhere(predicate: PacketPredicate): () => void;
    observe(observer: SimObserver): () => void;
    /**
     * Sends `bytes` from the node owning address `from` (bound or external) to `to`. The bytes are
     * copied at once: senders reuse their buffers.
     */
    send(from: SocketAddress, to: SocketAddress, bytes: Uint8Array, now: Micros): void;
    /** Number of datagrams (copies) still travelling. */
    get inFlight(): number;
    /** When the next datagram arrives, or undefined when none is travelling. */
    nextDeliveryTime(): Micros | undefined;
    /** The next datagram due at or before `now`, removed from the queue. */
    popDue(now: Micros): SimDelivery | undefined;
    /** Every datagram due at or before `now`, in (deliverAt, seq) order. */
    deliverDue(now: Micros): SimDelivery[];
    /** Counters of the link from node `from` to node `to`. */
    stats(from: string, to: string): Readonly<LinkStats>;
    /** Forgets every travelling datagram (a test can "clear the wire" as quinn's inbound.clear()). */
    clearInFlight(): number;
}
export declare function addressKey(a: SocketAddress): string;
