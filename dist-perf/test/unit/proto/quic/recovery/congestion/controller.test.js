import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { initialWindow, minimumWindow, windowPacingRate } from '../../../../../../src/proto/quic/recovery/congestion/controller.js';
import { RttEstimator } from '../../../../../../src/proto/quic/recovery/rtt.js';
describe('congestion window constants (RFC 9002 §7.2)', () => {
    for (const [mds, iw] of [[1200, 12_000], [1472, 14_720], [1500, 14_720], [9000, 18_000]]) {
        test(`kInitialWindow for max_datagram_size ${mds} is ${iw}`, () => {
            assert.equal(initialWindow(mds), iw);
            assert.equal(minimumWindow(mds), 2 * mds);
        });
    }
    test('pacing rate is 1.25 * cwnd / srtt', () => {
        const rtt = new RttEstimator(100_000);
        assert.equal(windowPacingRate(12_000, rtt), 150_000); // bytes per second
    });
});
//# sourceMappingURL=controller.test.js.map