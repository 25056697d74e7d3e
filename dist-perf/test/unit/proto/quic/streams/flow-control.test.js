import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ReceiveWindow, SendCredit } from '../../../../../src/proto/quic/streams/flow-control.js';
describe('SendCredit', () => {
    test('available shrinks with use and grows only with larger maxima', () => {
        const c = new SendCredit(100);
        c.used = 60;
        assert.equal(c.available, 40);
        assert.equal(c.raise(80), false, 'a smaller MAX_* (reordered) never lowers the limit');
        assert.equal(c.limit, 100);
        assert.equal(c.raise(150), true);
        assert.equal(c.available, 90);
    });
    test('a blocked state is reported once per limit', () => {
        const c = new SendCredit(10);
        assert.equal(c.takeBlockedReport(), false, 'not blocked');
        c.used = 10;
        assert.equal(c.takeBlockedReport(), true);
        assert.equal(c.takeBlockedReport(), false);
        c.raise(20);
        c.used = 20;
        assert.equal(c.takeBlockedReport(), true);
        assert.equal(c.blockedReportedAt, 20);
    });
});
describe('ReceiveWindow', () => {
    test('credit is granted only after half the window is consumed', () => {
        const w = new ReceiveWindow(1000, 1000);
        assert.equal(w.onConsumed(400, 0, 0), false);
        assert.equal(w.limit, 1000);
        assert.equal(w.onConsumed(101, 0, 0), true);
        assert.equal(w.limit, 1501);
        assert.equal(w.window, 1000, 'capped at the maximum');
    });
    test('auto-tuning doubles the window when consumption outpaces the RTT', () => {
        const rtt = 10_000;
        const w = new ReceiveWindow(1000, 8000);
        assert.equal(w.onConsumed(600, 0, rtt), true); // first update: no history yet
        assert.equal(w.window, 1000);
        assert.equal(w.onConsumed(600, 5_000, rtt), true); // half a window in 0.5 RTT: double
        assert.equal(w.window, 2000);
        assert.equal(w.limit, 1200 + 2000);
        assert.equal(w.onConsumed(1100, 8_000, rtt), true);
        assert.equal(w.window, 4000);
        assert.equal(w.onConsumed(2100, 9_000, rtt), true);
        assert.equal(w.onConsumed(4100, 10_000, rtt), true);
        assert.equal(w.window, 8000, 'never beyond maxWindow');
    });
    test('a slow reader keeps the window unchanged', () => {
        const rtt = 10_000;
        const w = new ReceiveWindow(1000, 8000);
        let now = 0;
        for (let i = 0; i < 10; i++) {
            now += 50_000; // five RTTs between updates
            w.onConsumed(600, now, rtt);
        }
        assert.equal(w.window, 1000);
        assert.equal(w.limit, w.consumed + 1000);
    });
    test('a zero window never grants credit', () => {
        const w = new ReceiveWindow(0, 100);
        assert.equal(w.onConsumed(0, 0, 0), false);
        assert.equal(w.limit, 0);
    });
});
//# sourceMappingURL=flow-control.test.js.map