import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, renderDemoPage } from '../../../src/cli/serve-page.js';

describe('renderDemoPage', () => {
  const hash = 'ab'.repeat(32);
  test('names the URL and hash, and connects with serverCertificateHashes', () => {
    const html = renderDemoPage({ url: 'https://127.0.0.1:4433/echo', certSha256Hex: hash });
    assert.ok(html.startsWith('<!doctype html>'));
    assert.ok(html.includes('<code id="url">https://127.0.0.1:4433/echo</code>'));
    assert.ok(html.includes(`<code id="hash">${hash}</code>`));
    assert.match(html, /new WebTransport\(settings\.url, \{ serverCertificateHashes: \[\{ algorithm: 'sha-256'/);
    const settings = /<script type="application\/json" id="settings">(.*?)<\/script>/s.exec(html)![1]!;
    assert.deepEqual(JSON.parse(settings), { url: 'https://127.0.0.1:4433/echo', hash });
  });
  test('a hostile URL cannot close the settings block or inject markup', () => {
    const url = 'https://x/</script><script>alert(1)</script>';
    const html = renderDemoPage({ url, certSha256Hex: hash });
    assert.equal(html.includes('<script>alert(1)'), false);
    const settings = /<script type="application\/json" id="settings">(.*?)<\/script>/s.exec(html)![1]!;
    assert.equal(JSON.parse(settings).url, url);
  });
  test('escapeHtml escapes the five special characters', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
