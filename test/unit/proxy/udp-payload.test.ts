/** The CONNECT-UDP datagram payload codec (RFC 9298 §5): Context ID + UDP payload. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUdpProxyingPayload, encodeUdpProxyingPayload } from '../../../src/api/proxy/udp-payload.js';
import { ProxyProtocolError } from '../../../src/api/proxy/errors.js';
import { H3ErrorCode } from '../../../src/proto/h3/errors.js';

describe('UDP proxying payload', () => {
  test('context id 0 round-trips any payload, empty included', () => {
    for (const payload of [new Uint8Array(0), new Uint8Array([1, 2, 3]), new Uint8Array(1400).fill(0xab)]) {
      const encoded = encodeUdpProxyingPayload(payload);
      assert.equal(encoded[0], 0);
      assert.equal(encoded.length, payload.length + 1);
      assert.deepEqual(decodeUdpProxyingPayload(encoded), payload);
    }
  });

  test('a longer varint encoding of context id 0 is accepted', () => {
    assert.deepEqual(decodeUdpProxyingPayload(new Uint8Array([0x40, 0x00, 9])), new Uint8Array([9]));
    assert.deepEqual(decodeUdpProxyingPayload(new Uint8Array([0x80, 0, 0, 0])), new Uint8Array(0));
  });

  test('unknown context ids are dropped (undefined)', () => {
    assert.equal(decodeUdpProxyingPayload(new Uint8Array([0x02, 1, 2])), undefined);
    assert.equal(decodeUdpProxyingPayload(new Uint8Array([0x41, 0x00, 1])), undefined);
    assert.equal(decodeUdpProxyingPayload(new Uint8Array([0xc0, 0, 0, 0, 0, 0, 0, 1])), undefined);
  });

  test('an empty datagram or a truncated context id throws H3_DATAGRAM_ERROR', () => {
    for (const bad of [[], [0x40], [0x80, 0, 0], [0xc0, 0, 0, 0, 0, 0, 0]]) {
      assert.throws(() => decodeUdpProxyingPayload(new Uint8Array(bad)),
        (e: unknown) => e instanceof ProxyProtocolError && e.errorCode === H3ErrorCode.H3_DATAGRAM_ERROR, JSON.stringify(bad));
    }
  });
});
