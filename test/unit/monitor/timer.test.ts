import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemTimer } from '../../../src/monitor/timer.js';

describe('systemTimer', () => {
  test('fires the interval callback until cleared', async () => {
    let fired = 0;
    const handle = systemTimer.setInterval(() => { fired++; }, 5);
    await new Promise((r) => setTimeout(r, 40));
    systemTimer.clearInterval(handle);
    const seen = fired;
    assert.ok(seen >= 1);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(fired, seen);
  });

  test('now() follows the wall clock', () => {
    const before = Date.now();
    const t = systemTimer.now();
    assert.ok(t >= before && t <= Date.now());
  });
});
