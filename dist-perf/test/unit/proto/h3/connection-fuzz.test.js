/**
 * Property tests: whatever bytes a peer puts on its control, QPACK or request streams, the H3
 * connection never throws out of handleQuicEvent and never ends in H3_INTERNAL_ERROR: it either
 * carries on, resets the stream, or closes with a protocol error code. And any chunking of a
 * valid exchange gives the same result.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { H3Connection } from '../../../../src/proto/h3/connection.js';
import { H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { encodeHeadersFrame, encodeSettingsFrame } from '../../../../src/proto/h3/frames.js';
import { QpackEncoder } from '../../../../src/proto/h3/qpack/index.js';
import { FakePair, readBody, setup, take } from './fake-quic.js';
const PROTOCOL_CODES = new Set(Object.values(H3ErrorCode).filter((c) => c !== H3ErrorCode.H3_INTERNAL_ERROR));
const REQ = new QpackEncoder().encodeFieldSection(0, [[':method', 'POST'], [':scheme', 'https'], [':authority', 'a'], [':path', '/']]);
function serverUnderAttack(seed, maxChunk) {
    const pair = new FakePair({ seed, maxChunk });
    const h3 = new H3Connection(pair.server, { isServer: true, maxBufferedBytesPerStream: 4096, settings: { enableConnectProtocol: true, extra: [[0x2b603742, 1]] } });
    pair.h3Server = h3;
    h3.start(0);
    pair.run();
    return { pair, h3 };
}
function checkOutcome(pair) {
    const closed = pair.server.closed;
    if (closed !== undefined)
        assert.ok(PROTOCOL_CODES.has(Number(closed.code)), `closed with ${closed.code} (${closed.reason})`);
    for (const e of take(pair.serverEvents, 'streamError'))
        assert.ok(PROTOCOL_CODES.has(e.code), `stream error ${e.code}`);
}
describe('H3Connection under random input', () => {
    test('random bytes after SETTINGS on the control stream', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 50 }), fc.integer(), (bytes, chunk, seed) => {
            const { pair } = serverUnderAttack(seed, chunk);
            pair.client.inject(2, Buffer.concat([Uint8Array.of(0), encodeSettingsFrame([]), bytes]));
            pair.run();
            checkOutcome(pair);
        }), { numRuns: 600 });
    });
    test('random bytes on the QPACK encoder and decoder streams', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 120 }), fc.uint8Array({ maxLength: 60 }), fc.integer(), (enc, dec, seed) => {
            const { pair } = serverUnderAttack(seed, 9);
            pair.client.inject(6, Buffer.concat([Uint8Array.of(2), enc]));
            pair.client.inject(10, Buffer.concat([Uint8Array.of(3), dec]));
            pair.run();
            checkOutcome(pair);
        }), { numRuns: 600 });
    });
    test('random frames on a request stream (after a valid HEADERS or not), with or without FIN', () => {
        fc.assert(fc.property(fc.boolean(), fc.uint8Array({ maxLength: 300 }), fc.boolean(), fc.integer(), (withHeaders, bytes, fin, seed) => {
            const { pair, h3 } = serverUnderAttack(seed, 13);
            pair.client.inject(0, withHeaders ? Buffer.concat([encodeHeadersFrame(REQ), bytes]) : bytes, fin);
            pair.run();
            // Pull whatever body there is: reading must not throw either.
            for (let r = h3.readData(0, 100); r !== undefined && !r.fin; r = h3.readData(0, 100))
                if (r.data.length === 0)
                    break;
            pair.run();
            checkOutcome(pair);
        }), { numRuns: 800 });
    });
    test('any chunking of a request/response exchange gives the same bytes', () => {
        fc.assert(fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer(), fc.integer({ min: 0, max: 5000 }), (chunk, seed, size) => {
            const s = setup({ seed, maxChunk: chunk });
            const id = s.client.sendRequest([[':method', 'GET'], [':scheme', 'https'], [':authority', 'a'], [':path', '/x']], { endStream: true });
            s.pair.run();
            const body = new Uint8Array(size).map((_, i) => i & 0xff);
            s.server.sendResponse(id, [[':status', '200'], ['content-length', String(size)]]);
            s.server.sendData(id, body, true);
            s.pair.run();
            const got = readBody(s, 'client', id, 777);
            assert.ok(got.fin);
            assert.ok(Buffer.from(got.body).equals(Buffer.from(body)));
            assert.equal(take(s.pair.clientEvents, 'requestFinished').length, 1);
        }), { numRuns: 300 });
    });
});
//# sourceMappingURL=connection-fuzz.test.js.map