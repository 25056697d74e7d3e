/**
 * Every wire decoder is total: on random or mutated input it returns a value or throws only the
 * layer's typed error (TransportError for frames/transport parameters, InvalidPacketError for
 * packet headers and Version Negotiation), never RangeError/TypeError, never hangs.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ByteWriter, concatBytes, fromHex } from '../../src/proto/util/bytes.js';
import { TransportError } from '../../src/proto/quic/errors.js';
import { decodeFrames } from '../../src/proto/quic/wire/frame-decoder.js';
import { encodeFrame, frameSize } from '../../src/proto/quic/wire/frame-encoder.js';
import { InvalidPacketError, parseHeader, setLongHeaderLength, writeLongHeader } from '../../src/proto/quic/wire/header.js';
import { decodeTransportParameters, defaultTransportParameters, encodeTransportParameters } from '../../src/proto/quic/wire/transport-parameters.js';
import { decodeVersionNegotiation, encodeVersionNegotiation } from '../../src/proto/quic/wire/version.js';
import { CLIENT_INITIAL_PROTECTED_HEADER, RETRY_PACKET, SERVER_INITIAL_PAYLOAD, SERVER_INITIAL_PROTECTED } from '../vectors/rfc9000.js';
const PACKET_TYPES = ['initial', '0rtt', 'handshake', '1rtt'];
/** Mutations of a valid encoding: byte flips, truncation, extension, splices. */
function mutated(base) {
    return fc.tuple(fc.constantFrom(...base), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.option(fc.nat()), fc.uint8Array({ maxLength: 12 })).map(([b, flips, cut, extra]) => {
        const out = b.slice();
        for (const [at, v] of flips)
            if (out.length > 0)
                out[at % out.length] = v;
        const trimmed = cut === null ? out : out.subarray(0, cut % (out.length + 1));
        return concatBytes(trimmed, extra);
    });
}
function onlyTyped(fn, ...allowed) {
    try {
        fn();
    }
    catch (e) {
        if (!allowed.some((c) => e instanceof c))
            throw e;
    }
}
const frameArb = fc.oneof(fc.record({ type: fc.constant('stream'), streamId: fc.nat(), offset: fc.nat(), data: fc.uint8Array({ maxLength: 20 }), fin: fc.boolean() }), fc.record({ type: fc.constant('crypto'), offset: fc.nat(), data: fc.uint8Array({ maxLength: 20 }) }), fc.record({ type: fc.constant('maxData'), maximum: fc.maxSafeNat() }), fc.record({ type: fc.constant('resetStream'), streamId: fc.nat(), errorCode: fc.bigInt({ min: 0n, max: (1n << 62n) - 1n }), finalSize: fc.maxSafeNat() }), fc.record({ type: fc.constant('connectionClose'), application: fc.boolean(), errorCode: fc.bigInt({ min: 0n, max: 1000n }), frameType: fc.constant(0), reason: fc.uint8Array({ maxLength: 10 }) }), fc.record({ type: fc.constant('datagram'), data: fc.uint8Array({ maxLength: 20 }) }), fc.record({ type: fc.constant('pathChallenge'), data: fc.uint8Array({ minLength: 8, maxLength: 8 }) }), fc.constant({ type: 'ping' }), fc.constant({ type: 'handshakeDone' }), fc.integer({ min: 1, max: 40 }).chain((n) => fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 5 }).map((gaps) => {
    let top = 1000 + n;
    const ranges = gaps.map((g) => { const r = { smallest: top - g, largest: top }; top = top - g - 2 - n; return r; });
    return { type: 'ack', ackDelay: n, ranges };
}))).map((f) => ({ ...f })); // plain prototypes, as the decoder returns
describe('wire fuzz', () => {
    test('decodeFrames on random bytes', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(...PACKET_TYPES), (b, pt) => {
            onlyTyped(() => decodeFrames(b, pt), TransportError);
        }), { numRuns: 2000 });
    });
    test('encoded frames round-trip and mutations stay typed', () => {
        fc.assert(fc.property(fc.array(frameArb, { minLength: 1, maxLength: 6 }), (frames) => {
            const w = new ByteWriter(64);
            let size = 0;
            for (const f of frames) {
                encodeFrame(w, f);
                size += frameSize(f);
            }
            const bytes = w.finish();
            assert.equal(bytes.length, size);
            assert.deepEqual(decodeFrames(bytes, '1rtt'), frames);
        }), { numRuns: 500 });
        const w = new ByteWriter(64);
        fc.sample(fc.array(frameArb, { maxLength: 6 }), { numRuns: 30, seed: 42 }).flat().forEach((f) => encodeFrame(w, f));
        const corpus = [w.finish(), fromHex(SERVER_INITIAL_PAYLOAD)];
        fc.assert(fc.property(mutated(corpus), fc.constantFrom(...PACKET_TYPES), (b, pt) => {
            onlyTyped(() => decodeFrames(b, pt), TransportError);
        }), { numRuns: 2000 });
    });
    test('parseHeader on random and mutated packets', () => {
        const initial = new Uint8Array(1200);
        initial.set(fromHex(CLIENT_INITIAL_PROTECTED_HEADER));
        const hw = new ByteWriter(64);
        const l = writeLongHeader(hw, { type: 'handshake', version: 1, dcid: fromHex('0102'), scid: fromHex('03'), packetNumber: 5, pnLength: 1 });
        hw.zeros(20);
        setLongHeaderLength(hw.buf, l, hw.pos);
        const corpus = [
            initial.subarray(0, 80), fromHex(SERVER_INITIAL_PROTECTED), fromHex(RETRY_PACKET), hw.finish(),
            encodeVersionNegotiation(fromHex('0102'), fromHex('0304'), [1, 2], 0), fromHex('41aabbccdd00000000'),
        ];
        const walk = (b, shortLen) => {
            let off = 0, steps = 0;
            while (off < b.length) {
                const h = parseHeader(b, off, shortLen);
                assert.ok(h.packetEnd > off && h.packetEnd <= b.length, 'packetEnd advances within the datagram');
                if ('pnOffset' in h)
                    assert.ok(h.pnOffset > off && h.pnOffset < h.packetEnd);
                off = h.packetEnd;
                assert.ok(++steps <= b.length);
            }
        };
        fc.assert(fc.property(fc.uint8Array({ maxLength: 120 }), fc.nat({ max: 20 }), (b, n) => {
            onlyTyped(() => walk(b, n), InvalidPacketError);
        }), { numRuns: 2000 });
        fc.assert(fc.property(mutated(corpus), fc.nat({ max: 20 }), (b, n) => {
            onlyTyped(() => walk(b, n), InvalidPacketError);
        }), { numRuns: 2000 });
    });
    test('decodeTransportParameters on random and mutated input', () => {
        const p = { ...defaultTransportParameters(), initialMaxData: 1 << 20, maxIdleTimeout: 30000, initialSourceConnectionId: fromHex('0102'),
            statelessResetToken: new Uint8Array(16), maxDatagramFrameSize: 1200, disableActiveMigration: true };
        const corpus = [encodeTransportParameters(p), encodeTransportParameters({ ...p, preferredAddress: {
                    ipv4Address: new Uint8Array(4), ipv4Port: 1, ipv6Address: new Uint8Array(16), ipv6Port: 2, connectionId: fromHex('01'), statelessResetToken: new Uint8Array(16)
                } })];
        fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), fc.boolean(), (b, fromServer) => {
            onlyTyped(() => decodeTransportParameters(b, { fromServer }), TransportError);
        }), { numRuns: 2000 });
        fc.assert(fc.property(mutated(corpus), fc.boolean(), (b, fromServer) => {
            onlyTyped(() => decodeTransportParameters(b, { fromServer }), TransportError);
        }), { numRuns: 2000 });
    });
    test('decodeVersionNegotiation on random and mutated input', () => {
        const corpus = [encodeVersionNegotiation(fromHex('0102'), new Uint8Array(0), [1, 0x1a2a3a4a], 0x55)];
        fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), mutated(corpus)), (b) => {
            onlyTyped(() => {
                const vn = decodeVersionNegotiation(b);
                assert.equal(vn.versions.length > 0, true);
            }, InvalidPacketError);
        }), { numRuns: 2000 });
    });
});
//# sourceMappingURL=wire.test.js.map