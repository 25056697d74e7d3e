/** The CONNECT-UDP URI template (RFC 9298 §2): expansion on the client, matching on the proxy. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_CONNECT_UDP_TEMPLATE, expandConnectUdpTemplate, matchConnectUdpPath, parseConnectUdpTemplate,
} from '../../../src/api/proxy/uri-template.js';
import { ProxyProtocolError } from '../../../src/api/proxy/errors.js';

describe('CONNECT-UDP URI template', () => {
  test('the default template expands to the well-known path', () => {
    assert.equal(expandConnectUdpTemplate(DEFAULT_CONNECT_UDP_TEMPLATE, '192.0.2.6', 443), '/.well-known/masque/udp/192.0.2.6/443/');
    assert.equal(expandConnectUdpTemplate(DEFAULT_CONNECT_UDP_TEMPLATE, 'example.com', 4433), '/.well-known/masque/udp/example.com/4433/');
  });

  test('IPv6 literals lose their brackets and have their colons percent-encoded', () => {
    assert.equal(expandConnectUdpTemplate(DEFAULT_CONNECT_UDP_TEMPLATE, '2001:db8::42', 443), '/.well-known/masque/udp/2001%3Adb8%3A%3A42/443/');
    assert.equal(expandConnectUdpTemplate(DEFAULT_CONNECT_UDP_TEMPLATE, '[::1]', 1), '/.well-known/masque/udp/%3A%3A1/1/');
  });

  test('query-style templates and full URI templates', () => {
    const t = parseConnectUdpTemplate('https://proxy.example:8443/masque{?target_host,target_port}');
    assert.equal(t.authority, 'proxy.example:8443');
    assert.equal(t.scheme, 'https');
    assert.equal(expandConnectUdpTemplate(t, '::1', 53), '/masque?target_host=%3A%3A1&target_port=53');
    assert.equal(expandConnectUdpTemplate('/m?v=1{&target_host,target_port}', 'h', 9), '/m?v=1&target_host=h&target_port=9');
    assert.equal(parseConnectUdpTemplate(DEFAULT_CONNECT_UDP_TEMPLATE).authority, undefined);
  });

  test('matching is the inverse of expansion', () => {
    for (const template of [DEFAULT_CONNECT_UDP_TEMPLATE, '/masque{?target_host,target_port}', '/u/{target_port}/x/{target_host}']) {
      for (const [host, port] of [['127.0.0.1', 4433], ['::1', 1], ['fe80::1%25eth0', 65535], ['localhost', 80]] as const) {
        const path = expandConnectUdpTemplate(template, host, port);
        assert.deepEqual(matchConnectUdpPath(template, path), { host, port }, `${template} ${path}`);
      }
    }
    // Query parameters may come in any order.
    assert.deepEqual(matchConnectUdpPath('/masque{?target_host,target_port}', '/masque?target_port=7&target_host=a.b'), { host: 'a.b', port: 7 });
  });

  test('bad paths are refused with a 400-status ProxyProtocolError', () => {
    const bad = [
      '/.well-known/masque/udp/127.0.0.1/443', // missing trailing slash
      '/.well-known/masque/udp//443/',
      '/.well-known/masque/udp/127.0.0.1//',
      '/.well-known/masque/udp/127.0.0.1/0/',
      '/.well-known/masque/udp/127.0.0.1/65536/',
      '/.well-known/masque/udp/127.0.0.1/12a/',
      '/.well-known/masque/udp/a%2Fb/443/',
      '/.well-known/masque/udp/%E0%A4%A/443/',
      '/.well-known/masque/udp/a%20b/443/',
      '/other/127.0.0.1/443/',
      `/.well-known/masque/udp/${'a'.repeat(300)}/443/`,
      `/${'x'.repeat(5000)}`,
    ];
    for (const path of bad) {
      assert.throws(() => matchConnectUdpPath(DEFAULT_CONNECT_UDP_TEMPLATE, path), (e: unknown) => e instanceof ProxyProtocolError && e.status === 400, path);
    }
    assert.throws(() => matchConnectUdpPath('/m{?target_host,target_port}', '/m?target_host=x'), ProxyProtocolError);
  });

  test('invalid templates and targets are refused', () => {
    assert.throws(() => parseConnectUdpTemplate('/only/{target_host}/'), /target_port/);
    assert.throws(() => parseConnectUdpTemplate('/x/{target_host}/{target_port}/{other}'), /unsupported expression/);
    assert.throws(() => parseConnectUdpTemplate('/x/{target_host}/{target_host}/{target_port}'), /twice/);
    assert.throws(() => parseConnectUdpTemplate('/x/{target_host/{target_port}'), ProxyProtocolError);
    assert.throws(() => parseConnectUdpTemplate('/x/{+target_host}/{target_port}'), /unsupported/);
    assert.throws(() => parseConnectUdpTemplate('x/{target_host}/{target_port}'), /start with/);
    assert.throws(() => expandConnectUdpTemplate(DEFAULT_CONNECT_UDP_TEMPLATE, 'h', 0), RangeError);
    assert.throws(() => expandConnectUdpTemplate(DEFAULT_CONNECT_UDP_TEMPLATE, '', 1), RangeError);
  });
});
