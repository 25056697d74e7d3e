import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ServeUsageError, parseServeArgs } from '../../../src/cli/serve.js';

describe('parseServeArgs', () => {
  test('defaults: 127.0.0.1, UDP 4433, HTTP 8080, 14 days', () => {
    assert.deepEqual(parseServeArgs([]), { host: '127.0.0.1', port: 4433, httpPort: 8080, days: 14, quiet: false, keylog: undefined });
  });
  test('options', () => {
    assert.deepEqual(parseServeArgs(['--host', '::1', '--port', '0', '--http-port', '9000', '--days', '3', '--quiet', '--keylog', '/tmp/k']),
      { host: '::1', port: 0, httpPort: 9000, days: 3, quiet: true, keylog: '/tmp/k' });
  });
  test('rejects bad ports, more than 14 days and unknown options', () => {
    for (const argv of [['--port', '65536'], ['--port', 'x'], ['--http-port', '-1'], ['--days', '15'], ['--days', '0'], ['--bogus']]) {
      assert.throws(() => parseServeArgs(argv), ServeUsageError, argv.join(' '));
    }
  });
});
