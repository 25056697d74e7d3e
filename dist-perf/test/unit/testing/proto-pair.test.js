import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ProtoPair } from '../../../src/testing/proto-pair.js';
import { SimBoundError } from '../../../src/testing/sim-bound-error.js';
/**
 * A tiny stand-in for the proto Endpoint: it receives a 4-byte counter, waits `replyDelayUs`
 * (a timer), and answers with counter + 1. The client retransmits its last value when no answer
 * came within `retransmitUs`, so lossy links still make progress.
 */
class PingPongEndpoint {
    peer;
    lastReceived = -1;
    events = [];
    outbox = [];
    replyAt;
    retransmitAt;
    lastSent = -1;
    isClient;
    limit;
    replyDelayUs = 5_000;
    retransmitUs = 200_000;
    random;
    constructor(isClient, limit, random) {
        this.isClient = isClient;
        this.limit = limit;
        this.random = random;
    }
    start(now, peer) {
        this.peer = peer;
        this.send(0, now);
    }
    handleDatagram(now, data, remote) {
        if (data.length !== 4)
            return; // corrupt or foreign: ignore
        const value = new DataView(data.buffer, data.byteOffset, 4).getUint32(0);
        if (value <= this.lastReceived) {
            // A retransmission: our answer was lost, send it again (unless it is still pending).
            if (value === this.lastReceived && this.replyAt === undefined && this.lastSent > value)
                this.outbox.push(this.lastSent);
            return;
        }
        this.peer = remote;
        this.lastReceived = value;
        this.events.push({ type: 'received', value, at: now });
        this.retransmitAt = undefined;
        if (value >= this.limit) {
            this.events.push({ type: 'done' });
            return;
        }
        this.replyAt = now + this.replyDelayUs;
    }
    pollTransmit(_now, out) {
        const v = this.outbox.shift();
        if (v === undefined)
            return undefined;
        new DataView(out.buffer, out.byteOffset, 4).setUint32(0, v);
        return { size: 4, remote: this.peer };
    }
    pollTimeout() {
        if (this.replyAt === undefined)
            return this.retransmitAt;
        if (this.retransmitAt === undefined)
            return this.replyAt;
        return Math.min(this.replyAt, this.retransmitAt);
    }
    handleTimeout(now) {
        if (this.replyAt !== undefined && this.replyAt <= now) {
            this.replyAt = undefined;
            this.send(this.lastReceived + 1, now);
        }
        if (this.retransmitAt !== undefined && this.retransmitAt <= now)
            this.send(this.lastSent, now);
    }
    pollEvent() {
        return this.events.shift();
    }
    send(value, now) {
        this.lastSent = value;
        this.outbox.push(value);
        // The client retransmits until answered; the last value of the exchange needs no answer.
        if (this.isClient && value < this.limit)
            this.retransmitAt = now + this.retransmitUs;
    }
}
function makePair(seed, limit, link = {}) {
    const pair = new ProtoPair({
        seed,
        client: (r) => new PingPongEndpoint(true, limit, r),
        server: (r) => new PingPongEndpoint(false, limit, r),
        link: { latencyMs: 10, ...link },
    });
    const c = pair.client;
    const s = pair.server;
    c.start(pair.now(), pair.serverAddress);
    return Object.assign(pair, { c, s });
}
const done = (events) => events.some((e) => e.type === 'done');
describe('ProtoPair', () => {
    test('ping-pong over a clean link: exact virtual times, events per side', () => {
        const pair = makePair(1, 10);
        const start = pair.now();
        pair.drive(() => done(pair.clientEvents) || done(pair.serverEvents));
        // Values 0..10 each take one 10 ms hop; values 1..10 each wait for a 5 ms reply timer first.
        assert.equal(pair.now() - start, 11 * 10_000 + 10 * 5_000);
        const serverValues = pair.serverEvents.flatMap((e) => (e.type === 'received' ? [e.value] : []));
        const clientValues = pair.clientEvents.flatMap((e) => (e.type === 'received' ? [e.value] : []));
        assert.deepEqual(serverValues, [0, 2, 4, 6, 8, 10]);
        assert.deepEqual(clientValues, [1, 3, 5, 7, 9]);
        assert.equal(pair.network.stats('client', 'server').delivered, 6);
        assert.equal(pair.network.stats('server', 'client').sent, 5);
    });
    test('progress under 30 % loss with retransmission; same seed reproduces the transcript', () => {
        const run = (seed) => {
            const pair = makePair(seed, 41, { lossRate: 0.3, jitterMs: 3, duplicateRate: 0.05 });
            pair.drive(() => done(pair.clientEvents) || done(pair.serverEvents), { maxTimeMs: 120_000 });
            const lost = pair.network.stats('client', 'server').droppedLoss + pair.network.stats('server', 'client').droppedLoss;
            return { hash: pair.transcript.hash(), time: pair.now(), lost };
        };
        const a = run(5);
        const b = run(5);
        const c = run(6);
        assert.ok(a.lost > 0, 'the link really lost packets');
        assert.deepEqual(a, b);
        assert.notEqual(a.hash, c.hash);
    });
    test('drive throws SimBoundError with the seed when the time bound is hit', () => {
        const pair = makePair(1234, 1_000_000);
        assert.throws(() => pair.drive(() => false, { maxTimeMs: 500 }), (e) => {
            assert.ok(e instanceof SimBoundError);
            assert.equal(e.seed, 1234);
            assert.match(e.message, /seed=1234/);
            assert.match(e.message, /time bound/);
            assert.ok(e.atMicros <= pair.now());
            return true;
        });
        assert.ok(pair.now() - 1_000_000 <= 500_000, 'virtual time did not pass the bound');
    });
    test('drive throws on the step bound and when nothing is left to happen', () => {
        const pair = makePair(77, 1_000_000);
        assert.throws(() => pair.drive(() => false, { maxSteps: 10 }), /step bound of 10 hit.*seed=77/);
        // Lose everything: the client retransmits forever and the time bound stops it.
        const stalled = makePair(79, 5, { lossRate: 1 });
        assert.throws(() => stalled.drive(() => false, { maxTimeMs: 10_000 }), SimBoundError);
    });
    test('nothing pending: step() is false and drive fails fast', () => {
        const idle = new ProtoPair({ seed: 3, client: new PingPongEndpoint(true, 1), server: new PingPongEndpoint(false, 1) });
        assert.equal(idle.step(), false);
        assert.throws(() => idle.drive(() => false), /nothing left to happen.*seed=3/);
        idle.drive(() => true); // a true condition never steps
        assert.equal(idle.steps, 0);
    });
    test('driveUntilIdle runs until the wire is empty and no timer is near', () => {
        const pair = makePair(9, 6);
        pair.driveUntilIdle();
        assert.equal(pair.network.inFlight, 0);
        assert.ok(done(pair.serverEvents));
        assert.equal(pair.server.lastReceived, 6);
    });
    test('onEvent callbacks may issue commands; flush sends what they queue', () => {
        const pair = makePair(11, 4);
        const seen = [];
        pair.onEvent = (side, ev) => {
            seen.push(`${side}:${ev.type === 'received' ? ev.value : 'done'}`);
        };
        pair.drive(() => done(pair.serverEvents));
        assert.deepEqual(seen, ['server:0', 'client:1', 'server:2', 'client:3', 'server:4', 'server:done']);
        // A command from outside a callback: restart the exchange from the client.
        pair.c.lastReceived = -1;
        pair.s.lastReceived = -1;
        pair.c.start(pair.now(), pair.serverAddress);
        pair.flush();
        assert.equal(pair.network.inFlight, 1);
    });
    test('endpoint factories receive per-side random streams forked from the seed', () => {
        const a = makePair(21, 1);
        const b = makePair(21, 1);
        assert.equal(a.c.random.nextU32(), b.c.random.nextU32());
        assert.notEqual(makePair(21, 1).c.random.nextU32(), makePair(21, 1).s.random.nextU32());
    });
    test('advance lets time pass and handles what happens meanwhile', () => {
        const pair = makePair(4, 100);
        const t0 = pair.now();
        pair.advance(12);
        assert.equal(pair.now(), t0 + 12_000);
        assert.equal(pair.s.lastReceived, 0);
        assert.equal(pair.c.lastReceived, -1);
    });
    test('per-direction link overrides and MTU', () => {
        const pair = new ProtoPair({
            seed: 2,
            client: new PingPongEndpoint(true, 3),
            server: new PingPongEndpoint(false, 3),
            serverToClient: { latencyMs: 50 },
            clientToServer: { mtu: 3 },
        });
        pair.client.start(pair.now(), pair.serverAddress);
        assert.throws(() => pair.drive(() => done(pair.serverEvents), { maxTimeMs: 2_000 }), SimBoundError);
        assert.ok(pair.network.stats('client', 'server').droppedMtu > 0);
        assert.equal(pair.serverToClient.config.latencyMs, 50);
    });
});
//# sourceMappingURL=proto-pair.test.js.map