import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeAck, encodeData, parseReliableFrame } from '../../../src/datagram/index.js';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

test('DATA frame: 0x04 "DATA" u32 BE sequence, payload', () => {
  const f = encodeData(0x01020304, new Uint8Array([9, 8]));
  assert.deepEqual([...f], [4, ...ascii('DATA'), 1, 2, 3, 4, 9, 8]);
  const p = parseReliableFrame(f);
  assert.equal(p?.kind, 'data');
  assert.equal(p?.sequence, 0x01020304);
  assert.deepEqual(p?.kind === 'data' ? [...p.payload] : [], [9, 8]);
  const top = parseReliableFrame(encodeData(0xffffffff, new Uint8Array(0)));
  assert.equal(top?.sequence, 0xffffffff);
});

test('ACK frame: 0x03 "ACK" ASCII decimal sequence', () => {
  assert.deepEqual([...encodeAck(407)], [3, ...ascii('ACK407')]);
  assert.deepEqual(parseReliableFrame(encodeAck(0)), { kind: 'ack', sequence: 0 });
  assert.deepEqual(parseReliableFrame(encodeAck(4294967295)), { kind: 'ack', sequence: 4294967295 });
});

test('malformed frames are rejected without throwing', () => {
  const bad = [
    [], [4], [4, ...ascii('DATA'), 0, 0, 0], [3, ...ascii('ACK')], [3, ...ascii('ACK12a')], [3, ...ascii('ACK4294967296')],
    [3, ...ascii('ACK12345678901')], [5, ...ascii('HELLO')], ascii('HEARTBEAT:1'),
  ];
  for (const b of bad) assert.equal(parseReliableFrame(new Uint8Array(b)), undefined, JSON.stringify(b));
});

test('property: DATA/ACK round-trip; arbitrary bytes never throw', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.uint8Array({ maxLength: 64 }), (seq, payload) => {
    const d = parseReliableFrame(encodeData(seq, payload));
    assert.ok(d?.kind === 'data' && d.sequence === seq);
    assert.deepEqual([...d.payload], [...payload]);
    assert.deepEqual(parseReliableFrame(encodeAck(seq)), { kind: 'ack', sequence: seq });
  }), { numRuns: 500 });
  fc.assert(fc.property(fc.uint8Array({ maxLength: 32 }), fc.constantFrom([], [4, 0x44, 0x41, 0x54, 0x41], [3, 0x41, 0x43, 0x4b]), (tail, head) => {
    const f = parseReliableFrame(new Uint8Array([...head, ...tail]));
    assert.ok(f === undefined || f.kind === 'data' || (f.kind === 'ack' && f.sequence <= 0xffffffff));
  }), { numRuns: 1000 });
});
