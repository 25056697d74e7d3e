import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compose } from '../../../../src/app/middleware/compose.js';
import { ctxFor, fakeRequest } from '../fakes.js';

test('runs middleware in order around the terminal step', async () => {
  const order: string[] = [];
  const run = compose([
    async (_c, next) => { order.push('a>'); await next(); order.push('<a'); },
    async (_c, next) => { order.push('b>'); await next(); order.push('<b'); },
  ]);
  await run(ctxFor(fakeRequest('/')), () => { order.push('end'); });
  assert.deepEqual(order, ['a>', 'b>', 'end', '<b', '<a']);
});

test('a middleware that does not call next stops the chain', async () => {
  let reached = false;
  await compose([() => {}])(ctxFor(fakeRequest('/')), () => { reached = true; });
  assert.equal(reached, false);
});

test('errors propagate and next() twice is refused', async () => {
  await assert.rejects(compose([() => { throw new Error('boom'); }])(ctxFor(fakeRequest('/')), () => {}), /boom/);
  await assert.rejects(compose([async (_c, next) => { await next(); await next(); }])(ctxFor(fakeRequest('/')), () => {}), /more than once/);
});
