import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AlertDescription, TlsAlertError } from '../../../../src/proto/tls/alerts.js';
import { decodeAlpn, decodeCookie, decodeKeyShareClient, decodeKeyShareServer, decodeOfferedPsks, decodePskModes, decodeServerName, decodeSupportedVersionsClient, decodeU16, decodeU16List, encodeAlpn, encodeCookie, encodeKeyShareClient, encodeKeyShareServer, encodeOfferedPsks, encodePskModes, encodeServerName, encodeSupportedVersionsClient, encodeU16, encodeU16List, groupCode, groupName, keyShareLength, readExtensions, writeExtensions, } from '../../../../src/proto/tls/extensions.js';
import { ByteReader, ByteWriter, utf8 } from '../../../../src/proto/util/bytes.js';
function alert(fn) {
    try {
        fn();
    }
    catch (e) {
        if (e instanceof TlsAlertError)
            return e.alert;
        throw e;
    }
    return -1;
}
describe('extension codecs', () => {
    test('round trips', () => {
        assert.equal(decodeServerName(encodeServerName('Example.com')), 'example.com');
        assert.deepEqual(decodeAlpn(encodeAlpn([utf8('h3'), utf8('webtransport')])), [utf8('h3'), utf8('webtransport')]);
        assert.deepEqual(decodeU16List('g', encodeU16List([0x1d, 0x17])), [0x1d, 0x17]);
        assert.deepEqual(decodeSupportedVersionsClient(encodeSupportedVersionsClient([0x0304, 0x0303])), [0x0304, 0x0303]);
        assert.equal(decodeU16('v', encodeU16(0x0304)), 0x0304);
        const share = { group: 0x1d, keyExchange: new Uint8Array(32).fill(5) };
        assert.deepEqual(decodeKeyShareClient(encodeKeyShareClient([share])), [share]);
        assert.deepEqual(decodeKeyShareServer(encodeKeyShareServer(share)), share);
        assert.deepEqual(decodePskModes(encodePskModes([1])), [1]);
        assert.deepEqual(decodeCookie(encodeCookie(new Uint8Array([1, 2]))), new Uint8Array([1, 2]));
        const psks = decodeOfferedPsks(encodeOfferedPsks([{ identity: new Uint8Array([1]), obfuscatedTicketAge: 0xfffffffe }], [new Uint8Array(32)]));
        assert.equal(psks.identities[0].obfuscatedTicketAge, 0xfffffffe);
        assert.equal(psks.bindersSize, 2 + 1 + 32);
    });
    test('group names', () => {
        assert.equal(groupCode('x25519'), 0x1d);
        assert.equal(groupName(0x17), 'secp256r1');
        assert.equal(groupName(0x11ec), undefined);
        assert.equal(keyShareLength('secp384r1'), 97);
    });
    test('malformed bodies -> decode_error / illegal_parameter', () => {
        assert.equal(alert(() => decodeU16List('g', new Uint8Array([0, 3, 0, 1, 2]))), AlertDescription.decode_error);
        assert.equal(alert(() => decodeU16('v', new Uint8Array([3, 4, 5]))), AlertDescription.decode_error);
        assert.equal(alert(() => decodeAlpn(new Uint8Array([0, 0]))), AlertDescription.decode_error);
        assert.equal(alert(() => decodeAlpn(new Uint8Array([0, 1, 0]))), AlertDescription.decode_error);
        assert.equal(alert(() => decodeServerName(new Uint8Array([0, 4, 0, 0, 1, 0x01]))), AlertDescription.illegal_parameter);
        const dup = encodeKeyShareClient([{ group: 1, keyExchange: new Uint8Array(1) }, { group: 1, keyExchange: new Uint8Array(1) }]);
        assert.equal(alert(() => decodeKeyShareClient(dup)), AlertDescription.illegal_parameter);
        assert.equal(alert(() => decodeOfferedPsks(encodeOfferedPsks([{ identity: new Uint8Array([1]), obfuscatedTicketAge: 0 }], [new Uint8Array(31)]))), AlertDescription.decode_error);
        assert.equal(alert(() => decodeOfferedPsks(encodeOfferedPsks([{ identity: new Uint8Array([1]), obfuscatedTicketAge: 0 }], []))), AlertDescription.illegal_parameter);
    });
    test('extension blocks keep order and reject duplicates', () => {
        const w = new ByteWriter(32);
        writeExtensions(w, [{ type: 43, data: new Uint8Array([1]) }, { type: 0, data: new Uint8Array(0) }]);
        const block = readExtensions(new ByteReader(w.finish()));
        assert.deepEqual(block.order, [43, 0]);
        assert.deepEqual(block.map.get(43), new Uint8Array([1]));
        const d = new ByteWriter(32);
        writeExtensions(d, [{ type: 1, data: new Uint8Array(0) }, { type: 1, data: new Uint8Array(0) }]);
        assert.equal(alert(() => readExtensions(new ByteReader(d.finish()))), AlertDescription.illegal_parameter);
    });
});
//# sourceMappingURL=extensions.test.js.map