import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nodeCryptoProvider as provider } from '../../../../../src/crypto/node-provider.js';
import { CIPHER_SUITES, CipherSuiteId } from '../../../../../src/proto/crypto/cipher-suites.js';
import { INITIAL_SALT_V1, computeNonce, decryptPayload, derivePacketKeys, initialKeys, initialSecrets, protectPacket, unprotectHeader, } from '../../../../../src/proto/quic/packet/protection.js';
import { InvalidPacketError } from '../../../../../src/proto/quic/wire/packet-error.js';
import { fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { A1_CLIENT, A1_DCID, A1_INITIAL_SECRET, A1_SERVER, A2_CRYPTO_FRAME, A2_MASK, A2_PAYLOAD_LENGTH, A2_PN, A2_PN_OFFSET, A2_PROTECTED_HEADER, A2_PROTECTED_PACKET, A2_SAMPLE, A2_UNPROTECTED_HEADER, A3_PAYLOAD, A3_PN, A3_PN_OFFSET, A3_PROTECTED_PACKET, A3_UNPROTECTED_HEADER, A5, } from '../../../../vectors/rfc9001.js';
const dcid = fromHex(A1_DCID);
/** Header + plaintext payload + room for the tag, as the packet builder lays it out. */
function layout(header, payload) {
    const h = fromHex(header);
    const buf = new Uint8Array(h.length + payload.length + 16);
    buf.set(h);
    buf.set(payload, h.length);
    return { buf, payloadEnd: h.length + payload.length };
}
function a2Payload() {
    const payload = new Uint8Array(A2_PAYLOAD_LENGTH);
    payload.set(fromHex(A2_CRYPTO_FRAME));
    return payload;
}
describe('RFC 9001 A.1 Initial secrets and keys', () => {
    test('initial_secret via HKDF-Extract(initial_salt, dcid)', () => {
        assert.equal(toHex(INITIAL_SALT_V1), '38762cf7f55934b34d179ae6a4c80cadccbb7f0a');
        assert.equal(toHex(provider.hkdfExtract('sha256', INITIAL_SALT_V1, dcid)), A1_INITIAL_SECRET);
    });
    test('client and server secrets, key, iv, hp', () => {
        const s = initialSecrets(provider, dcid);
        assert.equal(toHex(s.client), A1_CLIENT.secret);
        assert.equal(toHex(s.server), A1_SERVER.secret);
        const keys = initialKeys(provider, dcid);
        assert.equal(toHex(keys.client.iv), A1_CLIENT.iv);
        assert.equal(toHex(keys.server.iv), A1_SERVER.iv);
        assert.equal(toHex(keys.client.secret), A1_CLIENT.secret);
        assert.equal(keys.client.suite.id, CipherSuiteId.TLS_AES_128_GCM_SHA256);
        // key and hp are only observable through the AEAD / mask they produce.
        const direct = provider.createHeaderProtection('aes-128-gcm', fromHex(A1_CLIENT.hp));
        assert.deepEqual(keys.client.hp.mask(fromHex(A2_SAMPLE)), direct.mask(fromHex(A2_SAMPLE)));
        const aead = provider.createAead('aes-128-gcm', fromHex(A1_SERVER.key));
        const nonce = computeNonce(keys.server.iv, 7);
        const sealed = new Uint8Array(19);
        aead.seal(nonce, new Uint8Array(1), new Uint8Array(3), sealed, 0);
        assert.deepEqual(keys.server.aead.open(nonce, new Uint8Array(1), sealed), new Uint8Array(3));
    });
});
describe('RFC 9001 A.2 client Initial', () => {
    test('protects to the exact 1200 bytes', () => {
        const keys = initialKeys(provider, dcid).client;
        const { buf, payloadEnd } = layout(A2_UNPROTECTED_HEADER, a2Payload());
        const end = protectPacket(keys, buf, 0, A2_PN_OFFSET, 4, A2_PN, payloadEnd);
        assert.equal(end, 1200);
        assert.equal(toHex(buf.subarray(0, 22)), A2_PROTECTED_HEADER);
        assert.equal(toHex(buf.subarray(22, 38)), A2_SAMPLE);
        assert.equal(toHex(buf), A2_PROTECTED_PACKET);
    });
    test('unprotects back to the header and payload (server side)', () => {
        const keys = initialKeys(provider, dcid).client;
        const packet = fromHex(A2_PROTECTED_PACKET);
        const h = unprotectHeader(keys.hp, packet, A2_PN_OFFSET);
        assert.deepEqual(h, { firstByte: 0xc3, pnLength: 4, truncatedPn: A2_PN });
        assert.equal(toHex(packet.subarray(0, 22)), A2_UNPROTECTED_HEADER);
        const plaintext = decryptPayload(keys, packet, A2_PN_OFFSET + h.pnLength, A2_PN);
        assert.ok(plaintext);
        assert.deepEqual(plaintext, a2Payload());
        // A new array: it must outlive the datagram buffer.
        assert.notEqual(plaintext.buffer, packet.buffer);
    });
    test('works at a non-zero offset inside a larger datagram buffer', () => {
        const keys = initialKeys(provider, dcid).client;
        const { buf: inner, payloadEnd } = layout(A2_UNPROTECTED_HEADER, a2Payload());
        const big = new Uint8Array(1300);
        big.set(inner, 50);
        const end = protectPacket(keys, big, 50, 50 + A2_PN_OFFSET, 4, A2_PN, 50 + payloadEnd);
        assert.equal(end, 1250);
        assert.equal(toHex(big.subarray(50, 1250)), A2_PROTECTED_PACKET);
    });
    test('mask for the A.2 sample', () => {
        assert.equal(toHex(initialKeys(provider, dcid).client.hp.mask(fromHex(A2_SAMPLE))), A2_MASK);
    });
});
describe('RFC 9001 A.3 server Initial', () => {
    test('protect and unprotect', () => {
        const keys = initialKeys(provider, dcid).server;
        const { buf, payloadEnd } = layout(A3_UNPROTECTED_HEADER, fromHex(A3_PAYLOAD));
        assert.equal(protectPacket(keys, buf, 0, A3_PN_OFFSET, 2, A3_PN, payloadEnd), buf.length);
        assert.equal(toHex(buf), A3_PROTECTED_PACKET);
        const packet = fromHex(A3_PROTECTED_PACKET);
        const h = unprotectHeader(keys.hp, packet, A3_PN_OFFSET);
        assert.deepEqual(h, { firstByte: 0xc1, pnLength: 2, truncatedPn: A3_PN });
        assert.equal(toHex(decryptPayload(keys, packet, A3_PN_OFFSET + 2, A3_PN)), A3_PAYLOAD);
    });
    test('the client keys do not open the server packet', () => {
        const keys = initialKeys(provider, dcid);
        const packet = fromHex(A3_PROTECTED_PACKET);
        unprotectHeader(keys.server.hp, packet, A3_PN_OFFSET);
        assert.equal(decryptPayload(keys.client, packet, A3_PN_OFFSET + 2, A3_PN), null);
        assert.equal(decryptPayload(keys.server, packet, A3_PN_OFFSET + 2, A3_PN + 1), null);
    });
});
describe('RFC 9001 A.5 ChaCha20-Poly1305 short header', () => {
    const suite = CIPHER_SUITES[CipherSuiteId.TLS_CHACHA20_POLY1305_SHA256];
    test('keys, nonce, protect -> 21 bytes', () => {
        const keys = derivePacketKeys(provider, suite, fromHex(A5.secret));
        assert.equal(toHex(keys.iv), A5.iv);
        assert.equal(toHex(computeNonce(keys.iv, A5.pn)), A5.nonce);
        const { buf, payloadEnd } = layout(A5.unprotectedHeader, fromHex(A5.payload));
        assert.equal(protectPacket(keys, buf, 0, A5.pnOffset, A5.pnLength, A5.pn, payloadEnd), 21);
        assert.equal(toHex(buf), A5.packet);
    });
    test('unprotect and decrypt', () => {
        const keys = derivePacketKeys(provider, suite, fromHex(A5.secret));
        const packet = fromHex(A5.packet);
        const h = unprotectHeader(keys.hp, packet, A5.pnOffset);
        assert.equal(h.firstByte, 0x42);
        assert.equal(h.pnLength, 3);
        assert.equal(h.truncatedPn, 0xbff4 + 0x00 * 0x10000); // 3-byte encoding 00bff4 = 49140
        assert.equal(toHex(packet.subarray(0, 4)), A5.unprotectedHeader);
        assert.equal(toHex(decryptPayload(keys, packet, 4, A5.pn)), A5.payload);
    });
});
describe('nonce', () => {
    test('XORs packet numbers above 2^32 into the high bytes', () => {
        const iv = new Uint8Array(12);
        assert.equal(toHex(computeNonce(iv, 2 ** 40 + 0x01020304)), '000000000000010001020304');
        assert.equal(toHex(computeNonce(iv, Number.MAX_SAFE_INTEGER)), '00000000001fffffffffffff');
    });
});
describe('malformed input', () => {
    const keys = initialKeys(provider, dcid).client;
    test('unprotectHeader throws InvalidPacketError when the sample does not fit', () => {
        const packet = fromHex(A2_PROTECTED_PACKET).subarray(0, A2_PN_OFFSET + 4 + 15);
        assert.throws(() => unprotectHeader(keys.hp, packet, A2_PN_OFFSET), InvalidPacketError);
        assert.throws(() => unprotectHeader(keys.hp, new Uint8Array(0), 0), InvalidPacketError);
    });
    test('decryptPayload returns null for short or corrupted packets', () => {
        assert.equal(decryptPayload(keys, new Uint8Array(30), 22, 0), null);
        assert.equal(decryptPayload(keys, new Uint8Array(40), 30, 0), null);
        const packet = fromHex(A2_PROTECTED_PACKET);
        unprotectHeader(keys.hp, packet, A2_PN_OFFSET);
        packet[100] ^= 0x80;
        assert.equal(decryptPayload(keys, packet, 22, A2_PN), null);
    });
    test('random bytes never throw anything but InvalidPacketError, nor decrypt', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), fc.nat(30), (bytes, pnOffset) => {
            const packet = bytes.slice();
            try {
                const h = unprotectHeader(keys.hp, packet, pnOffset);
                assert.equal(decryptPayload(keys, packet, pnOffset + h.pnLength, h.truncatedPn), null);
            }
            catch (e) {
                assert.ok(e instanceof InvalidPacketError);
            }
        }), { numRuns: 1000 });
    });
});
describe('round trip (property)', () => {
    const suites = Object.values(CIPHER_SUITES);
    test('protect then unprotect + decrypt restores header and payload for all suites and header shapes', () => {
        fc.assert(fc.property(fc.constantFrom(...suites), fc.uint8Array({ minLength: 32, maxLength: 48 }), fc.boolean(), fc.integer({ min: 0, max: 20 }), fc.constantFrom(1, 2, 3, 4), fc.nat(2 ** 31), fc.uint8Array({ minLength: 3, maxLength: 200 }), fc.nat(10), (suite, secret, long, cidLength, pnLength, pn, payload, start) => {
            const keys = derivePacketKeys(provider, suite, secret.subarray(0, suite.hashLength));
            const headerLength = long ? 7 + cidLength : 1 + cidLength;
            const pnOffset = start + headerLength;
            const payloadStart = pnOffset + pnLength;
            const buf = new Uint8Array(payloadStart + payload.length + 16 + 5);
            buf[start] = (long ? 0xc0 : 0x40) | (pnLength - 1) | (long ? 0 : 0x04);
            for (let i = start + 1; i < pnOffset; i++)
                buf[i] = i * 7;
            for (let i = 0; i < pnLength; i++)
                buf[pnOffset + i] = (pn >>> (8 * (pnLength - 1 - i))) & 0xff;
            buf.set(payload, payloadStart);
            const header = buf.slice(start, payloadStart);
            const end = protectPacket(keys, buf, start, pnOffset, pnLength, pn, payloadStart + payload.length);
            assert.equal(end, payloadStart + payload.length + 16);
            const packet = buf.subarray(start, end);
            const h = unprotectHeader(keys.hp, packet, headerLength);
            assert.equal(h.pnLength, pnLength);
            assert.equal(h.truncatedPn, pn % 2 ** (8 * pnLength));
            assert.deepEqual(packet.subarray(0, headerLength + pnLength), header);
            assert.deepEqual(decryptPayload(keys, packet, headerLength + pnLength, pn), payload);
        }), { numRuns: 500 });
    });
});
//# sourceMappingURL=protection.test.js.map