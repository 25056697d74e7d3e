import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TimerKind, TimerTable } from '../../../../../src/proto/quic/connection/timers.js';
describe('TimerTable', () => {
    test('next() is the earliest armed deadline', () => {
        const t = new TimerTable();
        assert.equal(t.next(), undefined);
        t.set(TimerKind.IDLE, 500);
        t.set(TimerKind.ACK_DELAY, 200);
        t.set(TimerKind.HANDSHAKE, 300);
        assert.equal(t.next(), 200);
        t.stop(TimerKind.ACK_DELAY);
        assert.equal(t.next(), 300);
        t.set(TimerKind.HANDSHAKE, undefined);
        assert.equal(t.next(), 500);
    });
    test('a deadline of 0 is armed, not unset', () => {
        const t = new TimerTable();
        t.set(TimerKind.PACING, 0);
        assert.equal(t.next(), 0);
        assert.ok(t.isExpired(TimerKind.PACING, 0));
    });
    test('isExpired is inclusive and per kind', () => {
        const t = new TimerTable();
        t.set(TimerKind.LOSS_DETECTION, 100);
        assert.ok(!t.isExpired(TimerKind.LOSS_DETECTION, 99));
        assert.ok(t.isExpired(TimerKind.LOSS_DETECTION, 100));
        assert.ok(!t.isExpired(TimerKind.IDLE, 1_000));
        assert.equal(t.get(TimerKind.LOSS_DETECTION), 100);
    });
    test('clearAll disarms every kind', () => {
        const t = new TimerTable();
        for (const k of Object.values(TimerKind))
            t.set(k, 10 + k);
        t.clearAll();
        assert.equal(t.next(), undefined);
        for (const k of Object.values(TimerKind))
            assert.equal(t.get(k), undefined);
    });
});
//# sourceMappingURL=timers.test.js.map