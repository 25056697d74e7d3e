import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AsyncQueue } from '../../../src/runtime/async-queue.js';
test('delivers pushed items in order to waiting and later consumers, then ends', async () => {
    const q = new AsyncQueue();
    const early = q.next();
    q.push(1);
    q.push(2);
    q.push(3);
    assert.deepEqual(await early, { value: 1, done: false });
    q.end();
    q.push(4); // ignored after end
    const rest = [];
    for await (const v of q)
        rest.push(v);
    assert.deepEqual(rest, [2, 3]);
    assert.equal((await q.next()).done, true);
});
test('end(error) rejects waiting consumers after the queue drains', async () => {
    const q = new AsyncQueue();
    const waiting = q.next();
    q.end(new Error('boom'));
    await assert.rejects(waiting, /boom/);
    await assert.rejects(q.next(), /boom/);
});
//# sourceMappingURL=async-queue.test.js.map