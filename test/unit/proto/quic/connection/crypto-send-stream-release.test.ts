import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CryptoSendStream } from '../../../../../src/proto/quic/connection/crypto-send-stream.js';
import type { CryptoFrame } from '../../../../../src/proto/quic/wire/frames.js';

function bytes(from: number, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (from + i) & 0xff);
}

function frame(s: CryptoSendStream, max: number): CryptoFrame | undefined {
  const r = s.nextRange(max);
  return r && { type: 'crypto', offset: r.offset, data: s.slice(r.offset, r.length) };
}

describe('CryptoSendStream releasing acknowledged bytes (1-RTT level)', () => {
  test('acknowledged chunks are dropped while lost later bytes are still resent intact', () => {
    const s = new CryptoSendStream(true);
    s.write(bytes(0, 100));
    s.write(bytes(100, 100));
    s.write(bytes(200, 100));
    const a = frame(s, 150)!;
    const b = frame(s, 150)!;
    s.onAcked(a);
    s.onLost(b);
    const again = frame(s, 1000)!;
    assert.deepEqual([again.offset, again.data.length], [150, 150]);
    assert.deepEqual(again.data, bytes(150, 150));
    s.onAcked(again);
    assert.ok(s.allAcked());
    assert.equal(s.hasData(), false);
  });

  test('data written after everything was acknowledged is sent from the right offset', () => {
    const s = new CryptoSendStream(true);
    s.write(bytes(0, 40));
    s.onAcked(frame(s, 100)!);
    s.write(bytes(40, 60));
    const next = frame(s, 100)!;
    assert.deepEqual([next.offset, next.data], [40, bytes(40, 60)]);
  });

  test('an out-of-order acknowledgment releases nothing until the prefix is acknowledged', () => {
    const s = new CryptoSendStream(true);
    s.write(bytes(0, 50));
    s.write(bytes(50, 50));
    const a = frame(s, 50)!;
    const b = frame(s, 50)!;
    s.onAcked(b);
    s.onLost(a);
    const again = frame(s, 100)!;
    assert.deepEqual([again.offset, again.data], [0, bytes(0, 50)]);
  });
});

describe('CryptoSendStream.release (level discarded)', () => {
  test('nothing is left to send or resend', () => {
    const s = new CryptoSendStream();
    s.write(bytes(0, 100));
    const a = frame(s, 60)!;
    s.onLost(a);
    s.release();
    assert.equal(s.hasData(), false);
    assert.equal(s.nextRange(1000), undefined);
    s.requeueUnacked();
    s.onLost(a);
    assert.equal(s.nextRange(1000), undefined);
    assert.ok(s.allAcked());
  });
});
