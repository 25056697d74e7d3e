import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock, VirtualScheduler } from '../../../src/testing/virtual-clock.js';
import { SimBoundError } from '../../../src/testing/sim-bound-error.js';
describe('VirtualClock', () => {
    test('moves only when told, never backwards', () => {
        const c = new VirtualClock(5_000);
        assert.equal(c.now(), 5_000);
        assert.equal(c.nowMs(), 5);
        c.advance(1.5);
        assert.equal(c.now(), 6_500);
        c.advanceTo(10_000);
        assert.equal(c.now(), 10_000);
        assert.throws(() => c.advanceTo(9_999), RangeError);
        assert.throws(() => c.advance(-1), RangeError);
        assert.throws(() => c.advanceTo(1.5), RangeError);
    });
});
describe('VirtualScheduler', () => {
    test('fires timers in (deadline, creation) order with the clock at each deadline', () => {
        const s = new VirtualScheduler(new VirtualClock(0));
        const log = [];
        s.setTimer(300, () => log.push(`c@${s.clock.now()}`));
        s.setTimer(100, () => log.push(`a@${s.clock.now()}`));
        s.setTimer(100, () => log.push(`b@${s.clock.now()}`));
        const cancelled = s.setTimer(200, () => log.push('cancelled'));
        s.clearTimer(cancelled);
        assert.equal(s.pendingCount, 3);
        assert.equal(s.nextDeadline(), 100);
        assert.equal(s.runUntil(250), 2);
        assert.deepEqual(log, ['a@100', 'b@100']);
        assert.equal(s.clock.now(), 250);
        assert.equal(s.advance(1), 1);
        assert.deepEqual(log, ['a@100', 'b@100', 'c@300']);
        assert.equal(s.clock.now(), 1250);
        assert.equal(s.nextDeadline(), undefined);
    });
    test('timers set from callbacks run in the same pass; past deadlines fire at now', () => {
        const s = new VirtualScheduler(new VirtualClock(1_000));
        const log = [];
        s.setTimeout(() => {
            log.push(s.clock.now());
            s.setTimeout(() => log.push(s.clock.now()), 2);
        }, 1);
        s.setTimer(10, () => log.push(s.clock.now())); // already in the past
        s.runUntil(10_000);
        assert.deepEqual(log, [1_000, 2_000, 4_000]);
    });
    test('runUntilIdle drains and is bounded', () => {
        const s = new VirtualScheduler(new VirtualClock(0));
        let n = 0;
        s.setTimeout(() => n++, 5);
        assert.equal(s.runUntilIdle(), 1);
        assert.equal(n, 1);
        const rearm = () => {
            s.setTimeout(rearm, 10);
        };
        rearm();
        assert.throws(() => s.runUntilIdle({ maxTimeMs: 1_000, seed: 77 }), (e) => {
            assert.ok(e instanceof SimBoundError);
            assert.equal(e.seed, 77);
            assert.match(e.message, /seed=77/);
            return true;
        });
    });
});
//# sourceMappingURL=virtual-clock.test.js.map