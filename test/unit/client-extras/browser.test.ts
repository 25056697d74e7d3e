import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClientError, type WebTransportSession } from '../../../src/index.js';
import { WebTransportBrowser } from '../../../src/client-extras/index.js';
import { asFake, asSession, fakeSession, type FakeSession } from '../connection/fakes.js';

function connector(): { connect: (url: string) => Promise<WebTransportSession>; opened: FakeSession[] } {
  const state = {
    opened: [] as FakeSession[],
    connect: async (url: string): Promise<WebTransportSession> => {
      if (url.includes('fail')) throw new Error(`refused ${url}`);
      const s = fakeSession(url);
      state.opened.push(s);
      return asSession(s);
    },
  };
  return state;
}

const u = (p: string): string => `https://localhost:4433${p}`;

describe('WebTransportBrowser', () => {
  test('navigate, back, forward, refresh keep one current session and close the previous', async () => {
    const c = connector();
    const b = new WebTransportBrowser({ connector: c.connect });
    assert.equal(await b.back(), undefined);
    assert.equal(await b.refresh(), undefined);
    const s1 = await b.navigate(u('/1'));
    assert.equal(await b.navigate(u('/1')), s1, 'same URL keeps the live session');
    const s2 = await b.navigate(u('/2'));
    assert.equal(asFake(s1).isClosed, true);
    assert.equal(b.currentSession, s2);
    const back = await b.back();
    assert.equal(asFake(back!).url, u('/1'));
    assert.equal(asFake(s2).isClosed, true);
    assert.equal(b.currentUrl, u('/1'));
    assert.equal(b.canGoBack, false);
    assert.equal(b.canGoForward, true);
    const fwd = await b.forward();
    assert.equal(asFake(fwd!).url, u('/2'));
    assert.equal(await b.forward(), undefined);
    const again = await b.refresh();
    assert.notEqual(again, fwd);
    assert.equal(asFake(fwd!).isClosed, true);
    assert.deepEqual(b.history(), { entries: [u('/1'), u('/2')], index: 1 });
    await b.close();
    assert.equal(asFake(again!).isClosed, true);
    assert.equal(b.currentSession, undefined);
    await assert.rejects(b.navigate(u('/3')), ClientError);
  });

  test('navigating after back drops forward history; history is bounded', async () => {
    const c = connector();
    const b = new WebTransportBrowser({ connector: c.connect, maxHistory: 3 });
    for (const p of ['/1', '/2', '/3']) await b.navigate(u(p));
    await b.back();
    await b.navigate(u('/x'));
    assert.deepEqual(b.history(), { entries: [u('/1'), u('/2'), u('/x')], index: 2 });
    await b.navigate(u('/y'));
    assert.deepEqual(b.history(), { entries: [u('/2'), u('/x'), u('/y')], index: 2 });
    assert.equal(c.opened.filter((s) => !s.isClosed).length, 1, 'only the current session is open');
    await b.close();
  });

  test('a failed navigation changes nothing; concurrent navigations run in order', async () => {
    const c = connector();
    const b = new WebTransportBrowser({ connector: c.connect });
    const s1 = await b.navigate(u('/1'));
    await assert.rejects(b.navigate(u('/fail')), /refused/);
    assert.equal(b.currentSession, s1);
    assert.equal(asFake(s1).isClosed, false);
    assert.deepEqual(b.history(), { entries: [u('/1')], index: 0 });
    const [a, z] = await Promise.all([b.navigate(u('/a')), b.navigate(u('/z'))]);
    assert.equal(asFake(a).isClosed, true);
    assert.equal(b.currentSession, z);
    assert.deepEqual(b.history().entries, [u('/1'), u('/a'), u('/z')]);
    await b.close();
    await b.close();
  });

  test('rejects a history bound below 1', () => {
    assert.throws(() => new WebTransportBrowser({ connector: connector().connect, maxHistory: 0 }), RangeError);
  });

  test('property: history and the open session match a simple model for any operation sequence', async () => {
    const op = fc.oneof(
      fc.integer({ min: 0, max: 4 }).map((n) => ({ kind: 'navigate' as const, url: u(`/${n}`) })),
      fc.constantFrom({ kind: 'back' as const }, { kind: 'forward' as const }, { kind: 'refresh' as const }),
    );
    await fc.assert(fc.asyncProperty(fc.array(op, { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), async (ops, maxHistory) => {
      const c = connector();
      const b = new WebTransportBrowser({ connector: c.connect, maxHistory });
      let entries: string[] = [];
      let index = -1;
      for (const o of ops) {
        if (o.kind === 'navigate') {
          await b.navigate(o.url);
          if (entries[index] !== o.url) {
            entries = [...entries.slice(0, index + 1), o.url].slice(-maxHistory);
            index = entries.length - 1;
          }
        } else if (o.kind === 'back') {
          await b.back();
          if (index > 0) index--;
        } else if (o.kind === 'forward') {
          await b.forward();
          if (index < entries.length - 1) index++;
        } else {
          await b.refresh();
        }
        assert.deepEqual(b.history(), { entries, index });
        assert.equal(c.opened.filter((s) => !s.isClosed).length, entries.length === 0 ? 0 : 1);
        if (index >= 0) assert.equal(asFake(b.currentSession!).url, entries[index]);
      }
      await b.close();
      assert.equal(c.opened.every((s) => s.isClosed), true);
    }), { numRuns: 500 });
  });
});
