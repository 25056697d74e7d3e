import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  calculateChecksum, chunkBytes, ensureBytes, ensureString, formatBytes, formatDuration,
  generateConnectionId, generateRequestId, generateSessionId,
} from '../../../src/utils/format.js';

test('formatDuration follows pywebtransport format_duration (input in ms)', () => {
  assert.equal(formatDuration(850), '850.0ms');
  assert.equal(formatDuration(12_300), '12.3s');
  assert.equal(formatDuration(123_000), '2m3.0s');
  assert.equal(formatDuration(3_723_000), '1h2m3.0s');
  assert.throws(() => formatDuration(-1), RangeError);
  assert.throws(() => formatDuration(Number.NaN), RangeError);
});

test('formatBytes previews printable bytes and escapes the rest, cut at maxLength', () => {
  assert.equal(formatBytes(new TextEncoder().encode('hi\n\\')), 'hi\\x0a\\x5c');
  assert.equal(formatBytes(new Uint8Array(5).fill(0x41), 2), 'AA... (5 bytes)');
  assert.equal(formatBytes(new Uint8Array(0)), '');
});

test('calculateChecksum: hex digests of guaranteed algorithms only', () => {
  assert.equal(calculateChecksum('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(calculateChecksum(new TextEncoder().encode('abc'), 'sha1'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.throws(() => calculateChecksum('abc', 'md5' as 'sha1'), RangeError);
});

test('ensureBytes / ensureString / chunkBytes', () => {
  assert.deepEqual(ensureBytes('é'), new Uint8Array([0xc3, 0xa9]));
  const buf = new Uint8Array([1, 2, 3, 4]);
  assert.equal(ensureBytes(buf), buf, 'no copy');
  assert.deepEqual(ensureBytes(new DataView(buf.buffer, 1, 2)), new Uint8Array([2, 3]));
  assert.throws(() => ensureBytes(42 as unknown as string), TypeError);
  assert.equal(ensureString(new Uint8Array([0xc3, 0xa9])), 'é');
  assert.throws(() => ensureString(new Uint8Array([0xff])), TypeError);
  const chunks = chunkBytes(new Uint8Array(10), 4);
  assert.deepEqual(chunks.map((c) => c.length), [4, 4, 2]);
  assert.equal(chunks[0]!.buffer, chunks[1]!.buffer, 'views, not copies');
  assert.deepEqual(chunkBytes(new Uint8Array(0)), []);
  assert.throws(() => chunkBytes(buf, 0), RangeError);
});

test('ids are URL-safe and of pywebtransport lengths', () => {
  assert.match(generateConnectionId(), /^[A-Za-z0-9_-]{16}$/);
  assert.match(generateRequestId(), /^[A-Za-z0-9_-]{11}$/);
  assert.match(generateSessionId(), /^[A-Za-z0-9_-]{22}$/);
  assert.notEqual(generateSessionId(), generateSessionId());
});
