import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  buildWebTransportUrl, isOriginAllowed, isValidWebTransportUrl, normalizeOriginValue, parseWebTransportUrl,
} from '../../../src/utils/url.js';
import { ConfigurationError } from '../../../src/api/errors.js';

describe('parseWebTransportUrl', () => {
  test('https with default port keeps query and fragment in the path', () => {
    assert.deepEqual({ ...parseWebTransportUrl('https://example.com/chat?room=1#x') }, { host: 'example.com', port: 443, path: '/chat?room=1#x' });
  });
  test('wss, explicit port, IPv6 literal without brackets', () => {
    assert.deepEqual({ ...parseWebTransportUrl('wss://[::1]:4433/') }, { host: '::1', port: 4433, path: '/' });
    assert.equal(parseWebTransportUrl('https://127.0.0.1:4433').path, '/');
  });
  test('rejects other schemes and garbage with ConfigurationError', () => {
    for (const bad of ['http://example.com/', 'ftp://x/', 'not a url', '', 'https://']) {
      assert.throws(() => parseWebTransportUrl(bad), (e: unknown) => e instanceof ConfigurationError && e.configKey === 'url', bad);
      assert.equal(isValidWebTransportUrl(bad), false);
    }
    assert.equal(isValidWebTransportUrl(42), false);
    assert.equal(isValidWebTransportUrl('https://localhost:4433/x'), true);
  });
});

describe('buildWebTransportUrl', () => {
  test('omits the default port, brackets IPv6, encodes the query', () => {
    assert.equal(buildWebTransportUrl({ host: 'example.com', port: 443 }), 'https://example.com/');
    assert.equal(buildWebTransportUrl({ host: '::1', port: 4433, path: 'chat' }), 'https://[::1]:4433/chat');
    assert.equal(buildWebTransportUrl({ host: 'h', port: 80, secure: false, query: { a: 'x y', b: 2 } }), 'http://h/?a=x+y&b=2');
    assert.equal(buildWebTransportUrl({ host: 'h', path: '/p?x=1', query: { y: true } }), 'https://h/p?x=1&y=true');
  });
  test('round-trips through parseWebTransportUrl', () => {
    const url = buildWebTransportUrl({ host: '127.0.0.1', port: 8443, path: '/echo' });
    assert.deepEqual({ ...parseWebTransportUrl(url) }, { host: '127.0.0.1', port: 8443, path: '/echo' });
  });
  test('rejects a missing host and out-of-range ports', () => {
    assert.throws(() => buildWebTransportUrl({ host: '' }), ConfigurationError);
    assert.throws(() => buildWebTransportUrl({ host: 'h', port: 0 }), ConfigurationError);
    assert.throws(() => buildWebTransportUrl({ host: 'h', port: 70_000 }), ConfigurationError);
  });
});

describe('origin checks', () => {
  test('normalizeOriginValue lower-cases and drops default ports', () => {
    assert.equal(normalizeOriginValue('HTTPS://Example.COM:443'), 'https://example.com');
    assert.equal(normalizeOriginValue('http://localhost:8080/'), 'http://localhost:8080');
    assert.equal(normalizeOriginValue('null'), undefined);
    assert.equal(normalizeOriginValue('file:///x'), undefined);
  });
  test('exact, wildcard-subdomain and * entries', () => {
    const allowed = ['https://app.example.com', 'https://*.trusted.org'];
    assert.equal(isOriginAllowed('https://APP.example.com', allowed), true);
    assert.equal(isOriginAllowed('http://app.example.com', allowed), false);
    assert.equal(isOriginAllowed('https://a.b.trusted.org', allowed), true);
    assert.equal(isOriginAllowed('https://trusted.org', allowed), false);
    assert.equal(isOriginAllowed('https://eviltrusted.org', allowed), false);
    assert.equal(isOriginAllowed(undefined, allowed), false);
    assert.equal(isOriginAllowed('null', allowed), false);
    assert.equal(isOriginAllowed(undefined, ['*']), true);
  });
});

describe('properties', () => {
  test('any string: parse returns parts or throws ConfigurationError, never anything else', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webUrl().map((u) => u.replace(/^https?/, 'wss'))), (input) => {
      try {
        const parts = parseWebTransportUrl(input);
        assert.ok(parts.port >= 1 && parts.port <= 65_535);
        assert.ok(parts.path.startsWith('/'));
      } catch (error) {
        assert.ok(error instanceof ConfigurationError, String(error));
      }
    }), { numRuns: 1000 });
  });
  test('build then parse round-trips host, port and path', () => {
    const host = fc.oneof(fc.domain(), fc.ipV4(), fc.constant('::1'));
    const path = fc.array(fc.stringMatching(/^[a-z0-9_-]{1,8}$/), { maxLength: 4 }).map((s) => `/${s.join('/')}`);
    fc.assert(fc.property(host, fc.integer({ min: 1, max: 65_535 }), path, (h, port, p) => {
      const parts = parseWebTransportUrl(buildWebTransportUrl({ host: h, port, path: p }));
      assert.equal(parts.host, h.toLowerCase());
      assert.equal(parts.port, port);
      assert.equal(parts.path, p);
    }), { numRuns: 500 });
  });
  test('isOriginAllowed never throws', () => {
    fc.assert(fc.property(fc.option(fc.oneof(fc.string(), fc.webUrl()), { nil: undefined }), fc.array(fc.oneof(fc.string(), fc.webUrl())), (origin, allowed) => {
      assert.equal(typeof isOriginAllowed(origin, allowed), 'boolean');
    }), { numRuns: 1000 });
  });
});
