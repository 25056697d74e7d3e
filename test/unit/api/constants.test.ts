import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as C from '../../../src/api/constants.js';

test('library version and user agent follow package.json', () => {
  const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { name: string; version: string };
  assert.equal(C.LIBRARY_NAME, pkg.name);
  assert.equal(C.LIBRARY_VERSION, pkg.version);
  assert.equal(C.DEFAULT_USER_AGENT, `${pkg.name}/${pkg.version}`);
});

test('durations are pywebtransport seconds times 1000', () => {
  assert.equal(C.DEFAULT_CONNECT_TIMEOUT_MS, 30.0 * 1000);
  assert.equal(C.DEFAULT_READ_TIMEOUT_MS, 60.0 * 1000);
  assert.equal(C.DEFAULT_WRITE_TIMEOUT_MS, 30.0 * 1000);
  assert.equal(C.DEFAULT_CLOSE_TIMEOUT_MS, 5.0 * 1000);
  assert.equal(C.DEFAULT_STREAM_CREATION_TIMEOUT_MS, 10.0 * 1000);
  assert.equal(C.DEFAULT_RETRY_DELAY_MS, 1.0 * 1000);
  assert.equal(C.DEFAULT_MAX_RETRY_DELAY_MS, 30.0 * 1000);
  assert.equal(C.DEFAULT_SESSION_CLEANUP_INTERVAL_MS, 60.0 * 1000);
});

test('limits', () => {
  assert.equal(C.MAX_DATAGRAM_SIZE, 65_535);
  assert.equal(C.MAX_STREAM_ID, (1n << 62n) - 1n);
  assert.equal(C.MAX_BUFFER_SIZE, 1 << 20);
  assert.deepEqual(C.RECOMMENDED_BUFFER_SIZES, { small: 8192, medium: 65_536, large: 262_144 });
  assert.deepEqual([...C.DEFAULT_ALPN_PROTOCOLS], ['h3', 'h3-29']);
  assert.ok(Object.isFrozen(C.DEFAULT_ALPN_PROTOCOLS));
});

test('ErrorCodes: wire values from RFC 9000 / 9114 / 9204 and the library range', () => {
  assert.equal(C.ErrorCodes.NO_ERROR, 0);
  assert.equal(C.ErrorCodes.PROTOCOL_VIOLATION, 0xa);
  assert.equal(C.ErrorCodes.NO_VIABLE_PATH, 0x10);
  assert.equal(C.ErrorCodes.H3_DATAGRAM_ERROR, 0x33);
  assert.equal(C.ErrorCodes.H3_NO_ERROR, 0x100);
  assert.equal(C.ErrorCodes.H3_VERSION_FALLBACK, 0x110);
  assert.equal(C.ErrorCodes.QPACK_DECODER_STREAM_ERROR, 0x202);
  assert.equal(C.ErrorCodes.APP_SERVICE_UNAVAILABLE, 0x1005);
  const values = Object.values(C.ErrorCodes);
  assert.equal(new Set(values).size, values.length, 'no duplicate codes');
  assert.equal(values.length, 44);
  assert.ok(Object.isFrozen(C.ErrorCodes));
});

test('state unions', () => {
  assert.equal(Object.keys(C.ConnectionState).length, 7);
  assert.equal(Object.keys(C.SessionState).length, 5);
  assert.equal(Object.keys(C.StreamState).length, 7);
  assert.deepEqual(Object.values(C.StreamDirection), ['bidirectional', 'sendOnly', 'receiveOnly']);
});
