import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QuicStream } from '../../../src/runtime/quic-stream.js';
import { QuicStreamError } from '../../../src/runtime/errors.js';
import { FakeConnection } from './fakes.js';
function setup(streamId = 0, isServer = false, local = true) {
    const proto = new FakeConnection(isServer, { address: '127.0.0.1', port: 1 }, () => { });
    let wakes = 0;
    const host = { proto, wake: () => { wakes++; } };
    const stream = new QuicStream(host, streamId, local);
    return { proto, stream, state: proto.stream(streamId), wakes: () => wakes };
}
async function settled(p) {
    let s = 'pending';
    p.then(() => { s = 'resolved'; }, () => { s = 'rejected'; });
    await new Promise((r) => setImmediate(r));
    return s;
}
describe('QuicStream writes', () => {
    test('resolves when the core accepted every byte and wakes the driver', async () => {
        const { stream, state, wakes } = setup();
        await stream.write(new Uint8Array([1, 2, 3]));
        assert.deepEqual(state.sent, [1, 2, 3]);
        assert.equal(wakes(), 1);
    });
    test('backpressure: resolves only after streamWritable lets the rest in, in order', async () => {
        const { stream, state } = setup();
        state.sendCapacity = 2;
        const first = stream.write(new Uint8Array([1, 2, 3, 4, 5]));
        const second = stream.write(new Uint8Array([6]));
        const end = stream.end();
        assert.equal(await settled(first), 'pending');
        assert.deepEqual(state.sent, [1, 2]);
        state.sendCapacity = 2;
        stream.onWritable();
        assert.equal(await settled(first), 'pending');
        assert.deepEqual(state.sent, [1, 2, 3, 4]);
        state.sendCapacity = 100;
        stream.onWritable();
        await Promise.all([first, second, end]);
        assert.deepEqual(state.sent, [1, 2, 3, 4, 5, 6]);
        assert.equal(state.finSent, true);
    });
    test('FIN is not sent while data is still held back', async () => {
        const { stream, state } = setup();
        state.sendCapacity = 1;
        const done = stream.write(new Uint8Array([1, 2]));
        const end = stream.end();
        assert.equal(state.finSent, false);
        state.sendCapacity = 10;
        stream.onWritable();
        await done;
        await end;
        assert.equal(state.finSent, true);
    });
    test('writes after end() reject; STOP_SENDING rejects pending writes with the code', async () => {
        const { stream, state } = setup();
        await stream.end();
        await assert.rejects(stream.write(new Uint8Array([1])), /already ended/);
        const s2 = setup(4);
        s2.state.sendCapacity = 0;
        const pending = s2.stream.write(new Uint8Array([1]));
        s2.stream.onStopped(77n);
        await assert.rejects(pending, (e) => e instanceof QuicStreamError && e.kind === 'stopped' && e.code === 77n);
        await assert.rejects(s2.stream.write(new Uint8Array([1])), QuicStreamError);
        assert.equal(state.finSent, true);
    });
    test('reset() sends RESET_STREAM and rejects pending writes', async () => {
        const { stream, state, proto } = setup();
        state.sendCapacity = 0;
        const pending = stream.write(new Uint8Array([1]));
        stream.reset(9);
        await assert.rejects(pending, (e) => e instanceof QuicStreamError && e.kind === 'localReset' && e.code === 9n);
        assert.deepEqual(proto.calls, ['reset 0 9']);
    });
    test('a peer uni stream cannot be written, a local uni stream cannot be read', async () => {
        const peerUni = setup(3, false, false).stream; // server-initiated uni seen by a client
        await assert.rejects(peerUni.write(new Uint8Array([1])), /receive-only/);
        const localUni = setup(2, false, true).stream;
        await assert.rejects(localUni.read(), /send-only/);
    });
});
describe('QuicStream reads', () => {
    test('pulls from the core only when read() is called', async () => {
        const { proto, stream, state } = setup();
        state.recv.push(new Uint8Array([1, 2, 3]));
        stream.onReadable();
        assert.equal(proto.readStreamCalls, 0, 'no read pending: nothing pulled');
        assert.deepEqual([...(await stream.read())], [1, 2, 3]);
        assert.equal(proto.readStreamCalls, 1);
    });
    test('waits for streamReadable, honours maxBytes and returns null at FIN', async () => {
        const { stream, state, wakes } = setup();
        const pending = stream.read(2);
        assert.equal(await settled(pending), 'pending');
        state.recv.push(new Uint8Array([1, 2, 3]));
        state.recvFin = true;
        stream.onReadable();
        assert.deepEqual([...(await pending)], [1, 2]);
        assert.deepEqual([...(await stream.read(10))], [3]);
        assert.equal(await stream.read(), null);
        assert.equal(await stream.read(), null);
        assert.ok(wakes() >= 2, 'reads wake the driver so credit can be advertised');
    });
    test('async iteration yields every chunk then ends', async () => {
        const { stream, state } = setup();
        state.recv.push(new Uint8Array([1]), new Uint8Array([2, 3]));
        state.recvFin = true;
        const chunks = [];
        for await (const c of stream)
            chunks.push(...c);
        assert.deepEqual(chunks, [1, 2, 3]);
    });
    test('peer reset rejects pending and later reads with the code', async () => {
        const { stream } = setup();
        const pending = stream.read();
        stream.onReset(5n);
        await assert.rejects(pending, (e) => e instanceof QuicStreamError && e.kind === 'reset' && e.code === 5n);
        await assert.rejects(stream.read(), QuicStreamError);
    });
    test('stopSending() sends STOP_SENDING and rejects pending reads', async () => {
        const { stream, proto } = setup();
        const pending = stream.read();
        stream.stopSending(3n);
        await assert.rejects(pending, (e) => e instanceof QuicStreamError && e.kind === 'localStop');
        assert.deepEqual(proto.calls, ['stop 0 3']);
    });
    test('connection close rejects reads and writes with the connection error', async () => {
        const { stream, state } = setup();
        state.sendCapacity = 0;
        const w = stream.write(new Uint8Array([1]));
        const r = stream.read();
        const err = new Error('closed');
        stream.onConnectionClosed(err);
        await assert.rejects(w, /closed/);
        await assert.rejects(r, /closed/);
    });
});
//# sourceMappingURL=quic-stream.test.js.map