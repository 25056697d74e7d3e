/**
 * The stream classes over a fake engine (StreamOps): reads pull only while the buffer has room
 * (credit follows consumption), writes resolve as the engine accepts bytes, abort/reset/stop
 * map to the right commands and errors, states follow both halves.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebTransportStream } from '../../../src/api/bidirectional-stream.js';
import { WebTransportReceiveStream } from '../../../src/api/receive-stream.js';
import { WebTransportSendStream } from '../../../src/api/send-stream.js';
import { STREAM_KEY, type StreamOps } from '../../../src/api/streams.js';
import { IncompleteReadError, StreamError, StreamResetError, StreamStoppedError } from '../../../src/api/errors.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A fake engine: `incoming` bytes wait until read; writes are accepted up to `credit`. */
class FakeOps implements StreamOps {
  incoming: Uint8Array[] = [];
  fin = false;
  finTaken = false;
  read_calls: number[] = [];
  consumed = 0;
  credit = Infinity;
  written: Uint8Array[] = [];
  finWritten = false;
  resets: number[] = [];
  stops: number[] = [];
  wakes = 0;
  read(_id: number, max: number): { data: Uint8Array; fin: boolean } | undefined {
    this.read_calls.push(max);
    const head = this.incoming[0];
    if (head === undefined) {
      if (this.fin && !this.finTaken) {
        this.finTaken = true;
        return { data: new Uint8Array(0), fin: true };
      }
      return undefined;
    }
    const data = head.subarray(0, max);
    if (data.length === head.length) this.incoming.shift();
    else this.incoming[0] = head.subarray(max);
    this.consumed += data.length;
    const fin = this.fin && this.incoming.length === 0;
    if (fin) this.finTaken = true;
    return { data, fin };
  }
  write(_id: number, data: Uint8Array, fin: boolean): number {
    const n = Math.min(data.length, this.credit);
    this.credit -= n;
    if (n > 0) this.written.push(data.slice(0, n));
    if (fin && n === data.length) this.finWritten = true;
    return n;
  }
  reset(_id: number, code: number): void { this.resets.push(code); }
  stop(_id: number, code: number): void { this.stops.push(code); }
  wake(): void { this.wakes++; }
}

const settings = { bufferSize: 16, maxSendBuffered: 32, readTimeoutMs: null, writeTimeoutMs: null };

function bidi(ops: FakeOps): WebTransportStream {
  return new WebTransportStream(STREAM_KEY, { streamId: 0, sessionId: 0, ops, settings });
}

describe('stream classes', () => {
  test('cannot be constructed by users', () => {
    assert.throws(() => new WebTransportReceiveStream(Symbol('x'), { streamId: 0, sessionId: 0, ops: new FakeOps(), settings }), TypeError);
  });

  test('reads pull from the engine only while the buffer has room', async () => {
    const ops = new FakeOps();
    const s = bidi(ops);
    ops.incoming.push(enc('a'.repeat(100)));
    s.receiveSide.pump();
    assert.equal(ops.consumed, 16, 'only bufferSize bytes pulled ahead');
    const first = await s.read({ size: 10 });
    assert.equal(first.length, 10);
    assert.equal(ops.consumed, 26, 'consumption pulled exactly what was freed');
    const rest = await s.readExactly(90);
    assert.equal(rest.length, 90);
    ops.fin = true;
    s.receiveSide.pump();
    assert.equal((await s.read()).length, 0);
    assert.equal(s.isReadable, false);
    assert.equal(s.state, 'halfClosedRemote');
  });

  test('readLine / readUntil / readExactly past EOF', async () => {
    const ops = new FakeOps();
    const s = new WebTransportReceiveStream(STREAM_KEY, { streamId: 3, sessionId: 0, ops, settings: { ...settings, bufferSize: 1024 } });
    ops.incoming.push(enc('one\ntwo;three'));
    ops.fin = true;
    s.receiveSide.pump();
    assert.equal(dec(await s.readLine()), 'one\n');
    assert.equal(dec(await s.readUntil(';')), 'two;');
    await assert.rejects(s.readExactly(10), (e: unknown) => e instanceof IncompleteReadError && dec(e.partial) === 'three');
    assert.equal(s.state, 'closed');
    await s.waitClosed();
  });

  test('readAll enforces maxSize and stops the peer', async () => {
    const ops = new FakeOps();
    const s = bidi(ops);
    ops.incoming.push(enc('x'.repeat(40)));
    s.receiveSide.pump();
    await assert.rejects(s.readAll({ maxSize: 20 }), StreamError);
    assert.deepEqual(ops.stops, [0]);
  });

  test('a peer reset fails reads with the code', async () => {
    const ops = new FakeOps();
    const s = bidi(ops);
    const pending = s.read();
    s.receiveSide.onReset(9);
    await assert.rejects(pending, (e: unknown) => e instanceof StreamResetError && e.streamErrorCode === 9 && e.remote);
    assert.equal(s.state, 'resetReceived');
  });

  test('writes resolve as the engine accepts bytes (backpressure)', async () => {
    const ops = new FakeOps();
    ops.credit = 5;
    const s = bidi(ops);
    let done = false;
    const w = s.write(enc('0123456789')).then(() => { done = true; });
    await tick();
    assert.equal(done, false);
    assert.equal(s.stats.flowControlErrors, 1);
    ops.credit = 100;
    s.sendSide.onWritable();
    await w;
    assert.equal(dec(Buffer.concat(ops.written)), '0123456789');
    assert.equal(s.stats.bytesSent, 10);
  });

  test('waitFlush: false queues up to maxSendBuffered, then waits; flush() waits for all', async () => {
    const ops = new FakeOps();
    ops.credit = 0;
    const s = bidi(ops);
    await s.write(new Uint8Array(30), { waitFlush: false });
    let second = false;
    const w2 = s.write(new Uint8Array(10), { waitFlush: false }).then(() => { second = true; });
    await tick();
    assert.equal(second, false, 'over the 32-byte cap: the write waits');
    let flushed = false;
    const f = s.flush().then(() => { flushed = true; });
    ops.credit = 20;
    s.sendSide.onWritable();
    await w2;
    await tick();
    assert.equal(flushed, false);
    ops.credit = 100;
    s.sendSide.onWritable();
    await f;
    assert.equal(Buffer.concat(ops.written).length, 40);
  });

  test('close sends FIN; writing after it fails', async () => {
    const ops = new FakeOps();
    const s = new WebTransportSendStream(STREAM_KEY, { streamId: 2, sessionId: 0, ops, settings });
    await s.write('hi');
    await s.close();
    assert.equal(ops.finWritten, true);
    assert.equal(s.isWritable, false);
    assert.equal(s.state, 'closed');
    await assert.rejects(s.write('more'), StreamError);
  });

  test('writeAll writes every chunk then FIN', async () => {
    const ops = new FakeOps();
    const s = bidi(ops);
    await s.writeAll(new Uint8Array(100), { chunkSize: 7 });
    assert.equal(Buffer.concat(ops.written).length, 100);
    assert.equal(ops.finWritten, true);
    assert.equal(s.state, 'halfClosedLocal');
  });

  test('abort resets the send side and stops the receive side', async () => {
    const ops = new FakeOps();
    ops.credit = 0;
    const s = bidi(ops);
    const pendingWrite = s.write('stuck');
    const pendingRead = s.read();
    await s.abort(42);
    assert.deepEqual(ops.resets, [42]);
    assert.deepEqual(ops.stops, [42]);
    await assert.rejects(pendingWrite, StreamError);
    await assert.rejects(pendingRead, StreamError);
    assert.equal(s.state, 'resetSent');
    await s.waitClosed();
  });

  test('a peer STOP_SENDING fails writes with StreamStoppedError', async () => {
    const ops = new FakeOps();
    ops.credit = 0;
    const s = bidi(ops);
    const w = s.write('x');
    s.sendSide.onStopped(5);
    await assert.rejects(w, (e: unknown) => e instanceof StreamStoppedError && e.streamErrorCode === 5);
  });

  test('instanceof: a bidi stream is both a receive and a send stream', () => {
    const s = bidi(new FakeOps());
    assert.ok(s instanceof WebTransportReceiveStream);
    assert.ok(s instanceof WebTransportSendStream);
    const r = new WebTransportReceiveStream(STREAM_KEY, { streamId: 3, sessionId: 0, ops: new FakeOps(), settings });
    assert.ok(!(r instanceof WebTransportSendStream));
  });

  test('diagnoseIssues reports resets; monitorHealth stops on its signal', async () => {
    const s = bidi(new FakeOps());
    assert.deepEqual(s.diagnoseIssues(), []);
    await s.abort(1);
    assert.ok(s.diagnoseIssues().some((i) => i.includes('reset')));
    const s2 = bidi(new FakeOps());
    const ac = new AbortController();
    const m = s2.monitorHealth({ checkIntervalMs: 5, signal: ac.signal });
    ac.abort();
    await m;
  });

  test('async iteration yields chunks until EOF', async () => {
    const ops = new FakeOps();
    const s = new WebTransportReceiveStream(STREAM_KEY, { streamId: 3, sessionId: 0, ops, settings });
    ops.incoming.push(enc('abcdefghijklmnopqrstuvwxyz'));
    ops.fin = true;
    s.receiveSide.pump();
    const parts: string[] = [];
    for await (const chunk of s) parts.push(dec(chunk));
    assert.equal(parts.join(''), 'abcdefghijklmnopqrstuvwxyz');
  });
  test('fast paths: buffered reads and writes the engine takes at once still count and keep order', async () => {
    const ops = new FakeOps();
    const s = bidi(ops);
    ops.incoming.push(enc('hello world'));
    ops.fin = true;
    s.receiveSide.pump();
    assert.equal(dec(await s.read({ size: 5 })), 'hello');
    assert.equal(dec(await s.read()), ' world');
    assert.equal((await s.read()).length, 0);
    assert.equal(s.stats.readsCount, 2); // the read at the end is not counted
    assert.equal(s.stats.bytesReceived, 11);
    await s.write(enc('abc'));
    await s.write(enc('de'), { endStream: true });
    assert.deepEqual(ops.written.map(dec), ['abc', 'de']);
    assert.equal(ops.finWritten, true);
    assert.equal(s.stats.writesCount, 2);
    assert.equal(s.stats.flowControlErrors, 0);
    await s.waitClosed();
    assert.equal(s.isClosed, true);
    await s.waitClosed(); // resolved again after the close
  });

  test('a write that fails in the engine at once rejects; a blocked one still waits for credit', async () => {
    const failing = new FakeOps();
    failing.write = () => { throw new Error('gone'); };
    await assert.rejects(bidi(failing).write(enc('x')), StreamError);
    const ops = new FakeOps();
    ops.credit = 2;
    const s = bidi(ops);
    let done = false;
    const p = s.write(enc('abcd')).then(() => { done = true; });
    await tick();
    assert.equal(done, false);
    assert.equal(s.stats.flowControlErrors, 1);
    ops.credit = 10;
    s.sendSide.onWritable();
    await p;
    assert.deepEqual(ops.written.map(dec), ['ab', 'cd']);
  });
});
