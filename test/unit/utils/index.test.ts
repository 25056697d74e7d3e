import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as utils from '../../../src/utils/index.js';

test('the utils entry exposes every helper', () => {
  for (const name of [
    'parseWebTransportUrl', 'isValidWebTransportUrl', 'buildWebTransportUrl', 'normalizeOriginValue', 'isOriginAllowed',
    'parseLogLevel', 'formatLogRecord', 'createConsoleLogger', 'childLogger',
    'certificateSha256', 'generateSelfSignedCertificate', 'certificateHashEntry', 'certificateHashHex',
    'ensureBytes', 'ensureString', 'chunkBytes', 'formatBytes', 'formatDuration', 'calculateChecksum',
    'generateConnectionId', 'generateRequestId', 'generateSessionId',
    'isIPv4Address', 'isIPv6Address', 'validatePort', 'validateErrorCode', 'validateStreamId', 'validateAddress',
    'normalizeHeaders', 'mergeConfigs', 'resolveAddress', 'Timer', 'waitForCondition', 'runWithTimeout',
  ] as const) {
    assert.equal(typeof utils[name], 'function', name);
  }
  assert.equal(utils.LogLevel.ERROR > utils.LogLevel.INFO, true);
});
