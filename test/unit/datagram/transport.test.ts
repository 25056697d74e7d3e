import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatagramError, OperationTimeoutError } from '../../../src/index.js';
import { asBytes, resolveTransport, withTimeout } from '../../../src/datagram/transport.js';
import { FakeChannel } from './fake-channel.js';

test('asBytes keeps views without copying and encodes strings', () => {
  const buf = new Uint8Array([1, 2, 3, 4]);
  assert.equal(asBytes(buf), buf);
  const view = asBytes(new DataView(buf.buffer, 1, 2));
  assert.equal(view.buffer, buf.buffer);
  assert.deepEqual([...view], [2, 3]);
  assert.deepEqual([...asBytes('hi')], [104, 105]);
  assert.deepEqual([...asBytes(new Uint8Array([7]).buffer)], [7]);
  assert.throws(() => asBytes(42 as never), DatagramError);
});

test('resolveTransport takes a session-shaped object or the transport itself', () => {
  const c = new FakeChannel();
  assert.equal(resolveTransport(c), c);
  assert.equal(resolveTransport({ datagrams: c }), c);
});

test('withTimeout: passes through, times out with OperationTimeoutError, follows the caller signal', async () => {
  assert.equal(await withTimeout('op', {}, async () => 5), 5);
  await assert.rejects(
    withTimeout('slow op', { timeoutMs: 2 }, (signal) => new Promise((_r, reject) => signal!.addEventListener('abort', () => reject(signal!.reason)))),
    (e: unknown) => e instanceof OperationTimeoutError && e.operation === 'slow op' && e.timeoutMs === 2,
  );
  const ac = new AbortController();
  ac.abort(new Error('early'));
  await assert.rejects(withTimeout('op', { timeoutMs: 100, signal: ac.signal }, async () => 1), /early/);
});
