import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationError, MiddlewareRejectedError } from '../../../../src/index.js';
import { bearerTokenVerifier, createAuthMiddleware } from '../../../../src/app/middleware/auth.js';
import { ctxFor, fakeRequest } from '../fakes.js';

const next = (): Promise<void> => Promise.resolve();

test('bearer verifier accepts known tokens only', async () => {
  const mw = createAuthMiddleware({ verify: bearerTokenVerifier(['s3cret']), method: 'bearer' });
  await mw(ctxFor(fakeRequest('/', { headers: { authorization: 'Bearer s3cret' } })), next);
  for (const headers of [{} as Record<string, string>, { authorization: 'Bearer nope' }, { authorization: 's3cret' }]) {
    await assert.rejects(async () => mw(ctxFor(fakeRequest('/', { headers })), next), (e: unknown) => {
      assert.ok(e instanceof AuthenticationError);
      assert.equal(e.status, 401);
      assert.equal(e.authMethod, 'bearer');
      return true;
    });
  }
});

test('a truthy result is kept for the handler; a throwing verifier rejects with 401', async () => {
  const ctx = ctxFor(fakeRequest('/'));
  await createAuthMiddleware({ verify: async () => ({ user: 'ann' }) })(ctx, next);
  assert.deepEqual(ctx.state['auth'], { user: 'ann' });
  await assert.rejects(async () => createAuthMiddleware({ verify: () => { throw new Error('db down'); } })(ctxFor(fakeRequest('/')), next),
    (e: unknown) => e instanceof AuthenticationError && e.cause instanceof Error);
  // A verifier may pick its own status.
  await assert.rejects(async () => createAuthMiddleware({ verify: () => { throw new MiddlewareRejectedError('banned', { status: 451 }); } })(ctxFor(fakeRequest('/')), next),
    (e: unknown) => e instanceof MiddlewareRejectedError && e.status === 451);
});
