import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AlertSubscription } from '../../../src/monitor/alert-subscription.js';
import type { MonitorAlert } from '../../../src/monitor/alert.js';

const alert = (type: string): MonitorAlert => ({ type, severity: 'warning', message: type, value: 1, threshold: 0, timestamp: 0 });

describe('AlertSubscription', () => {
  test('delivers pushed alerts to a waiting consumer and buffered ones later', async () => {
    const sub = new AlertSubscription(10, () => {});
    const first = sub.next();
    sub.push(alert('a'));
    assert.equal((await first).value?.type, 'a');
    sub.push(alert('b'));
    sub.push(alert('c'));
    assert.equal((await sub.next()).value?.type, 'b');
    assert.equal((await sub.next()).value?.type, 'c');
  });

  test('drops the oldest when the consumer lags past capacity', async () => {
    const sub = new AlertSubscription(2, () => {});
    for (const t of ['a', 'b', 'c', 'd']) sub.push(alert(t));
    assert.equal(sub.dropped, 2);
    sub.close();
    const got: string[] = [];
    for await (const a of sub) got.push(a.type);
    assert.deepEqual(got, ['c', 'd']);
  });

  test('close ends a pending next() and calls onDone once; pushes after close are ignored', async () => {
    let done = 0;
    const sub = new AlertSubscription(2, () => { done++; });
    const pending = sub.next();
    sub.close();
    sub.close();
    assert.deepEqual(await pending, { value: undefined, done: true });
    sub.push(alert('late'));
    assert.equal((await sub.next()).done, true);
    assert.equal(done, 1);
  });

  test('breaking out of for-await unsubscribes', async () => {
    let done = 0;
    const sub = new AlertSubscription(4, () => { done++; });
    sub.push(alert('a'));
    for await (const a of sub) {
      assert.equal(a.type, 'a');
      break;
    }
    assert.equal(done, 1);
  });
});
