import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StreamBuffer } from '../../../src/api/stream-buffer.js';
import { FlowControlError, IncompleteReadError, StreamError, StreamResetError } from '../../../src/api/errors.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Resolves after pending promise callbacks ran, to observe whether a read is still waiting. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function isPending(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(() => { done = true; }, () => { done = true; });
  await settle();
  return !done;
}

describe('StreamBuffer', () => {
  test('constructor validates maxSize; default is 65536', () => {
    assert.equal(new StreamBuffer().maxSize, 65_536);
    assert.equal(new StreamBuffer({ maxSize: Infinity }).maxSize, Infinity);
    assert.throws(() => new StreamBuffer({ maxSize: 0 }), RangeError);
    assert.throws(() => new StreamBuffer({ maxSize: 1.5 }), RangeError);
  });

  test('read returns buffered bytes, then waits, then reports EOF', async () => {
    const buffer = new StreamBuffer();
    buffer.feedData(bytes('hello'));
    assert.equal(buffer.size, 5);
    const first = await buffer.read();
    assert.equal(text(first.data), 'hello');
    assert.equal(first.atEof, false);
    const pending = buffer.read();
    assert.ok(await isPending(pending));
    buffer.feedData(bytes('!'), { eof: true });
    const second = await pending;
    assert.equal(text(second.data), '!');
    assert.equal(second.atEof, true);
    assert.deepEqual(await buffer.read(), { data: new Uint8Array(0), atEof: true });
    assert.ok(buffer.atEof);
  });

  test('read({size}) returns at most size bytes; a single-chunk read is a view (no copy)', async () => {
    const buffer = new StreamBuffer();
    const chunk = bytes('abcdef');
    buffer.feedData(chunk);
    const { data } = await buffer.read({ size: 4 });
    assert.equal(text(data), 'abcd');
    assert.equal(data.buffer, chunk.buffer);
    assert.equal(text((await buffer.read({ size: 100 })).data), 'ef');
  });

  test('reads across chunks are joined', async () => {
    const buffer = new StreamBuffer();
    buffer.feedData(bytes('ab'));
    buffer.feedData(bytes('cd'));
    buffer.feedData(bytes('ef'));
    assert.equal(text((await buffer.read({ size: 5 })).data), 'abcde');
    assert.equal(text((await buffer.read()).data), 'f');
  });

  test('read({size: 0}) resolves immediately with nothing', async () => {
    const buffer = new StreamBuffer();
    const result = await buffer.read({ size: 0 });
    assert.equal(result.data.length, 0);
    assert.equal(result.atEof, false);
  });

  test('maxSize is enforced and freeSpace tracks it', () => {
    const buffer = new StreamBuffer({ maxSize: 4 });
    buffer.feedData(bytes('abc'));
    assert.equal(buffer.freeSpace, 1);
    assert.throws(() => buffer.feedData(bytes('de')), FlowControlError);
    buffer.feedData(bytes('d'));
    assert.equal(buffer.freeSpace, 0);
  });

  test('data after EOF is a StreamError; an empty feed after EOF is harmless', () => {
    const buffer = new StreamBuffer();
    buffer.feedEof();
    assert.ok(buffer.eofReceived);
    assert.throws(() => buffer.feedData(bytes('x')), StreamError);
    assert.doesNotThrow(() => buffer.feedData(new Uint8Array(0), { eof: true }));
  });

  test('onConsumed reports bytes taken by reads (credit on consumption)', async () => {
    const consumed: number[] = [];
    const buffer = new StreamBuffer({ onConsumed: (n) => consumed.push(n) });
    buffer.feedData(bytes('abcdef'));
    assert.deepEqual(consumed, []);
    await buffer.read({ size: 2 });
    await buffer.readExactly(3);
    await buffer.read();
    assert.deepEqual(consumed, [2, 3, 1]);
  });

  test('onConsumed may feed more data re-entrantly', async () => {
    let source = 3;
    const buffer: StreamBuffer = new StreamBuffer({
      maxSize: 2,
      onConsumed: () => {
        if (source > 0) {
          source--;
          buffer.feedData(bytes('x'), { eof: source === 0 });
        }
      },
    });
    buffer.feedData(bytes('ab'));
    const all: string[] = [];
    for (;;) {
      const { data, atEof } = await buffer.read({ size: 1 });
      all.push(text(data));
      if (atEof) break;
    }
    assert.equal(all.join(''), 'abxxx');
  });

  test('fail rejects pending and later reads and drops buffered bytes', async () => {
    const buffer = new StreamBuffer();
    const pending = buffer.readExactly(10);
    buffer.feedData(bytes('abc'));
    const reset = new StreamResetError('reset', { streamId: 4, streamErrorCode: 3n });
    buffer.fail(reset);
    await assert.rejects(pending, (e) => e === reset);
    await assert.rejects(buffer.read(), (e) => e === reset);
    assert.equal(buffer.size, 0);
    assert.doesNotThrow(() => buffer.feedData(bytes('late')), 'feeds after fail are ignored');
    assert.equal(buffer.size, 0);
  });

  test('reads are served in call order', async () => {
    const buffer = new StreamBuffer();
    const a = buffer.readExactly(2);
    const b = buffer.read();
    const c = buffer.readLine();
    buffer.feedData(bytes('12'));
    buffer.feedData(bytes('34'));
    buffer.feedData(bytes('line\nrest'));
    assert.equal(text(await a), '12');
    assert.equal(text((await b).data), '34');
    assert.equal(text(await c), 'line\n');
    assert.equal(buffer.size, 4);
  });

  describe('readExactly', () => {
    test('bytes fed from onConsumed during the first attempt complete a read larger than maxSize', async () => {
      const source = new Uint8Array(40).map((_, i) => i);
      let offset = 0;
      const buffer: StreamBuffer = new StreamBuffer({
        maxSize: 8,
        // Like a transport pump: refill as soon as the application consumed room.
        onConsumed: () => {
          const n = Math.min(buffer.freeSpace, source.length - offset);
          if (n > 0) buffer.feedData(source.subarray(offset, offset += n));
        },
      });
      buffer.feedData(source.subarray(0, offset = 8));
      const got = await buffer.readExactly(40);
      assert.deepEqual([...got], [...source]);
    });

    test('waits for n bytes', async () => {
      const buffer = new StreamBuffer();
      const pending = buffer.readExactly(5);
      buffer.feedData(bytes('ab'));
      assert.ok(await isPending(pending));
      buffer.feedData(bytes('cdefg'));
      assert.equal(text(await pending), 'abcde');
      assert.equal(buffer.size, 2);
    });

    test('early EOF rejects with IncompleteReadError holding the partial bytes', async () => {
      const buffer = new StreamBuffer();
      buffer.feedData(bytes('abc'), { eof: true });
      await assert.rejects(buffer.readExactly(5), (e: unknown) => {
        assert.ok(e instanceof IncompleteReadError);
        assert.equal(text(e.partial), 'abc');
        assert.equal(e.expected, 5);
        return true;
      });
      assert.equal(buffer.size, 0);
    });

    test('n larger than maxSize is assembled as the buffer fills and drains', async () => {
      const consumed: number[] = [];
      const buffer = new StreamBuffer({ maxSize: 4, onConsumed: (n) => consumed.push(n) });
      const pending = buffer.readExactly(10);
      buffer.feedData(bytes('0123'));
      buffer.feedData(bytes('4567'));
      buffer.feedData(bytes('89ab'));
      assert.equal(text(await pending), '0123456789');
      assert.equal(text((await buffer.read()).data), 'ab');
      assert.equal(consumed.reduce((a, b) => a + b, 0), 12);
    });

    test('n larger than maxSize with early EOF keeps every partial byte', async () => {
      const buffer = new StreamBuffer({ maxSize: 3 });
      const pending = buffer.readExactly(10);
      buffer.feedData(bytes('abc'));
      buffer.feedData(bytes('de'), { eof: true });
      await assert.rejects(pending, (e: unknown) => e instanceof IncompleteReadError && text(e.partial) === 'abcde');
    });

    test('readExactly(0) and invalid n', async () => {
      const buffer = new StreamBuffer();
      assert.equal((await buffer.readExactly(0)).length, 0);
      await assert.rejects(buffer.readExactly(-1), RangeError);
      await assert.rejects(buffer.readExactly(1.5), RangeError);
    });
  });

  describe('readUntil / readLine', () => {
    test('returns up to and including the separator, across chunks', async () => {
      const buffer = new StreamBuffer();
      const pending = buffer.readUntil('\r\n');
      buffer.feedData(bytes('GET / HTTP'));
      buffer.feedData(bytes('/1.1\r'));
      assert.ok(await isPending(pending));
      buffer.feedData(bytes('\nHost: x\r\n'));
      assert.equal(text(await pending), 'GET / HTTP/1.1\r\n');
      assert.equal(text(await buffer.readUntil(bytes('\r\n'))), 'Host: x\r\n');
    });

    test('at EOF without a separator returns the rest (pywebtransport semantics)', async () => {
      const buffer = new StreamBuffer();
      buffer.feedData(bytes('tail'), { eof: true });
      assert.equal(text(await buffer.readLine()), 'tail');
      assert.equal((await buffer.readLine()).length, 0);
    });

    test('limit overrun rejects without consuming', async () => {
      const buffer = new StreamBuffer();
      buffer.feedData(bytes('abcdef\n'));
      await assert.rejects(buffer.readLine({ limit: 4 }), StreamError);
      assert.equal(buffer.size, 7);
      assert.equal(text(await buffer.readLine()), 'abcdef\n');
    });

    test('a full buffer without the separator rejects instead of waiting forever', async () => {
      const buffer = new StreamBuffer({ maxSize: 4 });
      const pending = buffer.readLine({ limit: 100 });
      buffer.feedData(bytes('abcd'));
      await assert.rejects(pending, StreamError);
    });

    test('empty separator and bad limit are rejected', async () => {
      const buffer = new StreamBuffer();
      await assert.rejects(buffer.readUntil(''), RangeError);
      await assert.rejects(buffer.readUntil('x', { limit: 0 }), RangeError);
    });
  });

  describe('abort signals', () => {
    test('an already aborted signal rejects with its reason', async () => {
      const buffer = new StreamBuffer();
      buffer.feedData(bytes('x'));
      const controller = new AbortController();
      controller.abort(new Error('stop'));
      await assert.rejects(buffer.read({ signal: controller.signal }), /stop/);
      assert.equal(buffer.size, 1, 'nothing consumed');
    });

    test('aborting a pending read consumes nothing and lets the next read proceed', async () => {
      const buffer = new StreamBuffer();
      const controller = new AbortController();
      const aborted = buffer.readExactly(4, { signal: controller.signal });
      const next = buffer.read();
      buffer.feedData(bytes('ab'));
      controller.abort();
      await assert.rejects(aborted, (e: unknown) => (e as Error).name === 'AbortError');
      assert.equal(text((await next).data), 'ab');
      assert.equal(buffer.pendingReads, 0);
    });

    test('aborting a large readExactly puts the bytes it set aside back in front', async () => {
      const buffer = new StreamBuffer({ maxSize: 2 });
      const controller = new AbortController();
      const aborted = buffer.readExactly(5, { signal: controller.signal });
      buffer.feedData(bytes('ab'));
      buffer.feedData(bytes('c'));
      controller.abort();
      await assert.rejects(aborted);
      assert.equal(text((await buffer.read()).data), 'abc');
    });

    test('a timeout signal rejects with a TimeoutError', async () => {
      const buffer = new StreamBuffer();
      await assert.rejects(buffer.read({ signal: AbortSignal.timeout(1) }), (e: unknown) => (e as Error).name === 'TimeoutError');
      assert.equal(buffer.pendingReads, 0);
    });
  });

  test('unread puts bytes back at the front and restarts pending separator scans', async () => {
    const buffer = new StreamBuffer();
    buffer.feedData(bytes('world'));
    await buffer.read({ size: 2 });
    buffer.unread(bytes('hello '));
    assert.equal(text((await buffer.read()).data), 'hello rld');
    const line = buffer.readLine();
    buffer.feedData(bytes('b'));
    await settle();
    buffer.unread(bytes('a\n'));
    assert.equal(text(await line), 'a\n');
  });

  test('property: any feed chunking and read pattern returns the bytes in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { maxLength: 20 }),
        fc.array(fc.oneof(
          fc.record({ kind: fc.constant('read' as const), n: fc.integer({ min: -1, max: 50 }) }),
          fc.record({ kind: fc.constant('exact' as const), n: fc.integer({ min: 0, max: 50 }) }),
          fc.record({ kind: fc.constant('until' as const), n: fc.integer({ min: 0, max: 255 }) }),
        ), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 64 }),
        async (chunks, ops, maxSize) => {
          const expected = Buffer.concat(chunks);
          let consumed = 0;
          const buffer = new StreamBuffer({ maxSize, onConsumed: (n) => { consumed += n; } });
          // The feeder respects freeSpace, like the runtime pulling from the transport.
          const input = Buffer.from(expected);
          let fed = 0;
          const pump = (): void => {
            while (fed < input.length && buffer.freeSpace > 0) {
              const n = Math.min(buffer.freeSpace, 7, input.length - fed);
              buffer.feedData(input.subarray(fed, fed + n));
              fed += n;
            }
            if (fed === input.length && !buffer.eofReceived) buffer.feedEof();
          };
          const out: Uint8Array[] = [];
          let ended = false;
          for (const op of ops) {
            pump();
            let p: Promise<Uint8Array>;
            if (op.kind === 'read') p = buffer.read({ size: op.n }).then((r) => r.data);
            else if (op.kind === 'exact') p = buffer.readExactly(op.n).catch((e: unknown) => {
              if (e instanceof IncompleteReadError) { ended = true; return e.partial; }
              throw e;
            });
            else p = buffer.readUntil(new Uint8Array([op.n]), { limit: 1_000 }).catch((e: unknown) => {
              if (e instanceof StreamError) return buffer.read().then((r) => r.data);
              throw e;
            });
            // Keep feeding while the op waits.
            let settled = false;
            void p.then(() => { settled = true; }, () => { settled = true; });
            while (!settled) { pump(); await settle(); }
            out.push(await p);
            if (ended) break;
          }
          const got = Buffer.concat(out);
          assert.deepEqual(got, expected.subarray(0, got.length));
          assert.equal(consumed, got.length);
        },
      ),
      { numRuns: 300 },
    );
  });
  test('tryRead takes buffered bytes synchronously, but never ahead of a queued read', async () => {
    const buf = new StreamBuffer({ maxSize: 64 });
    assert.equal(buf.tryRead(), undefined);
    const pending = buf.read({ size: 2 });
    buf.feedData(new Uint8Array([1, 2, 3, 4]));
    assert.deepEqual([...(await pending).data], [1, 2]);
    assert.deepEqual([...buf.tryRead(1)!], [3]);
    assert.equal(buf.tryRead(0), undefined);
    assert.deepEqual([...buf.tryRead()!], [4]);
    assert.equal(buf.tryRead(), undefined);
    const waiting = buf.read();
    assert.equal(buf.pendingReads, 1);
    assert.equal(buf.tryRead(), undefined);
    buf.feedData(new Uint8Array([5]));
    assert.deepEqual([...(await waiting).data], [5]);
    buf.feedData(new Uint8Array([6]));
    buf.fail(new Error('reset'));
    assert.equal(buf.tryRead(), undefined);
  });
});
