import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MiddlewareRejectedError } from '../../../../src/index.js';
import { createLoggingMiddleware } from '../../../../src/app/middleware/logging.js';
import { ctxFor, fakeRequest } from '../fakes.js';

test('logs accepted and rejected requests with peer, path, status and duration', async () => {
  const lines: string[] = [];
  let t = 1000;
  const mw = createLoggingMiddleware({ log: (l) => lines.push(l), now: () => t });
  await mw(ctxFor(fakeRequest('/ok', { ip: '127.0.0.2' })), async () => { t += 5; });
  await assert.rejects(async () => mw(ctxFor(fakeRequest('/no')), async () => { throw new MiddlewareRejectedError('x', { status: 429 }); }));
  await assert.rejects(async () => mw(ctxFor(fakeRequest('/bug')), async () => { throw new Error('bug'); }), /bug/);
  assert.deepEqual(lines, ['127.0.0.2:50000 /ok accepted 5ms', '127.0.0.1:50000 /no rejected 429 0ms', '127.0.0.1:50000 /bug rejected 500 0ms']);
});
