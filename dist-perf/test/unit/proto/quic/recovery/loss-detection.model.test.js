/**
 * Model test: random send / ACK / timeout / key-discard sequences against a plain model of the
 * outstanding packets. bytesInFlight must always equal the sum of in-flight sizes the model
 * holds, every packet must be resolved (acked, lost or discarded) at most once, and a timer must
 * be armed whenever ack-eliciting packets are in flight.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LossDetection } from '../../../../../src/proto/quic/recovery/loss-detection.js';
import { RttEstimator } from '../../../../../src/proto/quic/recovery/rtt.js';
import { NewReno } from '../../../../../src/proto/quic/recovery/congestion/new-reno.js';
import { Cubic } from '../../../../../src/proto/quic/recovery/congestion/cubic.js';
import { TransportError, TransportErrorCode } from '../../../../../src/proto/quic/errors.js';
const space = fc.constantFrom(0, 1, 2);
const op = fc.oneof({ weight: 5, arbitrary: fc.record({ kind: fc.constant('send'), space, size: fc.integer({ min: 1, max: 1500 }),
        ackEliciting: fc.boolean(), padded: fc.boolean(), skip: fc.integer({ min: 0, max: 4 }), dt: fc.integer({ min: 0, max: 20_000 }) }) }, { weight: 3, arbitrary: fc.record({ kind: fc.constant('ack'), space,
        mask: fc.array(fc.boolean(), { minLength: 1, maxLength: 24 }),
        dt: fc.integer({ min: 0, max: 200_000 }), ackDelay: fc.integer({ min: 0, max: 50_000 }) }) }, { weight: 1, arbitrary: fc.record({ kind: fc.constant('skippedAck'), space }) }, { weight: 1, arbitrary: fc.record({ kind: fc.constant('bogusAck'), space, beyond: fc.integer({ min: 1, max: 10 }) }) }, { weight: 2, arbitrary: fc.record({ kind: fc.constant('timeout'), dt: fc.integer({ min: 0, max: 3_000_000 }) }) }, { weight: 1, arbitrary: fc.record({ kind: fc.constant('discard'), space: fc.constantFrom(0, 1) }) });
const ctx = { handshakeConfirmed: true, peerAddressValidated: true, hasHandshakeKeys: true, isServer: true };
test('random send/ack/loss/discard sequences keep bytesInFlight equal to the in-flight sizes', () => {
    // Coverage counters: the generator must actually reach acks, losses, probes and refusals.
    const seen = { acked: 0, lost: 0, probes: 0, refused: 0, discarded: 0 };
    fc.assert(fc.property(fc.boolean(), fc.array(op, { maxLength: 120 }), (cubic, ops) => {
        const rtt = new RttEstimator();
        const cc = cubic ? new Cubic() : new NewReno();
        const ld = new LossDetection({ rtt, cc, isServer: true, maxAckDelay: 25_000 });
        const model = [new Map(), new Map(), new Map()];
        const nextPn = [0, 0, 0];
        const sent = [[], [], []];
        const skipped = [[], [], []];
        let now = 0;
        const resolve = (ps) => {
            for (const p of ps)
                assert.ok(model[p.space].delete(p.pn), `packet ${p.space}/${p.pn} resolved twice or unknown`);
        };
        for (const o of ops) {
            switch (o.kind) {
                case 'send': {
                    now += o.dt;
                    const pn = nextPn[o.space] + (o.skip === 4 ? 1 : 0); // occasionally skip a packet number
                    if (o.skip === 4)
                        skipped[o.space].push(pn - 1);
                    sent[o.space].push(pn);
                    nextPn[o.space] = pn + 1;
                    const p = { pn, space: o.space, timeSent: now, size: o.size, ackEliciting: o.ackEliciting,
                        inFlight: o.ackEliciting || o.padded, frames: [] };
                    ld.onPacketSent(p, now);
                    model[o.space].set(pn, p);
                    break;
                }
                case 'ack': {
                    now += o.dt;
                    // Acknowledge a random subset of the most recent packet numbers actually sent.
                    const sentList = sent[o.space];
                    const base = sentList.length - o.mask.length;
                    const chosen = [];
                    o.mask.forEach((b, i) => { if (b && base + i >= 0)
                        chosen.push(sentList[base + i]); });
                    if (chosen.length === 0)
                        break;
                    const ranges = [];
                    for (let i = chosen.length - 1; i >= 0; i--) {
                        const last = ranges[ranges.length - 1];
                        if (last !== undefined && chosen[i] === last.smallest - 1)
                            last.smallest = chosen[i];
                        else
                            ranges.push({ smallest: chosen[i], largest: chosen[i] });
                    }
                    const r = ld.onAckReceived(o.space, { type: 'ack', ackDelay: 0, ranges }, o.ackDelay, now, true);
                    resolve(r.newlyAcked);
                    resolve(r.lost);
                    seen.acked += r.newlyAcked.length;
                    seen.lost += r.lost.length;
                    for (const p of r.newlyAcked)
                        assert.ok(ranges.some((g) => p.pn >= g.smallest && p.pn <= g.largest));
                    break;
                }
                case 'skippedAck': {
                    const pn = skipped[o.space].at(-1);
                    if (pn === undefined)
                        break;
                    const before = cc.bytesInFlight;
                    assert.throws(() => ld.onAckReceived(o.space, { type: 'ack', ackDelay: 0, ranges: [{ smallest: pn, largest: pn }] }, 0, now, true), (e) => e instanceof TransportError && e.code === TransportErrorCode.PROTOCOL_VIOLATION);
                    assert.equal(cc.bytesInFlight, before);
                    seen.refused++;
                    break;
                }
                case 'bogusAck': {
                    const largest = nextPn[o.space] - 1 + o.beyond;
                    assert.throws(() => ld.onAckReceived(o.space, { type: 'ack', ackDelay: 0, ranges: [{ smallest: largest, largest }] }, 0, now, true), (e) => e instanceof TransportError && e.code === TransportErrorCode.PROTOCOL_VIOLATION);
                    break;
                }
                case 'timeout': {
                    now += o.dt;
                    const r = ld.onTimeout(now, ctx);
                    resolve(r.lost);
                    seen.lost += r.lost.length;
                    if (r.probe !== undefined)
                        seen.probes++;
                    break;
                }
                case 'discard': {
                    const d = ld.discardSpace(o.space);
                    resolve(d);
                    seen.discarded += d.length;
                    break;
                }
            }
            let expected = 0;
            let ackElicitingInFlight = 0;
            for (const s of [0, 1, 2]) {
                let count = 0;
                for (const p of model[s].values()) {
                    if (p.inFlight)
                        expected += p.size;
                    if (p.inFlight && p.ackEliciting)
                        count++;
                }
                assert.equal(ld.inFlightAckEliciting(s), count);
                assert.equal(ld.outstanding(s), model[s].size);
                ackElicitingInFlight += count;
            }
            assert.equal(cc.bytesInFlight, expected);
            assert.equal(ld.bytesInFlight(), expected);
            assert.ok(cc.bytesInFlight >= 0);
            assert.ok(cc.window >= 2 * 1200);
            if (ackElicitingInFlight > 0)
                assert.notEqual(ld.timer(ctx), undefined);
        }
    }), { numRuns: 600 });
    for (const [k, v] of Object.entries(seen))
        assert.ok(v > 0, `the generator never produced: ${k}`);
});
//# sourceMappingURL=loss-detection.model.test.js.map