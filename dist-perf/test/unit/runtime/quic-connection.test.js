import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QuicConnection } from '../../../src/runtime/quic-connection.js';
import { QuicConnectionError, QuicDatagramError } from '../../../src/runtime/errors.js';
import { FakeConnection } from './fakes.js';
const closeInfo = { code: 42n, application: true, reason: 'done', remote: true, kind: 'close' };
function setup(isServer = false) {
    const proto = new FakeConnection(isServer, { address: '127.0.0.1', port: 9 }, () => { });
    let wakes = 0;
    const conn = new QuicConnection({ wake: () => { wakes++; }, now: () => 123 }, proto);
    return { proto, conn, wakes: () => wakes };
}
describe('QuicConnection', () => {
    test('established resolves on handshakeCompleted and exposes alpn/stats', async () => {
        const { conn } = setup();
        conn.onConnectionEvent({ type: 'handshakeCompleted', alpn: 'echo', resumed: false });
        await conn.established;
        assert.equal(conn.alpn, 'echo');
        assert.equal(conn.stats().packetsReceived, 2);
        assert.equal(conn.maxDatagramSize, 1200);
    });
    test('a close before the handshake rejects established with the close code', async () => {
        const { conn } = setup();
        conn.onConnectionEvent({ type: 'closed', info: closeInfo });
        await assert.rejects(conn.established, (e) => e instanceof QuicConnectionError && e.code === 42n);
        assert.deepEqual(await conn.closed, closeInfo);
    });
    test('peer streams are announced once on incomingStreams in order', async () => {
        const { conn } = setup(true);
        conn.onConnectionEvent({ type: 'streamOpened', streamId: 0, direction: 'bidi' });
        conn.onConnectionEvent({ type: 'streamOpened', streamId: 2, direction: 'uni' });
        conn.onConnectionEvent({ type: 'streamOpened', streamId: 0, direction: 'bidi' });
        conn.onConnectionEvent({ type: 'closed', info: closeInfo });
        const seen = [];
        for await (const s of conn.incomingStreams)
            seen.push([s.id, s.direction, s.local]);
        assert.deepEqual(seen, [[0, 'bidi', false], [2, 'uni', false]]);
    });
    test('stream events reach the right stream object', async () => {
        const { conn, proto } = setup(true);
        conn.onConnectionEvent({ type: 'streamOpened', streamId: 4, direction: 'bidi' });
        const stream = (await conn.incomingStreams[Symbol.asyncIterator]().next()).value;
        const read = stream.read();
        proto.stream(4).recv.push(new Uint8Array([8]));
        conn.onConnectionEvent({ type: 'streamReadable', streamId: 4 });
        assert.deepEqual([...(await read)], [8]);
        proto.stream(4).sendCapacity = 0;
        const write = stream.write(new Uint8Array([1, 2]));
        proto.stream(4).sendCapacity = 5;
        conn.onConnectionEvent({ type: 'streamWritable', streamId: 4 });
        await write;
        assert.deepEqual(proto.stream(4).sent, [1, 2]);
    });
    test('openBidirectionalStream waits for streamsAvailable when blocked', async () => {
        const { conn, proto } = setup();
        proto.streamLimit.bidi = 1;
        const first = await conn.openBidirectionalStream();
        assert.equal(first.id, 0);
        let second;
        const pending = conn.openBidirectionalStream().then((s) => { second = s.id; });
        await new Promise((r) => setImmediate(r));
        assert.equal(second, undefined);
        conn.onConnectionEvent({ type: 'streamsAvailable', direction: 'uni' });
        await new Promise((r) => setImmediate(r));
        assert.equal(second, undefined, 'uni credit does not unblock bidi');
        proto.streamLimit.bidi = 2;
        conn.onConnectionEvent({ type: 'streamsAvailable', direction: 'bidi' });
        await pending;
        assert.equal(second, 4);
        const uni = await conn.openUnidirectionalStream();
        assert.equal(uni.id, 2);
        assert.equal(uni.readable, false);
    });
    test('a blocked open rejects when the connection closes; later opens reject too', async () => {
        const { conn, proto } = setup();
        proto.streamLimit.uni = 0;
        const pending = conn.openUnidirectionalStream();
        conn.onConnectionEvent({ type: 'closed', info: closeInfo });
        await assert.rejects(pending, QuicConnectionError);
        await assert.rejects(conn.openBidirectionalStream(), QuicConnectionError);
    });
    test('datagrams: send maps refusals to QuicDatagramError; receive pulls lazily', async () => {
        const { conn, proto, wakes } = setup();
        conn.sendDatagram(new Uint8Array([1]));
        assert.equal(proto.datagramsOut.length, 1);
        assert.equal(wakes(), 1);
        assert.throws(() => conn.sendDatagram(new Uint8Array(2000)), (e) => e instanceof QuicDatagramError && e.reason === 'too-large');
        proto.maxDatagramSize = 0;
        assert.throws(() => conn.sendDatagram(new Uint8Array(1)), (e) => e instanceof QuicDatagramError && e.reason === 'unsupported');
        const it = conn.datagrams[Symbol.asyncIterator]();
        const next = it.next();
        proto.datagramsIn.push(new Uint8Array([5]), new Uint8Array([6]));
        conn.onConnectionEvent({ type: 'datagramsReadable' });
        assert.deepEqual([...(await next).value], [5]);
        assert.equal(proto.datagramsIn.length, 1, 'only what was asked for is pulled');
        assert.deepEqual([...(await it.next()).value], [6]);
        const last = it.next();
        conn.onConnectionEvent({ type: 'closed', info: closeInfo });
        assert.equal((await last).done, true);
        assert.throws(() => conn.sendDatagram(new Uint8Array(1)), (e) => e instanceof QuicDatagramError && e.reason === 'closed');
    });
    test('close() sends an application close once; asyncDispose waits for closed', async () => {
        const { conn, proto, wakes } = setup();
        conn.close(7, 'bye');
        conn.close(8, 'again');
        assert.deepEqual(proto.closedWith, { code: 7n, reason: 'bye' });
        assert.equal(wakes(), 1);
        const disposed = conn[Symbol.asyncDispose]();
        conn.onConnectionEvent({ type: 'closed', info: { ...closeInfo, remote: false } });
        await disposed;
        assert.equal(conn.isClosed, true);
    });
    test('connection close fails pending stream operations with the connection error', async () => {
        const { conn } = setup();
        const s = await conn.openBidirectionalStream();
        const read = s.read();
        conn.onConnectionEvent({ type: 'closed', info: closeInfo });
        await assert.rejects(read, (e) => e instanceof QuicConnectionError && e.code === 42n);
    });
});
test('keyLog events reach the key-log sink', () => {
    const proto = new FakeConnection(false, { address: '127.0.0.1', port: 9 }, () => { });
    const lines = [];
    const conn = new QuicConnection({ wake: () => { }, now: () => 0 }, proto, { keyLog: (label, random, secret) => lines.push(`${label} ${random.length} ${secret.length}`) });
    conn.onConnectionEvent({ type: 'keyLog', label: 'CLIENT_TRAFFIC_SECRET_0', clientRandom: new Uint8Array(32), secret: new Uint8Array(48) });
    assert.deepEqual(lines, ['CLIENT_TRAFFIC_SECRET_0 32 48']);
});
//# sourceMappingURL=quic-connection.test.js.map