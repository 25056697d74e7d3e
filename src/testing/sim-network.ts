/**
 * An in-memory datagram network on virtual time. Nodes are named and addressed by SocketAddress;
 * each ordered pair of nodes has its own SimLink ("client->server"). Datagrams wait in one queue
 * ordered by (deliverAt, seq), so equal times keep send order and runs are reproducible.
 */
import { EventHeap } from './event-heap.js';
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

export class SimNetwork {
  readonly random: SeededRandom;
  /** Datagrams sent to an address no node has (counted, never delivered). */
  unroutable = 0;
  private readonly defaultLink: Partial<LinkConfig>;
  private readonly nodes = new Map<string, SimNode>();
  private readonly byBound = new Map<string, SimNode>();
  private readonly byExternal = new Map<string, SimNode>();
  private readonly links = new Map<string, SimLink>();
  private readonly globalFilters: PacketPredicate[] = [];
  private readonly queue = new EventHeap<SimDelivery>();
  private readonly observers: SimObserver[] = [];
  /** Scratch for the link's sink; set for the duration of one send(). */
  private pending: { from: SimNode; to: SimNode; direction: string } | undefined;
  private readonly sink = (deliverAt: Micros, data: Uint8Array): void => {
    const p = this.pending!;
    this.queue.push(deliverAt, {
      to: p.to.bound, from: p.from.external, data, toNode: p.to.name, fromNode: p.from.name,
      direction: p.direction, deliverAt,
    });
  };

  constructor(options: SimNetworkOptions = {}) {
    this.random = options.random ?? new SeededRandom(options.seed ?? 1);
    this.defaultLink = options.defaultLink ?? {};
  }

  get seed(): number {
    return this.random.seed;
  }

  addNode(name: string, address: SocketAddress): SimNode {
    if (this.nodes.has(name)) throw new Error(`node ${name} already exists`);
    const key = addressKey(address);
    if (this.byBound.has(key) || this.byExternal.has(key)) throw new Error(`address ${key} already in use`);
    const node: SimNode = { name, bound: { ...address }, external: { ...address } };
    this.nodes.set(name, node);
    this.byBound.set(key, node);
    this.byExternal.set(key, node);
    return node;
  }

  node(name: string): SimNode {
    const n = this.nodes.get(name);
    if (n === undefined) throw new Error(`no node ${name}`);
    return n;
  }

  /** NAT rebinding: from now on the node's packets appear from `external`, and only that address reaches it. */
  rebind(name: string, external: SocketAddress): void {
    const node = this.node(name);
    const key = addressKey(external);
    const owner = this.byExternal.get(key);
    if (owner !== undefined && owner !== node) throw new Error(`address ${key} already in use`);
    this.byExternal.delete(addressKey(node.external));
    node.external = { ...external };
    this.byExternal.set(key, node);
  }

  /** The link carrying datagrams from node `from` to node `to` (created on first use). */
  link(from: string, to: string): SimLink {
    const direction = `${from}->${to}`;
    let link = this.links.get(direction);
    if (link === undefined) {
      this.node(from);
      this.node(to);
      link = new SimLink(direction, this.random.fork(direction), this.defaultLink);
      for (const f of this.globalFilters) link.dropWhere(f);
      this.links.set(direction, link);
    }
    return link;
  }

  /** Configures both directions between two nodes. */
  configurePath(a: string, b: string, config: Partial<LinkConfig>): void {
    this.link(a, b).configure(config);
    this.link(b, a).configure(config);
  }

  /** Drops matching packets on every link, present and future; returns the remover. */
  dropWhere(predicate: PacketPredicate): () => void {
    this.globalFilters.push(predicate);
    for (const l of this.links.values()) l.dropWhere(predicate);
    return () => {
      const i = this.globalFilters.indexOf(predicate);
      if (i >= 0) this.globalFilters.splice(i, 1);
      for (const l of this.links.values()) l.removeFilter(predicate);
    };
  }

  observe(observer: SimObserver): () => void {
    this.observers.push(observer);
    return () => {
      const i = this.observers.indexOf(observer);
      if (i >= 0) this.observers.splice(i, 1);
    };
  }

  /**
   * Sends `bytes` from the node owning address `from` (bound or external) to `to`. The bytes are
   * copied at once: senders reuse their buffers.
   */
  send(from: SocketAddress, to: SocketAddress, bytes: Uint8Array, now: Micros): void {
    const fromKey = addressKey(from);
    const src = this.byBound.get(fromKey) ?? this.byExternal.get(fromKey);
    if (src === undefined) throw new Error(`send from unknown address ${fromKey}`);
    const dst = this.byExternal.get(addressKey(to));
    const data = bytes.slice();
    const direction = dst === undefined ? `${src.name}->?` : `${src.name}->${dst.name}`;
    for (const o of this.observers) o.onSend?.(now, direction, data);
    if (dst === undefined) {
      this.unroutable++;
      return;
    }
    this.pending = { from: src, to: dst, direction };
    try {
      this.link(src.name, dst.name).transmit(data, now, this.sink);
    } finally {
      this.pending = undefined;
    }
  }

  /** Number of datagrams (copies) still travelling. */
  get inFlight(): number {
    return this.queue.size;
  }

  /** When the next datagram arrives, or undefined when none is travelling. */
  nextDeliveryTime(): Micros | undefined {
    return this.queue.peekTime();
  }

  /** The next datagram due at or before `now`, removed from the queue. */
  popDue(now: Micros): SimDelivery | undefined {
    const t = this.queue.peekTime();
    if (t === undefined || t > now) return undefined;
    const d = this.queue.pop()!;
    const link = this.links.get(d.direction);
    if (link !== undefined) {
      link.stats.delivered++;
      link.stats.bytesDelivered += d.data.length;
    }
    for (const o of this.observers) o.onDeliver?.(d);
    return d;
  }

  /** Every datagram due at or before `now`, in (deliverAt, seq) order. */
  deliverDue(now: Micros): SimDelivery[] {
    const out: SimDelivery[] = [];
    for (let d = this.popDue(now); d !== undefined; d = this.popDue(now)) out.push(d);
    return out;
  }

  /** Counters of the link from node `from` to node `to`. */
  stats(from: string, to: string): Readonly<LinkStats> {
    return this.link(from, to).stats;
  }

  /** Forgets every travelling datagram (a test can "clear the wire" as quinn's inbound.clear()). */
  clearInFlight(): number {
    const n = this.queue.size;
    this.queue.clear();
    return n;
  }
}

export function addressKey(a: SocketAddress): string {
  return a.address.includes(':') ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}
