import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  DatagramError, OperationTimeoutError, ReliableDatagrams, encodeData, parseReliableFrame,
} from '../../../src/datagram/index.js';
import { FakeChannel, bytes, text, tick } from './fake-channel.js';

const FAST = { ackTimeoutMs: 4, maxRetries: 50 };

describe('ReliableDatagrams', () => {
  test('delivers everything exactly once over a link losing every other datagram both ways', async () => {
    const [a, b] = FakeChannel.pair();
    let na = 0, nb = 0;
    a.lose = () => na++ % 2 === 0;
    b.lose = () => nb++ % 2 === 0;
    const sender = new ReliableDatagrams(a, FAST);
    const receiver = new ReliableDatagrams(b, FAST);
    const msgs = Array.from({ length: 40 }, (_, i) => `m${i}`);
    const acked = Promise.all(msgs.map((m) => sender.sendAndWait(m)));
    const got: string[] = [];
    while (got.length < msgs.length) got.push(text(await receiver.receive({ timeoutMs: 5000 })));
    await acked;
    assert.deepEqual([...got].sort(), [...msgs].sort());
    const s = sender.stats;
    assert.equal(s.acked, 40);
    assert.equal(s.inFlight, 0);
    assert.ok(s.retransmissions > 0);
    assert.ok(receiver.stats.duplicates > 0); // lost ACKs made the sender resend delivered DATA
    assert.equal(receiver.stats.received, 40);
    sender.close();
    receiver.close();
  });

  test('gives up after maxRetries when nothing gets through', async () => {
    const [a, b] = FakeChannel.pair();
    a.lose = () => true;
    const gaveUp: number[] = [];
    const sender = new ReliableDatagrams(a, { ackTimeoutMs: 2, maxRetries: 2, onGiveUp: (_p, seq) => gaveUp.push(seq) });
    const receiver = new ReliableDatagrams(b);
    await assert.rejects(sender.sendAndWait('void'), OperationTimeoutError);
    assert.deepEqual(gaveUp, [0]);
    assert.equal(a.sent.length, 3); // first try + 2 resends
    assert.deepEqual({ gaveUp: sender.stats.gaveUp, retransmissions: sender.stats.retransmissions }, { gaveUp: 1, retransmissions: 2 });
    sender.close();
    receiver.close();
  });

  test('bounded: maxInFlight sends, too-large payloads and closed layers throw DatagramError', () => {
    const [a] = FakeChannel.pair();
    a.maxDatagramSize = 20;
    const r = new ReliableDatagrams(a, { maxInFlight: 2 });
    assert.equal(r.maxPayloadSize, 11);
    assert.throws(() => r.send(new Uint8Array(12)), (e: unknown) => e instanceof DatagramError && e.reason === 'too-large');
    assert.equal(r.send('a'), 0);
    assert.equal(r.send('b'), 1);
    assert.throws(() => r.send('c'), DatagramError);
    r.close();
    assert.throws(() => r.send('d'), (e: unknown) => e instanceof DatagramError && e.reason === 'closed');
  });

  test('receiver: ACKs duplicates, ignores junk, defers DATA when its queue is full', async () => {
    const [a, b] = FakeChannel.pair();
    const r = new ReliableDatagrams(b, { maxReceiveQueue: 1, dedupWindow: 2 });
    r.handleDatagram(encodeData(5, bytes('five')));
    r.handleDatagram(encodeData(5, bytes('five')));
    r.handleDatagram(bytes('junk'));
    r.handleDatagram(encodeData(6, bytes('six'))); // queue full: not taken, not ACKed
    assert.deepEqual(b.sent.map((d) => parseReliableFrame(d)), [{ kind: 'ack', sequence: 5 }, { kind: 'ack', sequence: 5 }]);
    assert.deepEqual({ ...r.stats, inFlight: 0 }, {
      sent: 0, retransmissions: 0, acked: 0, gaveUp: 0, received: 1, duplicates: 1, deferred: 1, invalid: 1, inFlight: 0, queued: 1,
    });
    assert.equal(text(await r.receive()), 'five');
    r.handleDatagram(encodeData(6, bytes('six'))); // the resend is taken now
    r.handleDatagram(encodeData(7, bytes('seven')));
    assert.equal(r.stats.deferred, 2);
    assert.equal(text(await r.receive()), 'six');
    // dedup window of 2 remembers 5 and 6; 7 was deferred, so it is still new
    r.handleDatagram(encodeData(7, bytes('seven')));
    assert.equal(text(await r.receive()), 'seven');
    r.handleDatagram(encodeData(5, bytes('five'))); // 5 fell out of the window: delivered again (documented bound)
    assert.equal(r.stats.received, 4);
    r.close();
    assert.equal(text(await r.receive()), 'five'); // queued data stays readable after close
    await assert.rejects(r.receive(), DatagramError);
    void a;
  });

  test('closing the transport ends iteration and rejects pending sends', async () => {
    const [a, b] = FakeChannel.pair();
    a.lose = () => true;
    const sender = new ReliableDatagrams(a, { ackTimeoutMs: 1000 });
    const receiver = new ReliableDatagrams(b);
    const pending = sender.sendAndWait('x');
    const iterated = (async () => { const out: Uint8Array[] = []; for await (const d of receiver) out.push(d); return out; })();
    await tick();
    a.close();
    b.close();
    await assert.rejects(pending);
    assert.deepEqual(await iterated, []);
    assert.ok(sender.isClosed && receiver.isClosed);
  });
});
