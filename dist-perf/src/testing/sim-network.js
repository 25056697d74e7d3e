/**
 * An in-memory datagram network on virtual time. Nodes are named and addressed by SocketAddress;
 * each ordered pair of nodes has its own SimLink ("client->server"). Datagrams wait in one queue
 * ordered by (deliverAt, seq), so equal times keep send order and runs are reproducible.
 */
import { EventHeap } from './event-heap.js';
import { SeededRandom } from './seeded-random.js';
import { SimLink } from './sim-link.js';
export class SimNetwork {
    random;
    /** Datagrams sent to an address no node has (counted, never delivered). */
    unroutable = 0;
    defaultLink;
    nodes = new Map();
    byBound = new Map();
    byExternal = new Map();
    links = new Map();
    globalFilters = [];
    queue = new EventHeap();
    observers = [];
    /** Scratch for the link's sink; set for the duration of one send(). */
    pending;
    sink = (deliverAt, data) => {
        const p = this.pending;
        this.queue.push(deliverAt, {
            to: p.to.bound, from: p.from.external, data, toNode: p.to.name, fromNode: p.from.name,
            direction: p.direction, deliverAt,
        });
    };
    constructor(options = {}) {
        this.random = options.random ?? new SeededRandom(options.seed ?? 1);
        this.defaultLink = options.defaultLink ?? {};
    }
    get seed() {
        return this.random.seed;
    }
    addNode(name, address) {
        if (this.nodes.has(name))
            throw new Error(`node ${name} already exists`);
        const key = addressKey(address);
        if (this.byBound.has(key) || this.byExternal.has(key))
            throw new Error(`address ${key} already in use`);
        const node = { name, bound: { ...address }, external: { ...address } };
        this.nodes.set(name, node);
        this.byBound.set(key, node);
        this.byExternal.set(key, node);
        return node;
    }
    node(name) {
        const n = this.nodes.get(name);
        if (n === undefined)
            throw new Error(`no node ${name}`);
        return n;
    }
    /** NAT rebinding: from now on the node's packets appear from `external`, and only that address reaches it. */
    rebind(name, external) {
        const node = this.node(name);
        const key = addressKey(external);
        const owner = this.byExternal.get(key);
        if (owner !== undefined && owner !== node)
            throw new Error(`address ${key} already in use`);
        this.byExternal.delete(addressKey(node.external));
        node.external = { ...external };
        this.byExternal.set(key, node);
    }
    /** The link carrying datagrams from node `from` to node `to` (created on first use). */
    link(from, to) {
        const direction = `${from}->${to}`;
        let link = this.links.get(direction);
        if (link === undefined) {
            this.node(from);
            this.node(to);
            link = new SimLink(direction, this.random.fork(direction), this.defaultLink);
            for (const f of this.globalFilters)
                link.dropWhere(f);
            this.links.set(direction, link);
        }
        return link;
    }
    /** Configures both directions between two nodes. */
    configurePath(a, b, config) {
        this.link(a, b).configure(config);
        this.link(b, a).configure(config);
    }
    /** Drops matching packets on every link, present and future; returns the remover. */
    dropWhere(predicate) {
        this.globalFilters.push(predicate);
        for (const l of this.links.values())
            l.dropWhere(predicate);
        return () => {
            const i = this.globalFilters.indexOf(predicate);
            if (i >= 0)
                this.globalFilters.splice(i, 1);
            for (const l of this.links.values())
                l.removeFilter(predicate);
        };
    }
    observe(observer) {
        this.observers.push(observer);
        return () => {
            const i = this.observers.indexOf(observer);
            if (i >= 0)
                this.observers.splice(i, 1);
        };
    }
    /**
     * Sends `bytes` from the node owning address `from` (bound or external) to `to`. The bytes are
     * copied at once: senders reuse their buffers.
     */
    send(from, to, bytes, now) {
        const fromKey = addressKey(from);
        const src = this.byBound.get(fromKey) ?? this.byExternal.get(fromKey);
        if (src === undefined)
            throw new Error(`send from unknown address ${fromKey}`);
        const dst = this.byExternal.get(addressKey(to));
        const data = bytes.slice();
        const direction = dst === undefined ? `${src.name}->?` : `${src.name}->${dst.name}`;
        for (const o of this.observers)
            o.onSend?.(now, direction, data);
        if (dst === undefined) {
            this.unroutable++;
            return;
        }
        this.pending = { from: src, to: dst, direction };
        try {
            this.link(src.name, dst.name).transmit(data, now, this.sink);
        }
        finally {
            this.pending = undefined;
        }
    }
    /** Number of datagrams (copies) still travelling. */
    get inFlight() {
        return this.queue.size;
    }
    /** When the next datagram arrives, or undefined when none is travelling. */
    nextDeliveryTime() {
        return this.queue.peekTime();
    }
    /** The next datagram due at or before `now`, removed from the queue. */
    popDue(now) {
        const t = this.queue.peekTime();
        if (t === undefined || t > now)
            return undefined;
        const d = this.queue.pop();
        const link = this.links.get(d.direction);
        if (link !== undefined) {
            link.stats.delivered++;
            link.stats.bytesDelivered += d.data.length;
        }
        for (const o of this.observers)
            o.onDeliver?.(d);
        return d;
    }
    /** Every datagram due at or before `now`, in (deliverAt, seq) order. */
    deliverDue(now) {
        const out = [];
        for (let d = this.popDue(now); d !== undefined; d = this.popDue(now))
            out.push(d);
        return out;
    }
    /** Counters of the link from node `from` to node `to`. */
    stats(from, to) {
        return this.link(from, to).stats;
    }
    /** Forgets every travelling datagram (a test can "clear the wire" as quinn's inbound.clear()). */
    clearInFlight() {
        const n = this.queue.size;
        this.queue.clear();
        return n;
    }
}
export function addressKey(a) {
    return a.address.includes(':') ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}
//# sourceMappingURL=sim-network.js.map