import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { StreamsState } from '../../../../../src/proto/quic/streams/streams-state.js';
import { StreamStateError } from '../../../../../src/proto/quic/streams/stream-state-error.js';
import { TransportError, TransportErrorCode } from '../../../../../src/proto/quic/errors.js';
import { frameSize } from '../../../../../src/proto/quic/wire/frame-encoder.js';
const LIMITS = {
    initialMaxData: 100_000, initialMaxStreamDataBidiLocal: 10_000, initialMaxStreamDataBidiRemote: 10_000,
    initialMaxStreamDataUni: 10_000, initialMaxStreamsBidi: 10, initialMaxStreamsUni: 10,
};
function config(isServer, local = {}, extra = {}) {
    return { isServer, local: { ...LIMITS, ...local }, maxStreamWindow: 1 << 20, maxConnectionWindow: 1 << 22, sendBufferSize: 1 << 20, ...extra };
}
/** A client and a server, each knowing the other's limits. */
function pair(clientLocal = {}, serverLocal = {}, extra = {}) {
    const client = new StreamsState(config(false, clientLocal, extra));
    const server = new StreamsState(config(true, serverLocal, extra));
    client.setPeerLimits({ ...LIMITS, ...serverLocal });
    server.setPeerLimits({ ...LIMITS, ...clientLocal });
    return { client, server };
}
function pollAll(s, space = 1200) {
    const out = [];
    for (let f = s.pollFrame(space, 0); f; f = s.pollFrame(space, 0)) {
        assert.ok(frameSize(f) <= space);
        out.push(f);
        assert.ok(out.length < 100_000, 'pollFrame must terminate');
    }
    return out;
}
/** Delivers every pending frame from `a` to `b` and acknowledges them; returns the frames. */
function pump(a, b, space = 1200) {
    const frames = pollAll(a, space);
    for (const f of frames)
        b.handleFrame(f, 0);
    for (const f of frames)
        a.onFrameAcked(f);
    return frames;
}
function events(s) {
    const out = [];
    for (let e = s.pollEvent(); e; e = s.pollEvent())
        out.push(e);
    return out;
}
function readAll(s, id) {
    const bytes = [];
    let fin = false;
    for (let r = s.read(id, 1 << 20, 0); r; r = s.read(id, 1 << 20, 0)) {
        bytes.push(...r.data);
        if (r.fin) {
            fin = true;
            break;
        }
    }
    return { bytes, fin };
}
const payload = (n, seed = 0) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff);
const isTransport = (code) => (e) => e instanceof TransportError && e.code === code;
const isStateError = (reason) => (e) => e instanceof StreamStateError && e.reason === reason;
const stream = (streamId, offset, data, fin = false) => ({ type: 'stream', streamId, offset, data, fin });
describe('StreamsState', () => {
    test('a bidi stream carries data both ways and is freed when both sides finish', () => {
        const { client, server } = pair();
        const id = client.open('bidi');
        assert.equal(id, 0);
        assert.equal(client.write(id, payload(3000), true), 3000);
        pump(client, server);
        const evs = events(server);
        assert.deepEqual(evs.slice(0, 2), [{ type: 'streamOpened', streamId: 0, direction: 'bidi' }, { type: 'streamReadable', streamId: 0 }]);
        const got = readAll(server, 0);
        assert.deepEqual(got, { bytes: [...payload(3000)], fin: true });
        server.write(0, payload(10, 1), true);
        pump(server, client);
        assert.deepEqual(readAll(client, 0), { bytes: [...payload(10, 1)], fin: true });
        pump(client, server);
        assert.ok(events(client).some((e) => e.type === 'streamClosed' && e.streamId === 0));
        assert.ok(events(server).some((e) => e.type === 'streamClosed' && e.streamId === 0));
        assert.equal(client.stats().openStreams, 0);
        assert.equal(server.stats().openStreams, 0);
    });
    test('stream ids follow the initiator and direction', () => {
        const { client, server } = pair();
        assert.deepEqual([client.open('bidi'), client.open('uni'), client.open('bidi'), client.open('uni')], [0, 2, 4, 6]);
        assert.deepEqual([server.open('bidi'), server.open('uni')], [1, 3]);
    });
    test('application errors: unknown, receive-only and send-only streams', () => {
        const { client, server } = pair();
        const uni = client.open('uni');
        assert.throws(() => client.read(uni, 10, 0), isStateError('send-only'));
        assert.throws(() => client.write(40, payload(1), false), isStateError('unknown'));
        assert.throws(() => client.read(40, 1, 0), isStateError('unknown'));
        assert.throws(() => client.write(3, payload(1), false), isStateError('receive-only'));
        client.write(uni, payload(5), false);
        pump(client, server);
        assert.throws(() => server.write(uni, payload(1), false), isStateError('receive-only'));
        assert.throws(() => server.reset(uni, 0n), isStateError('receive-only'));
        assert.throws(() => client.stop(uni, 0n), isStateError('send-only'));
    });
    describe('stream limits', () => {
        test('open() is refused at the peer limit; STREAMS_BLOCKED once; MAX_STREAMS re-enables', () => {
            const { client, server } = pair({}, { initialMaxStreamsBidi: 2 });
            assert.equal(client.open('bidi'), 0);
            assert.equal(client.open('bidi'), 4);
            assert.equal(client.open('bidi'), undefined);
            assert.equal(client.open('bidi'), undefined);
            const frames = pollAll(client);
            assert.deepEqual(frames, [{ type: 'streamsBlocked', bidi: true, limit: 2 }]);
            server.handleFrame(frames[0], 0);
            assert.equal(client.open('bidi'), undefined);
            assert.deepEqual(pollAll(client), [], 'reported once per limit');
            client.handleFrame({ type: 'maxStreams', bidi: true, maximum: 3 }, 0);
            assert.deepEqual(events(client), [{ type: 'streamsAvailable', direction: 'bidi' }]);
            assert.equal(client.open('bidi'), 8);
            client.handleFrame({ type: 'maxStreams', bidi: true, maximum: 2 }, 0);
            assert.equal(client.open('bidi'), undefined, 'a smaller MAX_STREAMS does not lower the limit');
        });
        test('a peer stream beyond our limit is STREAM_LIMIT_ERROR', () => {
            const server = new StreamsState(config(true, { initialMaxStreamsBidi: 2, initialMaxStreamsUni: 0 }));
            server.setPeerLimits(LIMITS);
            server.handleFrame(stream(4, 0, payload(1)), 0);
            assert.throws(() => server.handleFrame(stream(8, 0, payload(1)), 0), isTransport(TransportErrorCode.STREAM_LIMIT_ERROR));
            assert.throws(() => server.handleFrame(stream(2, 0, payload(1)), 0), isTransport(TransportErrorCode.STREAM_LIMIT_ERROR));
        });
        test('MAX_STREAMS above 2^60 is FRAME_ENCODING_ERROR', () => {
            const { client } = pair();
            assert.throws(() => client.handleFrame({ type: 'maxStreams', bidi: true, maximum: 2 ** 61 }, 0), isTransport(TransportErrorCode.FRAME_ENCODING_ERROR));
            assert.throws(() => client.handleFrame({ type: 'streamsBlocked', bidi: false, limit: 2 ** 61 }, 0), isTransport(TransportErrorCode.FRAME_ENCODING_ERROR));
        });
        test('a frame for stream N opens the lower peer streams first, in order', () => {
            const { server } = pair();
            server.handleFrame(stream(8, 0, payload(1)), 0);
            const opened = events(server).filter((e) => e.type === 'streamOpened').map((e) => e.streamId);
            assert.deepEqual(opened, [0, 4, 8]);
            server.handleFrame(stream(4, 0, payload(1)), 0);
            assert.equal(events(server).filter((e) => e.type === 'streamOpened').length, 0);
        });
        test('MAX_STREAMS credit returns in batches, and at once after STREAMS_BLOCKED', () => {
            const { client, server } = pair({}, { initialMaxStreamsUni: 8 }); // batch of 2
            const ids = [client.open('uni'), client.open('uni'), client.open('uni')];
            for (const id of ids)
                client.write(id, payload(1), true);
            pump(client, server);
            events(server);
            readAll(server, ids[0]);
            assert.deepEqual(pollAll(server).filter((f) => f.type === 'maxStreams'), [], 'one closed stream: below the batch');
            readAll(server, ids[1]);
            assert.deepEqual(pollAll(server).filter((f) => f.type === 'maxStreams'), [{ type: 'maxStreams', bidi: false, maximum: 10 }]);
            readAll(server, ids[2]);
            assert.deepEqual(pollAll(server).filter((f) => f.type === 'maxStreams'), []);
            server.handleFrame({ type: 'streamsBlocked', bidi: false, limit: 10 }, 0);
            assert.deepEqual(pollAll(server), [{ type: 'maxStreams', bidi: false, maximum: 11 }]);
        });
    });
    describe('STREAM_STATE_ERROR', () => {
        const cases = [
            ['STREAM on our send-only stream', (s) => s.handleFrame(stream(2, 0, payload(1)), 0)],
            ['RESET_STREAM on our send-only stream', (s) => s.handleFrame({ type: 'resetStream', streamId: 2, errorCode: 0n, finalSize: 0 }, 0)],
            ['STREAM_DATA_BLOCKED on our send-only stream', (s) => s.handleFrame({ type: 'streamDataBlocked', streamId: 2, limit: 0 }, 0)],
            ['MAX_STREAM_DATA on a receive-only stream', (s) => s.handleFrame({ type: 'maxStreamData', streamId: 3, maximum: 9 }, 0)],
            ['STOP_SENDING on a receive-only stream', (s) => s.handleFrame({ type: 'stopSending', streamId: 3, errorCode: 0n }, 0)],
            ['STREAM on a local stream not opened yet', (s) => s.handleFrame(stream(4, 0, payload(1)), 0)],
            ['MAX_STREAM_DATA on a local stream not opened yet', (s) => s.handleFrame({ type: 'maxStreamData', streamId: 8, maximum: 9 }, 0)],
        ];
        for (const [name, act] of cases) {
            test(name, () => {
                const { client } = pair();
                client.open('bidi');
                client.open('uni');
                assert.throws(() => act(client), isTransport(TransportErrorCode.STREAM_STATE_ERROR));
            });
        }
    });
    describe('flow control', () => {
        test('stream data beyond MAX_STREAM_DATA is FLOW_CONTROL_ERROR', () => {
            const { server } = pair({}, { initialMaxStreamDataBidiRemote: 100 });
            server.handleFrame(stream(0, 0, payload(100)), 0);
            assert.throws(() => server.handleFrame(stream(0, 100, payload(1)), 0), isTransport(TransportErrorCode.FLOW_CONTROL_ERROR));
        });
        test('the sum over streams beyond MAX_DATA is FLOW_CONTROL_ERROR (retransmits count once)', () => {
            const { server } = pair({}, { initialMaxData: 150 });
            server.handleFrame(stream(0, 0, payload(100)), 0);
            server.handleFrame(stream(0, 0, payload(100)), 0); // duplicate: no new credit used
            server.handleFrame(stream(4, 0, payload(50)), 0);
            assert.throws(() => server.handleFrame(stream(8, 0, payload(1)), 0), isTransport(TransportErrorCode.FLOW_CONTROL_ERROR));
        });
        test('a RESET_STREAM final size counts against MAX_DATA', () => {
            const { server } = pair({}, { initialMaxData: 150 });
            server.handleFrame(stream(0, 0, payload(100)), 0);
            assert.throws(() => server.handleFrame({ type: 'resetStream', streamId: 4, errorCode: 0n, finalSize: 51 }, 0), isTransport(TransportErrorCode.FLOW_CONTROL_ERROR));
        });
        test('credit is granted only as the application reads', () => {
            const { client, server } = pair({}, { initialMaxData: 2000, initialMaxStreamDataBidiRemote: 1000 });
            const id = client.open('bidi');
            client.write(id, payload(5000), false);
            const sent = pump(client, server).filter((f) => f.type === 'stream').reduce((n, f) => n + f.data.length, 0);
            assert.equal(sent, 1000, 'the sender stops at the stream limit');
            assert.deepEqual(pollAll(server), [], 'arrival alone grants nothing');
            assert.equal(server.read(id, 400, 0).data.length, 400);
            assert.deepEqual(pollAll(server), [], 'less than half a window consumed');
            assert.equal(server.read(id, 200, 0).data.length, 200);
            assert.deepEqual(pump(server, client), [{ type: 'maxStreamData', streamId: id, maximum: 1600 }]);
            pump(client, server);
            readAll(server, id);
            const credit = pollAll(server);
            assert.ok(credit.some((f) => f.type === 'maxData' && f.maximum > 2000));
        });
        test('STREAM_DATA_BLOCKED and DATA_BLOCKED are sent once per limit', () => {
            const { client, server } = pair({}, { initialMaxData: 300, initialMaxStreamDataBidiRemote: 200 });
            const a = client.open('bidi');
            const b = client.open('bidi');
            client.write(a, payload(500), false);
            let frames = pump(client, server);
            assert.deepEqual(frames.filter((f) => f.type === 'streamDataBlocked'), [{ type: 'streamDataBlocked', streamId: a, limit: 200 }]);
            client.write(a, payload(10), false);
            assert.deepEqual(pollAll(client), [], 'still blocked at the same limit: no new report');
            client.write(b, payload(500), false);
            frames = pump(client, server);
            assert.deepEqual(frames.filter((f) => f.type === 'dataBlocked'), [{ type: 'dataBlocked', limit: 300 }]);
            client.write(b, payload(10), false);
            assert.deepEqual(pollAll(client), []);
            client.handleFrame({ type: 'maxData', maximum: 350 }, 0); // (the server never granted it: frames are not delivered)
            frames = pollAll(client);
            assert.deepEqual(frames.filter((f) => f.type === 'dataBlocked'), [{ type: 'dataBlocked', limit: 350 }]);
        });
        test('a FIN-only frame needs no connection credit', () => {
            const { client, server } = pair({}, { initialMaxData: 10 });
            const id = client.open('uni');
            client.write(id, payload(10), false);
            pump(client, server);
            client.write(id, new Uint8Array(0), true);
            const frames = pump(client, server);
            assert.ok(frames.some((f) => f.type === 'stream' && f.fin && f.data.length === 0));
        });
        test('the receive window auto-tunes when the reader keeps up within an RTT', () => {
            const { client, server } = pair({}, { initialMaxStreamDataBidiRemote: 1000, initialMaxData: 1 << 20 }, { maxStreamWindow: 8000 });
            server.setRtt(100_000);
            const id = client.open('bidi');
            client.write(id, payload(50_000), false);
            const limits = [];
            for (let round = 0, now = 0; round < 20; round++, now += 10_000) {
                pump(client, server);
                for (let r = server.read(id, 1 << 20, now); r; r = server.read(id, 1 << 20, now)) { /* drain */ }
                for (const f of pump(server, client))
                    if (f.type === 'maxStreamData')
                        limits.push(f.maximum);
            }
            const steps = limits.slice(1).map((l, i) => l - limits[i]);
            assert.ok(steps.length > 3);
            assert.ok(Math.max(...steps) > 1000, `window grew: ${steps.join(',')}`);
            assert.ok(Math.max(...steps) <= 8000);
        });
    });
    describe('scheduling', () => {
        test('round robin: one frame per stream per turn', () => {
            const { client } = pair();
            const ids = [client.open('uni'), client.open('uni'), client.open('uni')];
            for (const id of ids)
                client.write(id, payload(5000), false);
            const order = pollAll(client, 500).slice(0, 9).map((f) => f.streamId);
            assert.deepEqual(order, [...ids, ...ids, ...ids]);
        });
        test('control frames first, then retransmissions, then new data', () => {
            const { client } = pair();
            const a = client.open('uni');
            const b = client.open('uni');
            client.write(a, payload(100), false);
            const [lost] = pollAll(client);
            client.write(b, payload(100), false);
            client.onFrameLost(lost);
            client.handleFrame(stream(1, 0, payload(10)), 0);
            client.stop(1, 7n);
            const frames = pollAll(client);
            assert.deepEqual(frames.map((f) => f.type), ['stopSending', 'stream', 'stream']);
            assert.equal(frames[1].streamId, a, 'the retransmission comes before new data');
            assert.equal(frames[2].streamId, b);
        });
        test('lost ranges are retransmitted exactly once', () => {
            const { client, server } = pair();
            const id = client.open('uni');
            client.write(id, payload(3000), true);
            const frames = pollAll(client);
            const [f0, f1, ...rest] = frames;
            client.onFrameLost(f1);
            client.onFrameLost(f1);
            const again = pollAll(client);
            assert.equal(again.length, 1);
            assert.deepEqual(again[0], f1);
            for (const f of [f0, ...rest, again[0]]) {
                server.handleFrame(f, 0);
                client.onFrameAcked(f);
            }
            assert.deepEqual(readAll(server, id), { bytes: [...payload(3000)], fin: true });
            assert.equal(client.stats().bytesRetransmitted, f1.data.length);
        });
        test('a frame returned when space is too small is never produced', () => {
            const { client } = pair();
            const id = client.open('uni');
            client.write(id, payload(100), false);
            assert.equal(client.pollFrame(2, 0), undefined);
            assert.equal(client.hasPendingFrames(), true);
            const f = client.pollFrame(10, 0);
            assert.ok(frameSize(f) <= 10);
        });
    });
    describe('loss of control frames', () => {
        test('a superseded MAX_DATA is not resent; the current one is', () => {
            const { client, server } = pair({}, { initialMaxData: 1000, initialMaxStreamDataBidiRemote: 100_000 });
            const id = client.open('bidi');
            client.write(id, payload(3000), false);
            pump(client, server);
            server.read(id, 600, 0);
            const first = pollAll(server).find((f) => f.type === 'maxData');
            client.handleFrame(first, 0);
            pump(client, server);
            readAll(server, id);
            const second = pollAll(server).find((f) => f.type === 'maxData');
            assert.ok(second && first && second.maximum > first.maximum);
            server.onFrameLost(first);
            assert.deepEqual(pollAll(server), []);
            server.onFrameLost(second);
            assert.deepEqual(pollAll(server), [second]);
        });
        test('RESET_STREAM and STOP_SENDING are resent while still needed', () => {
            const { client, server } = pair();
            const id = client.open('bidi');
            client.write(id, payload(10), false);
            pump(client, server);
            client.reset(id, 3n);
            server.stop(id, 4n);
            const [reset] = pollAll(client);
            const [stopFrame] = pollAll(server);
            assert.deepEqual(reset, { type: 'resetStream', streamId: id, errorCode: 3n, finalSize: 10 });
            assert.deepEqual(stopFrame, { type: 'stopSending', streamId: id, errorCode: 4n });
            client.onFrameLost(reset);
            server.onFrameLost(stopFrame);
            assert.deepEqual(pollAll(client), [reset]);
            server.handleFrame(reset, 0);
            server.onFrameLost(stopFrame);
            assert.deepEqual(pollAll(server), [], 'the peer already reset: STOP_SENDING is moot');
        });
    });
    describe('reset and stop', () => {
        test('STOP_SENDING resets our send side with the same code', () => {
            const { client, server } = pair();
            const id = client.open('bidi');
            client.write(id, payload(10), false);
            pump(client, server);
            server.stop(id, 77n);
            pump(server, client);
            assert.ok(events(client).some((e) => e.type === 'streamStopped' && e.errorCode === 77n));
            assert.deepEqual(pollAll(client), [{ type: 'resetStream', streamId: id, errorCode: 77n, finalSize: 10 }]);
            assert.throws(() => client.write(id, payload(1), false), (e) => e instanceof StreamStateError && e.reason === 'reset' && e.errorCode === 77n);
        });
        test('RESET_STREAM ends the receive side, returns connection credit and emits streamReset', () => {
            const { client, server } = pair({}, { initialMaxData: 1000 });
            const id = client.open('uni');
            client.write(id, payload(800), false);
            pump(client, server);
            events(server);
            client.reset(id, 9n);
            pump(client, server);
            const evs = events(server);
            assert.deepEqual(evs, [
                { type: 'streamReset', streamId: id, errorCode: 9n, finalSize: 800 },
                { type: 'streamClosed', streamId: id },
            ]);
            assert.ok(pollAll(server).some((f) => f.type === 'maxData'), 'discarded bytes count as consumed');
            pump(client, server);
            assert.ok(events(client).some((e) => e.type === 'streamClosed'), 'the sender frees the stream once the reset is acked');
        });
        test('after a reset, no more STREAM frames are sent for the stream', () => {
            const { client } = pair();
            const id = client.open('uni');
            client.write(id, payload(5000), false);
            const f = client.pollFrame(1200, 0);
            client.reset(id, 1n);
            client.onFrameLost(f);
            assert.deepEqual(pollAll(client).map((x) => x.type), ['resetStream']);
        });
        test('reset and stop on gone streams are no-ops', () => {
            const { client } = pair();
            client.reset(0, 1n);
            client.stop(1, 1n);
            assert.deepEqual(pollAll(client), []);
        });
    });
    test('streamWritable follows a short write once acks free space', () => {
        const { client, server } = pair({}, {}, { sendBufferSize: 1000 });
        const id = client.open('uni');
        assert.equal(client.write(id, payload(1500), false), 1000);
        assert.equal(client.write(id, payload(1), false), 0);
        const frames = pollAll(client);
        assert.deepEqual(events(client), []);
        for (const f of frames)
            server.handleFrame(f, 0);
        client.onFrameAcked(frames[0]);
        assert.deepEqual(events(client), [{ type: 'streamWritable', streamId: id }]);
        for (const f of frames.slice(1))
            client.onFrameAcked(f);
        assert.deepEqual(events(client), [], 'announced once per short write');
    });
    test('streamReadable fires on the not-readable -> readable edge only', () => {
        const { server } = pair();
        server.handleFrame(stream(0, 5, payload(5)), 0);
        assert.deepEqual(events(server).map((e) => e.type), ['streamOpened']);
        server.handleFrame(stream(0, 0, payload(5)), 0);
        assert.deepEqual(events(server), [{ type: 'streamReadable', streamId: 0 }]);
        server.handleFrame(stream(0, 10, payload(5)), 0);
        assert.deepEqual(events(server), []);
        readAll(server, 0);
        server.handleFrame(stream(0, 15, payload(5), true), 0);
        assert.deepEqual(events(server), [{ type: 'streamReadable', streamId: 0 }]);
    });
    test('frames for closed streams are ignored', () => {
        const { client, server } = pair();
        const id = client.open('uni');
        client.write(id, payload(5), true);
        const frames = pump(client, server);
        readAll(server, id);
        assert.equal(server.stats().openStreams, 0);
        for (const f of frames)
            server.handleFrame(f, 0);
        assert.equal(server.stats().openStreams, 0);
        assert.deepEqual(events(server).filter((e) => e.type === 'streamOpened').length, 1);
    });
    test('peer streams opened before setPeerLimits get send credit afterwards', () => {
        const server = new StreamsState(config(true));
        server.handleFrame(stream(0, 0, payload(1)), 0);
        server.write(0, payload(10), false);
        assert.deepEqual(pollAll(server), [{ type: 'streamDataBlocked', streamId: 0, limit: 0 }]);
        server.setPeerLimits(LIMITS);
        assert.deepEqual(pollAll(server).map((f) => f.type), ['stream']);
    });
});
//# sourceMappingURL=streams-state.test.js.map