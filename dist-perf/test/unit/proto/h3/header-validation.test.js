import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { H3Error, H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { checkContentLength, checkFieldName, isInformationalStatus, parseContentLength, validateRequestHeaders, validateResponseHeaders, validateTrailers, } from '../../../../src/proto/h3/header-validation.js';
function malformed(fn, what = '') {
    assert.throws(fn, (e) => e instanceof H3Error && e.code === H3ErrorCode.H3_MESSAGE_ERROR, what);
}
const get = [[':method', 'GET'], [':scheme', 'https'], [':authority', 'example.com'], [':path', '/index.html'], ['accept', '*/*']];
describe('validateRequestHeaders', () => {
    test('a normal GET', () => {
        assert.deepEqual(validateRequestHeaders(get), { method: 'GET', scheme: 'https', authority: 'example.com', path: '/index.html', protocol: undefined });
    });
    test('pseudo-headers must come first, once each, from the request set', () => {
        malformed(() => validateRequestHeaders([...get, [':path', '/x']]), 'pseudo after regular');
        malformed(() => validateRequestHeaders([[':method', 'GET'], ...get.slice(1, 4), [':method', 'GET']]), 'duplicate');
        malformed(() => validateRequestHeaders([[':path', '/'], ...get]), 'duplicate path');
        malformed(() => validateRequestHeaders([[':status', '200'], ...get]), 'response pseudo');
        malformed(() => validateRequestHeaders([[':foo', 'x'], ...get]), 'unknown pseudo');
    });
    test('mandatory pseudo-headers', () => {
        malformed(() => validateRequestHeaders(get.filter(([n]) => n !== ':method')));
        malformed(() => validateRequestHeaders(get.filter(([n]) => n !== ':scheme')));
        malformed(() => validateRequestHeaders(get.filter(([n]) => n !== ':path')));
        malformed(() => validateRequestHeaders(get.filter(([n]) => n !== ':authority')), 'no authority nor host');
        assert.doesNotThrow(() => validateRequestHeaders([...get.filter(([n]) => n !== ':authority'), ['host', 'example.com']]));
        malformed(() => validateRequestHeaders([...get, ['host', 'other.example']]), 'host differs');
        malformed(() => validateRequestHeaders(get.map(([n, v]) => [n, n === ':path' ? '' : v])), 'empty path');
        malformed(() => validateRequestHeaders(get.map(([n, v]) => [n, n === ':path' ? 'index' : v])), 'relative path');
        malformed(() => validateRequestHeaders(get.map(([n, v]) => [n, n === ':authority' ? 'user@example.com' : v])), 'userinfo');
        malformed(() => validateRequestHeaders(get.map(([n, v]) => [n, n === ':method' ? 'G T' : v])), 'bad method');
    });
    test('OPTIONS * is allowed, * elsewhere is not', () => {
        const opt = [[':method', 'OPTIONS'], [':scheme', 'https'], [':authority', 'a'], [':path', '*']];
        assert.doesNotThrow(() => validateRequestHeaders(opt));
        malformed(() => validateRequestHeaders([[':method', 'GET'], ...opt.slice(1)]));
    });
    test('field names: lowercase tokens only', () => {
        malformed(() => validateRequestHeaders([...get, ['Accept', 'x']]), 'uppercase');
        malformed(() => validateRequestHeaders([...get, ['bad name', 'x']]), 'space');
        malformed(() => validateRequestHeaders([...get, ['', 'x']]), 'empty');
        malformed(() => validateRequestHeaders([...get, ['é', 'x']]), 'non-ascii');
        assert.throws(() => checkFieldName('X-Foo'), /uppercase/);
        assert.doesNotThrow(() => checkFieldName("x-a.b_c~!#$%&'*+^`|"));
    });
    test('field values: no NUL, CR, LF (also in pseudo-headers)', () => {
        for (const bad of ['a\r\nb', 'a\nb', 'a\0b']) {
            malformed(() => validateRequestHeaders([...get, ['x-a', bad]]));
            malformed(() => validateRequestHeaders(get.map(([n, v]) => [n, n === ':authority' ? bad : v])));
        }
        assert.doesNotThrow(() => validateRequestHeaders([...get, ['x-a', 'tab\there, utf-8 é']]));
    });
    test('connection-specific fields are malformed; te only "trailers"', () => {
        for (const name of ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']) {
            malformed(() => validateRequestHeaders([...get, [name, 'x']]), name);
        }
        assert.doesNotThrow(() => validateRequestHeaders([...get, ['te', 'trailers']]));
        malformed(() => validateRequestHeaders([...get, ['te', 'gzip']]));
    });
    test('extended CONNECT is only accepted when enabled', () => {
        const h = [[':method', 'CONNECT'], [':protocol', 'webtransport'], [':scheme', 'https'], [':authority', 'a:1'], [':path', '/']];
        assert.equal(validateRequestHeaders(h, { extendedConnectEnabled: true }).protocol, 'webtransport');
        malformed(() => validateRequestHeaders(h));
        malformed(() => validateRequestHeaders(h.filter(([n]) => n !== ':path'), { extendedConnectEnabled: true }));
        malformed(() => validateRequestHeaders([[':method', 'GET'], ...h.slice(1)], { extendedConnectEnabled: true }), ':protocol on GET');
    });
    test('plain CONNECT', () => {
        assert.doesNotThrow(() => validateRequestHeaders([[':method', 'CONNECT'], [':authority', 'example.com:443']]));
        malformed(() => validateRequestHeaders([[':method', 'CONNECT'], [':authority', 'example.com:443'], [':path', '/']]));
    });
});
describe('validateResponseHeaders', () => {
    test(':status rules', () => {
        assert.deepEqual(validateResponseHeaders([[':status', '200'], ['content-type', 'text/plain']]), { status: 200 });
        assert.equal(validateResponseHeaders([[':status', '103']]).status, 103);
        malformed(() => validateResponseHeaders([['content-type', 'x']]), 'missing');
        malformed(() => validateResponseHeaders([[':status', '200'], [':status', '200']]), 'duplicate');
        malformed(() => validateResponseHeaders([[':status', '20']]), 'two digits');
        malformed(() => validateResponseHeaders([[':status', '2000']]));
        malformed(() => validateResponseHeaders([[':status', '600']]));
        malformed(() => validateResponseHeaders([[':status', 'abc']]));
        malformed(() => validateResponseHeaders([[':status', '101']]), '101');
        malformed(() => validateResponseHeaders([[':status', '200'], [':path', '/']]), 'request pseudo');
        malformed(() => validateResponseHeaders([['server', 'x'], [':status', '200']]), 'pseudo after regular');
        malformed(() => validateResponseHeaders([[':status', '200'], ['te', 'trailers']]), 'te in response');
        malformed(() => validateResponseHeaders([[':status', '200'], ['Server', 'x']]), 'uppercase');
    });
    test('informational statuses', () => {
        assert.ok(isInformationalStatus(100) && isInformationalStatus(103));
        assert.ok(!isInformationalStatus(200));
    });
});
describe('validateTrailers', () => {
    test('no pseudo-headers, regular field rules', () => {
        assert.doesNotThrow(() => validateTrailers([['grpc-status', '0']]));
        malformed(() => validateTrailers([[':status', '200']]));
        malformed(() => validateTrailers([['connection', 'close']]));
    });
});
describe('content-length', () => {
    test('parse: absent, single, repeated identical, lists', () => {
        assert.equal(parseContentLength(get), undefined);
        assert.equal(parseContentLength([['content-length', '42']]), 42);
        assert.equal(parseContentLength([['content-length', '42'], ['content-length', '42']]), 42);
        assert.equal(parseContentLength([['content-length', '42, 42']]), 42);
        assert.equal(parseContentLength([['content-length', '0']]), 0);
    });
    test('parse: invalid or conflicting values are malformed', () => {
        for (const v of ['', '-1', '1.5', 'abc', '0x10', '99999999999999999', '42, 43'])
            malformed(() => parseContentLength([['content-length', v]]), v);
        malformed(() => parseContentLength([['content-length', '1'], ['content-length', '2']]));
    });
    test('check: never more than declared, exactly that at the end', () => {
        assert.doesNotThrow(() => checkContentLength(undefined, 100, true));
        assert.doesNotThrow(() => checkContentLength(10, 5, false));
        assert.doesNotThrow(() => checkContentLength(10, 10, true));
        malformed(() => checkContentLength(10, 11, false));
        malformed(() => checkContentLength(10, 9, true));
    });
});
//# sourceMappingURL=header-validation.test.js.map