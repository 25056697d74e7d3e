import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QuicEndpoint } from '../../../src/runtime/quic-endpoint.js';
import { QuicConnectionError } from '../../../src/runtime/errors.js';
import { FakeClock, FakeConnection, FakeEndpoint, FakeSocket, FakeTimers, turn } from './fakes.js';
const signingKey = { schemes: [0x0403], sign: () => new Uint8Array(64) };
const closed = { code: 0n, application: true, reason: '', remote: false, kind: 'close' };
function seams(endpoint, configs = []) {
    return {
        socket: new FakeSocket(),
        clock: new FakeClock(),
        timers: new FakeTimers(),
        createEndpoint: (config) => { configs.push(config); return endpoint; },
    };
}
/** Any received datagram makes the driver flush (and so deliver queued events). */
function poke(socket) {
    socket.deliver(new Uint8Array([0]), { address: '127.0.0.1', port: 4433 });
}
describe('QuicEndpoint', () => {
    test('listen passes the server config and yields connections once their handshake completed', async () => {
        const endpoint = new FakeEndpoint();
        const configs = [];
        const s = seams(endpoint, configs);
        const server = await QuicEndpoint.listen({
            host: '127.0.0.1', port: 4433, alpnProtocols: ['echo'], certificateChain: [new Uint8Array([1])], signingKey, retry: true, ...s,
        });
        assert.deepEqual(server.address, { address: '127.0.0.1', port: 4433 });
        assert.deepEqual(configs[0].server.tls.alpnProtocols, ['echo']);
        assert.equal(configs[0].server.retry, true);
        assert.equal(typeof configs[0].wallClock, 'function');
        const conns = [];
        endpoint.onDatagram = (_b, remote) => {
            const c = endpoint.newConnection(true, remote);
            conns.push(c);
            endpoint.events.push({ type: 'accepted', connection: c });
        };
        s.socket.deliver(new Uint8Array([1]), { address: '127.0.0.1', port: 1 });
        s.socket.deliver(new Uint8Array([2]), { address: '127.0.0.1', port: 2 });
        await turn();
        // The second handshake fails: it must never show up in `incoming`.
        conns[1].emit({ type: 'closed', info: closed });
        conns[0].emit({ type: 'handshakeCompleted', alpn: 'echo', resumed: false });
        s.socket.deliver(new Uint8Array([3]), { address: '127.0.0.1', port: 3 });
        await turn();
        conns[2].emit({ type: 'handshakeCompleted', alpn: 'echo', resumed: false });
        server.driver.wake();
        await turn();
        const it = server.incoming[Symbol.asyncIterator]();
        assert.equal((await it.next()).value.remoteAddress.port, 1);
        assert.equal((await it.next()).value.remoteAddress.port, 3);
        endpoint.connectionCount = 0;
        await server.close();
        assert.equal(s.socket.closed, true);
        assert.equal((await it.next()).done, true);
    });
    test('connect resolves after the handshake with the dialled remote', async () => {
        const endpoint = new FakeEndpoint();
        const s = seams(endpoint);
        const dialing = QuicEndpoint.connect({ host: '127.0.0.1', port: 4433, alpnProtocols: ['echo'], verifier: null, ...s });
        await turn();
        await turn();
        const c = endpoint.connections[0];
        assert.deepEqual(c.remote, { address: '127.0.0.1', port: 4433 });
        c.emit({ type: 'handshakeCompleted', alpn: 'echo', resumed: false });
        poke(s.socket);
        await turn();
        const conn = await dialing;
        assert.equal(conn.alpn, 'echo');
        // The private client endpoint goes away with its connection.
        endpoint.connectionCount = 0;
        c.emit({ type: 'closed', info: closed });
        poke(s.socket);
        await turn();
        await turn();
        assert.equal(s.socket.closed, true);
    });
    test('connect rejects with the close reason when the handshake fails', async () => {
        const endpoint = new FakeEndpoint();
        const s = seams(endpoint);
        const dialing = QuicEndpoint.connect({ host: '127.0.0.1', port: 4433, alpnProtocols: ['echo'], verifier: null, ...s });
        await turn();
        await turn();
        endpoint.connections[0].emit({ type: 'closed', info: { ...closed, code: 0x178n, application: false, remote: true } });
        poke(s.socket);
        await assert.rejects(dialing, (e) => e instanceof QuicConnectionError && e.code === 0x178n);
    });
    test('connect honours an AbortSignal by closing the half-open connection', async () => {
        const endpoint = new FakeEndpoint();
        const s = seams(endpoint);
        const ac = new AbortController();
        const dialing = QuicEndpoint.connect({ host: '127.0.0.1', port: 4433, alpnProtocols: ['echo'], verifier: null, signal: ac.signal, ...s });
        await turn();
        await turn();
        ac.abort(new Error('gave up'));
        await assert.rejects(dialing, /gave up/);
        assert.equal(endpoint.connections[0].closedWith?.reason, 'aborted');
    });
});
//# sourceMappingURL=quic-endpoint.test.js.map