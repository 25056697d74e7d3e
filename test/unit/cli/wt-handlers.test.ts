import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionRequest } from '../../../src/api/session-request.js';
import type { SessionCloseInfo } from '../../../src/api/session.js';
import { WtHandlers, closeRecord, endpointOf } from '../../../src/cli/wt-handlers.js';

const empty = { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ value: undefined, done: true as const }) }) };

/** A session that records what the handlers did to it; `end` finishes it like a peer close. */
function fakeSession() {
  let end!: (info: SessionCloseInfo) => void;
  const closed = new Promise<SessionCloseInfo>((r) => { end = r; });
  const written: string[] = [];
  const session = {
    sessionId: 0,
    closed,
    closes: [] as { code?: number; reason?: string }[],
    written,
    incomingBidirectionalStreams: empty,
    incomingUnidirectionalStreams: empty,
    datagrams: { ...empty, trySend: () => true },
    createBidirectionalStream: () => Promise.reject(new Error('not in this test')),
    createUnidirectionalStream: () => Promise.resolve({
      write: (data: string) => { written.push(data); return Promise.resolve(); },
    }),
    close(options: { code?: number; reason?: string }) {
      session.closes.push(options);
      end({ code: options.code ?? 0, reason: options.reason ?? '', remote: false });
      return closed;
    },
    end,
  };
  return session;
}

function fakeRequest(path: string) {
  const url = new URL(`https://127.0.0.1${path}`);
  const session = fakeSession();
  const request = {
    path: url.pathname, url, query: Object.fromEntries(url.searchParams), origin: 'http://127.0.0.1:1',
    rejected: undefined as number | undefined,
    accept: () => session,
    reject(status: number) { request.rejected = status; },
  };
  return { request: request as unknown as SessionRequest & { rejected?: number }, session };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('endpointOf', () => {
  test('takes the last path segment, with or without .py', () => {
    assert.equal(endpointOf('/echo'), 'echo');
    assert.equal(endpointOf('/webtransport/handlers/echo.py'), 'echo');
    assert.equal(endpointOf('/wt/server-close?code=1'), 'server-close');
    assert.equal(endpointOf('/client-close.py'), 'client-close');
    assert.equal(endpointOf('/query'), 'query');
  });
  test('unknown endpoints give undefined', () => {
    for (const p of ['/', '/echo/', '/echoes', '/x.py', '/query.pyc']) assert.equal(endpointOf(p), undefined, p);
  });
});

describe('closeRecord', () => {
  test('a close with a code or reason was orderly', () => {
    assert.deepEqual(closeRecord({ code: 4242, reason: 'bye', remote: true }), { 'session-close-info': { abruptly: false, close_info: { code: 4242, reason: 'bye' } } });
  });
  test('a remote end without code or reason counts as abrupt', () => {
    assert.deepEqual(closeRecord({ code: 0, reason: '', remote: true }), { 'session-close-info': { abruptly: true, close_info: null } });
  });
});

describe('WtHandlers', () => {
  test('rejects an unknown path with 404 and counts it', () => {
    const h = new WtHandlers();
    const { request } = fakeRequest('/nope');
    assert.equal(h.handle(request), undefined);
    assert.equal(request.rejected, 404);
    assert.equal(h.stats.rejected, 1);
  });

  test('/server-close closes with the code and reason of the query', () => {
    const { request, session } = fakeRequest('/server-close?code=4000&reason=server-bye');
    new WtHandlers().handle(request);
    assert.deepEqual(session.closes, [{ code: 4000, reason: 'server-bye' }]);
  });

  test('/server-close with a code out of u32 range closes with 0 and clamps the reason to 1024 bytes', () => {
    const { request, session } = fakeRequest(`/server-close?code=99999999999&reason=${'é'.repeat(600)}`);
    new WtHandlers().handle(request);
    assert.equal(session.closes[0]!.code, 0);
    const reason = session.closes[0]!.reason!;
    assert.ok(new TextEncoder().encode(reason).length <= 1024);
    assert.equal(reason, 'é'.repeat(512));
  });

  test('/client-close records the close; /query hands it out once, then {}', async () => {
    const h = new WtHandlers();
    const cc = fakeRequest('/client-close?token=T1');
    h.handle(cc.request);
    cc.session.end({ code: 7, reason: 'r', remote: true });
    await tick();
    assert.deepEqual(h.record('T1'), { 'session-close-info': { abruptly: false, close_info: { code: 7, reason: 'r' } } });
    const q1 = fakeRequest('/query?token=T1');
    h.handle(q1.request);
    await tick();
    assert.deepEqual(JSON.parse(q1.session.written[0]!), { 'session-close-info': { abruptly: false, close_info: { code: 7, reason: 'r' } } });
    const q2 = fakeRequest('/query?token=T1');
    h.handle(q2.request);
    await tick();
    assert.equal(q2.session.written[0], '{}');
  });

  test('keeps at most maxRecords tokens, dropping the oldest', async () => {
    const h = new WtHandlers({ maxRecords: 3 });
    for (let i = 0; i < 5; i++) {
      const cc = fakeRequest(`/client-close?token=t${i}`);
      h.handle(cc.request);
      cc.session.end({ code: i + 1, reason: '', remote: true });
    }
    await tick();
    assert.equal(h.stats.records, 3);
    assert.equal(h.record('t0'), undefined);
    assert.equal(h.record('t1'), undefined);
    assert.ok(h.record('t4'));
  });

  test('logs each session and its end', async () => {
    const lines: string[] = [];
    const h = new WtHandlers({ log: (l) => lines.push(l) });
    const { request, session } = fakeRequest('/client-close?token=x');
    h.handle(request);
    session.end({ code: 1, reason: 'why', remote: true });
    await tick();
    assert.match(lines[0]!, /client-close from http:\/\/127\.0\.0\.1:1/);
    assert.match(lines[1]!, /closed code=1 reason="why" remote=true/);
  });
});
