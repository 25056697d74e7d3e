import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pattern, siblingUrl } from '../../../src/cli/wt-client.js';
import { UsageError, parseInteropArgs } from '../../../src/cli/interop-args.js';

describe('siblingUrl', () => {
  test('replaces the last segment and sets the query, keeping .py', () => {
    assert.equal(siblingUrl(new URL('https://h:1/echo'), 'query', { token: 'a b' }).href, 'https://h:1/query?token=a+b');
    assert.equal(siblingUrl(new URL('https://h:1/wpt/handlers/echo.py?x=1'), 'client-close', { token: 't' }).href, 'https://h:1/wpt/handlers/client-close.py?token=t');
  });
});

describe('pattern', () => {
  test('depends on position and seed', () => {
    const a = pattern(1000, 1);
    assert.equal(a.length, 1000);
    assert.notDeepEqual(a, pattern(1000, 2));
    assert.deepEqual(a, pattern(1000, 1));
    assert.notDeepEqual(a.subarray(0, 500), a.subarray(500));
  });
});

describe('interop args, --mode wt', () => {
  test('client takes one URL, ALPN h3 and a certificate hash (colons allowed)', () => {
    const args = parseInteropArgs(['client', '--mode', 'wt', '--cert-hash', `${'AB:'.repeat(31)}AB`, 'https://127.0.0.1:4433/echo']);
    assert.equal(args.role, 'client');
    if (args.role !== 'client') return;
    assert.equal(args.mode, 'wt');
    assert.deepEqual(args.alpn, ['h3']);
    assert.deepEqual(args.urls, ['https://127.0.0.1:4433/echo']);
    assert.deepEqual(args.connect, { address: '127.0.0.1', port: 4433 });
    assert.equal(args.certHash, 'ab'.repeat(32));
  });
  test('server needs --listen, --cert, --key', () => {
    const args = parseInteropArgs(['server', '--mode', 'wt', '--listen', '127.0.0.1:0', '--cert', 'c', '--key', 'k']);
    assert.equal(args.mode, 'wt');
    assert.throws(() => parseInteropArgs(['server', '--mode', 'wt', '--listen', '127.0.0.1:0']), UsageError);
  });
  test('usage errors', () => {
    const bad = [
      ['client', '--mode', 'wt'],
      ['client', '--mode', 'wt', 'https://a:1/echo', 'https://a:1/x'],
      ['client', '--mode', 'wt', '--cert-hash', 'abcd', 'https://a:1/echo'],
      ['client', '--mode', 'wt', '--cert-hash', 'ab'.repeat(32), '--insecure', 'https://a:1/echo'],
      ['client', '--mode', 'h3', '--cert-hash', 'ab'.repeat(32), 'https://a:1/echo'],
      ['client', '--mode', 'wt', '--alpn', 'echo', 'https://a:1/echo'],
      ['client', '--mode', 'wt', 'http://a:1/echo'],
    ];
    for (const argv of bad) assert.throws(() => parseInteropArgs(argv), UsageError, argv.join(' '));
  });
});
