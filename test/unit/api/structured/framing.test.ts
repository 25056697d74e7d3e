import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  datagramTypeId, frameDatagram, frameStreamMessage, parseStreamHeader, STREAM_HEADER_SIZE,
} from '../../../../src/api/structured/framing.js';

describe('structured framing', () => {
  test('stream message: u16 type id, u32 length, payload (big-endian)', () => {
    const framed = frameStreamMessage(0x0102, new Uint8Array([0xaa, 0xbb, 0xcc]));
    assert.deepEqual([...framed], [0x01, 0x02, 0x00, 0x00, 0x00, 0x03, 0xaa, 0xbb, 0xcc]);
    assert.deepEqual(parseStreamHeader(framed.subarray(0, STREAM_HEADER_SIZE)), { typeId: 0x0102, length: 3 });
  });

  test('datagram message: u16 type id then payload', () => {
    const framed = frameDatagram(0xfffe, new Uint8Array([7]));
    assert.deepEqual([...framed], [0xff, 0xfe, 7]);
    assert.equal(datagramTypeId(framed), 0xfffe);
  });

  test('header round-trips for any type id and length, also from an offset view', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff }), fc.uint8Array({ maxLength: 64 }), (typeId, payload) => {
      const framed = frameStreamMessage(typeId, payload);
      const shifted = new Uint8Array(framed.length + 3);
      shifted.set(framed, 3);
      assert.deepEqual(parseStreamHeader(shifted.subarray(3, 3 + STREAM_HEADER_SIZE)), { typeId, length: payload.length });
      assert.deepEqual(framed.subarray(STREAM_HEADER_SIZE), payload);
      assert.equal(datagramTypeId(frameDatagram(typeId, payload)), typeId);
    }), { numRuns: 500 });
  });
});
