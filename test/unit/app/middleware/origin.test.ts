import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MiddlewareRejectedError } from '../../../../src/index.js';
import { createOriginMiddleware, normalizeOrigin } from '../../../../src/app/middleware/origin.js';
import { ctxFor, fakeRequest } from '../fakes.js';

const next = (): Promise<void> => Promise.resolve();
const is403 = (e: unknown): boolean => e instanceof MiddlewareRejectedError && e.status === 403;

test('normalizeOrigin drops default ports and case', () => {
  assert.equal(normalizeOrigin('HTTPS://Example.COM:443'), 'https://example.com');
  assert.equal(normalizeOrigin('https://example.com:8443/path'), 'https://example.com:8443');
  assert.equal(normalizeOrigin('null'), undefined);
  assert.equal(normalizeOrigin('not a url'), undefined);
});

test('allow-list accepts listed origins and echoes them', async () => {
  const mw = createOriginMiddleware({ allowedOrigins: ['https://app.example.com'] });
  const ctx = ctxFor(fakeRequest('/', { origin: 'https://APP.example.com:443' }));
  await mw(ctx, next);
  assert.equal(ctx.responseHeaders['access-control-allow-origin'], 'https://app.example.com');
  await assert.rejects(async () => mw(ctxFor(fakeRequest('/', { origin: 'https://evil.example.com' })), next), is403);
  await assert.rejects(async () => mw(ctxFor(fakeRequest('/', { origin: 'garbage' })), next), is403);
  await assert.rejects(async () => mw(ctxFor(fakeRequest('/')), next), is403, 'missing origin refused by default');
});

test('wildcard and allowMissing', async () => {
  const mw = createOriginMiddleware({ allowedOrigins: ['*'], allowMissing: true });
  const ctx = ctxFor(fakeRequest('/', { origin: 'https://anything.test' }));
  await mw(ctx, next);
  assert.equal(ctx.responseHeaders['access-control-allow-origin'], '*');
  await mw(ctxFor(fakeRequest('/')), next);
  assert.throws(() => createOriginMiddleware({ allowedOrigins: ['nope'] }), TypeError);
});
