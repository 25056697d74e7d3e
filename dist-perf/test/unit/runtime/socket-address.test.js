import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AddressParseError, formatHostPort, parseHostPort, udpFamilyFor } from '../../../src/runtime/socket-address.js';
test('parses IPv4, names and bracketed IPv6', () => {
    assert.deepEqual(parseHostPort('127.0.0.1:4433'), { address: '127.0.0.1', port: 4433 });
    assert.deepEqual(parseHostPort('localhost:0'), { address: 'localhost', port: 0 });
    assert.deepEqual(parseHostPort('[::1]:4433'), { address: '::1', port: 4433 });
    assert.deepEqual(parseHostPort('[::]:443'), { address: '::', port: 443 });
});
test('rejects malformed addresses with AddressParseError', () => {
    for (const bad of ['::1:4433', '[::1]4433', '[x]:1', '127.0.0.1', ':4433', 'h:65536', 'h:-1', 'h:12a', '[::1]:']) {
        assert.throws(() => parseHostPort(bad), AddressParseError, bad);
    }
});
test('formats and picks the socket family', () => {
    assert.equal(formatHostPort({ address: '::1', port: 1 }), '[::1]:1');
    assert.equal(formatHostPort({ address: '10.0.0.1', port: 2 }), '10.0.0.1:2');
    assert.equal(udpFamilyFor('::'), 'udp6');
    assert.equal(udpFamilyFor('0.0.0.0'), 'udp4');
    assert.equal(udpFamilyFor('localhost'), 'udp4');
});
//# sourceMappingURL=socket-address.test.js.map