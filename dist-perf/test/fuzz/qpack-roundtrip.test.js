/**
 * Model test: a QpackEncoder and a QpackDecoder joined by an unreliable-order "network" (the
 * encoder stream, request streams and the decoder stream are each delivered in order, but
 * interleaved at random, in random chunks). Whatever the interleaving, every field section
 * decodes to exactly the headers that were encoded, and the decoder never errors: the encoder
 * respects the blocked-streams limit and never evicts what the decoder still needs.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { concatBytes } from '../../src/proto/util/bytes.js';
import { QpackDecoder } from '../../src/proto/h3/qpack/decoder.js';
import { QpackEncoder } from '../../src/proto/h3/qpack/encoder.js';
const NAMES = [':authority', ':path', ':method', 'user-agent', 'content-type', 'x-custom', 'x-trace', 'cookie', 'accept'];
const VALUES = ['', 'a', 'example.test', 'GET', '/', '/index.html', 'text/plain', 'caf\u00e9', 'v'.repeat(40), 'tswebtransport/1.0', '\u0000\u00ff'];
const headerArb = fc.tuple(fc.constantFrom(...NAMES), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 }).map((s) => s.replace(/[^\u0000-\u00ff]/g, 'x'))));
const opArb = fc.oneof(fc.record({ kind: fc.constant('encode'), newStream: fc.boolean(), pick: fc.nat(), headers: fc.array(headerArb, { maxLength: 8 }) }), fc.record({ kind: fc.constant('encoderStream'), bytes: fc.integer({ min: 1, max: 64 }) }), fc.record({ kind: fc.constant('section'), pick: fc.nat() }), fc.record({ kind: fc.constant('decoderStream') }), fc.record({ kind: fc.constant('cancel'), pick: fc.nat() }));
function run(capacity, blockedStreams, ops) {
    const enc = new QpackEncoder({ maxTableCapacity: capacity, shouldIndex: () => true });
    enc.setPeerSettings({ maxTableCapacity: capacity, blockedStreams });
    const dec = new QpackDecoder({ maxTableCapacity: capacity, maxBlockedStreams: blockedStreams, maxFieldSectionSize: 1 << 20 });
    let encoderWire = new Uint8Array(0);
    let decoderWire = new Uint8Array(0);
    const streams = [];
    let nextId = 0;
    let decoded = 0;
    const tryDecode = (s) => {
        while (s.queue.length > 0) {
            const head = s.queue[0];
            const result = dec.decodeFieldSection(s.id, head.bytes);
            if (result.blocked) {
                s.blocked = true;
                return;
            }
            s.blocked = false;
            assert.deepEqual(result.headers, head.headers);
            decoded++;
            s.queue.shift();
        }
    };
    const flushEncoderStream = (n) => {
        const more = enc.pollEncoderStream();
        if (more !== undefined)
            encoderWire = concatBytes(encoderWire, more);
        if (encoderWire.length === 0)
            return;
        dec.handleEncoderStream(encoderWire.subarray(0, n));
        encoderWire = encoderWire.slice(Math.min(n, encoderWire.length));
        for (const id of dec.unblockedStreams()) {
            const s = streams.find((x) => x.id === id);
            s.blocked = false;
            tryDecode(s);
        }
    };
    const flushDecoderStream = () => {
        const more = dec.pollDecoderStream();
        if (more !== undefined)
            decoderWire = concatBytes(decoderWire, more);
        // Deliver a prefix that may cut an instruction in two.
        const n = Math.ceil(decoderWire.length / 2) + 1;
        enc.handleDecoderStream(decoderWire.subarray(0, n));
        decoderWire = decoderWire.slice(Math.min(n, decoderWire.length));
    };
    for (const op of ops) {
        switch (op.kind) {
            case 'encode': {
                let s = streams[op.pick % Math.max(1, streams.length)];
                if (op.newStream || s === undefined) {
                    s = { id: nextId, queue: [], blocked: false };
                    nextId += 4;
                    streams.push(s);
                }
                s.queue.push({ bytes: enc.encodeFieldSection(s.id, op.headers), headers: op.headers });
                break;
            }
            case 'encoderStream':
                flushEncoderStream(op.bytes);
                break;
            case 'section': {
                const s = streams[op.pick % Math.max(1, streams.length)];
                if (s !== undefined && !s.blocked)
                    tryDecode(s);
                break;
            }
            case 'decoderStream':
                flushDecoderStream();
                break;
            case 'cancel': {
                const i = op.pick % Math.max(1, streams.length);
                const s = streams[i];
                if (s === undefined || s.queue.length === 0)
                    break;
                dec.cancelStream(s.id);
                streams.splice(i, 1);
                break;
            }
        }
    }
    // Drain: everything still in flight arrives.
    for (let round = 0; round < 4; round++) {
        flushEncoderStream(1 << 30);
        for (const s of streams)
            if (!s.blocked)
                tryDecode(s);
        flushDecoderStream();
        flushDecoderStream();
    }
    for (const s of streams)
        assert.equal(s.queue.length, 0, `stream ${s.id} still has sections`);
    assert.equal(dec.blockedStreamCount, 0);
    assert.equal(enc.outstandingSectionCount, 0);
    assert.ok(enc.tableSize <= capacity && dec.tableSize <= capacity);
    assert.ok(decoded >= 0);
}
describe('QPACK encoder -> decoder round trips', () => {
    test('random header sets, interleavings, blocking and cancellations', () => {
        fc.assert(fc.property(fc.constantFrom(0, 64, 220, 512, 4096), fc.integer({ min: 0, max: 3 }), fc.array(opArb, { minLength: 20, maxLength: 80, size: 'max' }), (capacity, blocked, ops) => run(capacity, blocked, ops)), { numRuns: 400 });
    });
});
//# sourceMappingURL=qpack-roundtrip.test.js.map