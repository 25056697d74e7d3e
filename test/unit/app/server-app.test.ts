import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationError } from '../../../src/index.js';
import { ServerApp } from '../../../src/app/server-app.js';
import type { HandlerErrorInfo, RequestContext } from '../../../src/app/types.js';
import { fakeRequest } from './fakes.js';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('ServerApp.handle', () => {
  test('routes exact and pattern paths, passing params, and closes the session when the handler returns', async () => {
    const seen: Array<[string, Record<string, string>]> = [];
    const app = new ServerApp()
      .route('/chat', (_s, ctx) => { seen.push(['chat', ctx.params]); })
      .route('/rooms/:room/users/:user', (_s, ctx) => { seen.push(['room', ctx.params]); })
      .route(/\/v(?<n>\d)/, (_s, ctx) => { seen.push(['re', ctx.params]); });
    const reqs = [fakeRequest('/chat?x=1'), fakeRequest('/rooms/r1/users/u%2F2'), fakeRequest('/v7')];
    for (const r of reqs) await app.handle(r);
    await tick();
    assert.deepEqual(seen, [['chat', {}], ['room', { room: 'r1', user: 'u/2' }], ['re', { n: '7' }]]);
    for (const r of reqs) {
      assert.equal(r.accepted.length, 1);
      assert.deepEqual(r.session.closes, [{ code: 0, reason: '' }]);
    }
    assert.deepEqual(app.stats(), { accepted: 3, rejected: 0, handlerErrors: 0, activeHandlers: 0 });
  });

  test('no route: 404; default handler takes over when set', async () => {
    const app = new ServerApp();
    const rejected: unknown[] = [];
    app.on('sessionRejected', (e) => rejected.push(e));
    const r1 = fakeRequest('/missing');
    await app.handle(r1);
    assert.deepEqual(r1.rejected, [{ status: 404, headers: {} }]);
    assert.deepEqual(rejected, [{ path: '/missing', status: 404 }]);
    let defaulted = false;
    app.setDefaultHandler(() => { defaulted = true; });
    const r2 = fakeRequest('/missing');
    await app.handle(r2);
    assert.equal(r2.accepted.length, 1);
    assert.equal(defaulted, true);
  });

  test('middleware runs in order, sees params, can reject with its status and headers', async () => {
    const order: string[] = [];
    const app = new ServerApp()
      .use(async (ctx, next) => { order.push(`a:${ctx.params['id']}`); await next(); })
      .use((ctx, next) => {
        order.push('b');
        if (ctx.request.headers['x-key'] !== 'ok') throw new AuthenticationError('no', { headers: { 'www-authenticate': 'Bearer' } });
        ctx.responseHeaders['x-served-by'] = 'app';
        return next();
      })
      .route('/item/:id', () => { order.push('handler'); });
    const bad = fakeRequest('/item/9');
    await app.handle(bad);
    assert.deepEqual(bad.rejected, [{ status: 401, headers: { 'www-authenticate': 'Bearer' } }]);
    assert.equal(bad.accepted.length, 0);
    const good = fakeRequest('/item/9', { headers: { 'x-key': 'ok' } });
    await app.handle(good);
    await tick();
    assert.deepEqual(good.accepted, [{ headers: { 'x-served-by': 'app' } }]);
    assert.deepEqual(order, ['a:9', 'b', 'a:9', 'b', 'handler']);
  });

  test('middleware also guards unknown paths (401 before 404)', async () => {
    const app = new ServerApp().use(() => { throw new AuthenticationError('no'); });
    const r = fakeRequest('/nothing-here');
    await app.handle(r);
    assert.equal(r.rejected[0]?.status, 401);
  });

  test('a buggy middleware gives 500 and is reported; out-of-range statuses become 403', async () => {
    const reports: HandlerErrorInfo[] = [];
    const app = new ServerApp().route('/', () => {});
    app.on('handlerError', (i) => reports.push(i));
    app.use(() => { throw new TypeError('oops'); });
    const r = fakeRequest('/');
    await app.handle(r);
    assert.equal(r.rejected[0]?.status, 500);
    assert.equal(reports[0]?.phase, 'middleware');
    const app2 = new ServerApp().route('/', () => {}).use(() => { throw new AuthenticationError('x', { status: 200 }); });
    const r2 = fakeRequest('/');
    await app2.handle(r2);
    assert.equal(r2.rejected[0]?.status, 403);
  });

  test('supervision: a throwing handler closes only its session, with the error code, and is reported', async () => {
    const reports: HandlerErrorInfo[] = [];
    const app = new ServerApp({ errorCloseCode: 42 });
    app.on('handlerError', (i) => reports.push(i));
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    app.route('/bad', async () => { throw new Error('handler blew up'); });
    app.route('/good', async () => { await gate; });
    const good = fakeRequest('/good');
    const bad = fakeRequest('/bad');
    await app.handle(good);
    await app.handle(bad);
    await tick();
    assert.deepEqual(bad.session.closes, [{ code: 42, reason: 'internal error' }]);
    assert.equal(reports.length, 1);
    assert.equal(reports[0]?.phase, 'handler');
    assert.match(String(reports[0]?.error), /handler blew up/);
    assert.equal(good.session.closes.length, 0, 'the other session is untouched');
    assert.equal(app.stats().activeHandlers, 1);
    release();
    await tick();
    assert.deepEqual(good.session.closes, [{ code: 0, reason: '' }]);
    assert.equal(app.stats().handlerErrors, 1);
  });

  test('a handler that closed its session itself is not closed again; accept failures are reported', async () => {
    const app = new ServerApp().route('/', async (s) => { await s.close({ code: 5 }); });
    const r = fakeRequest('/');
    await app.handle(r);
    await tick();
    assert.deepEqual(r.session.closes, [{ code: 5 }]);
    const reports: HandlerErrorInfo[] = [];
    app.on('handlerError', (i) => reports.push(i));
    const gone = fakeRequest('/');
    gone.accept = () => { throw new Error('peer gone'); };
    await app.handle(gone);
    assert.equal(reports[0]?.phase, 'accept');
  });

  test('ctx.state carries middleware data to the handler', async () => {
    let got: RequestContext | undefined;
    const app = new ServerApp().use((ctx, next) => { ctx.state['user'] = 'ann'; return next(); }).route('/', (_s, ctx) => { got = ctx; });
    await app.handle(fakeRequest('/'));
    assert.equal(got?.state['user'], 'ann');
  });
});

describe('ServerApp lifecycle', () => {
  test('close() without a server runs every shutdown hook and reports their errors together', async () => {
    const ran: string[] = [];
    const app = new ServerApp()
      .onShutdown(() => { ran.push('one'); throw new Error('first'); })
      .onShutdown(async () => { ran.push('two'); });
    await assert.rejects(app.close(), (e: unknown) => e instanceof AggregateError && e.errors.length === 1);
    assert.deepEqual(ran, ['one', 'two']);
    await assert.rejects(app.close(), AggregateError, 'close is idempotent');
  });

  test('stateful middleware is disposed after the shutdown hooks, newest first; disposal errors are reported', async () => {
    const ran: string[] = [];
    const plain = async (_ctx: RequestContext, next: () => Promise<void>): Promise<void> => { await next(); };
    const first = Object.assign(async (_ctx: RequestContext, next: () => Promise<void>) => { await next(); }, {
      [Symbol.asyncDispose]: async () => { ran.push('first disposed'); },
    });
    const second = Object.assign(async (_ctx: RequestContext, next: () => Promise<void>) => { await next(); }, {
      [Symbol.dispose]: () => { ran.push('second disposed'); throw new Error('dispose failed'); },
    });
    const app = new ServerApp().use(first).use(plain).use(second).onShutdown(() => { ran.push('hook'); });
    await assert.rejects(app.close(), (e: unknown) => e instanceof AggregateError && e.errors.length === 1);
    assert.deepEqual(ran, ['hook', 'second disposed', 'first disposed']);
  });

  test('the rate-limit middleware forgets its clients when disposed', async () => {
    const { createRateLimitMiddleware } = await import('../../../src/app/middleware/rate-limit.js');
    const mw = createRateLimitMiddleware({ maxRequests: 1 });
    const app = new ServerApp().use(mw).route('/x', () => {});
    await app.handle(fakeRequest('/x'));
    assert.equal(mw.limiter.size, 1);
    await app.close();
    assert.equal(mw.limiter.size, 0);
  });
});
