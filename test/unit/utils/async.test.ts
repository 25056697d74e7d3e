import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperationTimeoutError } from '../../../src/index.js';
import { Timer, runWithTimeout, waitForCondition } from '../../../src/utils/async.js';

test('Timer measures between start and stop; dispose stops it', () => {
  const t = new Timer('t');
  assert.equal(t.elapsedMs, 0);
  assert.throws(() => t.stop(), /not started/);
  t.start();
  const first = t.stop();
  assert.ok(first >= 0);
  assert.equal(t.stop(), first, 'stop is idempotent');
  assert.equal(t.elapsedMs, first);
  {
    using scoped = new Timer().start();
    void scoped;
  }
});

test('waitForCondition resolves when the condition holds, times out, aborts and forwards errors', async () => {
  let n = 0;
  await waitForCondition(() => ++n >= 3, { intervalMs: 1 });
  assert.ok(n >= 3);
  await assert.rejects(waitForCondition(() => false, { intervalMs: 1, timeoutMs: 5 }), OperationTimeoutError);
  await assert.rejects(waitForCondition(() => false, { signal: AbortSignal.abort(new Error('stop')) }), /stop/);
  const controller = new AbortController();
  const waiting = waitForCondition(() => false, { intervalMs: 1, signal: controller.signal });
  controller.abort(new Error('later'));
  await assert.rejects(waiting, /later/);
  await assert.rejects(waitForCondition(() => { throw new Error('broken'); }), /broken/);
});

test('runWithTimeout returns the result, or the default at the deadline (aborting the work)', async () => {
  assert.equal(await runWithTimeout(Promise.resolve(7), 1000), 7);
  assert.equal(await runWithTimeout(new Promise<number>(() => {}), 5, 'late'), 'late');
  let aborted: unknown;
  const result = await runWithTimeout((signal) => new Promise<number>((_, reject) => {
    signal.addEventListener('abort', () => { aborted = signal.reason; reject(signal.reason as Error); });
  }), 5);
  assert.equal(result, undefined);
  assert.ok(aborted instanceof OperationTimeoutError);
  await assert.rejects(runWithTimeout(Promise.reject(new Error('failed')), 1000), /failed/);
});
