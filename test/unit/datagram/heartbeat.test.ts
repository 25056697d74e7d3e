import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHeartbeatDatagram, isHeartbeatDatagram } from '../../../src/datagram/index.js';

test('heartbeat datagrams carry unix seconds and are recognised', () => {
  const d = createHeartbeatDatagram(1_700_000_123_456);
  assert.equal(new TextDecoder().decode(d), 'HEARTBEAT:1700000123');
  assert.ok(isHeartbeatDatagram(d));
  assert.ok(!isHeartbeatDatagram(new TextEncoder().encode('HEARTBEA')));
  assert.ok(!isHeartbeatDatagram(new TextEncoder().encode('hello world!')));
});
