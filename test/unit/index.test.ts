import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as entry from '../../src/index.js';

// The `.` entry is the public API: what pywebtransport's package root exported must be reachable here.
test('the package entry exports constants, states, event predicates, structured messaging and proxy errors', () => {
  assert.equal(entry.LIBRARY_NAME, 'tswebtransport');
  assert.equal(typeof entry.ErrorCodes, 'object');
  assert.equal(typeof entry.StreamState, 'object');
  assert.equal(typeof entry.SessionState, 'object');
  assert.equal(entry.isSessionEvent({ type: 'sessionReady' }), true);
  assert.equal(entry.isStreamEvent({ type: 'sessionReady' }), false);
  assert.equal(typeof entry.StructuredStream, 'function');
  assert.equal(typeof entry.MessageRegistry, 'function');
  assert.ok(new entry.ProxyConnectError('refused', { status: 403, target: { host: '127.0.0.1', port: 4433 } }) instanceof entry.ProxyError);
  assert.equal(typeof entry.WebTransportClient, 'function');
  assert.equal(typeof entry.WebTransportServer, 'function');
});
