import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CUBIC_BETA, Cubic } from '../../../../../../src/proto/quic/recovery/congestion/cubic.js';
import { RttEstimator } from '../../../../../../src/proto/quic/recovery/rtt.js';
import { pkt } from '../helpers.js';
function send(cc, pn, t) {
    const p = pkt(2, pn, t);
    cc.onPacketSent(p.size, t);
    return p;
}
describe('CUBIC (RFC 9438)', () => {
    test('slow start like Reno, then multiplicative decrease by beta = 0.7', () => {
        const cc = new Cubic();
        const rtt = new RttEstimator(100_000);
        cc.onPacketsAcked([send(cc, 0, 0)], 1000, rtt);
        assert.equal(cc.window, 13_200);
        cc.onPacketsLost([send(cc, 1, 2000)], 3000, false);
        assert.equal(cc.window, Math.floor(13_200 * CUBIC_BETA));
        assert.equal(cc.ssthresh, cc.window);
        // Same recovery period: no second decrease.
        cc.onPacketsLost([send(cc, 2, 2500)], 4000, false);
        assert.equal(cc.window, 9240);
        assert.equal(cc.bytesInFlight, 0);
    });
    test('congestion avoidance climbs back towards W_max along a concave then convex curve', () => {
        const cc = new Cubic({ initialWindow: 120_000 });
        const rtt = new RttEstimator(50_000);
        rtt.update(50_000, 0, 0, true);
        cc.onPacketsLost([send(cc, 0, 0)], 1000, false);
        const reduced = cc.window;
        assert.equal(reduced, 84_000);
        // One full window of ACKs per RTT for a few seconds of simulated time.
        let pn = 1;
        let now = 10_000;
        const samples = [];
        for (let round = 0; round < 60; round++) {
            const batch = [];
            const perRound = Math.floor(cc.window / 1200);
            for (let i = 0; i < perRound; i++)
                batch.push(send(cc, pn++, now));
            now += 50_000;
            cc.onPacketsAcked(batch, now, rtt);
            samples.push(cc.window);
        }
        // Grows monotonically, reaches about W_max = 120000 around K = cbrt(36000/1200/0.4) ~ 4.2 s... and
        // keeps growing beyond it (convex region), never by more than 50% per round.
        for (let i = 1; i < samples.length; i++) {
            assert.ok(samples[i] >= samples[i - 1]);
            assert.ok(samples[i] <= samples[i - 1] * 1.5 + 1200);
        }
        assert.ok(samples[samples.length - 1] > reduced);
        assert.equal(cc.bytesInFlight, 0);
    });
    test('persistent congestion resets to the minimum window; discard and app-limited behave like Reno', () => {
        const cc = new Cubic();
        cc.onPacketsLost([send(cc, 0, 0)], 1000, true);
        assert.equal(cc.window, 2400);
        assert.equal(cc.recoveryStartTime, undefined);
        cc.appLimited = true;
        cc.onPacketsAcked([send(cc, 1, 2000)], 3000, new RttEstimator());
        assert.equal(cc.window, 2400);
        const p = send(cc, 2, 4000);
        cc.onPacketDiscarded(p);
        assert.equal(cc.bytesInFlight, 0);
        assert.equal(cc.canSend(2400), true);
    });
    test('W_cubic(K) equals W_max', () => {
        const cc = new Cubic({ initialWindow: 120_000 });
        cc.onPacketsLost([send(cc, 0, 0)], 1000, false);
        // K = cbrt((120000 - 84000) / 1200 / 0.4) seconds
        const k = Math.cbrt(36_000 / 1200 / 0.4) * 1e6;
        assert.ok(Math.abs(cc.cubicWindow(k) - 120_000) < 1e-6);
        assert.ok(cc.cubicWindow(0) < 84_001 && cc.cubicWindow(0) > 83_999);
    });
});
//# sourceMappingURL=cubic.test.js.map