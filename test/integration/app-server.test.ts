/**
 * ServerApp over real loopback UDP: pattern routes with params, exact routes, 404, middleware
 * rejections (401 auth, 429 rate limit) seen by the client as SessionRejectedError, a throwing
 * handler closing only its own session, and the startup/shutdown hooks.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPki } from '../../src/testing/test-pki.js';
import { SessionRejectedError, WebTransportClient, type WebTransportSession } from '../../src/index.js';
import { ServerApp, bearerTokenVerifier, createAuthMiddleware, createRateLimitMiddleware, type HandlerErrorInfo } from '../../src/app/index.js';

type TestPki = Awaited<ReturnType<typeof createTestPki>>;
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Answers each bidi stream with `reply` then waits for the session to end. */
async function answer(session: WebTransportSession, reply: string): Promise<void> {
  for await (const stream of session.incomingBidirectionalStreams) {
    await stream.readAll();
    await stream.write(reply, { endStream: true });
  }
}

async function ask(session: WebTransportSession): Promise<string> {
  const stream = await session.createBidirectionalStream();
  await stream.write('?', { endStream: true });
  return text(await stream.readAll());
}

describe('ServerApp over loopback', () => {
  let pki: TestPki;
  let app: ServerApp;
  let client: WebTransportClient;
  let base: string;
  const hooks: string[] = [];
  const reports: HandlerErrorInfo[] = [];

  before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    app = new ServerApp()
      .onStartup(() => { hooks.push('startup'); })
      .onShutdown(() => { hooks.push('shutdown'); })
      .use(createAuthMiddleware({ verify: bearerTokenVerifier(['letmein']) }))
      .use(createRateLimitMiddleware({ maxRequests: 3, windowMs: 60_000, key: (ctx) => ctx.request.headers['x-client'] }))
      .route('/echo', (s) => answer(s, 'echo'))
      .route('/rooms/:room/users/:user', (s, ctx) => answer(s, `${ctx.params['room']}|${ctx.params['user']}`))
      .route('/files/*', (s, ctx) => answer(s, `file:${ctx.params['wildcard']}`))
      .route('/crash', async (s) => {
        for await (const stream of s.incomingBidirectionalStreams) {
          await stream.readAll();
          throw new Error('handler crashed');
        }
      });
    app.on('handlerError', (i) => reports.push(i));
    const server = await app.listen({
      host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey,
      config: { readTimeoutMs: null, writeTimeoutMs: null },
    });
    assert.deepEqual(hooks, ['startup']);
    client = new WebTransportClient({ config: { readTimeoutMs: null, writeTimeoutMs: null } });
    base = `https://localhost:${server.address.port}`;
  });

  after(async () => {
    await client?.close();
    await app?.close({ timeoutMs: 200 });
    assert.deepEqual(hooks, ['startup', 'shutdown']);
  });

  const open = (path: string, headers: Record<string, string> = { authorization: 'Bearer letmein' }): Promise<WebTransportSession> =>
    client.connect(`${base}${path}`, { ca: pki.caPem, timeoutMs: 5000, headers });

  const rejectedWith = (status: number) => (e: unknown): boolean => {
    assert.ok(e instanceof SessionRejectedError, `expected SessionRejectedError, got ${String(e)}`);
    assert.equal(e.status, status);
    return true;
  };

  test('exact, param and wildcard routes reach their handlers', async () => {
    const echo = await open('/echo');
    assert.equal(await ask(echo), 'echo');
    const room = await open('/rooms/lobby/users/ann%20b?ignored=1');
    assert.equal(await ask(room), 'lobby|ann b');
    const file = await open('/files/a/b.txt');
    assert.equal(await ask(file), 'file:a/b.txt');
    await Promise.all([echo.close(), room.close(), file.close()]);
  });

  test('unknown path: 404; missing or wrong token: 401', async () => {
    await assert.rejects(open('/nope'), rejectedWith(404));
    await assert.rejects(open('/echo', {}), rejectedWith(401));
    await assert.rejects(open('/echo', { authorization: 'Bearer wrong' }), rejectedWith(401));
  });

  test('rate limit: the 4th request of one client key gets 429, others are unaffected', async () => {
    const headers = { authorization: 'Bearer letmein', 'x-client': 'greedy' };
    for (let i = 0; i < 3; i++) await (await open('/echo', headers)).close();
    await assert.rejects(open('/echo', headers), (e: unknown) => rejectedWith(429)(e) && (e as SessionRejectedError).headers['retry-after'] === '60');
    const other = await open('/echo', { authorization: 'Bearer letmein', 'x-client': 'polite' });
    await other.close();
  });

  test('a crashing handler closes only its session (code 1) and is reported', async () => {
    const healthy = await open('/echo');
    const crashing = await open('/crash');
    const s = await crashing.createBidirectionalStream();
    await s.write('go', { endStream: true });
    const info = await crashing.closed;
    assert.equal(info.code, 1);
    assert.equal(info.remote, true);
    assert.ok(reports.some((r) => r.phase === 'handler' && r.path === '/crash' && /handler crashed/.test(String(r.error))));
    assert.equal(await ask(healthy), 'echo', 'the other session still works');
    await healthy.close();
  });
});
