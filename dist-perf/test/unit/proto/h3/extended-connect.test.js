import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { H3Error, H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { buildExtendedConnectHeaders, checkCapsuleProtocolMessage, checkConnectRules, ConnectProtocol, isExtendedConnect, isSuccessfulConnectStatus, } from '../../../../src/proto/h3/extended-connect.js';
import { validateRequestHeaders } from '../../../../src/proto/h3/header-validation.js';
function malformed(fn) {
    assert.throws(fn, (e) => e instanceof H3Error && e.code === H3ErrorCode.H3_MESSAGE_ERROR);
}
const wt = { method: 'CONNECT', protocol: 'webtransport', scheme: 'https', authority: 'localhost:4433', path: '/echo' };
describe('checkConnectRules', () => {
    test('extended CONNECT needs :scheme, :path, :authority and the setting (RFC 9220 §3, RFC 8441 §4)', () => {
        assert.doesNotThrow(() => checkConnectRules(wt, true));
        assert.ok(isExtendedConnect(wt));
        malformed(() => checkConnectRules(wt, false));
        malformed(() => checkConnectRules({ ...wt, scheme: undefined }, true));
        malformed(() => checkConnectRules({ ...wt, path: undefined }, true));
        malformed(() => checkConnectRules({ ...wt, path: '' }, true));
        malformed(() => checkConnectRules({ ...wt, path: 'echo' }, true));
        malformed(() => checkConnectRules({ ...wt, authority: undefined }, true));
        malformed(() => checkConnectRules({ ...wt, protocol: '' }, true));
        malformed(() => checkConnectRules({ ...wt, method: 'GET' }, true));
    });
    test('plain CONNECT omits :scheme and :path and needs :authority (RFC 9114 §4.4)', () => {
        const plain = { method: 'CONNECT', protocol: undefined, scheme: undefined, path: undefined, authority: 'example.com:443' };
        assert.doesNotThrow(() => checkConnectRules(plain, false));
        assert.ok(!isExtendedConnect(plain));
        malformed(() => checkConnectRules({ ...plain, scheme: 'https' }, false));
        malformed(() => checkConnectRules({ ...plain, path: '/' }, false));
        malformed(() => checkConnectRules({ ...plain, authority: undefined }, false));
    });
    test('other methods are not concerned', () => {
        assert.doesNotThrow(() => checkConnectRules({ method: 'GET', protocol: undefined, scheme: 'https', authority: 'a', path: '/' }, false));
    });
});
describe('buildExtendedConnectHeaders', () => {
    test('builds a request that passes validation, pseudo-headers first', () => {
        const headers = buildExtendedConnectHeaders({
            protocol: ConnectProtocol.WEBTRANSPORT, authority: 'localhost:4433', path: '/echo?x=1', origin: 'https://localhost:8080',
            headers: [['sec-webtransport-http3-draft02', '1']],
        });
        assert.deepEqual(headers, [
            [':method', 'CONNECT'], [':protocol', 'webtransport'], [':scheme', 'https'], [':authority', 'localhost:4433'], [':path', '/echo?x=1'],
            ['origin', 'https://localhost:8080'], ['sec-webtransport-http3-draft02', '1'],
        ]);
        assert.deepEqual(validateRequestHeaders(headers, { extendedConnectEnabled: true }), {
            method: 'CONNECT', protocol: 'webtransport', scheme: 'https', authority: 'localhost:4433', path: '/echo?x=1',
        });
        malformed(() => validateRequestHeaders(headers));
        assert.equal(ConnectProtocol.WEBTRANSPORT_H3, 'webtransport-h3');
    });
});
describe('Capsule Protocol message rules (RFC 9297 §3.2)', () => {
    test('forbidden fields and statuses', () => {
        assert.doesNotThrow(() => checkCapsuleProtocolMessage([['origin', 'x']], 200));
        for (const name of ['content-length', 'content-type', 'transfer-encoding'])
            malformed(() => checkCapsuleProtocolMessage([[name, '1']]));
        for (const s of [204, 205, 206])
            malformed(() => checkCapsuleProtocolMessage([], s));
    });
    test('any 2xx accepts', () => {
        assert.ok(isSuccessfulConnectStatus(200) && isSuccessfulConnectStatus(299));
        assert.ok(!isSuccessfulConnectStatus(199) && !isSuccessfulConnectStatus(300) && !isSuccessfulConnectStatus(404));
    });
});
//# sourceMappingURL=extended-connect.test.js.map