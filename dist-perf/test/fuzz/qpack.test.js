/**
 * Hostile input for QPACK: random and mutated encoder-stream instructions (missing references,
 * overflowing integers, huge lengths), field sections and decoder-stream bytes. The only error
 * that may escape is QpackError, and buffered state stays bounded by the table capacity.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ByteWriter, concatBytes, fromHex } from '../../src/proto/util/bytes.js';
import { QpackDecoder } from '../../src/proto/h3/qpack/decoder.js';
import { QpackEncoder } from '../../src/proto/h3/qpack/encoder.js';
import { writeEncoderInstruction } from '../../src/proto/h3/qpack/encoder-instructions.js';
import { QpackError } from '../../src/proto/h3/qpack/errors.js';
import { HuffmanError, huffmanDecode, huffmanEncode, huffmanEncodedLength } from '../../src/proto/h3/qpack/huffman.js';
import { writePrefixInt } from '../../src/proto/h3/qpack/prefix-int.js';
import * as B from '../vectors/rfc9204.js';
const CAPACITY = 256;
/** Runs fn; returns the QpackError it threw, undefined if none; fails on any other error. */
function onlyQpackError(fn) {
    try {
        fn();
        return undefined;
    }
    catch (e) {
        if (e instanceof QpackError)
            return e;
        throw e;
    }
}
/** Bytes held for an incomplete instruction (private state, read for the memory bound). */
function partialLength(d) {
    const x = d;
    return x.pendingLength ?? x.partial?.length ?? 0;
}
/** Bytes of an integer with the given prefix that may be huge (2^53 and beyond, or never-ending). */
const hugeIntArb = fc.oneof(fc.constant(fromHex('ff'.repeat(11) + '01')), fc.constant(fromHex('ff' + '80'.repeat(30))), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map((v) => {
    const w = new ByteWriter(16);
    writePrefixInt(w, 0, 5, v);
    return w.finish().slice();
}));
const stringArb = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\u0000-\u00ff]/g, '?'));
const instructionArb = fc.oneof(fc.record({ type: fc.constant('setCapacity'), capacity: fc.oneof(fc.nat(CAPACITY + 10), fc.nat()) }), fc.record({ type: fc.constant('insertWithNameRef'), isStatic: fc.boolean(), nameIndex: fc.oneof(fc.nat(120), fc.nat()), value: stringArb }), fc.record({ type: fc.constant('insertWithLiteralName'), name: stringArb, value: fc.oneof(stringArb, fc.constant('x'.repeat(300))) }), fc.record({ type: fc.constant('duplicate'), relativeIndex: fc.oneof(fc.nat(10), fc.nat()) }));
function encodeInstructions(list, huffman) {
    const w = new ByteWriter(64);
    for (const ins of list)
        writeEncoderInstruction(w, ins, huffman);
    return w.finish();
}
/** Feeds `data` in chunks cut at `cuts`, stopping at the first (typed) error. */
function feedEncoderStream(d, data, cuts) {
    let pos = 0;
    for (const c of [...cuts.map((x) => x % (data.length + 1)).sort((a, b) => a - b), data.length]) {
        const err = onlyQpackError(() => d.handleEncoderStream(data.subarray(pos, Math.max(pos, c))));
        if (err !== undefined)
            return err;
        pos = Math.max(pos, c);
        // A partial instruction is at most one bounded string literal (Huffman: <= 30/8 of capacity) plus prefixes.
        assert.ok(partialLength(d) <= Math.ceil((CAPACITY * 30) / 8) + 32, `partial ${partialLength(d)}`);
        assert.ok(d.tableSize <= d.tableCapacity);
    }
    return undefined;
}
describe('QPACK fuzz: hostile encoder stream', () => {
    test('generated instructions (missing references, oversize entries, any capacity)', () => {
        fc.assert(fc.property(fc.array(instructionArb, { maxLength: 20 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), (list, huffman, cuts) => {
            const d = new QpackDecoder({ maxTableCapacity: CAPACITY, maxBlockedStreams: 4 });
            const err = feedEncoderStream(d, encodeInstructions(list, huffman), cuts);
            if (err !== undefined)
                assert.equal(err.code, 0x201);
        }), { numRuns: 1500 });
    });
    test('random and mutated bytes, overflowing integers', () => {
        const seed = fromHex(B.B2_ENCODER + B.B3_ENCODER + B.B4_ENCODER + B.B5_ENCODER);
        const bytesArb = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.tuple(fc.array(fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), hugeIntArb, fc.nat(seed.length)).map(([flips, huge, at]) => {
            const m = seed.slice();
            for (const [i, v] of flips)
                m[i] = v;
            return concatBytes(m.subarray(0, at), huge, m.subarray(at));
        }));
        fc.assert(fc.property(bytesArb, fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
            const d = new QpackDecoder({ maxTableCapacity: CAPACITY, maxBlockedStreams: 4 });
            const err = feedEncoderStream(d, bytes, cuts);
            if (err !== undefined)
                assert.equal(err.code, 0x201);
        }), { numRuns: 1500 });
    });
    test('worst-case Huffman expansion stays within one table-sized entry while buffered', () => {
        const d = new QpackDecoder({ maxTableCapacity: CAPACITY, maxBlockedStreams: 4 });
        // '\n' has a 30-bit code: 200 of them take 750 bytes; the entry is exactly CAPACITY bytes.
        // Our writer never picks Huffman when it is longer, so build the instruction by hand.
        const w = new ByteWriter(1024);
        writePrefixInt(w, 0x20, 5, CAPACITY);
        const huffString = (flags, prefixBits, text) => {
            const raw = new Uint8Array(text.length).fill(10);
            writePrefixInt(w, flags | (1 << prefixBits), prefixBits, huffmanEncodedLength(raw));
            huffmanEncode(raw, w);
        };
        huffString(0x40, 5, '\n'.repeat(200));
        huffString(0, 7, '\n'.repeat(24));
        const bytes = w.finish();
        assert.ok(bytes.length > 800);
        assert.equal(feedEncoderStream(d, bytes, Array.from({ length: bytes.length }, (_, i) => i)), undefined);
        assert.equal(d.tableSize, CAPACITY);
        // One more value octet no longer fits: refused as soon as its length is known.
        const d2 = new QpackDecoder({ maxTableCapacity: CAPACITY, maxBlockedStreams: 4 });
        const over = encodeInstructions([{ type: 'setCapacity', capacity: CAPACITY }, { type: 'insertWithLiteralName', name: '\n'.repeat(200), value: 'a'.repeat(25) }], false);
        assert.equal(feedEncoderStream(d2, over, [])?.code, 0x201);
    });
    test('a huge declared length is refused at once, never buffered', () => {
        const d = new QpackDecoder({ maxTableCapacity: CAPACITY, maxBlockedStreams: 4 });
        d.handleEncoderStream(fromHex('3f e1 01'.replace(/ /g, ''))); // capacity 256
        const err = onlyQpackError(() => d.handleEncoderStream(fromHex('5f ff ff ff 7f'.replace(/ /g, ''))));
        assert.equal(err?.code, 0x201);
        assert.equal(partialLength(d), 0);
    });
});
describe('QPACK fuzz: hostile field sections and decoder stream', () => {
    test('random field sections against a populated table: only QpackError, output bounded', () => {
        const limit = 2000;
        fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 120 }), fc.uint8Array({ maxLength: 40 }).map((b) => concatBytes(fromHex('0000'), b))), (bytes) => {
            const d = new QpackDecoder({ maxTableCapacity: 220, maxBlockedStreams: 2, maxFieldSectionSize: limit });
            for (const h of [B.B2_ENCODER, B.B3_ENCODER, B.B4_ENCODER, B.B5_ENCODER])
                d.handleEncoderStream(fromHex(h));
            let result;
            const err = onlyQpackError(() => { result = d.decodeFieldSection(0, bytes); });
            if (err !== undefined) {
                assert.ok([0x200, 0x10e].includes(err.code));
                return;
            }
            if (result !== undefined && result.headers !== undefined) {
                let total = 0;
                for (const [n, v] of result.headers)
                    total += n.length + v.length + 32;
                assert.ok(total <= limit);
            }
            assert.ok(d.blockedStreamCount <= 2);
        }), { numRuns: 2000 });
    });
    test('random decoder stream bytes: only QPACK_DECODER_STREAM_ERROR', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 60 }), fc.nat(60), (bytes, cut) => {
            const e = new QpackEncoder();
            e.setPeerSettings({ maxTableCapacity: 220, blockedStreams: 4 });
            e.encodeFieldSection(0, [['x-a', '1'], [':authority', 'example.test']]);
            e.encodeFieldSection(4, [['x-b', '2']]);
            const err = onlyQpackError(() => {
                e.handleDecoderStream(bytes.subarray(0, cut));
                e.handleDecoderStream(bytes.subarray(cut));
            });
            if (err !== undefined)
                assert.equal(err.code, 0x202);
            assert.ok(partialLength(e) <= 10);
            assert.ok(e.acknowledgedInsertCount <= e.insertCount);
        }), { numRuns: 1500 });
    });
    test('Huffman decoding of random bytes: HuffmanError or at most 8/5 octets per byte', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
            try {
                assert.ok(huffmanDecode(bytes).length <= Math.ceil((bytes.length * 8) / 5));
            }
            catch (e) {
                assert.ok(e instanceof HuffmanError);
            }
        }), { numRuns: 2000 });
    });
});
//# sourceMappingURL=qpack.test.js.map