import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigurationError } from '../../../src/index.js';
import {
  isIPv4Address, isIPv6Address, mergeConfigs, normalizeHeaders, resolveAddress,
  validateAddress, validateErrorCode, validatePort, validateStreamId,
} from '../../../src/utils/validation.js';

test('validators accept their range and refuse the rest with TypeError / RangeError', () => {
  assert.equal(validatePort(1), 1);
  assert.equal(validatePort(65_535), 65_535);
  assert.throws(() => validatePort(0), RangeError);
  assert.throws(() => validatePort(65_536), RangeError);
  assert.throws(() => validatePort('443'), TypeError);
  assert.equal(validateErrorCode(0), 0);
  assert.equal(validateErrorCode(0xffff_ffff), 0xffff_ffff);
  assert.throws(() => validateErrorCode(2 ** 32), RangeError);
  assert.throws(() => validateErrorCode(1.5), TypeError);
  assert.equal(validateStreamId(4), 4);
  assert.equal(validateStreamId(2n ** 62n - 1n), 2n ** 62n - 1n);
  assert.throws(() => validateStreamId(2n ** 62n), RangeError);
  assert.throws(() => validateStreamId(-1), RangeError);
  assert.throws(() => validateStreamId('4'), TypeError);
  assert.deepEqual(validateAddress({ host: '127.0.0.1', port: 4433 }), { host: '127.0.0.1', port: 4433 });
  assert.throws(() => validateAddress({ host: '', port: 4433 }), TypeError);
  assert.throws(() => validateAddress(null), TypeError);
});

test('IP address predicates', () => {
  assert.equal(isIPv4Address('127.0.0.1'), true);
  assert.equal(isIPv4Address('::1'), false);
  assert.equal(isIPv6Address('::1'), true);
  assert.equal(isIPv6Address('[::1]'), true);
  assert.equal(isIPv6Address('localhost'), false);
});

test('normalizeHeaders and mergeConfigs', () => {
  assert.deepEqual(normalizeHeaders({ 'X-Token': 'a', Count: 2 }), { 'x-token': 'a', count: '2' });
  const base = { a: 1, nested: { x: 1, y: 2 }, list: [1] };
  const merged = mergeConfigs(base, { nested: { y: 3 }, list: [2], b: true });
  assert.deepEqual(merged, { a: 1, nested: { x: 1, y: 3 }, list: [2], b: true });
  assert.deepEqual(base.nested, { x: 1, y: 2 }, 'inputs untouched');
  const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
  const safe = mergeConfigs({}, hostile);
  assert.equal((safe as { polluted?: boolean }).polluted, undefined);
  assert.equal(({} as { polluted?: boolean }).polluted, undefined);
});

test('resolveAddress resolves loopback literals and wraps failures in ConfigurationError', async () => {
  assert.deepEqual(await resolveAddress('127.0.0.1', 4433), { address: '127.0.0.1', family: 4, port: 4433 });
  assert.deepEqual(await resolveAddress('::1', 1, { family: 6 }), { address: '::1', family: 6, port: 1 });
  await assert.rejects(resolveAddress('name.invalid', 443), ConfigurationError);
  await assert.rejects(resolveAddress('127.0.0.1', 0), RangeError);
});
