import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebTransportEngine, WtUsageError } from '../../../../src/proto/webtransport/engine.js';
import { localWebTransportSettings, WtDraft } from '../../../../src/proto/webtransport/protocol.js';
import { WtErrorCode, webTransportCodeToHttp3 } from '../../../../src/proto/webtransport/error-codes.js';
import { CapsuleType } from '../../../../src/proto/h3/capsule.js';
import { H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { H3SettingId } from '../../../../src/proto/h3/settings.js';
import { fromUtf8, utf8 } from '../../../../src/proto/util/bytes.js';
import { FakeH3 } from './fake-h3.js';
function settingsOf(isServer, o) {
    const s = localWebTransportSettings({ isServer, ...o });
    const m = new Map(s.extra.map(([k, v]) => [k, v]));
    if (s.enableConnectProtocol)
        m.set(H3SettingId.SETTINGS_ENABLE_CONNECT_PROTOCOL, 1);
    if (s.h3Datagram)
        m.set(H3SettingId.SETTINGS_H3_DATAGRAM, 1);
    return m;
}
class Pair {
    ch;
    sh;
    client;
    server;
    cEvents = [];
    sEvents = [];
    now = 0;
    constructor(clientOpts = {}, serverOpts = {}, exchangeSettings = true) {
        [this.ch, this.sh] = FakeH3.pair();
        this.client = new WebTransportEngine(this.ch, clientOpts);
        this.server = new WebTransportEngine(this.sh, serverOpts);
        if (exchangeSettings) {
            this.ch.receiveSettings(settingsOf(true, serverOpts));
            this.sh.receiveSettings(settingsOf(false, clientOpts));
            this.pump();
        }
    }
    pump() {
        for (let guard = 0; guard < 10_000; guard++) {
            this.drain();
            const a = this.ch.inbox.shift();
            if (a !== undefined)
                this.client.handleH3Event(this.now, a);
            const b = this.sh.inbox.shift();
            if (b !== undefined)
                this.server.handleH3Event(this.now, b);
            if (a === undefined && b === undefined) {
                this.drain();
                return;
            }
        }
        throw new Error('pump did not settle');
    }
    drain() {
        for (let e = this.client.pollEvent(); e; e = this.client.pollEvent())
            this.cEvents.push(e);
        for (let e = this.server.pollEvent(); e; e = this.server.pollEvent())
            this.sEvents.push(e);
    }
    /** Client connects, server accepts; returns the session id. */
    open(path = '/echo') {
        const id = this.client.connect({ authority: 'localhost:4433', path, origin: 'https://example.test' });
        this.pump();
        this.server.accept(id);
        this.pump();
        return id;
    }
    /** Reads everything readable on a stream of one engine. */
    readAll(engine, streamId) {
        let text = '';
        let fin = false;
        for (let r = engine.readStream(streamId, 1 << 16); r; r = engine.readStream(streamId, 1 << 16)) {
            text += fromUtf8(r.data);
            if (r.fin) {
                fin = true;
                break;
            }
        }
        return { text, fin };
    }
}
function ofType(events, type) {
    return events.filter((e) => e.type === type);
}
describe('WebTransportEngine negotiation', () => {
    test('a draft-02-only client (Chromium 156) gets draft-02 with its version headers', () => {
        const p = new Pair({ drafts: [WtDraft.DRAFT02] });
        assert.equal(p.client.profile?.draft, 'draft02');
        assert.equal(p.server.profile?.draft, 'draft02');
        const id = p.client.connect({ authority: 'localhost', path: '/x', origin: 'https://o.test' });
        const req = p.ch.log.find((l) => l.op === 'request');
        assert.ok(req.op === 'request');
        assert.deepEqual(req.headers.find(([n]) => n === ':protocol'), [':protocol', 'webtransport']);
        assert.deepEqual(req.headers.find(([n]) => n === 'sec-webtransport-http3-draft02'), ['sec-webtransport-http3-draft02', '1']);
        p.pump();
        const requested = ofType(p.sEvents, 'sessionRequested')[0];
        assert.equal(requested.sessionId, id);
        assert.equal(requested.path, '/x');
        assert.equal(requested.authority, 'localhost');
        assert.equal(requested.origin, 'https://o.test');
        p.server.accept(id);
        const resp = p.sh.log.find((l) => l.op === 'response');
        assert.ok(resp.op === 'response');
        assert.deepEqual(resp.headers, [[':status', '200'], ['sec-webtransport-http3-draft', 'draft02']]);
        p.pump();
        assert.equal(ofType(p.cEvents, 'sessionReady').length, 1);
    });
    test('current clients get draft-16 (webtransport-h3), no version headers', () => {
        const p = new Pair();
        assert.equal(p.client.profile?.draft, 'draft15');
        assert.equal(p.client.profile?.protocolToken, 'webtransport-h3');
        p.client.connect({ authority: 'h', path: '/' });
        const req = p.ch.log.find((l) => l.op === 'request');
        assert.ok(req.op === 'request');
        assert.deepEqual(req.headers.find(([n]) => n === ':protocol'), [':protocol', 'webtransport-h3']);
        assert.equal(req.headers.find(([n]) => n.startsWith('sec-webtransport')), undefined);
        p.pump();
        assert.equal(ofType(p.sEvents, 'sessionRequested')[0].protocol, 'webtransport-h3');
    });
    test('a server without WebTransport SETTINGS: negotiationFailed, connect throws', () => {
        const p = new Pair({}, {}, false);
        p.ch.receiveSettings(new Map([[H3SettingId.SETTINGS_H3_DATAGRAM, 1], [H3SettingId.SETTINGS_ENABLE_CONNECT_PROTOCOL, 1]]));
        p.pump();
        assert.equal(ofType(p.cEvents, 'negotiationFailed').length, 1);
        assert.throws(() => p.client.connect({ authority: 'h', path: '/' }), WtUsageError);
    });
    test('connect before the server SETTINGS throws', () => {
        const p = new Pair({}, {}, false);
        assert.throws(() => p.client.connect({ authority: 'h', path: '/' }), /SETTINGS/);
    });
    test('server defers a CONNECT that arrives before the client SETTINGS, then serves it', () => {
        const p = new Pair({}, {}, false);
        p.ch.receiveSettings(settingsOf(true, {}));
        p.pump();
        const id = p.client.connect({ authority: 'h', path: '/late' });
        p.pump();
        assert.equal(ofType(p.sEvents, 'sessionRequested').length, 0);
        p.sh.receiveSettings(settingsOf(false, {}));
        p.pump();
        assert.equal(ofType(p.sEvents, 'sessionRequested')[0]?.sessionId, id);
    });
    test('a CONNECT from a client whose SETTINGS lack WebTransport gets 400', () => {
        const p = new Pair({}, {}, false);
        p.ch.receiveSettings(settingsOf(true, {}));
        p.pump();
        p.client.connect({ authority: 'h', path: '/' });
        p.sh.receiveSettings(new Map([[H3SettingId.SETTINGS_H3_DATAGRAM, 1]]));
        p.pump();
        const resp = p.sh.log.find((l) => l.op === 'response');
        assert.ok(resp?.op === 'response' && resp.end);
        assert.deepEqual(resp.headers, [[':status', '400']]);
        assert.equal(ofType(p.cEvents, 'sessionRejected')[0]?.status, 400);
    });
});
describe('WebTransportEngine sessions, streams and datagrams', () => {
    test('bidi echo, uni streams and datagrams both ways', () => {
        const p = new Pair({ drafts: [WtDraft.DRAFT02] });
        const sid = p.open();
        const bidi = p.client.openStream(sid, 'bidi');
        assert.equal(p.client.writeStream(bidi, utf8('hello'), true), 5);
        p.pump();
        const opened = ofType(p.sEvents, 'streamOpened')[0];
        assert.deepEqual([opened.sessionId, opened.streamId, opened.direction], [sid, bidi, 'bidi']);
        assert.deepEqual(p.readAll(p.server, bidi), { text: 'hello', fin: true });
        p.server.writeStream(bidi, utf8('HELLO'), true);
        p.pump();
        assert.deepEqual(p.readAll(p.client, bidi), { text: 'HELLO', fin: true });
        assert.equal(p.client.streamSessionId(bidi), undefined, 'finished both ways: forgotten');
        const uni = p.server.openStream(sid, 'uni');
        assert.equal(uni % 4, 3);
        p.server.writeStream(uni, utf8('push'), true);
        p.pump();
        assert.equal(ofType(p.cEvents, 'streamOpened').find((e) => e.streamId === uni)?.direction, 'uni');
        assert.deepEqual(p.readAll(p.client, uni), { text: 'push', fin: true });
        assert.equal(p.client.sendDatagram(sid, utf8('ping')), 'queued');
        p.pump();
        assert.equal(fromUtf8(ofType(p.sEvents, 'datagram')[0].payload), 'ping');
        assert.equal(p.server.maxDatagramSize(sid), 1200);
        assert.equal(p.server.sendDatagram(sid, new Uint8Array(1201)), 'too-large');
        assert.equal(p.server.sendDatagram(999, utf8('x')), 'closed');
    });
    test('a stream and datagram arriving before the CONNECT wait until accept', () => {
        const p = new Pair();
        const sid = p.client.connect({ authority: 'h', path: '/' });
        // Reorder: the stream, its bytes and a datagram reach the server before the CONNECT headers.
        const headers = p.sh.inbox.splice(0);
        p.sh.inbox.push({ type: 'webTransportStream', sessionId: sid, streamId: 4, direction: 'bidi' });
        p.ch.writeRaw(4, utf8('early'), true);
        p.sh.inbox.push({ type: 'httpDatagram', streamId: sid, payload: utf8('dg') });
        p.sh.inbox.push(...headers);
        p.pump();
        assert.equal(p.server.pendingStats.streams, 1);
        assert.equal(p.server.pendingStats.datagrams, 1);
        assert.equal(ofType(p.sEvents, 'streamOpened').length, 0);
        assert.equal(ofType(p.sEvents, 'sessionRequested').length, 1);
        p.server.accept(sid);
        p.drain();
        assert.deepEqual(ofType(p.sEvents, 'streamOpened').map((e) => e.streamId), [4]);
        assert.equal(fromUtf8(ofType(p.sEvents, 'datagram')[0].payload), 'dg');
        assert.deepEqual(p.readAll(p.server, 4), { text: 'early', fin: true });
        assert.equal(p.server.pendingStats.streams, 0);
    });
    test('a server stream reaching the client before the 2xx waits for it', () => {
        const p = new Pair();
        const sid = p.client.connect({ authority: 'h', path: '/' });
        p.pump();
        p.server.accept(sid);
        const uni = p.server.openStream(sid, 'uni');
        p.server.writeStream(uni, utf8('u'), true);
        // Move the 2xx behind the stream.
        const idx = p.ch.inbox.findIndex((e) => e.type === 'headers');
        const [resp] = p.ch.inbox.splice(idx, 1);
        p.ch.inbox.push(resp);
        p.pump();
        const order = p.cEvents.map((e) => e.type).filter((t) => t === 'sessionReady' || t === 'streamOpened');
        assert.deepEqual(order, ['sessionReady', 'streamOpened']);
        assert.deepEqual(p.readAll(p.client, uni), { text: 'u', fin: true });
    });
    test('closing a session sends CLOSE then FIN and resets every stream with WT_SESSION_GONE', () => {
        const p = new Pair();
        const sid = p.open();
        const cb = p.client.openStream(sid, 'bidi');
        const cu = p.client.openStream(sid, 'uni');
        p.client.writeStream(cb, utf8('a'));
        p.client.writeStream(cu, utf8('b'));
        const sb = p.server.openStream(sid, 'bidi');
        p.server.writeStream(sb, utf8('c'));
        p.pump();
        p.ch.log.length = 0;
        p.sh.log.length = 0;
        p.client.closeSession(sid, 42, 'bye');
        const cl = p.ch.log;
        assert.equal(cl[0].op, 'capsule');
        assert.ok(cl[0].op === 'capsule' && cl[0].type === CapsuleType.CLOSE_WEBTRANSPORT_SESSION && cl[0].end);
        const gone = WtErrorCode.WT_SESSION_GONE;
        const rest = cl.slice(1).map((l) => (l.op === 'reset' || l.op === 'stop' ? `${l.op}:${l.streamId}:${l.code === gone}` : l.op));
        assert.deepEqual(rest.sort(), [`reset:${cb}:true`, `reset:${cu}:true`, `reset:${sb}:true`, `stop:${cb}:true`, `stop:${sb}:true`].sort());
        assert.throws(() => p.client.openStream(sid, 'bidi'), WtUsageError);
        assert.equal(p.client.sendDatagram(sid, utf8('x')), 'closed');
        p.pump();
        assert.deepEqual(ofType(p.sEvents, 'sessionClosed'), [{ type: 'sessionClosed', sessionId: sid, code: 42, reason: 'bye', remote: true }]);
        assert.deepEqual(ofType(p.cEvents, 'sessionClosed'), [{ type: 'sessionClosed', sessionId: sid, code: 42, reason: 'bye', remote: false }]);
        // The server answered with FIN (no capsule of its own) and reset its side of the streams.
        assert.ok(p.sh.log.some((l) => l.op === 'end' && l.streamId === sid));
        assert.ok(!p.sh.log.some((l) => l.op === 'capsule'));
        assert.ok(p.sh.log.some((l) => l.op === 'reset' && l.streamId === sb && l.code === gone));
        assert.equal(p.server.sessionCount, 0);
        assert.equal(p.client.sessionCount, 0);
    });
    test('a clean FIN on the CONNECT stream closes with code 0; a reset closes too', () => {
        const p = new Pair({ drafts: [WtDraft.DRAFT02] });
        const a = p.open();
        const b = p.open('/b');
        p.ch.endStream(a); // raw FIN below the engine
        p.ch.resetStream(b, H3ErrorCode.H3_REQUEST_CANCELLED);
        p.pump();
        const closed = ofType(p.sEvents, 'sessionClosed');
        assert.deepEqual(closed.map((e) => [e.sessionId, e.code, e.reason, e.remote]), [[a, 0, '', true], [b, 0, '', true]]);
    });
    test('several sessions on one connection stay apart', () => {
        const p = new Pair({ drafts: [WtDraft.DRAFT02] });
        const a = p.open('/a');
        const b = p.open('/b');
        assert.notEqual(a, b);
        const sa = p.client.openStream(a, 'uni');
        const sb = p.client.openStream(b, 'uni');
        p.client.writeStream(sa, utf8('to-a'), true);
        p.client.writeStream(sb, utf8('to-b'), true);
        p.client.sendDatagram(b, utf8('dg-b'));
        p.pump();
        const opened = ofType(p.sEvents, 'streamOpened');
        assert.deepEqual(opened.map((e) => [e.sessionId, e.streamId]), [[a, sa], [b, sb]]);
        assert.equal(ofType(p.sEvents, 'datagram')[0].sessionId, b);
        p.server.closeSession(a, 7, 'only a');
        p.pump();
        assert.equal(p.server.sessionState(b), 'open');
        assert.equal(p.client.sessionState(b), 'open');
        assert.deepEqual(ofType(p.cEvents, 'sessionClosed').map((e) => [e.sessionId, e.code, e.reason, e.remote]), [[a, 7, 'only a', true]]);
        assert.equal(p.client.sendDatagram(b, utf8('still')), 'queued');
    });
    test('reject answers with the HTTP status; the client sees sessionRejected', () => {
        const p = new Pair();
        const id = p.client.connect({ authority: 'h', path: '/nope' });
        p.pump();
        p.server.reject(id, 404);
        p.pump();
        assert.deepEqual(ofType(p.cEvents, 'sessionRejected').map((e) => [e.sessionId, e.status]), [[id, 404]]);
        assert.equal(p.client.sessionCount, 0);
        assert.throws(() => p.server.reject(id, 404), WtUsageError);
        assert.throws(() => p.server.accept(id), WtUsageError);
    });
    test('the server refuses CONNECTs beyond its session limit with H3_REQUEST_REJECTED', () => {
        const p = new Pair({ drafts: [WtDraft.DRAFT02] }, { maxSessions: 1 });
        p.open();
        const second = p.client.connect({ authority: 'h', path: '/2' });
        p.pump();
        assert.ok(p.sh.log.some((l) => l.op === 'reset' && l.streamId === second && l.code === H3ErrorCode.H3_REQUEST_REJECTED));
        assert.equal(ofType(p.cEvents, 'sessionRejected')[0]?.sessionId, second);
        assert.equal(p.server.sessionCount, 1);
    });
    test('draft-16 without flow control allows one session per connection (client side)', () => {
        const p = new Pair();
        p.open();
        assert.throws(() => p.client.connect({ authority: 'h', path: '/' }), /session limit 1/);
    });
    test('drain and GOAWAY surface as sessionDraining; the session stays usable', () => {
        const p = new Pair();
        const sid = p.open();
        p.server.drainSession(sid);
        p.pump();
        assert.deepEqual(ofType(p.cEvents, 'sessionDraining'), [{ type: 'sessionDraining', sessionId: sid }]);
        assert.equal(p.client.sessionState(sid), 'draining');
        assert.notEqual(p.client.openStream(sid, 'bidi'), undefined);
        p.sh.inbox.push({ type: 'goaway', id: 0 });
        p.pump();
        assert.deepEqual(ofType(p.sEvents, 'sessionDraining').map((e) => e.sessionId), [sid]);
    });
    test('stream resets and stops carry application codes through the H3 mapping', () => {
        const p = new Pair();
        const sid = p.open();
        const s = p.client.openStream(sid, 'bidi');
        p.client.writeStream(s, utf8('x'));
        p.pump();
        p.client.resetStream(s, 0x1e);
        assert.ok(p.ch.log.some((l) => l.op === 'reset' && l.code === webTransportCodeToHttp3(0x1e)));
        p.client.stopSending(s, 7);
        p.pump();
        assert.equal(ofType(p.sEvents, 'streamReset')[0]?.code, 0x1e);
        assert.equal(ofType(p.sEvents, 'streamStopped')[0]?.code, 7);
    });
    test('a malformed close capsule resets the CONNECT stream with H3_MESSAGE_ERROR', () => {
        const p = new Pair();
        const sid = p.open();
        p.ch.sendCapsule(sid, CapsuleType.CLOSE_WEBTRANSPORT_SESSION, new Uint8Array([0, 0]));
        p.pump();
        assert.ok(p.sh.log.some((l) => l.op === 'reset' && l.streamId === sid && l.code === H3ErrorCode.H3_MESSAGE_ERROR));
        assert.equal(ofType(p.sEvents, 'sessionClosed').length, 1);
    });
});
describe('WebTransportEngine buffering limits', () => {
    test('streams beyond the buffer limit are rejected with WT_BUFFERED_STREAM_REJECTED', () => {
        const p = new Pair({}, { pending: { maxStreams: 2 } });
        for (const id of [1 * 4 + 0, 2 * 4, 3 * 4])
            p.sh.inbox.push({ type: 'webTransportStream', sessionId: 400, streamId: id, direction: 'bidi' });
        p.pump();
        assert.equal(p.server.pendingStats.streams, 2);
        const rej = p.sh.log.filter((l) => l.op === 'reset' || l.op === 'stop');
        assert.deepEqual(rej.map((l) => [l.op, l.streamId, l.code]), [
            ['reset', 12, WtErrorCode.WT_BUFFERED_STREAM_REJECTED], ['stop', 12, WtErrorCode.WT_BUFFERED_STREAM_REJECTED],
        ]);
    });
    test('buffered streams expire after maxAge (timer from pollTimeout)', () => {
        const p = new Pair({}, { pending: { maxAge: 1000 } });
        p.now = 5000;
        p.sh.inbox.push({ type: 'webTransportStream', sessionId: 400, streamId: 6, direction: 'uni' });
        p.pump();
        assert.equal(p.server.pollTimeout(), 6000);
        p.server.handleTimeout(5999);
        assert.equal(p.server.pendingStats.streams, 1);
        p.server.handleTimeout(6000);
        assert.equal(p.server.pendingStats.streams, 0);
        assert.deepEqual(p.sh.log.filter((l) => l.op === 'stop').map((l) => [l.streamId, l.code]), [[6, WtErrorCode.WT_BUFFERED_STREAM_REJECTED]]);
        assert.equal(p.server.pollTimeout(), undefined);
    });
    test('streams for a closed session are refused with WT_SESSION_GONE', () => {
        const p = new Pair();
        const sid = p.open();
        p.server.closeSession(sid);
        p.pump();
        p.sh.log.length = 0;
        p.sh.inbox.push({ type: 'webTransportStream', sessionId: sid, streamId: 6, direction: 'uni' });
        p.pump();
        assert.deepEqual(p.sh.log.map((l) => [l.op, l.code]), [['stop', WtErrorCode.WT_SESSION_GONE]]);
    });
});
describe('WebTransportEngine session flow control (draft-16)', () => {
    test('initial limit 0 then WT_MAX_DATA: the sender waits, then proceeds (pywebtransport#7)', () => {
        const fc = { initialMaxData: 0, initialMaxStreamsBidi: 2, initialMaxStreamsUni: 1 };
        const p = new Pair({ flowControl: { initialMaxData: 1000, initialMaxStreamsBidi: 1, initialMaxStreamsUni: 1 } }, { flowControl: fc, sessionReceiveWindow: 100 });
        assert.equal(p.client.profile?.flowControl, true);
        const sid = p.client.connect({ authority: 'h', path: '/' });
        p.pump();
        const s0 = p.client.sessionFlowStats(sid);
        assert.equal(s0.peerMaxData, 0);
        p.server.accept(sid); // queues WT_MAX_DATA(100): our window exceeds the 0 we announced
        p.pump();
        assert.equal(p.client.sessionFlowStats(sid).peerMaxData, 100);
        const st = p.client.openStream(sid, 'bidi');
        const data = new Uint8Array(250).fill(7);
        let sent = p.client.writeStream(st, data);
        assert.equal(sent, 100);
        assert.ok(p.ch.log.some((l) => l.op === 'capsule' && l.type === CapsuleType.WT_DATA_BLOCKED));
        p.pump();
        let got = 0;
        for (let round = 0; round < 10 && (sent < 250 || got < 250); round++) {
            for (let r = p.server.readStream(st, 1000); r; r = p.server.readStream(st, 1000))
                got += r.data.length;
            p.pump();
            if (sent < 250 && ofType(p.cEvents, 'sessionWritable').length > 0)
                sent += p.client.writeStream(st, data.subarray(sent));
            p.pump();
        }
        assert.equal(sent, 250);
        assert.equal(got, 250);
    });
    test('session stream limit: openStream waits for WT_MAX_STREAMS', () => {
        const fc = { initialMaxData: 1000, initialMaxStreamsBidi: 2, initialMaxStreamsUni: 1 };
        const p = new Pair({ flowControl: fc }, { flowControl: fc });
        const sid = p.open();
        const a = p.client.openStream(sid, 'bidi');
        assert.notEqual(p.client.openStream(sid, 'bidi'), undefined);
        assert.equal(p.client.openStream(sid, 'bidi'), undefined);
        assert.ok(p.ch.log.some((l) => l.op === 'capsule' && l.type === CapsuleType.WT_STREAMS_BLOCKED_BIDI));
        p.client.writeStream(a, utf8('x'), true);
        p.pump();
        assert.deepEqual(p.readAll(p.server, a), { text: 'x', fin: true });
        p.server.writeStream(a, new Uint8Array(0), true); // both ways done: the slot is free
        p.pump();
        assert.deepEqual(ofType(p.cEvents, 'streamsAvailable').map((e) => [e.sessionId, e.direction]), [[sid, 'bidi']]);
        assert.notEqual(p.client.openStream(sid, 'bidi'), undefined);
    });
    test('a peer opening more streams than allowed closes the session with WT_FLOW_CONTROL_ERROR', () => {
        const fc = { initialMaxData: 1000, initialMaxStreamsBidi: 1, initialMaxStreamsUni: 1 };
        const p = new Pair({ flowControl: fc }, { flowControl: fc });
        const sid = p.open();
        p.sh.inbox.push({ type: 'webTransportStream', sessionId: sid, streamId: 2, direction: 'uni' });
        p.sh.inbox.push({ type: 'webTransportStream', sessionId: sid, streamId: 6, direction: 'uni' });
        p.pump();
        assert.ok(p.sh.log.some((l) => l.op === 'reset' && l.streamId === sid && l.code === WtErrorCode.WT_FLOW_CONTROL_ERROR));
        assert.equal(p.server.sessionCount, 0);
    });
});
//# sourceMappingURL=engine.test.js.map