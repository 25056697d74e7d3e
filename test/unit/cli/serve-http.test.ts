import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servePage } from '../../../src/cli/serve-http.js';

describe('servePage', () => {
  test('GET / and /index.html give the page, HEAD no body, other paths 404, other methods 405', async () => {
    const page = await servePage('<!doctype html><p>hi</p>', '127.0.0.1', 0);
    try {
      const base = `http://127.0.0.1:${page.port}`;
      for (const p of ['/', '/index.html', '/?x=1']) {
        const r = await fetch(base + p);
        assert.equal(r.status, 200, p);
        assert.equal(await r.text(), '<!doctype html><p>hi</p>');
        assert.equal(r.headers.get('cache-control'), 'no-store');
      }
      const head = await fetch(base, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('content-length'), '24');
      assert.equal((await fetch(`${base}/etc/passwd`)).status, 404);
      const post = await fetch(base, { method: 'POST', body: 'x' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, HEAD');
    } finally {
      await page.close();
    }
  });
  test('a busy port rejects', async () => {
    const first = await servePage('a', '127.0.0.1', 0);
    try {
      await assert.rejects(servePage('b', '127.0.0.1', first.port), { code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });
});
