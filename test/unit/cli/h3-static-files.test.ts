import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { contentTypeFor, parseBytesPath, resolveStaticPath } from '../../../src/cli/h3-static-files.js';

describe('h3 static files', () => {
  const root = resolve('/srv/www');

  test('maps paths under the root; / and dir/ to index.html; the query is ignored', () => {
    assert.equal(resolveStaticPath(root, '/'), join(root, 'index.html'));
    assert.equal(resolveStaticPath(root, '/a/b.txt'), join(root, 'a', 'b.txt'));
    assert.equal(resolveStaticPath(root, '/a/'), join(root, 'a', 'index.html'));
    assert.equal(resolveStaticPath(root, '/1M?x=1#f'), join(root, '1M'));
    assert.equal(resolveStaticPath(root, '/with%20space'), join(root, 'with space'));
  });

  test('refuses traversal, encoded traversal, NUL, backslashes, bad escapes and relative paths', () => {
    for (const p of ['/../etc/passwd', '/a/../../x', '/%2e%2e/x', '/a/%2E%2E/%2e%2e/x', '/..%2fx', '/%00', '/a\\b', '/%zz', 'relative', '']) {
      assert.equal(resolveStaticPath(root, p), 'forbidden', p);
    }
  });

  test('content type by extension, octet-stream otherwise', () => {
    assert.equal(contentTypeFor('/x/index.html'), 'text/html; charset=utf-8');
    assert.equal(contentTypeFor('a.JSON'), 'application/json');
    assert.equal(contentTypeFor('a.js'), 'text/javascript; charset=utf-8');
    assert.equal(contentTypeFor('1M'), 'application/octet-stream');
  });

  test('/bytes/N parsing with a bound', () => {
    assert.equal(parseBytesPath('/bytes/0', 10), 0);
    assert.equal(parseBytesPath('/bytes/10?x', 10), 10);
    assert.equal(parseBytesPath('/bytes/11', 10), undefined);
    assert.equal(parseBytesPath('/bytes/-1', 10), undefined);
    assert.equal(parseBytesPath('/bytes/1e3', 10_000), undefined);
    assert.equal(parseBytesPath('/bytes/', 10), undefined);
    assert.equal(parseBytesPath('/other/5', 10), undefined);
  });
});
