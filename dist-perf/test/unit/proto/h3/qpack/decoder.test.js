import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteWriter, fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { QpackDecoder } from '../../../../../src/proto/h3/qpack/decoder.js';
import { writeEncoderInstruction } from '../../../../../src/proto/h3/qpack/encoder-instructions.js';
import { QpackError, QpackErrorCode } from '../../../../../src/proto/h3/qpack/errors.js';
import * as B from '../../../../vectors/rfc9204.js';
function hex(b) {
    return b === undefined ? undefined : toHex(b);
}
function isCode(code, streamError = false) {
    return (e) => e instanceof QpackError && e.code === code && e.streamError === streamError;
}
const DECOMPRESSION_FAILED = isCode(QpackErrorCode.QPACK_DECOMPRESSION_FAILED);
const ENCODER_STREAM_ERROR = isCode(QpackErrorCode.QPACK_ENCODER_STREAM_ERROR);
function decoderAfterB2() {
    const d = new QpackDecoder({ maxTableCapacity: B.EXAMPLE_MAX_TABLE_CAPACITY, maxBlockedStreams: 2 });
    d.handleEncoderStream(fromHex(B.B2_ENCODER));
    return d;
}
describe('QpackDecoder: RFC 9204 Appendix B', () => {
    test('B.1-B.5 in sequence: headers, table state and decoder stream bytes', () => {
        const d = new QpackDecoder({ maxTableCapacity: B.EXAMPLE_MAX_TABLE_CAPACITY, maxBlockedStreams: 1 });
        // B.1
        assert.deepEqual(d.decodeFieldSection(0, fromHex(B.B1_STREAM0)), { headers: B.B1_HEADERS });
        assert.equal(d.pollDecoderStream(), undefined);
        // B.2
        d.handleEncoderStream(fromHex(B.B2_ENCODER));
        assert.equal(d.tableCapacity, 220);
        assert.equal(d.tableSize, B.B2_TABLE_SIZE);
        assert.deepEqual(d.decodeFieldSection(4, fromHex(B.B2_STREAM4)), { headers: B.B2_HEADERS });
        assert.equal(hex(d.pollDecoderStream()), B.B2_DECODER);
        // B.3
        d.handleEncoderStream(fromHex(B.B3_ENCODER));
        assert.equal(d.tableSize, B.B3_TABLE_SIZE);
        assert.equal(hex(d.pollDecoderStream()), B.B3_DECODER);
        // B.4: the section arrives before the Duplicate, so it blocks; then the stream is cancelled.
        assert.deepEqual(d.decodeFieldSection(8, fromHex(B.B4_STREAM8)), { blocked: true });
        assert.equal(d.blockedStreamCount, 1);
        d.cancelStream(8);
        assert.equal(d.blockedStreamCount, 0);
        assert.equal(hex(d.pollDecoderStream()), B.B4_DECODER);
        d.handleEncoderStream(fromHex(B.B4_ENCODER));
        assert.equal(d.tableSize, B.B4_TABLE_SIZE);
        assert.deepEqual(d.entry(3), { name: ':authority', value: 'www.example.com', size: 57 });
        // B.5
        d.handleEncoderStream(fromHex(B.B5_ENCODER));
        assert.equal(d.tableSize, B.B5_TABLE_SIZE);
        assert.equal(d.entry(0), undefined);
        assert.deepEqual(d.entry(4), { name: 'custom-key', value: 'custom-value2', size: 55 });
        assert.equal(d.insertCount, 5);
        assert.equal(hex(d.pollDecoderStream()), '02'); // Insert Count Increment for B.4 + B.5
    });
    test('B.4 without cancellation: the blocked section decodes once the Duplicate arrives', () => {
        const d = decoderAfterB2();
        d.handleEncoderStream(fromHex(B.B3_ENCODER));
        d.pollDecoderStream();
        assert.deepEqual(d.decodeFieldSection(8, fromHex(B.B4_STREAM8)), { blocked: true });
        assert.deepEqual(d.unblockedStreams(), []);
        d.handleEncoderStream(fromHex(B.B4_ENCODER));
        assert.deepEqual(d.unblockedStreams(), [8]);
        assert.deepEqual(d.unblockedStreams(), []);
        assert.deepEqual(d.decodeFieldSection(8, fromHex(B.B4_STREAM8)), { headers: B.B4_HEADERS });
        // Section Acknowledgment (stream 8) makes the Insert Count Increment unnecessary.
        assert.equal(hex(d.pollDecoderStream()), '88');
    });
    test('encoder stream instructions split at every byte boundary', () => {
        const all = fromHex(B.B2_ENCODER + B.B3_ENCODER + B.B4_ENCODER + B.B5_ENCODER);
        for (let cut = 0; cut <= all.length; cut++) {
            const d = new QpackDecoder({ maxTableCapacity: 220, maxBlockedStreams: 0 });
            d.handleEncoderStream(all.subarray(0, cut));
            d.handleEncoderStream(all.subarray(cut));
            assert.equal(d.insertCount, 5);
            assert.equal(d.tableSize, B.B5_TABLE_SIZE);
        }
        const d = new QpackDecoder({ maxTableCapacity: 220, maxBlockedStreams: 0 });
        for (const byte of all)
            d.handleEncoderStream(new Uint8Array([byte]));
        assert.equal(d.entry(4)?.value, 'custom-value2');
    });
});
describe('QpackDecoder: encoder stream errors', () => {
    function fresh() {
        return new QpackDecoder({ maxTableCapacity: 220, maxBlockedStreams: 1 });
    }
    function ins(...list) {
        const w = new ByteWriter(64);
        for (const i of list)
            writeEncoderInstruction(w, i);
        return w.finish();
    }
    test('capacity above our maximum', () => {
        assert.throws(() => fresh().handleEncoderStream(ins({ type: 'setCapacity', capacity: 221 })), ENCODER_STREAM_ERROR);
    });
    test('insert before any capacity, and entries larger than the capacity', () => {
        assert.throws(() => fresh().handleEncoderStream(ins({ type: 'insertWithLiteralName', name: 'a', value: 'b' })), ENCODER_STREAM_ERROR);
        const d = fresh();
        assert.throws(() => d.handleEncoderStream(ins({ type: 'setCapacity', capacity: 50 }, { type: 'insertWithLiteralName', name: 'a', value: 'b'.repeat(18) })), ENCODER_STREAM_ERROR);
    });
    test('references to missing static or dynamic entries', () => {
        const cap = { type: 'setCapacity', capacity: 220 };
        assert.throws(() => fresh().handleEncoderStream(ins(cap, { type: 'insertWithNameRef', isStatic: true, nameIndex: 99, value: 'x' })), ENCODER_STREAM_ERROR);
        assert.throws(() => fresh().handleEncoderStream(ins(cap, { type: 'insertWithNameRef', isStatic: false, nameIndex: 0, value: 'x' })), ENCODER_STREAM_ERROR);
        assert.throws(() => fresh().handleEncoderStream(ins(cap, { type: 'duplicate', relativeIndex: 0 })), ENCODER_STREAM_ERROR);
        // Evicted entry: B.5 evicted absolute 0, which is relative 4 at insert count 5.
        const d = decoderAfterB2();
        for (const h of [B.B3_ENCODER, B.B4_ENCODER, B.B5_ENCODER])
            d.handleEncoderStream(fromHex(h));
        assert.throws(() => d.handleEncoderStream(ins({ type: 'duplicate', relativeIndex: 4 })), ENCODER_STREAM_ERROR);
    });
    test('overflowing integers and huge string lengths fail before buffering', () => {
        assert.throws(() => fresh().handleEncoderStream(fromHex('3f' + 'ff'.repeat(12))), ENCODER_STREAM_ERROR);
        // Insert With Literal Name claiming a 1 MB name: rejected from its length alone.
        const d = fresh();
        d.handleEncoderStream(ins({ type: 'setCapacity', capacity: 220 }));
        assert.throws(() => d.handleEncoderStream(fromHex('5f81d03f')), ENCODER_STREAM_ERROR);
    });
    test('invalid Huffman in an inserted value', () => {
        const d = fresh();
        d.handleEncoderStream(ins({ type: 'setCapacity', capacity: 220 }));
        assert.throws(() => d.handleEncoderStream(fromHex('c0 81 ff'.replace(/ /g, ''))), ENCODER_STREAM_ERROR);
    });
});
describe('QpackDecoder: field section errors and limits', () => {
    test('references at or above the Required Insert Count, evicted, or to bad static indexes', () => {
        // RIC 1 (encoded 2), Base 1, indexed dynamic relative 0 = abs 0: fine after B.2.
        assert.deepEqual(decoderAfterB2().decodeFieldSection(0, fromHex('020080')).headers, [[':authority', 'www.example.com']]);
        // Post-base index 0 with Base 1 = abs 1, not below RIC 1.
        assert.throws(() => decoderAfterB2().decodeFieldSection(0, fromHex('020010')), DECOMPRESSION_FAILED);
        // Static index 99.
        assert.throws(() => decoderAfterB2().decodeFieldSection(0, fromHex('0000ff24')), DECOMPRESSION_FAILED);
        // Reference to the entry B.5 evicted: RIC 5 (encoded 6), Base 5, relative 4 = abs 0.
        const d = decoderAfterB2();
        for (const h of [B.B3_ENCODER, B.B4_ENCODER, B.B5_ENCODER])
            d.handleEncoderStream(fromHex(h));
        assert.throws(() => d.decodeFieldSection(0, fromHex('060084')), DECOMPRESSION_FAILED);
        // Negative Base: RIC 1, sign set, delta 1 -> Base = 1 - 1 - 1 = -1.
        assert.throws(() => decoderAfterB2().decodeFieldSection(0, fromHex('0281')), DECOMPRESSION_FAILED);
        // Truncated: prefix only half there, literal cut short.
        assert.throws(() => decoderAfterB2().decodeFieldSection(0, fromHex('00')), DECOMPRESSION_FAILED);
        assert.throws(() => decoderAfterB2().decodeFieldSection(0, fromHex('0000510b2f69')), DECOMPRESSION_FAILED);
        // Dynamic reference with no dynamic table at all (RIC must be 0).
        const none = new QpackDecoder({ maxTableCapacity: 0, maxBlockedStreams: 0 });
        assert.throws(() => none.decodeFieldSection(0, fromHex('0200')), DECOMPRESSION_FAILED);
    });
    test('blocked streams beyond SETTINGS_QPACK_BLOCKED_STREAMS', () => {
        const d = new QpackDecoder({ maxTableCapacity: 220, maxBlockedStreams: 1 });
        assert.deepEqual(d.decodeFieldSection(0, fromHex('0200')), { blocked: true });
        assert.deepEqual(d.decodeFieldSection(0, fromHex('0200')), { blocked: true }); // same stream: no new slot
        assert.throws(() => d.decodeFieldSection(4, fromHex('0200')), DECOMPRESSION_FAILED);
        const zero = new QpackDecoder({ maxTableCapacity: 220, maxBlockedStreams: 0 });
        assert.throws(() => zero.decodeFieldSection(0, fromHex('0200')), DECOMPRESSION_FAILED);
    });
    test('field section size limit is a stream error and cancels the stream', () => {
        const d = new QpackDecoder({ maxTableCapacity: 220, maxBlockedStreams: 1, maxFieldSectionSize: 60 });
        d.handleEncoderStream(fromHex(B.B2_ENCODER));
        d.pollDecoderStream();
        // :path=/index.html = 5 + 11 + 32 = 48: fits.
        assert.deepEqual(d.decodeFieldSection(0, fromHex(B.B1_STREAM0)).headers, B.B1_HEADERS);
        // Two lines = 106 > 60.
        assert.throws(() => d.decodeFieldSection(4, fromHex(B.B2_STREAM4)), isCode(QpackErrorCode.H3_MESSAGE_ERROR, true));
        assert.equal(hex(d.pollDecoderStream()), '44'); // Stream Cancellation (4)
        // A literal whose declared length alone exceeds the limit.
        assert.throws(() => d.decodeFieldSection(8, fromHex('0000517f40' + '61'.repeat(191))), isCode(QpackErrorCode.H3_MESSAGE_ERROR, true));
        // Many references to one entry: bounded by the limit, not the input size.
        assert.throws(() => d.decodeFieldSection(12, fromHex('0000' + 'd1'.repeat(5))), isCode(QpackErrorCode.H3_MESSAGE_ERROR, true));
    });
    test('stream cancellation is omitted with a zero-capacity table', () => {
        const d = new QpackDecoder({ maxTableCapacity: 0, maxBlockedStreams: 0 });
        d.cancelStream(4);
        assert.equal(d.pollDecoderStream(), undefined);
    });
});
//# sourceMappingURL=decoder.test.js.map