import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_TIMER_DELAY_MS, nodeTimerScheduler } from '../../../src/runtime/timer-scheduler.js';
test('node scheduler fires callbacks and clears them', async () => {
    let fired = 0;
    await new Promise((resolve) => nodeTimerScheduler.setTimer(() => { fired++; resolve(); }, 1));
    const cleared = nodeTimerScheduler.setTimer(() => { fired += 100; }, 1);
    nodeTimerScheduler.clearTimer(cleared);
    const huge = nodeTimerScheduler.setTimer(() => { fired += 1000; }, MAX_TIMER_DELAY_MS * 10);
    await new Promise((r) => setTimeout(r, 10));
    nodeTimerScheduler.clearTimer(huge);
    assert.equal(fired, 1, 'a cleared timer never fires and a huge delay is not clamped to 1 ms');
});
//# sourceMappingURL=timer-scheduler.test.js.map