import { test } from 'node:test';
import assert from 'node:assert/strict';
import { systemClock, wallClockMicros } from '../../../src/runtime/clock.js';
test('systemClock is integer microseconds and never goes backwards', () => {
    let last = systemClock.now();
    for (let i = 0; i < 10_000; i++) {
        const t = systemClock.now();
        assert.ok(Number.isSafeInteger(t));
        assert.ok(t >= last);
        last = t;
    }
});
test('wallClockMicros is the Unix time in microseconds', () => {
    const before = Date.now() * 1000;
    const t = wallClockMicros();
    const after = Date.now() * 1000;
    assert.ok(t >= before && t <= after);
    assert.ok(Number.isSafeInteger(t));
});
//# sourceMappingURL=clock.test.js.map