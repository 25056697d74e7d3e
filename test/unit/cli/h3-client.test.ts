import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { outputNames, splitUrls } from '../../../src/cli/h3-client.js';
import { UsageError, parseInteropArgs } from '../../../src/cli/interop-args.js';

describe('h3 client CLI helpers', () => {
  test('splitUrls: one origin, paths with queries, IPv6 literal hosts', () => {
    assert.deepEqual(splitUrls(['https://localhost:4433/1k', 'https://localhost:4433/a?b=1']),
      { hostname: 'localhost', port: 4433, authority: 'localhost:4433', paths: ['/1k', '/a?b=1'] });
    assert.deepEqual(splitUrls(['https://[::1]:9/']), { hostname: '::1', port: 9, authority: '[::1]:9', paths: ['/'] });
    assert.equal(splitUrls(['https://example.test/']).port, 443);
    assert.throws(() => splitUrls([]));
    assert.throws(() => splitUrls(['http://localhost:1/']), /https/);
    assert.throws(() => splitUrls(['https://localhost:1/', 'https://localhost:2/']), /origin/);
  });

  test('outputNames: basenames, index.html for /, safe characters, repeats numbered', () => {
    assert.deepEqual(outputNames(['/1k', '/', '/a/b/5M', '/1k', '/x?q=1', '/..', '/we ird']), ['1k', 'index.html', '5M', '1k.1', 'x', '_', 'we_ird']);
  });

  test('args: client --mode h3 takes URLs, defaults ALPN h3 and the destination from the first URL', () => {
    const a = parseInteropArgs(['client', '--mode', 'h3', '--insecure', '--out', '/tmp/o', 'https://localhost:4433/1k', 'https://localhost:4433/5M']);
    assert.equal(a.role, 'client');
    if (a.role !== 'client') return;
    assert.deepEqual(a.alpn, ['h3']);
    assert.deepEqual(a.connect, { address: 'localhost', port: 4433 });
    assert.deepEqual(a.urls, ['https://localhost:4433/1k', 'https://localhost:4433/5M']);
    assert.equal(a.out, '/tmp/o');
    const viaProxy = parseInteropArgs(['client', '--mode', 'h3', '--connect', '127.0.0.1:9000', 'https://localhost:4433/']);
    assert.deepEqual(viaProxy.role === 'client' && viaProxy.connect, { address: '127.0.0.1', port: 9000 });
  });

  test('args: server --mode h3 takes --www; bad h3 command lines are usage errors', () => {
    const s = parseInteropArgs(['server', '--mode', 'h3', '--listen', '127.0.0.1:0', '--cert', 'c', '--key', 'k', '--www', '/w', '--retry']);
    assert.equal(s.role === 'server' && s.www === '/w' && s.retry && s.alpn[0] === 'h3', true);
    for (const argv of [
      ['client', '--mode', 'h3', '--insecure'],
      ['client', '--mode', 'h3', 'http://localhost:1/'],
      ['client', '--mode', 'h3', '--alpn', 'echo', 'https://localhost:1/'],
      ['client', '--mode', 'echo', '--alpn', 'x', '--connect', '127.0.0.1:1', 'https://localhost:1/'],
      ['server', '--mode', 'h3', '--listen', '127.0.0.1:0', '--cert', 'c', '--key', 'k', 'extra'],
    ]) assert.throws(() => parseInteropArgs(argv), UsageError, argv.join(' '));
  });
});
