import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../../../src/proto/util/bytes.js';
import { QpackEncoder } from '../../../../../src/proto/h3/qpack/encoder.js';
import { QpackDecoder } from '../../../../../src/proto/h3/qpack/decoder.js';
import { QpackError, QpackErrorCode } from '../../../../../src/proto/h3/qpack/errors.js';
import * as B from '../../../../vectors/rfc9204.js';

const DECODER_STREAM_ERROR = (e: unknown) => e instanceof QpackError && e.code === QpackErrorCode.QPACK_DECODER_STREAM_ERROR;

function hex(b: Uint8Array | undefined): string | undefined {
  return b === undefined ? undefined : toHex(b);
}

describe('QpackEncoder: RFC 9204 Appendix B from the encoder side', () => {
  test('B.1-B.3 byte for byte (raw literals, index everything)', () => {
    const e = new QpackEncoder({ huffman: false, shouldIndex: () => true });
    // B.1: before SETTINGS the table is off: static name reference + literal.
    assert.equal(hex(e.encodeFieldSection(0, B.B1_HEADERS)), B.B1_STREAM0);
    assert.equal(e.pollEncoderStream(), undefined);
    // B.2
    e.setPeerSettings({ maxTableCapacity: 220, blockedStreams: 1 });
    const section = e.encodeFieldSection(4, B.B2_HEADERS);
    assert.equal(hex(e.pollEncoderStream()), B.B2_ENCODER);
    assert.equal(hex(section), B.B2_STREAM4);
    assert.equal(e.tableSize, B.B2_TABLE_SIZE);
    assert.equal(e.outstandingSectionCount, 1);
    e.handleDecoderStream(fromHex(B.B2_DECODER));
    assert.equal(e.acknowledgedInsertCount, 2);
    assert.equal(e.outstandingSectionCount, 0);
    // B.3
    assert.equal(e.insert('custom-key', 'custom-value'), true);
    assert.equal(hex(e.pollEncoderStream()), B.B3_ENCODER);
    assert.equal(e.tableSize, B.B3_TABLE_SIZE);
    e.handleDecoderStream(fromHex(B.B3_DECODER));
    assert.equal(e.acknowledgedInsertCount, 3);
    // Now acknowledged entries are referenced without blocking.
    const s8 = e.encodeFieldSection(8, [[':authority', 'www.example.com'], [':path', '/'], ['custom-key', 'custom-value']]);
    assert.equal(e.pollEncoderStream(), undefined);
    const d = new QpackDecoder({ maxTableCapacity: 220, maxBlockedStreams: 0 });
    d.handleEncoderStream(fromHex(B.B2_ENCODER + B.B3_ENCODER));
    assert.deepEqual(d.decodeFieldSection(8, s8).headers, [[':authority', 'www.example.com'], [':path', '/'], ['custom-key', 'custom-value']]);
    // B.4's Stream Cancellation drops the outstanding section.
    assert.equal(e.outstandingSectionCount, 1);
    e.handleDecoderStream(fromHex(B.B4_DECODER));
    assert.equal(e.outstandingSectionCount, 0);
  });
});

describe('QpackEncoder: behaviour', () => {
  test('with peer capacity 0: static references and Huffman literals only', () => {
    const e = new QpackEncoder();
    e.setPeerSettings({ maxTableCapacity: 0, blockedStreams: 100 });
    const headers: [string, string][] = [[':method', 'GET'], [':authority', 'www.example.com'], ['x-custom', 'custom-value']];
    const bytes = e.encodeFieldSection(0, headers);
    assert.equal(e.pollEncoderStream(), undefined);
    // prefix 0000, static GET (d1), :authority name ref (50) + Huffman value (8c...), literal name.
    assert.equal(hex(bytes.subarray(0, 5)), '0000d1508c');
    const d = new QpackDecoder({ maxTableCapacity: 0, maxBlockedStreams: 0 });
    assert.deepEqual(d.decodeFieldSection(0, bytes).headers, headers);
  });

  test('indexes fields from their second use: one-off sections touch neither table nor encoder stream', () => {
    const e = new QpackEncoder();
    e.setPeerSettings({ maxTableCapacity: 4096, blockedStreams: 16 });
    const d = new QpackDecoder({ maxTableCapacity: 4096, maxBlockedStreams: 16 });
    const req = (path: string): [string, string][] => [
      [':method', 'GET'], [':scheme', 'https'], [':authority', 'example.test:4433'], [':path', path],
      ['user-agent', 'tswebtransport-test/1.0 (a rather long user agent string)'], ['x-session', 'abcdef0123456789'],
    ];
    const first = e.encodeFieldSection(0, req('/a'));
    assert.equal(first[0], 0); // Required Insert Count 0: nothing to acknowledge
    assert.equal(e.pollEncoderStream(), undefined); // not even Set Dynamic Table Capacity
    assert.equal(e.tableCapacity, 0);
    assert.deepEqual(d.decodeFieldSection(0, first).headers, req('/a'));
    assert.equal(d.pollDecoderStream(), undefined);
    const second = e.encodeFieldSection(4, req('/b'));
    assert.equal(e.tableCapacity, 4096);
    d.handleEncoderStream(e.pollEncoderStream()!);
    assert.deepEqual(d.decodeFieldSection(4, second).headers, req('/b'));
    e.handleDecoderStream(d.pollDecoderStream()!);
    const third = e.encodeFieldSection(8, req('/c'));
    assert.equal(e.pollEncoderStream(), undefined); // nothing new to insert
    assert.ok(third.length < 12, `third section is ${third.length} bytes`);
    assert.deepEqual(d.decodeFieldSection(8, third).headers, req('/c'));
  });

  test('never references unacknowledged entries when the peer allows no blocked streams', () => {
    const e = new QpackEncoder({ shouldIndex: () => true });
    e.setPeerSettings({ maxTableCapacity: 4096, blockedStreams: 0 });
    const d = new QpackDecoder({ maxTableCapacity: 4096, maxBlockedStreams: 0 });
    const h: [string, string][] = [[':authority', 'example.test'], ['x-a', '1']];
    const s0 = e.encodeFieldSection(0, h);
    assert.equal(s0[0], 0); // Required Insert Count 0
    // The decoder sees the section before the inserts: still decodable (no blocking).
    assert.deepEqual(d.decodeFieldSection(0, s0).headers, h);
    d.handleEncoderStream(e.pollEncoderStream()!);
    e.handleDecoderStream(d.pollDecoderStream()!); // Insert Count Increment
    const s4 = e.encodeFieldSection(4, h);
    assert.notEqual(s4[0], 0);
    assert.deepEqual(d.decodeFieldSection(4, s4).headers, h);
  });

  test('respects the blocked-streams limit across streams', () => {
    const e = new QpackEncoder({ shouldIndex: () => true });
    e.setPeerSettings({ maxTableCapacity: 4096, blockedStreams: 1 });
    const s0 = e.encodeFieldSection(0, [['x-one', '1']]);
    const s4 = e.encodeFieldSection(4, [['x-two', '2']]);
    assert.notEqual(s0[0], 0); // stream 0 may block
    assert.equal(s4[0], 0); // stream 4 would be a second blocked stream
    const s0b = e.encodeFieldSection(0, [['x-two', '2']]); // stream 0 already blocks: may reference more
    assert.notEqual(s0b[0], 0);
    const d = new QpackDecoder({ maxTableCapacity: 4096, maxBlockedStreams: 1 });
    assert.deepEqual(d.decodeFieldSection(0, s0), { blocked: true });
    assert.deepEqual(d.decodeFieldSection(4, s4).headers, [['x-two', '2']]);
    d.handleEncoderStream(e.pollEncoderStream()!);
    assert.deepEqual(d.unblockedStreams(), [0]);
    assert.deepEqual(d.decodeFieldSection(0, s0).headers, [['x-one', '1']]);
    assert.deepEqual(d.decodeFieldSection(0, s0b).headers, [['x-two', '2']]);
    e.handleDecoderStream(d.pollDecoderStream()!);
    assert.equal(e.outstandingSectionCount, 0);
    assert.equal(e.acknowledgedInsertCount, 2);
  });

  test('does not evict entries still referenced by unacknowledged sections', () => {
    const e = new QpackEncoder({ shouldIndex: () => true });
    e.setPeerSettings({ maxTableCapacity: 100, blockedStreams: 10 }); // room for one 50-byte entry at a time
    const s0 = e.encodeFieldSection(0, [['x-a', 'a'.repeat(14)]]); // 3 + 14 + 32 = 49
    assert.equal(e.insertCount, 1);
    e.encodeFieldSection(4, [['x-b', 'b'.repeat(14)]]);
    assert.equal(e.insertCount, 2);
    e.encodeFieldSection(8, [['x-c', 'c'.repeat(14)]]); // would evict x-a: unacknowledged, so not inserted
    assert.equal(e.insertCount, 2);
    const d = new QpackDecoder({ maxTableCapacity: 100, maxBlockedStreams: 10 });
    d.handleEncoderStream(e.pollEncoderStream()!);
    d.decodeFieldSection(0, s0);
    e.handleDecoderStream(d.pollDecoderStream()!); // acks stream 0 + Insert Count Increment
    e.encodeFieldSection(12, [['x-c', 'c'.repeat(14)]]); // x-a now evictable
    assert.equal(e.insertCount, 3);
    d.handleEncoderStream(e.pollEncoderStream()!);
    assert.equal(d.entry(0), undefined);
    assert.equal(d.entry(2)?.name, 'x-c');
  });

  test('decoder stream errors', () => {
    const e = new QpackEncoder();
    e.setPeerSettings({ maxTableCapacity: 4096, blockedStreams: 10 });
    assert.throws(() => e.handleDecoderStream(fromHex('84')), DECODER_STREAM_ERROR); // no section on stream 4
    assert.throws(() => e.handleDecoderStream(fromHex('00')), DECODER_STREAM_ERROR); // increment 0
    assert.throws(() => e.handleDecoderStream(fromHex('01')), DECODER_STREAM_ERROR); // beyond inserts
    assert.throws(() => e.handleDecoderStream(fromHex('ff' + 'ff'.repeat(12))), DECODER_STREAM_ERROR); // overflow
    e.handleDecoderStream(fromHex('48')); // cancelling an unknown stream is harmless
    e.handleDecoderStream(fromHex('7f')); // partial instruction is kept...
    e.handleDecoderStream(fromHex('00')); // ...and completes: Stream Cancellation (63)
  });

  test('section acknowledgments apply to the earliest section on the stream', () => {
    const e = new QpackEncoder({ shouldIndex: () => true });
    e.setPeerSettings({ maxTableCapacity: 4096, blockedStreams: 10 });
    e.encodeFieldSection(0, [['x-a', '1']]); // RIC 1
    e.encodeFieldSection(0, [['x-b', '2']]); // RIC 2 (trailers)
    e.handleDecoderStream(fromHex('80'));
    assert.equal(e.acknowledgedInsertCount, 1);
    e.handleDecoderStream(fromHex('80'));
    assert.equal(e.acknowledgedInsertCount, 2);
    assert.throws(() => e.handleDecoderStream(fromHex('80')), DECODER_STREAM_ERROR);
  });
});
