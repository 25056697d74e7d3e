/**
 * Property tests of the stream subsystem: the assembler against a byte-array model, and an
 * op-sequence model of two StreamsState instances wired back to back (after quinn's
 * fuzz_targets/streams.rs): frames are delivered out of order, lost, spuriously lost and
 * retransmitted; every byte must arrive exactly once and in order, and the only exceptions
 * allowed are StreamStateError from application misuse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Assembler } from '../../src/proto/quic/streams/assembler.js';
import { StreamsState } from '../../src/proto/quic/streams/streams-state.js';
import { StreamStateError } from '../../src/proto/quic/streams/stream-state-error.js';
import { frameSize } from '../../src/proto/quic/wire/frame-encoder.js';
test('Assembler returns every byte once, in order, whatever the chunking', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 64 })), { maxLength: 60 }), (total, cuts) => {
        const src = Uint8Array.from({ length: total }, (_, i) => (i * 13) & 0xff);
        const chunks = cuts.map(([a, b, r]) => {
            const start = a % total;
            const end = Math.min(total, start + 1 + (b % 80));
            return [start, end, r];
        });
        chunks.push([0, total, 0]); // make sure everything arrives eventually
        const a = new Assembler();
        const out = [];
        chunks.forEach(([s, e, readSize]) => {
            a.insert(s, src.subarray(s, e));
            const r = a.read(readSize);
            if (r)
                out.push(...r);
            assert.ok(a.bufferedBytes <= total - a.readOffset);
        });
        for (let r = a.read(1000); r; r = a.read(1000))
            out.push(...r);
        assert.deepEqual(out, [...src]);
        assert.equal(a.bufferedBytes, 0);
    }), { numRuns: 1000 });
});
const side = fc.constantFrom(0, 1);
const opArb = fc.oneof(fc.record({ op: fc.constant('open'), side, bidi: fc.boolean() }), { arbitrary: fc.record({ op: fc.constant('write'), side, pick: fc.nat(), len: fc.nat({ max: 3000 }), fin: fc.boolean() }), weight: 3 }, { arbitrary: fc.record({ op: fc.constant('read'), side, pick: fc.nat(), max: fc.integer({ min: 1, max: 4000 }) }), weight: 3 }, { arbitrary: fc.record({ op: fc.constant('transmit'), side, count: fc.integer({ min: 1, max: 8 }), space: fc.integer({ min: 3, max: 1400 }) }), weight: 3 }, { arbitrary: fc.record({ op: fc.constantFrom('deliver', 'lose', 'ack', 'spurious'), side, pick: fc.nat() }), weight: 4 }, fc.record({ op: fc.constantFrom('reset', 'stop'), side, pick: fc.nat() }));
const byteAt = (id, offset) => (id * 31 + offset * 7 + (offset >> 8)) & 0xff;
function config(isServer) {
    return {
        isServer,
        local: {
            initialMaxData: 6000, initialMaxStreamDataBidiLocal: 2000, initialMaxStreamDataBidiRemote: 2500,
            initialMaxStreamDataUni: 1500, initialMaxStreamsBidi: 3, initialMaxStreamsUni: 2,
        },
        maxStreamWindow: 8000, maxConnectionWindow: 20000, sendBufferSize: 4000,
    };
}
function allowed(e) {
    if (!(e instanceof StreamStateError))
        throw e;
}
function run(ops) {
    const makePeer = (isServer) => ({
        s: new StreamsState(config(isServer)), streams: [], written: new Map(), read: new Map(), inflight: [], delivered: [],
    });
    const peers = [makePeer(false), makePeer(true)];
    peers[0].s.setPeerLimits(config(true).local);
    peers[1].s.setPeerLimits(config(false).local);
    const reset = new Set(); // streams where either side reset/stopped (data may be cut short)
    let now = 0;
    const drainEvents = (p) => {
        for (let e = p.s.pollEvent(); e; e = p.s.pollEvent()) {
            if (e.type === 'streamOpened')
                p.streams.push(e.streamId);
            if (e.type === 'streamReset' || e.type === 'streamStopped')
                reset.add(e.streamId);
        }
    };
    const doRead = (p, id, max) => {
        let r;
        try {
            r = p.s.read(id, max, now);
        }
        catch (e) {
            allowed(e);
            return false;
        }
        if (!r)
            return false;
        const st = p.read.get(id) ?? { n: 0, fin: false };
        assert.equal(st.fin, false, `data after FIN on ${id}`);
        for (let i = 0; i < r.data.length; i++)
            assert.equal(r.data[i], byteAt(id, st.n + i), `stream ${id} byte ${st.n + i}`);
        st.n += r.data.length;
        st.fin = r.fin;
        p.read.set(id, st);
        return true;
    };
    const transmit = (from, count, space) => {
        for (let i = 0; i < count; i++) {
            const f = from.s.pollFrame(space, now);
            if (!f)
                break;
            assert.ok(frameSize(f) <= space, 'frame larger than the space given');
            from.inflight.push(f);
        }
    };
    const deliver = (from, to, i) => {
        const [f] = from.inflight.splice(i, 1);
        to.s.handleFrame(f, now);
        from.delivered.push(f);
    };
    const start = [
        { op: 'open', side: 0, bidi: true }, { op: 'open', side: 0, bidi: false },
        { op: 'open', side: 1, bidi: true }, { op: 'open', side: 1, bidi: false },
    ];
    for (const o of [...start, ...ops]) {
        now += 1000;
        const p = peers[o.side];
        const q = peers[o.side === 0 ? 1 : 0];
        const pick = (arr, n) => (arr.length === 0 ? undefined : arr[n % arr.length]);
        switch (o.op) {
            case 'open': {
                const id = p.s.open(o.bidi ? 'bidi' : 'uni');
                if (id !== undefined)
                    p.streams.push(id);
                break;
            }
            case 'write': {
                const id = pick(p.streams, o.pick);
                if (id === undefined)
                    break;
                const st = p.written.get(id) ?? { n: 0, fin: false };
                const data = Uint8Array.from({ length: o.len }, (_, i) => byteAt(id, st.n + i));
                try {
                    const n = p.s.write(id, data, o.fin);
                    assert.ok(n >= 0 && n <= o.len);
                    st.n += n;
                    if (o.fin && n === o.len)
                        st.fin = true;
                    p.written.set(id, st);
                }
                catch (e) {
                    allowed(e);
                }
                break;
            }
            case 'read': {
                const id = pick(p.streams, o.pick);
                if (id !== undefined)
                    doRead(p, id, o.max);
                break;
            }
            case 'transmit':
                transmit(p, o.count, o.space);
                break;
            case 'deliver':
                if (p.inflight.length)
                    deliver(p, q, o.pick % p.inflight.length);
                break;
            case 'lose':
                if (p.inflight.length)
                    p.s.onFrameLost(p.inflight.splice(o.pick % p.inflight.length, 1)[0]);
                break;
            case 'ack':
                if (p.delivered.length)
                    p.s.onFrameAcked(p.delivered.splice(o.pick % p.delivered.length, 1)[0]);
                break;
            case 'spurious':
                if (p.delivered.length)
                    p.s.onFrameLost(p.delivered[o.pick % p.delivered.length]);
                break;
            case 'reset':
            case 'stop': {
                const id = pick(p.streams, o.pick);
                if (id === undefined)
                    break;
                try {
                    if (o.op === 'reset')
                        p.s.reset(id, BigInt(o.pick % 100));
                    else
                        p.s.stop(id, BigInt(o.pick % 100));
                    reset.add(id);
                }
                catch (e) {
                    allowed(e);
                }
                break;
            }
        }
        drainEvents(p);
        drainEvents(q);
    }
    // Settle: a lossless link, readers consuming everything, until nothing moves.
    for (let round = 0; round < 500; round++) {
        now += 1000;
        let moved = false;
        for (const [a, b] of [[peers[0], peers[1]], [peers[1], peers[0]]]) {
            transmit(a, 1000, 1200);
            while (a.inflight.length) {
                deliver(a, b, 0);
                moved = true;
            }
            for (const f of a.delivered.splice(0))
                a.s.onFrameAcked(f);
            drainEvents(a);
            drainEvents(b);
            for (const id of b.streams)
                while (doRead(b, id, 5000))
                    moved = true;
        }
        if (!moved && !peers[0].s.hasPendingFrames() && !peers[1].s.hasPendingFrames())
            break;
    }
    assert.equal(peers[0].s.hasPendingFrames() || peers[1].s.hasPendingFrames(), false, 'the pair did not settle');
    for (const [w, r] of [[peers[0], peers[1]], [peers[1], peers[0]]]) {
        for (const [id, st] of w.written) {
            const got = r.read.get(id) ?? { n: 0, fin: false };
            if (reset.has(id)) {
                assert.ok(got.n <= st.n, `stream ${id}: more bytes than written`);
                continue;
            }
            assert.equal(got.n, st.n, `stream ${id}: all written bytes arrive`);
            assert.equal(got.fin, st.fin, `stream ${id}: FIN state`);
        }
    }
}
test('two StreamsState back to back: bytes arrive once and in order despite loss and reordering', () => {
    fc.assert(fc.property(fc.array(opArb, { minLength: 20, maxLength: 150, size: 'medium' }), (ops) => run(ops)), { numRuns: 500 });
});
test('hostile frames raise only TransportError and never grow memory beyond the windows', () => {
    const id = fc.oneof(fc.nat({ max: 64 }), fc.nat({ max: 2 ** 53 - 1 }));
    const big = fc.oneof(fc.nat({ max: 5000 }), fc.nat({ max: 2 ** 53 - 1 }));
    const frameArb = fc.oneof(fc.record({ type: fc.constant('stream'), streamId: id, offset: big, data: fc.uint8Array({ maxLength: 300 }), fin: fc.boolean() }), fc.record({ type: fc.constant('resetStream'), streamId: id, errorCode: fc.bigInt({ min: 0n, max: 2n ** 62n - 1n }), finalSize: big }), fc.record({ type: fc.constant('stopSending'), streamId: id, errorCode: fc.bigInt({ min: 0n, max: 2n ** 62n - 1n }) }), fc.record({ type: fc.constant('maxData'), maximum: big }), fc.record({ type: fc.constant('maxStreamData'), streamId: id, maximum: big }), fc.record({ type: fc.constant('maxStreams'), bidi: fc.boolean(), maximum: big }), fc.record({ type: fc.constant('dataBlocked'), limit: big }), fc.record({ type: fc.constant('streamDataBlocked'), streamId: id, limit: big }), fc.record({ type: fc.constant('streamsBlocked'), bidi: fc.boolean(), limit: big }));
    fc.assert(fc.property(fc.boolean(), fc.array(frameArb, { maxLength: 40 }), (isServer, frames) => {
        const s = new StreamsState(config(isServer));
        s.setPeerLimits(config(!isServer).local);
        s.open('bidi');
        s.open('uni');
        for (const f of frames) {
            try {
                s.handleFrame(f, 0);
            }
            catch (e) {
                if (e.name !== 'TransportError')
                    throw e;
                return; // the connection would close here
            }
            const st = s.stats();
            assert.ok(st.bytesReceived <= st.receiveLimit);
            assert.ok(st.openStreams <= 3 + 2 + 2);
            for (let p = s.pollFrame(1200, 0), n = 0; p && n < 100; p = s.pollFrame(1200, 0), n++)
                s.onFrameAcked(p);
            for (let e = s.pollEvent(); e; e = s.pollEvent()) { /* drain */ }
        }
    }), { numRuns: 1000 });
});
//# sourceMappingURL=streams.test.js.map