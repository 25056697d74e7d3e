/** H3Connection over FakeQuic: SETTINGS exchange, requests and responses, bodies, trailers, QPACK, GOAWAY. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { H3SettingId } from '../../../../src/proto/h3/settings.js';
import { readBody, setup, take } from './fake-quic.js';
const GET = (path) => [[':method', 'GET'], [':scheme', 'https'], [':authority', 'localhost'], [':path', path]];
describe('H3Connection basics', () => {
    test('both sides exchange SETTINGS (with GREASE) and see the peer view', () => {
        const s = setup({ server: { settings: { enableConnectProtocol: true, h3Datagram: true } } });
        const cs = take(s.pair.clientEvents, 'settings');
        const ss = take(s.pair.serverEvents, 'settings');
        assert.equal(cs.length, 1);
        assert.equal(ss.length, 1);
        assert.equal(cs[0].settings.enableConnectProtocol, true);
        assert.equal(cs[0].settings.h3Datagram, true);
        assert.equal(cs[0].settings.qpackMaxTableCapacity, 4096);
        assert.equal(cs[0].settings.maxFieldSectionSize, 65536);
        assert.equal(ss[0].settings.enableConnectProtocol, false);
        // Three uni streams each: control, QPACK encoder, QPACK decoder (+ nothing else).
        assert.deepEqual([...s.pair.server.recv.keys()].filter((id) => (id & 2) === 2).sort((a, b) => a - b), [2, 6, 10]);
        assert.equal(take(s.pair.clientEvents, 'connectionError').length, 0);
    });
    test('GET with a response body, pulled in pieces, and requestFinished on both sides', () => {
        const s = setup();
        const id = s.client.sendRequest(GET('/hello'), { endStream: true });
        assert.equal(id, 0);
        s.pair.run();
        const req = take(s.pair.serverEvents, 'headers');
        assert.equal(req.length, 1);
        assert.equal(req[0].method, 'GET');
        assert.deepEqual(req[0].headers.find(([n]) => n === ':path'), [':path', '/hello']);
        assert.equal(req[0].isExtendedConnect, false);
        assert.equal(take(s.pair.serverEvents, 'requestFinished').length, 1);
        const body = new Uint8Array(100_000).map((_, i) => i * 7);
        s.server.sendResponse(id, [[':status', '200'], ['content-length', String(body.length)]]);
        assert.equal(s.server.sendData(id, body, true), body.length);
        s.pair.run();
        const resp = take(s.pair.clientEvents, 'headers');
        assert.equal(resp[0].status, 200);
        const got = readBody(s, 'client', id, 1000);
        assert.equal(got.fin, true);
        assert.ok(Buffer.from(got.body).equals(Buffer.from(body)));
        assert.equal(take(s.pair.clientEvents, 'requestFinished').length, 1);
    });
    test('POST body with trailers both ways, interim 103 response', () => {
        const s = setup({ seed: 3 });
        const id = s.client.sendRequest([[':method', 'POST'], [':scheme', 'https'], [':authority', 'x'], [':path', '/echo'], ['te', 'trailers']]);
        assert.equal(s.client.sendData(id, new TextEncoder().encode('hello '), false), 6);
        assert.equal(s.client.sendData(id, new TextEncoder().encode('world'), false), 5);
        s.client.sendTrailers(id, [['x-checksum', 'abc']]);
        s.pair.run();
        const got = readBody(s, 'server', id);
        assert.equal(new TextDecoder().decode(got.body), 'hello world');
        assert.deepEqual(take(s.pair.serverEvents, 'trailers')[0].headers, [['x-checksum', 'abc']]);
        s.server.sendResponse(id, [[':status', '103'], ['link', '</a>; rel=preload']]);
        s.server.sendResponse(id, [[':status', '200']]);
        s.server.sendData(id, got.body, false);
        s.server.sendTrailers(id, [['grpc-status', '0']]);
        s.pair.run();
        const statuses = take(s.pair.clientEvents, 'headers').map((e) => e.status);
        assert.deepEqual(statuses, [103, 200]);
        assert.equal(new TextDecoder().decode(readBody(s, 'client', id).body), 'hello world');
        assert.deepEqual(take(s.pair.clientEvents, 'trailers')[0].headers, [['grpc-status', '0']]);
    });
    test('QPACK dynamic table is used both ways and repeated headers shrink', () => {
        const s = setup({ seed: 4 });
        const headers = (i) => [...GET(`/r${i}`), ['user-agent', 'tswebtransport-test/1.0 (a long agent string)'], ['x-custom', 'same-value-every-time']];
        const ids = [];
        for (let i = 0; i < 5; i++) {
            ids.push(s.client.sendRequest(headers(i), { endStream: true }));
            s.pair.run();
        }
        const reqs = take(s.pair.serverEvents, 'headers');
        assert.equal(reqs.length, 5);
        for (let i = 0; i < 5; i++)
            assert.deepEqual(reqs[i].headers, headers(i));
        assert.ok(s.client.qpackStats.encoderInsertCount >= 2, 'client encoder inserted entries');
        assert.equal(s.server.qpackStats.decoderInsertCount, s.client.qpackStats.encoderInsertCount);
        for (const id of ids)
            s.server.sendResponse(id, [[':status', '200'], ['server', 'tswebtransport'], ['x-powered-by', 'sans-io']], true);
        s.pair.run();
        assert.equal(take(s.pair.clientEvents, 'headers').length, 5);
        assert.ok(s.server.qpackStats.encoderInsertCount >= 2, 'server encoder inserted entries');
        assert.equal(take(s.pair.clientEvents, 'connectionError').length + take(s.pair.serverEvents, 'connectionError').length, 0);
    });
    test('backpressure: sendData returns short, streamWritable resumes, body intact', () => {
        const s = setup({ seed: 5 });
        s.pair.client.streamWindow = 3000;
        const id = s.client.sendRequest([[':method', 'POST'], [':scheme', 'https'], [':authority', 'x'], [':path', '/up']]);
        const body = new Uint8Array(50_000).map((_, i) => (i * 13) & 0xff);
        let off = 0;
        const parts = [];
        let fin = false;
        for (let i = 0; i < 10_000 && !fin; i++) {
            if (off < body.length)
                off += s.client.sendData(id, body.subarray(off), true);
            s.pair.run();
            for (let r = s.server.readData(id, 4096); r !== undefined; r = s.server.readData(id, 4096)) {
                if (r.data.length)
                    parts.push(r.data.slice());
                if (r.fin) {
                    fin = true;
                    break;
                }
            }
            s.pair.run();
        }
        assert.ok(fin);
        assert.ok(Buffer.concat(parts).equals(Buffer.from(body)));
        assert.ok(take(s.pair.clientEvents, 'streamWritable').length > 0);
    });
    test('a send window of 2 bytes splits frame headers: the framing still comes out right', () => {
        const s = setup({ seed: 8 });
        const id = s.client.sendRequest([[':method', 'POST'], [':scheme', 'https'], [':authority', 'x'], [':path', '/tiny']]);
        s.pair.run();
        s.pair.client.streamWindow = 2;
        const body = new Uint8Array(3000).map((_, i) => (i * 7) & 0xff);
        let off = 0;
        const parts = [];
        let fin = false;
        for (let i = 0; i < 100_000 && !fin; i++) {
            // Vary the write size so DATA frame headers (2-byte varints) straddle the window.
            if (off < body.length)
                off += s.client.sendData(id, body.subarray(off, Math.min(body.length, off + 70 + (i % 5) * 40)), false);
            else if (off === body.length) {
                s.client.endStream(id);
                off++;
            }
            s.pair.run();
            for (let r = s.server.readData(id, 10_000); r !== undefined; r = s.server.readData(id, 10_000)) {
                if (r.data.length)
                    parts.push(r.data.slice());
                if (r.fin) {
                    fin = true;
                    break;
                }
                if (r.data.length === 0)
                    break;
            }
        }
        assert.ok(fin, 'FIN arrived');
        assert.ok(Buffer.concat(parts).equals(Buffer.from(body)));
        assert.equal(take(s.pair.serverEvents, 'connectionError').length, 0);
    });
    test('server buffers at most maxBufferedBytesPerStream before the application reads', () => {
        const s = setup({ seed: 6, server: { maxBufferedBytesPerStream: 10_000 } });
        const id = s.client.sendRequest([[':method', 'POST'], [':scheme', 'https'], [':authority', 'x'], [':path', '/up']]);
        s.client.sendData(id, new Uint8Array(200_000), true);
        s.pair.run();
        const unread = s.pair.server.recv.get(id).chunks.reduce((n, c) => n + c.length, 0);
        assert.ok(unread > 150_000, `QUIC still holds ${unread} bytes the H3 layer did not pull`);
        assert.equal(take(s.pair.serverEvents, 'data').length, 1);
        const got = readBody(s, 'server', id, 65536);
        assert.equal(got.body.length, 200_000);
    });
    test('GOAWAY from the server: id announced, later requests refused with H3_REQUEST_REJECTED', () => {
        const s = setup({ seed: 7 });
        const a = s.client.sendRequest(GET('/a'), { endStream: true });
        s.pair.run();
        s.server.sendGoaway();
        s.pair.run();
        const g = take(s.pair.clientEvents, 'goaway');
        assert.deepEqual(g.map((e) => e.id), [a + 4]);
        assert.equal(s.client.peerGoawayId, 4);
        assert.throws(() => s.client.sendRequest(GET('/b')), (e) => e.code === H3ErrorCode.H3_REQUEST_REJECTED);
        // A request that crossed the GOAWAY (sent regardless) is refused.
        s.pair.client.inject(4, new Uint8Array([0x01, 0x00]));
        s.pair.run();
        assert.ok(s.pair.server.stopsSent.some((x) => x.id === 4 && x.code === BigInt(H3ErrorCode.H3_REQUEST_REJECTED)));
        // The first request is still answered.
        s.server.sendResponse(a, [[':status', '204']], true);
        s.pair.run();
        assert.equal(take(s.pair.clientEvents, 'headers')[0].status, 204);
    });
    test('client GOAWAY reaches the server as push id 0', () => {
        const s = setup();
        s.client.sendGoaway();
        s.pair.run();
        assert.deepEqual(take(s.pair.serverEvents, 'goaway').map((e) => e.id), [0]);
    });
    test('close() sends the H3 code in CONNECTION_CLOSE', () => {
        const s = setup();
        s.client.close(H3ErrorCode.H3_NO_ERROR, 'bye');
        s.pair.run();
        assert.deepEqual(s.pair.client.closed, { code: 0x100n, reason: 'bye', remote: false });
        assert.deepEqual(take(s.pair.serverEvents, 'closed').map((e) => [e.code, e.remote]), [[0x100n, true]]);
        assert.deepEqual(take(s.pair.clientEvents, 'closed').map((e) => [e.code, e.remote]), [[0x100n, false]]);
    });
    test('reset and stopSending map to RESET_STREAM / STOP_SENDING with H3 codes', () => {
        const s = setup();
        const id = s.client.sendRequest(GET('/slow'), { endStream: true });
        s.pair.run();
        s.server.sendResponse(id, [[':status', '200']]);
        s.server.sendData(id, new Uint8Array(10), false);
        s.pair.run();
        s.client.stopSending(id, H3ErrorCode.H3_REQUEST_CANCELLED);
        s.pair.run();
        assert.deepEqual(take(s.pair.serverEvents, 'streamStopped').map((e) => [e.streamId, e.code]), [[id, 0x10cn]]);
        const id2 = s.client.sendRequest(GET('/x'));
        s.pair.run();
        s.client.resetStream(id2, H3ErrorCode.H3_REQUEST_CANCELLED);
        s.pair.run();
        assert.deepEqual(take(s.pair.serverEvents, 'streamReset').map((e) => [e.streamId, e.code]), [[id2, 0x10cn]]);
    });
    test('peer settings include WebTransport drafts and unknown ids', () => {
        const s = setup({
            server: { settings: { enableConnectProtocol: true, h3Datagram: true, extra: [[H3SettingId.SETTINGS_WT_MAX_SESSIONS, 4], [H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT, 1], [0x4242, 9]] } },
        });
        const view = take(s.pair.clientEvents, 'settings')[0].settings;
        assert.deepEqual([...view.webTransport].sort(), ['draft02', 'draft13']);
        assert.equal(view.raw.get(0x4242), 9);
    });
});
//# sourceMappingURL=connection.test.js.map