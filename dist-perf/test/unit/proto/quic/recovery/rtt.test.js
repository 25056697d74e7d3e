import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { K_GRANULARITY, RttEstimator } from '../../../../../src/proto/quic/recovery/rtt.js';
describe('RttEstimator (RFC 9002 §5)', () => {
    test('starts from kInitialRtt = 333 ms with rttvar = initial / 2', () => {
        const r = new RttEstimator();
        assert.equal(r.smoothedRtt, 333_000);
        assert.equal(r.rttVar, 166_500);
        assert.equal(r.minRtt, 0);
        assert.equal(r.hasSample, false);
        assert.equal(r.ptoBase(), 333_000 + 4 * 166_500);
    });
    test('first sample sets min, smoothed and rttvar = sample / 2 and ignores ack delay', () => {
        const r = new RttEstimator();
        r.update(100_000, 20_000, 25_000, true);
        assert.deepEqual([r.latestRtt, r.minRtt, r.smoothedRtt, r.rttVar, r.hasSample], [100_000, 100_000, 100_000, 50_000, true]);
    });
    const cases = [
        // adjusted = 120000 - 10000 = 110000; rttvar = (3*50000 + 10000)/4; srtt = (7*100000 + 110000)/8
        { name: 'ack delay subtracted when plausible', latest: 120_000, ackDelay: 10_000, confirmed: true, srtt: 101_250, rttvar: 40_000, min: 100_000 },
        // confirmed: delay clamped to max_ack_delay 25000 -> adjusted 105000
        { name: 'ack delay clamped to max_ack_delay after confirmation', latest: 130_000, ackDelay: 50_000, confirmed: true, srtt: 100_625, rttvar: 38_750, min: 100_000 },
        // not confirmed: 130000 < 100000 + 50000, so the delay is not subtracted -> adjusted 130000
        { name: 'implausible ack delay ignored', latest: 130_000, ackDelay: 50_000, confirmed: false, srtt: 103_750, rttvar: 45_000, min: 100_000 },
        // not confirmed: no clamp, 200000 >= 150000 -> adjusted 150000
        { name: 'no clamp before confirmation', latest: 200_000, ackDelay: 50_000, confirmed: false, srtt: 106_250, rttvar: 50_000, min: 100_000 },
        // min_rtt takes the raw sample; 80000 < 80000 + 30000 so the delay is not subtracted
        { name: 'min_rtt ignores ack delay', latest: 80_000, ackDelay: 30_000, confirmed: true, srtt: 97_500, rttvar: 42_500, min: 80_000 },
    ];
    for (const c of cases) {
        test(c.name, () => {
            const r = new RttEstimator();
            r.update(100_000, 0, 25_000, true);
            r.update(c.latest, c.ackDelay, 25_000, c.confirmed);
            assert.equal(r.latestRtt, c.latest);
            assert.equal(r.smoothedRtt, c.srtt);
            assert.equal(r.rttVar, c.rttvar);
            assert.equal(r.minRtt, c.min);
        });
    }
    test('ptoBase uses kGranularity when 4*rttvar is smaller', () => {
        const r = new RttEstimator();
        r.update(400, 0, 0, false);
        assert.equal(r.ptoBase(), 400 + K_GRANULARITY);
        r.reset();
        assert.equal(r.smoothedRtt, 333_000);
        assert.equal(r.hasSample, false);
    });
    test('custom initial RTT', () => {
        const r = new RttEstimator(100_000);
        assert.equal(r.ptoBase(), 100_000 + 200_000);
    });
});
//# sourceMappingURL=rtt.test.js.map