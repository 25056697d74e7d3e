import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SLOT_SIZE, SendBufferPool } from '../../../src/runtime/send-buffer-pool.js';
import { DEFAULT_TRANSPORT_CONFIG } from '../../../src/proto/quic/connection/config.js';

describe('SendBufferPool', () => {
  test('carves 64 KB slabs into fixed slots without overlap', () => {
    const pool = new SendBufferPool({ slotSize: 2048 });
    const slots = Array.from({ length: 32 }, () => pool.acquire()!);
    assert.equal(pool.slabCount, 1);
    assert.ok(slots.every((s) => s.length === 2048));
    const buffer = slots[0]!.buffer;
    const offsets = slots.map((s) => { assert.equal(s.buffer, buffer); return s.byteOffset; }).sort((a, b) => a - b);
    offsets.forEach((o, i) => assert.equal(o, i * 2048));
    pool.acquire();
    assert.equal(pool.slabCount, 2, 'a second slab once the first is exhausted');
  });

  test('default slots hold the largest packet PMTU discovery reaches on loopback', () => {
    const pool = new SendBufferPool();
    assert.equal(pool.acquire()!.length, DEFAULT_SLOT_SIZE);
    assert.ok(DEFAULT_SLOT_SIZE >= DEFAULT_TRANSPORT_CONFIG.loopbackMaxPacketSize);
  });

  test('released slots are reused before any new slab is allocated', () => {
    const pool = new SendBufferPool({ slotSize: 1500, slabSize: 3000, maxSlabs: 4 });
    const a = pool.acquire()!;
    const b = pool.acquire()!;
    pool.release(a);
    assert.equal(pool.acquire(), a);
    pool.release(b);
    for (let i = 0; i < 1000; i++) {
      const s = pool.acquire()!;
      pool.release(s);
    }
    assert.equal(pool.slabCount, 1);
    assert.equal(pool.inFlight, 1);
  });

  test('returns undefined once maxSlabs are all in flight', () => {
    const pool = new SendBufferPool({ slotSize: 2000, slabSize: 4000, maxSlabs: 2 });
    const got = [pool.acquire(), pool.acquire(), pool.acquire(), pool.acquire()];
    assert.ok(got.every((s) => s !== undefined));
    assert.equal(pool.acquire(), undefined);
    assert.equal(pool.inFlight, 4);
    pool.release(got[2]!);
    assert.equal(pool.acquire(), got[2]);
  });

  test('rejects slots too small for a QUIC packet', () => {
    assert.throws(() => new SendBufferPool({ slotSize: 1000 }), RangeError);
    assert.throws(() => new SendBufferPool({ maxSlabs: 0 }), RangeError);
  });
});
