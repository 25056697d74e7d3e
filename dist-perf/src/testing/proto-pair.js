/**
 * ProtoPair drives a client and a server sans-IO Endpoint over a SimNetwork on a VirtualClock,
 * with no Promises: each step() handles the earliest of (next datagram arrival, next endpoint
 * deadline), then drains events and transmits from both sides, as a real driver must after every
 * input. Bounded driving throws SimBoundError carrying the seed and the virtual time.
 * Modelled on quinn's tests/util.rs `Pair` and aioquic's `roundtrip`.
 */
import { SeededRandom } from './seeded-random.js';
import { SimBoundError } from './sim-bound-error.js';
import { SimNetwork } from './sim-network.js';
import { Transcript } from './transcript.js';
import { VirtualClock } from './virtual-clock.js';
import { MICROS_PER_MS } from '../proto/util/time.js';
export const CLIENT_TO_SERVER = 'client->server';
export const SERVER_TO_CLIENT = 'server->client';
/** Transmits one drain may produce before it is treated as a livelock. */
const MAX_TRANSMITS_PER_DRAIN = 100_000;
const MAX_EVENTS_PER_DRAIN = 1_000_000;
/** Client/server drain rounds one flush may take (each round feeds the other side's callbacks). */
const MAX_FLUSH_ROUNDS = 10_000;
export class ProtoPair {
    seed;
    random;
    clock;
    network;
    transcript = new Transcript();
    client;
    server;
    clientAddress;
    serverAddress;
    clientEvents = [];
    serverEvents = [];
    /** Steps taken since construction. */
    steps = 0;
    onEvent;
    recordEvents;
    out = new Uint8Array(65_536);
    constructor(options) {
        this.seed = options.seed ?? 1;
        this.random = new SeededRandom(this.seed);
        this.clock = new VirtualClock(options.startMicros ?? 1_000_000);
        this.clientAddress = options.clientAddress ?? { address: '127.0.0.1', port: 40_000 };
        this.serverAddress = options.serverAddress ?? { address: '127.0.0.1', port: 4433 };
        this.network = new SimNetwork({ random: this.random.fork('network'), defaultLink: options.link ?? {} });
        this.network.addNode('client', this.clientAddress);
        this.network.addNode('server', this.serverAddress);
        if (options.clientToServer)
            this.clientToServer.configure(options.clientToServer);
        if (options.serverToClient)
            this.serverToClient.configure(options.serverToClient);
        this.transcript.attach(this.network);
        this.client = typeof options.client === 'function' ? options.client(this.random.fork('client')) : options.client;
        this.server = typeof options.server === 'function' ? options.server(this.random.fork('server')) : options.server;
        this.onEvent = options.onEvent;
        this.recordEvents = options.recordEvents ?? true;
    }
    get clientToServer() {
        return this.network.link('client', 'server');
    }
    get serverToClient() {
        return this.network.link('server', 'client');
    }
    now() {
        return this.clock.now();
    }
    endpoint(side) {
        return side === 'client' ? this.client : this.server;
    }
    /**
     * Drains events and transmits of both sides until neither has anything queued. Call it after
     * issuing commands (connect, writeStream, close...) outside an onEvent callback.
     */
    flush() {
        let busy = true;
        for (let rounds = 0; busy; rounds++) {
            if (rounds >= MAX_FLUSH_ROUNDS)
                this.fail('endpoints kept producing output without new input', 0);
            busy = this.drain('client');
            busy = this.drain('server') || busy;
        }
    }
    /** Earliest time something will happen: a datagram arrival or an endpoint deadline. */
    nextEventTime() {
        let t = this.network.nextDeliveryTime();
        for (const ep of [this.client, this.server]) {
            const d = ep.pollTimeout();
            if (d !== undefined && (t === undefined || d < t))
                t = d;
        }
        return t === undefined ? undefined : Math.max(t, this.clock.now());
    }
    /**
     * Handles the next thing to happen: one datagram delivery, or (when no datagram arrives first)
     * every endpoint timer that is due. Returns false when nothing is pending at all.
     */
    step() {
        this.flush();
        const t = this.nextEventTime();
        if (t === undefined)
            return false;
        this.clock.advanceTo(t);
        const now = t;
        this.steps++;
        const delivery = this.network.popDue(now);
        if (delivery !== undefined) {
            const side = delivery.toNode === 'client' ? 'client' : 'server';
            this.endpoint(side).handleDatagram(now, delivery.data, delivery.from);
        }
        else {
            for (const side of ['client', 'server']) {
                const ep = this.endpoint(side);
                const d = ep.pollTimeout();
                if (d !== undefined && d <= now)
                    ep.handleTimeout(now);
            }
        }
        this.flush();
        return true;
    }
    /**
     * Steps until `until()` is true. Throws SimBoundError (with the seed and time) when the time or
     * step budget is exhausted, or when nothing is left to happen and the condition still fails.
     */
    drive(until, options = {}) {
        this.flush();
        const start = this.clock.now();
        const limit = start + Math.round((options.maxTimeMs ?? 60_000) * MICROS_PER_MS);
        const maxSteps = options.maxSteps ?? 1_000_000;
        let steps = 0;
        while (!until()) {
            const next = this.nextEventTime();
            if (next === undefined)
                this.fail('nothing left to happen but the condition is still false', steps);
            if (next > limit)
                this.fail(`time bound of ${options.maxTimeMs ?? 60_000} ms hit`, steps);
            if (steps >= maxSteps)
                this.fail(`step bound of ${maxSteps} hit`, steps);
            this.step();
            steps++;
        }
    }
    /**
     * Steps until no datagram is travelling and no endpoint deadline falls within `quietMs` of the
     * current time (deadlines further away are left alone: idle timeouts, keep-alives).
     */
    driveUntilIdle(options = {}) {
        const quiet = Math.round((options.quietMs ?? 3_000) * MICROS_PER_MS);
        this.drive(() => {
            if (this.network.inFlight > 0)
                return false;
            const next = this.nextEventTime();
            return next === undefined || next > this.clock.now() + quiet;
        }, options);
    }
    /** Lets virtual time pass for `ms`, handling everything that happens meanwhile. */
    advance(ms, options = {}) {
        this.flush();
        const target = this.clock.now() + Math.round(ms * MICROS_PER_MS);
        const maxSteps = options.maxSteps ?? 1_000_000;
        let steps = 0;
        for (;;) {
            const next = this.nextEventTime();
            if (next === undefined || next > target)
                break;
            if (steps++ >= maxSteps)
                this.fail(`step bound of ${maxSteps} hit`, steps);
            this.step();
        }
        this.clock.advanceTo(target);
    }
    drain(side) {
        const ep = this.endpoint(side);
        const events = side === 'client' ? this.clientEvents : this.serverEvents;
        const from = side === 'client' ? this.clientAddress : this.serverAddress;
        let did = false;
        for (let n = 0;; n++) {
            const ev = ep.pollEvent();
            if (ev === undefined)
                break;
            if (n >= MAX_EVENTS_PER_DRAIN)
                this.fail(`${side} produced events without end`, 0);
            did = true;
            if (this.recordEvents)
                events.push(ev);
            this.onEvent?.(side, ev, this);
        }
        const now = this.clock.now();
        for (let n = 0;; n++) {
            const tx = ep.pollTransmit(now, this.out);
            if (tx === undefined)
                break;
            if (n >= MAX_TRANSMITS_PER_DRAIN)
                this.fail(`${side} transmitted without end`, 0);
            did = true;
            this.network.send(from, tx.remote, this.out.subarray(0, tx.size), now);
        }
        return did;
    }
    fail(reason, steps) {
        throw new SimBoundError(`ProtoPair: ${reason} at t=${this.clock.nowMs()} ms after ${steps} steps`, this.clock.now(), this.seed);
    }
}
//# sourceMappingURL=proto-pair.js.map