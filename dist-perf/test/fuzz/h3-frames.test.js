/**
 * HTTP/3 frame reader, SETTINGS decoder, stream-header parsers and datagram decoder are total:
 * on random, mutated or arbitrarily split input they return values or throw H3Error only, and
 * they never buffer more than their limits.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { concatBytes, toHex } from '../../src/proto/util/bytes.js';
import { H3Error } from '../../src/proto/h3/errors.js';
import { encodeCancelPushFrame, encodeDataFrame, encodeFrame, encodeGoawayFrame, encodeHeadersFrame, encodeMaxPushIdFrame, encodePushPromiseFrame, encodeSettingsFrame, H3FrameReader, } from '../../src/proto/h3/frames.js';
import { decodeSettingsPayload, encodeSettingsPayload } from '../../src/proto/h3/settings.js';
import { bidiStreamHeaderReader, parseBidiStreamHeader, parseUniStreamHeader, uniStreamHeaderReader } from '../../src/proto/h3/stream-types.js';
import { decodeHttpDatagram, encodeHttpDatagram } from '../../src/proto/h3/http-datagram.js';
const KINDS = ['control', 'request', 'push'];
const BOOLEAN_IDS = [0x08, 0x33, 0xffd277, 0x2b603742, 0x2c7cf000];
/** Splits bytes at the given cut points (mod length). */
function split(bytes, cuts) {
    const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const out = [];
    let prev = 0;
    for (const c of at) {
        out.push(bytes.subarray(prev, c));
        prev = c;
    }
    out.push(bytes.subarray(prev));
    return out;
}
function onlyH3(fn) {
    try {
        fn();
    }
    catch (e) {
        if (!(e instanceof H3Error))
            throw e;
    }
}
const MAX_FIELD = 256;
const MAX_SETTINGS = 128;
/** Runs a reader over chunks and returns normalized frames; asserts the buffering bound after each step. */
function drive(kind, chunks, fin) {
    const r = new H3FrameReader({ kind, maxFieldSectionBytes: MAX_FIELD, maxSettingsBytes: MAX_SETTINGS });
    const out = [];
    let data = [];
    for (const c of chunks) {
        r.push(c);
        for (let f = r.next(); f; f = r.next()) {
            if (f.type === 'DATA') {
                data.push(toHex(f.data));
                if (f.frameEnd) {
                    out.push({ type: 'DATA', data: data.join('') });
                    data = [];
                }
            }
            else if (f.type === 'RAW')
                out.push({ type: 'RAW', data: toHex(f.data) });
            else
                out.push(norm(f));
        }
        // after draining, at most a partial frame header or a partially filled buffered frame remains
        assert.ok(r.buffered <= Math.max(MAX_FIELD, MAX_SETTINGS) + 16, `buffered ${r.buffered}`);
    }
    if (fin)
        r.finish();
    return out;
}
function norm(f) {
    if (f.type === 'HEADERS')
        return { type: f.type, fieldSection: toHex(f.fieldSection) };
    if (f.type === 'PUSH_PROMISE')
        return { type: f.type, pushId: f.pushId, fieldSection: toHex(f.fieldSection) };
    if (f.type === 'SETTINGS')
        return { type: f.type, settings: [...f.settings] };
    return f;
}
const bytesArb = fc.uint8Array({ maxLength: 64 });
const requestFrame = fc.oneof(bytesArb.map((b) => ({ enc: encodeDataFrame(b), exp: { type: 'DATA', data: toHex(b) } })), bytesArb.map((b) => ({ enc: encodeHeadersFrame(b), exp: { type: 'HEADERS', fieldSection: toHex(b) } })), fc.tuple(fc.nat({ max: 2 ** 40 }), bytesArb).map(([id, b]) => ({ enc: encodePushPromiseFrame(id, b), exp: { type: 'PUSH_PROMISE', pushId: id, fieldSection: toHex(b) } })), fc.tuple(fc.nat({ max: 10_000 }), bytesArb).map(([n, b]) => ({ enc: encodeFrame(0x1f * n + 0x21, b), exp: { type: 'UNKNOWN', frameType: 0x1f * n + 0x21, length: b.length } })));
const controlFrame = fc.oneof(fc.nat({ max: 2 ** 50 }).map((id) => ({ enc: encodeGoawayFrame(id), exp: { type: 'GOAWAY', id } })), fc.nat({ max: 2 ** 50 }).map((id) => ({ enc: encodeCancelPushFrame(id), exp: { type: 'CANCEL_PUSH', pushId: id } })), fc.nat({ max: 2 ** 50 }).map((id) => ({ enc: encodeMaxPushIdFrame(id), exp: { type: 'MAX_PUSH_ID', pushId: id } })), fc.uniqueArray(fc.tuple(fc.integer({ min: 6, max: 1000 }), fc.nat({ max: 2 ** 40 })), { selector: ([id]) => id, maxLength: 6 })
    .map((s) => s.filter(([id]) => !BOOLEAN_IDS.includes(id) && (id - 0x21) % 0x1f !== 0))
    .map((s) => ({ enc: encodeSettingsFrame(s), exp: { type: 'SETTINGS', settings: s } })));
describe('H3FrameReader fuzz', () => {
    test('valid frame sequences parse identically under any chunking', () => {
        fc.assert(fc.property(fc.constantFrom('request', 'control'), fc.array(fc.nat(), { maxLength: 8 }), fc.array(requestFrame, { maxLength: 6 }), fc.array(controlFrame, { maxLength: 6 }), (kind, cuts, req, ctl) => {
            const frames = kind === 'request' ? req : ctl;
            const bytes = concatBytes(...frames.map((f) => f.enc));
            assert.deepEqual(drive(kind, split(bytes, cuts), true), frames.map((f) => f.exp));
        }), { numRuns: 1000 });
    });
    test('random bytes: H3Error only, bounded buffering', () => {
        fc.assert(fc.property(fc.constantFrom(...KINDS), fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), (kind, bytes, cuts, fin) => {
            onlyH3(() => drive(kind, split(bytes, cuts), fin));
        }), { numRuns: 1500 });
    });
    test('mutated valid streams: H3Error only', () => {
        fc.assert(fc.property(fc.array(fc.oneof(requestFrame, controlFrame), { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat(), fc.constantFrom(...KINDS), fc.array(fc.nat(), { maxLength: 6 }), (frames, flips, cut, kind, cuts) => {
            const bytes = concatBytes(...frames.map((f) => f.enc)).slice();
            for (const [at, v] of flips)
                bytes[at % bytes.length] = v;
            onlyH3(() => drive(kind, split(bytes.subarray(0, cut % (bytes.length + 1)), cuts), true));
        }), { numRuns: 1500 });
    });
});
describe('SETTINGS fuzz', () => {
    test('random payloads decode or throw H3Error', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => onlyH3(() => decodeSettingsPayload(b))), { numRuns: 2000 });
    });
    test('valid settings round-trip (GREASE dropped, boolean ids 0/1)', () => {
        const entry = fc.oneof(fc.tuple(fc.constantFrom(0x08, 0x33, 0x2b603742, 0x2c7cf000), fc.integer({ min: 0, max: 1 })), fc.tuple(fc.oneof(fc.constantFrom(0x01, 0x06, 0x07, 0x14e9cd29, 0xc671706a), fc.integer({ min: 6, max: 2 ** 40 })), fc.nat({ max: 2 ** 50 }))
            .filter(([id]) => !BOOLEAN_IDS.includes(id)));
        fc.assert(fc.property(fc.uniqueArray(entry, { selector: ([id]) => id, maxLength: 10 }), (entries) => {
            const decoded = decodeSettingsPayload(encodeSettingsPayload(entries));
            const expected = entries.filter(([id]) => !((id - 0x21) % 0x1f === 0 && id >= 0x21));
            assert.deepEqual([...decoded], expected);
        }), { numRuns: 1000 });
    });
});
describe('stream header fuzz', () => {
    test('readers agree with one-shot parsing under any split; only H3Error', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 24 }), fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
            for (const [parse, make] of [[parseUniStreamHeader, uniStreamHeaderReader], [parseBidiStreamHeader, bidiStreamHeaderReader]]) {
                let whole;
                try {
                    whole = parse(bytes);
                }
                catch (e) {
                    if (!(e instanceof H3Error))
                        throw e;
                    whole = 'error';
                }
                const r = make();
                let got;
                let payload = '';
                try {
                    for (const piece of split(bytes, cuts)) {
                        const h = r.push(piece);
                        if (h !== undefined) {
                            got = h;
                            payload += toHex(r.remainder);
                        }
                    }
                }
                catch (e) {
                    if (!(e instanceof H3Error))
                        throw e;
                    assert.equal(whole, 'error');
                    continue;
                }
                if (whole === 'error')
                    assert.fail('reader accepted what the parser rejected');
                else if (whole === undefined)
                    assert.equal(got, undefined);
                else {
                    assert.deepEqual(got, whole.header);
                    assert.equal(payload, toHex(bytes.subarray(whole.consumed)));
                }
            }
        }), { numRuns: 2000 });
    });
});
describe('HTTP datagram fuzz', () => {
    test('random payloads decode or throw H3Error; valid ones round-trip', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 12 }), (b) => onlyH3(() => decodeHttpDatagram(b))), { numRuns: 1000 });
        fc.assert(fc.property(fc.nat({ max: 2 ** 48 }), bytesArb, (q, payload) => {
            const d = decodeHttpDatagram(encodeHttpDatagram(q * 4, payload));
            assert.equal(d.streamId, q * 4);
            assert.equal(toHex(d.payload), toHex(payload));
        }), { numRuns: 500 });
    });
});
//# sourceMappingURL=h3-frames.test.js.map