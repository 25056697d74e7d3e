import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { QUIC_V1, SUPPORTED_VERSIONS, decodeVersionNegotiation, encodeRetry, encodeVersionNegotiation, isReservedVersion, isSupportedVersion, retryIntegrityTag, verifyRetryIntegrity, } from '../../../../../src/proto/quic/wire/version.js';
import { InvalidPacketError, parseHeader } from '../../../../../src/proto/quic/wire/header.js';
import { RETRY_ODCID, RETRY_PACKET, RETRY_SCID, RETRY_TOKEN } from '../../../../vectors/rfc9000.js';
/** Test-only provider: just the AES-128-GCM AEAD the Retry tag needs (src/crypto is not written yet). */
function gcm(key) {
    return {
        seal(nonce, aad, plaintext, out, outOffset) {
            const c = createCipheriv('aes-128-gcm', key, nonce);
            c.setAAD(aad);
            const ct = Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
            out.set(ct, outOffset);
            return ct.length;
        },
        open(nonce, aad, ciphertext) {
            const d = createDecipheriv('aes-128-gcm', key, nonce);
            d.setAAD(aad);
            d.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
            try {
                return new Uint8Array(Buffer.concat([d.update(ciphertext.subarray(0, ciphertext.length - 16)), d.final()]));
            }
            catch {
                return null;
            }
        },
    };
}
const provider = { createAead: (_alg, key) => gcm(key) };
describe('versions', () => {
    test('supported and reserved versions', () => {
        assert.equal(QUIC_V1, 1);
        assert.deepEqual(SUPPORTED_VERSIONS, [1]);
        assert.equal(isSupportedVersion(1), true);
        assert.equal(isSupportedVersion(0xff00001d), false);
        assert.equal(isReservedVersion(0x1a2a3a4a), true);
        assert.equal(isReservedVersion(0xfafafafa), true);
        assert.equal(isReservedVersion(0x0a0a0a0b), false);
        assert.equal(isReservedVersion(1), false);
    });
    test('Version Negotiation round trip', () => {
        const dcid = fromHex('0102030405'), scid = new Uint8Array(255).fill(7);
        const vn = encodeVersionNegotiation(dcid, scid, [QUIC_V1, 0x1a2a3a4a], 0xff);
        assert.equal(vn[0], 0xff);
        assert.equal(toHex(vn.subarray(1, 5)), '00000000');
        const d = decodeVersionNegotiation(vn);
        assert.deepEqual(d.dcid, dcid);
        assert.deepEqual(d.scid, scid);
        assert.deepEqual(d.versions, [1, 0x1a2a3a4a]);
        const h = parseHeader(vn, 0, 8);
        assert.equal(h.kind, 'versionNegotiation');
        assert.ok(h.kind === 'versionNegotiation');
        assert.deepEqual(h.versions, [1, 0x1a2a3a4a]);
        assert.equal(encodeVersionNegotiation(dcid, dcid, [1], 0)[0], 0x80, 'form bit always set');
    });
    test('malformed Version Negotiation packets are invalid', () => {
        const good = encodeVersionNegotiation(fromHex('01'), fromHex('02'), [1], 0);
        for (const bad of [
            good.subarray(0, good.length - 1), // partial version
            good.subarray(0, good.length - 4), // no versions
            good.subarray(0, 6),
            fromHex('0000000000'),
            Uint8Array.of(0xc0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1),
        ]) {
            assert.throws(() => decodeVersionNegotiation(bad), InvalidPacketError);
        }
    });
    test('Retry integrity tag matches RFC 9001 A.4 byte for byte', () => {
        const packet = fromHex(RETRY_PACKET);
        const odcid = fromHex(RETRY_ODCID);
        const tag = retryIntegrityTag(provider, odcid, packet.subarray(0, packet.length - 16));
        assert.equal(toHex(tag), toHex(packet.subarray(packet.length - 16)));
        assert.equal(verifyRetryIntegrity(provider, odcid, packet), true);
        const flipped = packet.slice();
        flipped[10] ^= 1;
        assert.equal(verifyRetryIntegrity(provider, odcid, flipped), false);
        assert.equal(verifyRetryIntegrity(provider, fromHex('8394c8f03e515709'), packet), false);
        assert.equal(verifyRetryIntegrity(provider, odcid, packet.subarray(0, 20)), false);
    });
    test('encodeRetry reproduces the RFC 9001 A.4 packet and parses back', () => {
        const packet = encodeRetry(provider, {
            dcid: new Uint8Array(0), scid: fromHex(RETRY_SCID), odcid: fromHex(RETRY_ODCID), token: fromHex(RETRY_TOKEN), unusedBits: 0xf,
        });
        assert.equal(toHex(packet), RETRY_PACKET);
        const h = parseHeader(packet, 0, 0);
        assert.ok(h.kind === 'retry');
        assert.equal(toHex(h.scid), RETRY_SCID);
        assert.equal(toHex(h.token), RETRY_TOKEN);
        assert.equal(h.dcid.length, 0);
        assert.equal(h.integrityTag.length, 16);
        assert.equal(h.packetEnd, packet.length);
        assert.throws(() => encodeRetry(provider, { dcid: new Uint8Array(0), scid: fromHex('01'), odcid: fromHex('02'), token: new Uint8Array(0) }), RangeError);
    });
});
//# sourceMappingURL=version.test.js.map