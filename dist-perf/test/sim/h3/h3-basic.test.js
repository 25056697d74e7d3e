/**
 * HTTP/3 over the real QUIC stack on the simulated network (ProtoPair): a GET with a 1 MB
 * response, a POST echo, 300 concurrent requests (QUIC stream limit 100, so MAX_STREAMS must
 * turn over), QPACK dynamic table in use both ways, GOAWAY, and an extended CONNECT with
 * capsules and a datagram.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createScenario } from '../helpers/scenario.js';
import { H3Connection } from '../../../src/proto/h3/connection.js';
import { CapsuleType } from '../../../src/proto/h3/capsule.js';
import { H3SettingId } from '../../../src/proto/h3/settings.js';
import { SeededRandom } from '../../../src/testing/seeded-random.js';
const WT = { enableConnectProtocol: true, h3Datagram: true, extra: [[H3SettingId.SETTINGS_WT_MAX_SESSIONS, 4]] };
/** A client and a server H3Connection on a handshaken scenario, with a tiny server application. */
async function h3Scenario(seed, link) {
    const s = await createScenario({ seed, alpn: ['h3'], link });
    const rng = new SeededRandom(seed);
    const common = { settings: WT, random: { fill: (b) => rng.fill(b) } };
    const client = new H3Connection(s.clientConnection, { isServer: false, ...common });
    let server;
    const clientEvents = [];
    const serverEvents = [];
    const responses = new Map();
    const echoBodies = new Map();
    /** Server responses still being written: stream id -> remaining bytes. */
    const sending = new Map();
    const serveData = (h3, id) => {
        const rest = sending.get(id);
        if (rest === undefined)
            return;
        const n = h3.sendData(id, rest, true);
        if (n === rest.length)
            sending.delete(id);
        else
            sending.set(id, rest.subarray(n));
    };
    const serverApp = (h3) => {
        for (let ev = h3.pollEvent(); ev !== undefined; ev = h3.pollEvent()) {
            serverEvents.push(ev);
            switch (ev.type) {
                case 'headers': {
                    const path = ev.headers.find(([n]) => n === ':path')?.[1] ?? '';
                    if (ev.isExtendedConnect) {
                        h3.sendResponse(ev.streamId, [[':status', '200']]);
                    }
                    else if (path.startsWith('/bytes/')) {
                        const n = Number(path.slice(7));
                        h3.sendResponse(ev.streamId, [[':status', '200'], ['content-length', String(n)], ['server', 'tswebtransport-sim'], ['cache-control', 'no-store']]);
                        sending.set(ev.streamId, new Uint8Array(n).map((_, i) => (i * 31 + ev.streamId) & 0xff));
                        serveData(h3, ev.streamId);
                    }
                    else if (path === '/echo') {
                        echoBodies.set(ev.streamId, []);
                    }
                    break;
                }
                case 'data':
                    for (let r = h3.readData(ev.streamId, 65536); r !== undefined && r.data.length > 0; r = h3.readData(ev.streamId, 65536)) {
                        echoBodies.get(ev.streamId)?.push(r.data.slice());
                    }
                    break;
                case 'requestFinished': {
                    const body = echoBodies.get(ev.streamId);
                    if (body !== undefined) {
                        h3.sendResponse(ev.streamId, [[':status', '200'], ['server', 'tswebtransport-sim']]);
                        sending.set(ev.streamId, Buffer.concat(body));
                        serveData(h3, ev.streamId);
                    }
                    break;
                }
                case 'streamWritable':
                    serveData(h3, ev.streamId);
                    break;
                case 'capsule':
                    h3.sendCapsule(ev.streamId, ev.capsuleType, ev.value); // echo
                    break;
                case 'httpDatagram':
                    h3.sendHttpDatagram(ev.streamId, ev.payload); // echo
                    break;
                default:
                    break;
            }
        }
    };
    const clientApp = (h3) => {
        for (let ev = h3.pollEvent(); ev !== undefined; ev = h3.pollEvent()) {
            clientEvents.push(ev);
            const r = 'streamId' in ev ? responses.get(ev.streamId) : undefined;
            if (ev.type === 'headers' && r)
                r.status = ev.status;
            if (ev.type === 'data' && r) {
                for (let d = h3.readData(ev.streamId, 65536); d !== undefined && d.data.length > 0; d = h3.readData(ev.streamId, 65536))
                    r.chunks.push(d.data.slice());
            }
            if (ev.type === 'requestFinished' && r)
                r.done = true;
        }
    };
    s.pair.onEvent = (side, ev) => {
        if (ev.type === 'accepted') {
            s.serverConnection ??= ev.connection;
            server ??= new H3Connection(ev.connection, { isServer: true, ...common });
            return;
        }
        if (side === 'client') {
            client.handleQuicEvent(ev.event, s.pair.now());
            clientApp(client);
        }
        else if (server !== undefined) {
            server.handleQuicEvent(ev.event, s.pair.now());
            serverApp(server);
        }
    };
    s.handshake();
    s.pair.drive(() => client.peerSettings !== undefined && server?.peerSettings !== undefined);
    return {
        s, client, server: server, clientEvents, serverEvents, responses,
        /** body: sent with FIN; 'open': the request stream stays open (CONNECT); default: no body, FIN. */
        request(headers, body) {
            const id = client.sendRequest(headers, { endStream: body === undefined });
            if (id === undefined)
                return undefined;
            responses.set(id, { status: undefined, chunks: [], done: false });
            if (body instanceof Uint8Array)
                assert.equal(client.sendData(id, body, true), body.length);
            s.pair.flush();
            return id;
        },
    };
}
const GET = (path) => [
    [':method', 'GET'], [':scheme', 'https'], [':authority', 'localhost'], [':path', path], ['user-agent', 'tswebtransport-sim-client/1.0'],
];
describe('HTTP/3 over the simulated QUIC stack', () => {
    test('GET with a 1 MB response and a POST echo, at 2 % loss', async () => {
        const t = await h3Scenario(41, { latencyMs: 10, lossRate: 0.02 });
        const get = t.request(GET('/bytes/1048576'));
        const body = new SeededRandom(5).fill(new Uint8Array(200_000));
        const post = t.request([[':method', 'POST'], [':scheme', 'https'], [':authority', 'localhost'], [':path', '/echo']], body);
        t.s.pair.drive(() => t.responses.get(get).done && t.responses.get(post).done, { maxTimeMs: 120_000 });
        const g = t.responses.get(get);
        assert.equal(g.status, 200);
        const got = Buffer.concat(g.chunks);
        assert.equal(got.length, 1_048_576);
        assert.ok(got.equals(Buffer.from(new Uint8Array(1_048_576).map((_, i) => (i * 31 + get) & 0xff))));
        assert.ok(Buffer.concat(t.responses.get(post).chunks).equals(Buffer.from(body)));
        assert.equal(t.clientEvents.filter((e) => e.type === 'connectionError').length, 0);
    });
    test('300 concurrent requests on one connection, QPACK dynamic table both ways, then GOAWAY', async () => {
        const t = await h3Scenario(42, { latencyMs: 5 });
        const wanted = 300;
        const ids = [];
        const sendMore = () => {
            while (ids.length < wanted) {
                const id = t.request(GET(`/bytes/${100 + (ids.length % 50)}`));
                if (id === undefined)
                    return;
                ids.push(id);
            }
        };
        sendMore();
        assert.ok(ids.length < wanted, 'the QUIC stream limit stops the first burst');
        t.s.pair.drive(() => {
            sendMore();
            return ids.length === wanted && ids.every((id) => t.responses.get(id).done);
        }, { maxTimeMs: 120_000 });
        for (const [i, id] of ids.entries()) {
            const r = t.responses.get(id);
            assert.equal(r.status, 200);
            assert.equal(Buffer.concat(r.chunks).length, 100 + (i % 50));
        }
        assert.ok(t.clientEvents.some((e) => e.type === 'streamsAvailable'));
        const cq = t.client.qpackStats;
        const sq = t.server.qpackStats;
        assert.ok(cq.encoderInsertCount > 0 && sq.decoderInsertCount === cq.encoderInsertCount, `client→server table: ${JSON.stringify(cq)} ${JSON.stringify(sq)}`);
        assert.ok(sq.encoderInsertCount > 0 && cq.decoderInsertCount === sq.encoderInsertCount, 'server→client table');
        t.server.sendGoaway();
        t.s.pair.drive(() => t.clientEvents.some((e) => e.type === 'goaway'), { maxTimeMs: 10_000 });
        const goaway = t.clientEvents.find((e) => e.type === 'goaway');
        assert.equal(goaway?.type === 'goaway' ? goaway.id : -1, Math.max(...ids) + 4);
        assert.throws(() => t.client.sendRequest(GET('/late')));
        t.client.close();
        t.s.pair.flush();
        t.s.pair.drive(() => t.serverEvents.some((e) => e.type === 'closed'), { maxTimeMs: 10_000 });
        const closed = t.serverEvents.find((e) => e.type === 'closed');
        assert.equal(closed?.type === 'closed' ? closed.code : -1n, 0x100n);
    });
    test('extended CONNECT with capsules and an HTTP datagram, echoed', async () => {
        const t = await h3Scenario(43, { latencyMs: 10 });
        assert.equal(t.client.peerSettings?.enableConnectProtocol, true);
        assert.deepEqual(t.client.peerSettings?.webTransport, ['draft13']);
        const sid = t.request([[':method', 'CONNECT'], [':protocol', 'webtransport'], [':scheme', 'https'], [':authority', 'localhost'], [':path', '/wt'], ['origin', 'https://localhost']], 'open');
        t.client.sendCapsule(sid, 0x17, new Uint8Array([0xaa])); // GREASE capsule, skipped by the server
        t.client.sendCapsule(sid, CapsuleType.WT_MAX_DATA, new Uint8Array([0x44, 0x00]));
        t.s.pair.flush();
        t.s.pair.drive(() => t.responses.get(sid).status === 200 && t.clientEvents.some((e) => e.type === 'capsule'), { maxTimeMs: 10_000 });
        const caps = t.clientEvents.filter((e) => e.type === 'capsule');
        assert.deepEqual(caps.map((c) => c.type === 'capsule' ? [c.streamId, c.capsuleType, [...c.value]] : []), [[sid, CapsuleType.WT_MAX_DATA, [0x44, 0x00]]]);
        assert.equal(t.client.sendHttpDatagram(sid, new Uint8Array([1, 2, 3, 4])), 'queued');
        t.s.pair.flush();
        t.s.pair.drive(() => t.clientEvents.some((e) => e.type === 'httpDatagram'), { maxTimeMs: 10_000 });
        const dg = t.clientEvents.find((e) => e.type === 'httpDatagram');
        assert.deepEqual(dg?.type === 'httpDatagram' ? [dg.streamId, [...dg.payload]] : [], [sid, [1, 2, 3, 4]]);
    });
});
//# sourceMappingURL=h3-basic.test.js.map