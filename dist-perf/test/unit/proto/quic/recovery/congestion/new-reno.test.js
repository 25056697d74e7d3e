import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NewReno } from '../../../../../../src/proto/quic/recovery/congestion/new-reno.js';
import { RttEstimator } from '../../../../../../src/proto/quic/recovery/rtt.js';
import { pkt } from '../helpers.js';
const rtt = new RttEstimator();
function sent(cc, n, t, firstPn = 0) {
    const ps = [];
    for (let i = 0; i < n; i++) {
        const p = pkt(2, firstPn + i, t);
        cc.onPacketSent(p.size, t);
        ps.push(p);
    }
    return ps;
}
describe('NewReno (RFC 9002 §7, Appendix B)', () => {
    test('starts in slow start at kInitialWindow and grows by the bytes acknowledged', () => {
        const cc = new NewReno();
        assert.equal(cc.window, 12_000);
        assert.equal(cc.ssthresh, Infinity);
        const ps = sent(cc, 10, 0);
        assert.equal(cc.bytesInFlight, 12_000);
        assert.equal(cc.canSend(1), false);
        cc.onPacketsAcked(ps.slice(0, 5), 1000, rtt);
        assert.equal(cc.window, 18_000);
        assert.equal(cc.bytesInFlight, 6000);
        assert.equal(cc.canSend(12_000), true);
        assert.equal(cc.canSend(12_001), false);
    });
    test('loss halves once per recovery period; acks of pre-recovery packets do not grow the window', () => {
        const cc = new NewReno();
        const early = sent(cc, 6, 1000);
        cc.onPacketsLost([early[0]], 5000, false);
        assert.deepEqual([cc.window, cc.ssthresh, cc.recoveryStartTime], [6000, 6000, 5000]);
        // Another loss of a packet sent before recovery started: same period, no second reduction.
        cc.onPacketsLost([early[1]], 6000, false);
        assert.equal(cc.window, 6000);
        cc.onPacketsAcked(early.slice(2), 7000, rtt);
        assert.equal(cc.window, 6000);
        assert.equal(cc.bytesInFlight, 0);
        // A packet sent after recovery started ends the period when lost: a new reduction.
        const late = sent(cc, 1, 8000, 10);
        cc.onPacketsLost(late, 9000, false);
        assert.deepEqual([cc.window, cc.ssthresh, cc.recoveryStartTime], [3000, 3000, 9000]);
    });
    test('congestion avoidance grows by one max_datagram_size per window acknowledged', () => {
        const cc = new NewReno();
        cc.onPacketsLost(sent(cc, 1, 0), 1000, false); // window 6000 = ssthresh
        assert.equal(cc.inSlowStart(), false);
        const ps = sent(cc, 10, 2000, 1);
        cc.onPacketsAcked(ps.slice(0, 4), 3000, rtt); // 4800 < 6000
        assert.equal(cc.window, 6000);
        cc.onPacketsAcked(ps.slice(4, 5), 3000, rtt); // 6000 acked
        assert.equal(cc.window, 7200);
        cc.onPacketsAcked(ps.slice(5, 10), 3000, rtt); // 6000 more, below the new 7200
        assert.equal(cc.window, 7200);
    });
    test('the window never drops below kMinimumWindow; persistent congestion collapses to it', () => {
        const cc = new NewReno();
        for (let i = 0; i < 5; i++)
            cc.onPacketsLost(sent(cc, 1, i * 10_000 + 1), i * 10_000 + 5000, false);
        assert.equal(cc.window, 2400);
        const big = new NewReno({ maxDatagramSize: 1200, initialWindow: 100_000 });
        big.onPacketsLost(sent(big, 2, 0), 1000, true);
        assert.equal(big.window, 2400);
        assert.equal(big.recoveryStartTime, undefined);
        assert.equal(big.bytesInFlight, 0);
    });
    test('no growth while application limited', () => {
        const cc = new NewReno();
        cc.appLimited = true;
        cc.onPacketsAcked(sent(cc, 2, 0), 1000, rtt);
        assert.equal(cc.window, 12_000);
        assert.equal(cc.bytesInFlight, 0);
    });
    test('packets not in flight do not touch bytes in flight; discard removes without a congestion event', () => {
        const cc = new NewReno();
        const ackOnly = pkt(2, 0, 0, { ackEliciting: false });
        cc.onPacketsAcked([ackOnly], 10, rtt);
        cc.onPacketsLost([ackOnly], 10, false);
        assert.deepEqual([cc.window, cc.bytesInFlight, cc.recoveryStartTime], [12_000, 0, undefined]);
        const [p] = sent(cc, 1, 0);
        cc.onPacketDiscarded(p);
        assert.deepEqual([cc.window, cc.bytesInFlight], [12_000, 0]);
        // bytes in flight never go negative, even on a double report
        cc.onPacketDiscarded(p);
        assert.equal(cc.bytesInFlight, 0);
    });
    test('ECN-CE starts a recovery period like a loss', () => {
        const cc = new NewReno();
        cc.onEcnCe(100, 200);
        assert.deepEqual([cc.window, cc.recoveryStartTime], [6000, 200]);
        cc.onEcnCe(150, 300);
        assert.equal(cc.window, 6000);
    });
    test('pacing rate and datagram size changes', () => {
        const cc = new NewReno();
        assert.equal(cc.pacingRate(new RttEstimator(100_000)), 150_000);
        cc.setMaxDatagramSize(9000);
        assert.equal(cc.window, 18_000);
        assert.equal(cc.maxDatagramSize, 9000);
    });
});
//# sourceMappingURL=new-reno.test.js.map