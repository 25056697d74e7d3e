import { MICROS_PER_MS, MICROS_PER_SECOND } from '../proto/util/time.js';
export const DEFAULT_LINK_CONFIG = {
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
export class SimLink {
    direction;
    stats = {
        sent: 0, dropped: 0, droppedLoss: 0, droppedMtu: 0, droppedQueue: 0, droppedFilter: 0,
        droppedBlackhole: 0, duplicated: 0, corrupted: 0, delivered: 0, bytesSent: 0, bytesDelivered: 0,
    };
    cfg;
    rng;
    filters = [];
    delays = [];
    blackholes = [];
    inBadState = false;
    /** When the bottleneck finishes serialising the last accepted packet. */
    busyUntil = 0;
    constructor(direction, rng, config = {}) {
        this.direction = direction;
        this.rng = rng;
        this.cfg = validate({ ...DEFAULT_LINK_CONFIG, ...config });
    }
    get config() {
        return this.cfg;
    }
    /** Changes impairments from now on (packets already in flight keep their schedule). */
    configure(config) {
        this.cfg = validate({ ...this.cfg, ...config });
    }
    /** Drops every packet matching `predicate`; returns a function removing the filter. */
    dropWhere(predicate) {
        this.filters.push(predicate);
        return () => this.removeFilter(predicate);
    }
    removeFilter(predicate) {
        removeItem(this.filters, predicate);
    }
    /** Delays every packet matching `predicate` by `extraMs` on top of the normal schedule. */
    delayWhere(predicate, extraMs) {
        const d = { predicate, extra: Math.round(extraMs * MICROS_PER_MS) };
        this.delays.push(d);
        return () => removeItem(this.delays, d);
    }
    /** Drops everything sent during [start, end) (µs): a path outage. */
    blackhole(start, end) {
        if (!(end > start))
            throw new RangeError('blackhole end must be after start');
        this.blackholes.push({ start, end });
    }
    /**
     * Runs one datagram through the impairments. `data` must be owned by the link (the network
     * copies on send); corrupted packets and duplicates get their own copies, because receivers may
     * decrypt in place.
     */
    transmit(data, now, sink) {
        const s = this.stats;
        const c = this.cfg;
        const index = s.sent;
        s.sent++;
        s.bytesSent += data.length;
        if (this.inBlackhole(now))
            return this.drop('droppedBlackhole');
        for (let i = 0; i < this.filters.length; i++) {
            if (this.filters[i](data, this.direction, index))
                return this.drop('droppedFilter');
        }
        if (data.length > c.mtu)
            return this.drop('droppedMtu');
        let departAt = now;
        if (c.bandwidthBps > 0) {
            const start = Math.max(now, this.busyUntil);
            const queuedBytes = ((start - now) * c.bandwidthBps) / (8 * MICROS_PER_SECOND);
            if (queuedBytes + data.length > c.queueBytes)
                return this.drop('droppedQueue');
            departAt = start + Math.ceil((data.length * 8 * MICROS_PER_SECOND) / c.bandwidthBps);
            this.busyUntil = departAt;
        }
        if (this.lose())
            return this.drop('droppedLoss');
        let deliverAt = departAt + this.delay();
        for (let i = 0; i < this.delays.length; i++) {
            const d = this.delays[i];
            if (d.predicate(data, this.direction, index))
                deliverAt += d.extra;
        }
        let payload = data;
        if (this.rng.chance(c.corruptRate) && data.length > 0) {
            payload = data.slice();
            const at = this.rng.nextInt(payload.length);
            payload[at] ^= 1 + this.rng.nextInt(255);
            s.corrupted++;
        }
        sink(deliverAt, payload);
        if (this.rng.chance(c.duplicateRate)) {
            s.duplicated++;
            sink(departAt + this.delay(), payload.slice());
        }
    }
    /** One-way delay for a packet: latency, jitter and the occasional reorder hold-back. */
    delay() {
        const c = this.cfg;
        let d = c.latencyMs * MICROS_PER_MS;
        if (c.jitterMs > 0)
            d += (this.rng.nextFloat() * 2 - 1) * c.jitterMs * MICROS_PER_MS;
        if (this.rng.chance(c.reorderRate))
            d += c.reorderDelayMs * MICROS_PER_MS;
        return Math.max(0, Math.round(d));
    }
    lose() {
        const ge = this.cfg.gilbertElliott;
        if (ge === undefined)
            return this.rng.chance(this.cfg.lossRate);
        if (this.rng.chance(this.inBadState ? ge.pBadToGood : ge.pGoodToBad))
            this.inBadState = !this.inBadState;
        return this.rng.chance(this.inBadState ? (ge.lossInBad ?? 1) : (ge.lossInGood ?? 0));
    }
    inBlackhole(now) {
        if (this.blackholes.length === 0)
            return false;
        this.blackholes = this.blackholes.filter((b) => b.end > now);
        return this.blackholes.some((b) => b.start <= now);
    }
    drop(reason) {
        this.stats[reason]++;
        this.stats.dropped++;
    }
}
function validate(c) {
    const rates = ['lossRate', 'reorderRate', 'duplicateRate', 'corruptRate'];
    for (const k of rates) {
        const v = c[k];
        if (!(v >= 0 && v <= 1))
            throw new RangeError(`${k} must be in [0, 1], got ${v}`);
    }
    const nonNegative = ['latencyMs', 'jitterMs', 'reorderDelayMs', 'mtu', 'bandwidthBps', 'queueBytes'];
    for (const k of nonNegative) {
        const v = c[k];
        if (!(v >= 0) || !Number.isFinite(v))
            throw new RangeError(`${k} must be a non-negative number, got ${v}`);
    }
    const ge = c.gilbertElliott;
    if (ge !== undefined) {
        for (const v of [ge.pGoodToBad, ge.pBadToGood, ge.lossInGood ?? 0, ge.lossInBad ?? 1]) {
            if (!(v >= 0 && v <= 1))
                throw new RangeError(`Gilbert-Elliott probabilities must be in [0, 1], got ${v}`);
        }
    }
    return c;
}
function removeItem(list, item) {
    const i = list.indexOf(item);
    if (i >= 0)
        list.splice(i, 1);
}
//# sourceMappingURL=sim-link.js.map