import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IncomingBody, type BodySource } from '../../../../src/api/http3/incoming-body.js';

/** A source fed by the test, like H3Connection.readData: views, fin once ended and drained. */
function fakeSource(): BodySource & { push(b: Uint8Array): void; end(): void; reads: number } {
  const pending: Uint8Array[] = [];
  let ended = false;
  const s = {
    reads: 0,
    push(b: Uint8Array) { pending.push(b); },
    end() { ended = true; },
    read(max: number) {
      s.reads++;
      const head = pending[0];
      if (head === undefined) return ended ? { data: new Uint8Array(0), fin: true } : undefined;
      const data = head.length > max ? head.subarray(0, max) : head;
      if (data === head) pending.shift();
      else pending[0] = head.subarray(max);
      return { data, fin: ended && pending.length === 0 };
    },
  };
  return s;
}

describe('IncomingBody', () => {
  test('pulls only when read, waits for notify, ends at fin', async () => {
    const src = fakeSource();
    const body = new IncomingBody(src);
    assert.equal(src.reads, 0, 'nothing is pulled before the consumer asks');
    const first = body.read();
    src.push(new Uint8Array([1, 2]));
    body.notify();
    assert.deepEqual(await first, new Uint8Array([1, 2]));
    src.push(new Uint8Array([3]));
    src.end();
    body.notify();
    assert.deepEqual(await body.readAll(), new Uint8Array([3]));
    assert.equal(await body.read(), null);
    assert.equal(body.done, true);
    assert.equal(body.bytesRead, 3);
  });

  test('readAll concatenates, honours maxSize', async () => {
    const src = fakeSource();
    for (let i = 0; i < 5; i++) src.push(new Uint8Array(10).fill(i));
    src.end();
    const all = await new IncomingBody(src).readAll();
    assert.equal(all.length, 50);
    assert.equal(all[49], 4);
    const src2 = fakeSource();
    src2.push(new Uint8Array(100));
    src2.end();
    await assert.rejects(new IncomingBody(src2).readAll({ maxSize: 99 }), RangeError);
  });

  test('finish() ends a body whose source forgot the stream; fail() rejects a pending read', async () => {
    const body = new IncomingBody({ read: () => undefined });
    const p = body.read();
    body.finish();
    assert.equal(await p, null);
    const failing = new IncomingBody({ read: () => undefined });
    const q = failing.read();
    failing.fail(new Error('reset'));
    await assert.rejects(q, /reset/);
    assert.equal(failing.complete, true);
    body.fail(new Error('late'));
    assert.equal(await body.read(), null, 'an ended body ignores later failures');
  });

  test('async iteration yields every chunk once; a second iterator is refused', async () => {
    const src = fakeSource();
    src.push(new TextEncoder().encode('ab'));
    src.push(new TextEncoder().encode('c'));
    src.end();
    const body = new IncomingBody(src);
    const parts: string[] = [];
    for await (const c of body) parts.push(new TextDecoder().decode(c));
    assert.deepEqual(parts, ['ab', 'c']);
    assert.throws(() => body[Symbol.asyncIterator](), TypeError);
  });
});
