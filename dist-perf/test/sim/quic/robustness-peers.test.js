/**
 * Misbehaving peers (RFC 9000 §§4, 5.1.1, 13.1, 19, 20): a client breaks one rule through the
 * injectFrameForTest() hook; the server closes it with the right transport error code, and a
 * second connection to the same server endpoint keeps transferring data afterwards.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createScenario, closeInfo, hasEvent, payload, transferOnStream } from '../helpers/scenario.js';
import { TransportErrorCode } from '../../../src/proto/quic/errors.js';
import { SeededRandom } from '../../../src/testing/seeded-random.js';
/** Two established connections from the client endpoint to one server endpoint. */
async function twoConnections(seed) {
    const s = await createScenario({ seed });
    const { client: offender, server: offenderServer } = s.handshake();
    const other = s.connect();
    const otherServer = () => {
        for (const e of s.pair.serverEvents)
            if (e.type === 'accepted' && e.connection !== offenderServer)
                return e.connection;
        return undefined;
    };
    s.pair.drive(() => hasEvent(s.events('client', other), 'handshakeCompleted')
        && otherServer() !== undefined && hasEvent(s.events('server', otherServer()), 'handshakeCompleted'), { maxTimeMs: 10_000 });
    s.pair.advance(100);
    return { s, offender, offenderServer, other, otherServer };
}
/** The offender is closed by the server with `code`; the other connection still moves data. */
function expectClosedAndOthersServed(setup, code) {
    const { s, offender, offenderServer, other, otherServer } = setup;
    s.pair.drive(() => hasEvent(s.events('client', offender), 'closed'), { maxTimeMs: 10_000 });
    const info = closeInfo(s.events('client', offender));
    assert.equal(info.remote, true, 'the offender received a CONNECTION_CLOSE');
    assert.equal(info.application, false);
    assert.equal(info.code, BigInt(code), `expected code 0x${code.toString(16)}, got 0x${info.code.toString(16)} (${info.reason})`);
    const serverInfo = closeInfo(s.events('server', offenderServer));
    assert.equal(serverInfo.remote, false);
    assert.equal(serverInfo.code, BigInt(code));
    assert.equal(other.state, 'established');
    const streamId = other.openStream('bidi');
    const data = payload(new SeededRandom(99), 20_000);
    const got = transferOnStream(s.pair, other, streamId, data, otherServer, { maxTimeMs: 10_000 });
    assert.deepEqual(got, data);
    assert.ok(!hasEvent(s.events('client', other), 'closed'));
}
function inject(setup, ...frames) {
    for (const f of frames)
        setup.offender.injectFrameForTest(f);
    setup.s.pair.flush();
}
const bytes = (n) => new Uint8Array(n).fill(7);
describe('misbehaving peers get the right CONNECTION_CLOSE; the server keeps serving others', () => {
    test('STREAM on the peer\'s send-only uni stream -> STREAM_STATE_ERROR', async () => {
        const setup = await twoConnections(201);
        // Stream 3 is the server's first unidirectional stream: the client may only receive on it.
        inject(setup, { type: 'stream', streamId: 3, offset: 0, data: bytes(10), fin: false });
        expectClosedAndOthersServed(setup, TransportErrorCode.STREAM_STATE_ERROR);
    });
    test('data beyond the stream flow-control limit -> FLOW_CONTROL_ERROR', async () => {
        const setup = await twoConnections(202);
        inject(setup, { type: 'stream', streamId: 0, offset: 2 * 1024 * 1024, data: bytes(10), fin: false });
        expectClosedAndOthersServed(setup, TransportErrorCode.FLOW_CONTROL_ERROR);
    });
    test('a stream id beyond MAX_STREAMS -> STREAM_LIMIT_ERROR', async () => {
        const setup = await twoConnections(203);
        // The server allows 100 client bidi streams: ids 0, 4, ..., 396.
        inject(setup, { type: 'stream', streamId: 400, offset: 0, data: bytes(1), fin: false });
        expectClosedAndOthersServed(setup, TransportErrorCode.STREAM_LIMIT_ERROR);
    });
    test('a changed final size -> FINAL_SIZE_ERROR', async () => {
        const setup = await twoConnections(204);
        inject(setup, { type: 'stream', streamId: 0, offset: 0, data: bytes(10), fin: true }, { type: 'stream', streamId: 0, offset: 0, data: bytes(20), fin: true });
        expectClosedAndOthersServed(setup, TransportErrorCode.FINAL_SIZE_ERROR);
    });
    test('HANDSHAKE_DONE from a client -> PROTOCOL_VIOLATION', async () => {
        const setup = await twoConnections(205);
        inject(setup, { type: 'handshakeDone' });
        expectClosedAndOthersServed(setup, TransportErrorCode.PROTOCOL_VIOLATION);
    });
    test('an ACK of a packet never sent -> PROTOCOL_VIOLATION', async () => {
        const setup = await twoConnections(206);
        inject(setup, { type: 'ack', ackDelay: 0, ranges: [{ largest: 1_000_000, smallest: 999_990 }] });
        expectClosedAndOthersServed(setup, TransportErrorCode.PROTOCOL_VIOLATION);
    });
    test('an unknown frame type -> FRAME_ENCODING_ERROR', async () => {
        const setup = await twoConnections(207);
        inject(setup, new Uint8Array([0x21, 0x00]));
        expectClosedAndOthersServed(setup, TransportErrorCode.FRAME_ENCODING_ERROR);
    });
    test('a truncated frame -> FRAME_ENCODING_ERROR', async () => {
        const setup = await twoConnections(208);
        // MAX_STREAM_DATA for stream 0 whose 8-byte varint maximum is cut short: nothing may follow it.
        inject(setup, new Uint8Array([0x11, 0x00, 0xc0, 0x00]));
        expectClosedAndOthersServed(setup, TransportErrorCode.FRAME_ENCODING_ERROR);
    });
    test('more connection IDs than active_connection_id_limit -> CONNECTION_ID_LIMIT_ERROR', async () => {
        const setup = await twoConnections(209);
        const random = new SeededRandom(5);
        const frames = [];
        for (let seq = 10; seq < 15; seq++) {
            frames.push({ type: 'newConnectionId', sequenceNumber: seq, retirePriorTo: 0,
                connectionId: random.fill(new Uint8Array(8)), statelessResetToken: random.fill(new Uint8Array(16)) });
        }
        inject(setup, ...frames);
        expectClosedAndOthersServed(setup, TransportErrorCode.CONNECTION_ID_LIMIT_ERROR);
    });
    test('bad transport parameters from a client -> TRANSPORT_PARAMETER_ERROR', async () => {
        const s = await createScenario({ seed: 210 });
        const { client: good, server: goodServer } = s.handshake();
        // original_destination_connection_id (0x00) is a server-only parameter (RFC 9000 §18.2).
        const bad = s.connect({
            transportParametersForTest: (tp) => new Uint8Array([...tp, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 7, 8]),
        });
        s.pair.drive(() => hasEvent(s.events('client', bad), 'closed'), { maxTimeMs: 10_000 });
        const info = closeInfo(s.events('client', bad));
        assert.equal(info.remote, true);
        assert.equal(info.code, BigInt(TransportErrorCode.TRANSPORT_PARAMETER_ERROR), info.reason);
        const streamId = good.openStream('bidi');
        const data = payload(new SeededRandom(98), 20_000);
        assert.deepEqual(transferOnStream(s.pair, good, streamId, data, () => goodServer, { maxTimeMs: 10_000 }), data);
    });
});
//# sourceMappingURL=robustness-peers.test.js.map