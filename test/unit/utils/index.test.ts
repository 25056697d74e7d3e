import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as utils from '../../../src/utils/index.js';

test('the utils entry exposes every helper', () => {
  for (const name of [
    'parseWebTransportUrl', 'isValidWebTransportUrl', 'buildWebTransportUrl', 'normalizeOriginValue', 'isOriginAllowed',
    'parseLogLevel', 'formatLogRecord', 'createConsoleLogger', 'childLogger',
    'certificateSha256', 'generateSelfSignedCertificate', 'certificateHashEntry', 'certificateHashHex',
  ] as const) {
    assert.equal(typeof utils[name], 'function', name);
  }
  assert.equal(utils.LogLevel.ERROR > utils.LogLevel.INFO, true);
});
