import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteWriter, concatBytes, fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { InvalidPacketError, decodePacketNumber, encodePacketNumberLength, parseHeader, peekDestinationConnectionId, setLongHeaderLength, writeLongHeader, writeShortHeader, } from '../../../../../src/proto/quic/wire/header.js';
import { CHACHA_SHORT_PACKET, CLIENT_INITIAL_DCID, CLIENT_INITIAL_LENGTH, CLIENT_INITIAL_PROTECTED_HEADER, CLIENT_INITIAL_UNPROTECTED_HEADER, PN_DECODING_VECTORS, PN_ENCODING_VECTORS, SERVER_INITIAL_PROTECTED, SERVER_INITIAL_UNPROTECTED_HEADER, } from '../../../../vectors/rfc9000.js';
/** The RFC 9001 A.2 client Initial as received: protected header + 1178 (opaque) bytes. */
function clientInitial() {
    const out = new Uint8Array(1200);
    out.set(fromHex(CLIENT_INITIAL_PROTECTED_HEADER));
    return out;
}
describe('packet headers', () => {
    test('parses the RFC 9001 A.2 client Initial before protection removal', () => {
        const h = parseHeader(clientInitial(), 0, 8);
        assert.ok(h.kind === 'initial');
        assert.equal(h.version, 1);
        assert.equal(toHex(h.dcid), CLIENT_INITIAL_DCID);
        assert.equal(h.scid.length, 0);
        assert.equal(h.token.length, 0);
        assert.equal(h.pnOffset, 18); // 1 + 4 + 1 + 8 + 1 + 0 + 1 (token len) + 2 (Length)
        assert.equal(h.packetEnd - h.pnOffset, CLIENT_INITIAL_LENGTH);
        assert.equal(h.packetEnd, 1200);
        assert.equal(h.firstByte, 0xc0);
    });
    test('parses the RFC 9001 A.3 server Initial and A.5 short header', () => {
        const s = fromHex(SERVER_INITIAL_PROTECTED);
        const h = parseHeader(s, 0, 0);
        assert.ok(h.kind === 'initial');
        assert.equal(toHex(h.scid), 'f067a5502a4262b5');
        assert.equal(h.dcid.length, 0);
        assert.equal(h.pnOffset, 18);
        assert.equal(h.packetEnd, s.length);
        const short = parseHeader(fromHex(CHACHA_SHORT_PACKET), 0, 0);
        assert.ok(short.kind === '1rtt');
        assert.equal(short.pnOffset, 1);
        assert.equal(short.packetEnd, 21);
    });
    test('writeLongHeader reproduces the RFC 9001 A.2 / A.3 unprotected headers', () => {
        const w = new ByteWriter(64);
        const layout = writeLongHeader(w, {
            type: 'initial', version: 1, dcid: fromHex(CLIENT_INITIAL_DCID), scid: new Uint8Array(0), packetNumber: 2, pnLength: 4,
        });
        assert.equal(layout.pnOffset, 18);
        assert.equal(layout.lengthOffset, 16);
        assert.equal(layout.payloadOffset, 22);
        const buf = new Uint8Array(1200);
        buf.set(w.finish());
        setLongHeaderLength(buf, layout, 1200);
        assert.equal(toHex(buf.subarray(0, 22)), CLIENT_INITIAL_UNPROTECTED_HEADER);
        const w2 = new ByteWriter(64);
        const l2 = writeLongHeader(w2, { type: 'initial', version: 1, dcid: new Uint8Array(0), scid: fromHex('f067a5502a4262b5'), packetNumber: 1, pnLength: 2 });
        const b2 = w2.finish();
        setLongHeaderLength(b2, l2, l2.pnOffset + 0x75);
        assert.equal(toHex(b2), SERVER_INITIAL_UNPROTECTED_HEADER);
    });
    test('handshake and 0-RTT headers round trip; coalesced packets walk by packetEnd', () => {
        const parts = [];
        const kinds = ['initial', 'handshake', '0rtt'];
        for (const [i, type] of kinds.entries()) {
            const w = new ByteWriter(64);
            const l = writeLongHeader(w, { type, version: 1, dcid: fromHex('aabbccdd'), scid: fromHex('0102'), token: type === 'initial' ? fromHex('cafe') : undefined, packetNumber: 300 + i, pnLength: 2, lengthFieldSize: 4 });
            w.zeros(30 + i);
            const b = w.finish();
            setLongHeaderLength(b, l, b.length);
            parts.push(b);
        }
        const sw = new ByteWriter(64);
        const pnOffset = writeShortHeader(sw, { dcid: fromHex('aabbccdd'), spinBit: true, keyPhase: true, packetNumber: 0x123456, pnLength: 3 });
        sw.zeros(25);
        parts.push(sw.finish());
        const datagram = concatBytes(...parts);
        let off = 0;
        const seen = [];
        while (off < datagram.length) {
            const h = parseHeader(datagram, off, 4);
            seen.push(h.kind);
            if (h.kind === 'initial')
                assert.equal(toHex(h.token), 'cafe');
            if (h.kind === 'handshake' || h.kind === '0rtt')
                assert.equal(h.token.length, 0);
            if (h.kind === '1rtt') {
                assert.equal(h.pnOffset - off, pnOffset);
                assert.equal(h.firstByte, 0x40 | 0x20 | 0x04 | 2);
                assert.equal(toHex(datagram.subarray(h.pnOffset, h.pnOffset + 3)), '123456');
            }
            else {
                assert.ok(h.kind !== 'versionNegotiation' && h.kind !== 'unsupportedVersion' && h.kind !== 'retry');
                assert.equal(toHex(h.scid), '0102');
                assert.equal(datagram[h.pnOffset + 1], (300 + kinds.indexOf(h.kind)) & 0xff);
            }
            assert.equal(toHex(h.dcid), 'aabbccdd');
            off = h.packetEnd;
        }
        assert.deepEqual(seen, ['initial', 'handshake', '0rtt', '1rtt']);
    });
    test('unsupported versions report the version with long connection IDs', () => {
        const dcid = new Uint8Array(200).fill(1);
        const p = concatBytes(Uint8Array.of(0xc0), fromHex('ff00001d'), Uint8Array.of(200), dcid, Uint8Array.of(0), new Uint8Array(50));
        const h = parseHeader(p, 0, 8);
        assert.ok(h.kind === 'unsupportedVersion');
        assert.equal(h.version, 0xff00001d);
        assert.equal(h.dcid.length, 200);
        // Even with the fixed bit clear: only the invariants apply to unknown versions.
        p[0] = 0x80;
        assert.equal(parseHeader(p, 0, 8).kind, 'unsupportedVersion');
    });
    test('invalid packets throw InvalidPacketError', () => {
        const bad = (hex, shortLen = 8) => assert.throws(() => parseHeader(typeof hex === 'string' ? fromHex(hex) : hex, 0, shortLen), InvalidPacketError);
        bad('');
        bad('00' + '00'.repeat(20)); // short header, fixed bit 0
        bad('40' + '00'.repeat(8)); // short header: DCID but no packet number
        const initial = clientInitial();
        initial[0] = 0x80; // fixed bit 0
        bad(initial);
        bad(clientInitial().subarray(0, 1199)); // Length beyond the datagram
        bad('c000000001' + '15' + 'aa'.repeat(21) + '00' + '00' + '01' + '00'); // DCID 21 bytes in v1
        bad('c000000001' + '01' + 'aa' + '15' + 'bb'.repeat(21) + '00' + '01' + '00'); // SCID 21 bytes
        bad('c000000001' + '08'); // truncated
        bad('c000000001' + '00' + '00' + '44'); // token length truncated
        bad('c000000001' + '00' + '00' + '05' + 'aa'); // token truncated
        bad('c000000001' + '00' + '00' + '00'); // no Length
        bad('c000000001' + '00' + '00' + '00' + '00'); // Length 0
        bad('e000000001' + '00' + '00' + '40'); // handshake, Length truncated
        bad('f000000001' + '00' + '00' + 'aa'.repeat(16)); // Retry without token
        bad('f0000000010000'); // Retry too short
        bad(Uint8Array.of(0xc0, 0, 0, 0, 1, 0));
    });
    test('offset into a datagram', () => {
        const p = concatBytes(new Uint8Array(5), clientInitial());
        const h = parseHeader(p, 5, 8);
        assert.equal(h.kind, 'initial');
        assert.equal(h.packetEnd, p.length);
        assert.throws(() => parseHeader(p, p.length, 8), InvalidPacketError);
    });
    test('peekDestinationConnectionId', () => {
        assert.equal(toHex(peekDestinationConnectionId(clientInitial(), 4)), CLIENT_INITIAL_DCID);
        assert.equal(toHex(peekDestinationConnectionId(fromHex('41aabbccdd0000'), 4)), 'aabbccdd');
        assert.equal(peekDestinationConnectionId(fromHex('41aabb'), 4), undefined);
        assert.equal(peekDestinationConnectionId(new Uint8Array(0), 4), undefined);
        assert.equal(peekDestinationConnectionId(fromHex('c0000000010811'), 4), undefined);
        assert.equal(peekDestinationConnectionId(fromHex('c00000'), 4), undefined);
    });
    test('packet number length selection: RFC 9000 A.2', () => {
        for (const v of PN_ENCODING_VECTORS)
            assert.equal(encodePacketNumberLength(v.fullPn, v.largestAcked), v.bytes);
        assert.equal(encodePacketNumberLength(0, undefined), 1);
        assert.equal(encodePacketNumberLength(127, undefined), 1);
        assert.equal(encodePacketNumberLength(128, undefined), 2);
        assert.equal(encodePacketNumberLength(1000, 999), 1);
        assert.equal(encodePacketNumberLength(2 ** 40, 0), 4);
    });
    test('packet number recovery: RFC 9000 A.3 and window edges', () => {
        for (const v of PN_DECODING_VECTORS)
            assert.equal(decodePacketNumber(v.largestPn, v.truncated, v.bits), v.expected);
        assert.equal(decodePacketNumber(undefined, 0, 8), 0);
        assert.equal(decodePacketNumber(undefined, 5, 8), 5);
        assert.equal(decodePacketNumber(0xff, 0x00, 8), 0x100);
        assert.equal(decodePacketNumber(0x100, 0xff, 8), 0xff);
        assert.equal(decodePacketNumber(0x17f, 0x00, 8), 0x200);
        assert.equal(decodePacketNumber(2 ** 40 + 5, 4, 16), 2 ** 40 + 4);
        // Round trip: any PN in the window recovers from its truncation.
        for (const largest of [0, 1000, 0xfffffff0, 2 ** 45]) {
            for (const delta of [-100, -1, 1, 2, 100, 127]) {
                const pn = largest + delta;
                if (pn < 0)
                    continue;
                const len = encodePacketNumberLength(pn, largest);
                assert.equal(decodePacketNumber(largest, pn % 2 ** (8 * len), 8 * len), pn, `${largest}+${delta}`);
            }
        }
    });
});
//# sourceMappingURL=header.test.js.map