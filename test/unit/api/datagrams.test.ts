/** DatagramChannel over a fake session: send results, bounded receive queue, close, iteration. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DatagramChannel, type DatagramOps } from '../../../src/api/datagrams.js';
import { DatagramError, SessionClosedError } from '../../../src/api/errors.js';

function channel(result: ReturnType<DatagramOps['send']> = 'queued', hwm = 3): { ch: DatagramChannel; sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  const ch = new DatagramChannel(0, {
    send: (p) => { if (result === 'queued') sent.push(p); return result; },
    maxSize: () => 1000,
    wake: () => {},
  }, hwm);
  return { ch, sent };
}

describe('DatagramChannel', () => {
  test('send hands the payload over and counts it', () => {
    const { ch, sent } = channel();
    ch.send('hello');
    ch.send(new Uint8Array([1, 2]));
    assert.equal(sent.length, 2);
    assert.equal(ch.stats.datagramsSent, 2);
    assert.equal(ch.stats.bytesSent, 7);
    assert.equal(ch.maxDatagramSize, 1000);
  });

  test('too large / unsupported become DatagramError', () => {
    assert.throws(() => channel('too-large').ch.send('x'), (e: unknown) => e instanceof DatagramError && e.reason === 'too-large' && e.maxSize === 1000);
    assert.throws(() => channel('unsupported').ch.send('x'), (e: unknown) => e instanceof DatagramError && e.reason === 'unsupported');
    assert.equal(channel('closed').ch.trySend('x'), false);
  });

  test('receive waits; the queue drops the oldest beyond its high-water mark', async () => {
    const { ch } = channel();
    const waiting = ch.receive();
    ch.push(new Uint8Array([0]));
    assert.deepEqual([...(await waiting)], [0]);
    for (let i = 1; i <= 5; i++) ch.push(new Uint8Array([i]));
    assert.equal(ch.receiveBufferSize, 3);
    assert.equal(ch.stats.receiveDrops, 2);
    assert.deepEqual([...ch.tryReceive()!], [3]);
  });

  test('receive honours an AbortSignal', async () => {
    const { ch } = channel();
    const ac = new AbortController();
    const p = ch.receive({ signal: ac.signal });
    ac.abort(new Error('stop'));
    await assert.rejects(p, /stop/);
    ch.push(new Uint8Array([9]));
    assert.equal(ch.receiveBufferSize, 1, 'the aborted receive took nothing');
  });

  test('close: queued datagrams stay readable, then iteration ends; send fails', async () => {
    const { ch } = channel();
    ch.push(new Uint8Array([1]));
    ch.push(new Uint8Array([2]));
    ch.close(new SessionClosedError('gone'));
    const got: number[] = [];
    for await (const d of ch) got.push(d[0]!);
    assert.deepEqual(got, [1, 2]);
    assert.throws(() => ch.send('x'), DatagramError);
    await assert.rejects(ch.receive(), SessionClosedError);
    assert.equal(ch.maxDatagramSize, 0);
  });
});
