/**
 * H3Connection against a hand-driven peer (raw bytes on a FakeQuic): every connection and stream
 * error rule of RFC 9114 / 9204 the connection enforces, and what it must tolerate.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { H3Connection } from '../../../../src/proto/h3/connection.js';
import { H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { encodeCancelPushFrame, encodeDataFrame, encodeFrame, encodeGoawayFrame, encodeHeadersFrame, encodeMaxPushIdFrame, encodePushPromiseFrame, encodeSettingsFrame, } from '../../../../src/proto/h3/frames.js';
import { QpackEncoder } from '../../../../src/proto/h3/qpack/index.js';
import { H3SettingId } from '../../../../src/proto/h3/settings.js';
import { FakePair, take } from './fake-quic.js';
const cat = (...parts) => Buffer.concat(parts.map((p) => Uint8Array.from(p)));
const SETTINGS = encodeSettingsFrame([]);
const section = (headers) => new QpackEncoder().encodeFieldSection(0, headers);
const REQ = [[':method', 'GET'], [':scheme', 'https'], [':authority', 'a'], [':path', '/']];
/** Our H3 on one side, raw bytes on the other. */
function against(ours, options = {}) {
    const pair = new FakePair({ seed: 11, maxChunk: 5 });
    const quic = ours === 'client' ? pair.client : pair.server;
    const peer = ours === 'client' ? pair.server : pair.client;
    const h3 = new H3Connection(quic, { isServer: ours === 'server', ...options });
    if (ours === 'client')
        pair.h3Client = h3;
    else
        pair.h3Server = h3;
    h3.start(0);
    pair.run();
    const events = ours === 'client' ? pair.clientEvents : pair.serverEvents;
    // Peer uni ids: server 3, 7, 11...; client 2, 6, 10...
    const uni = (i) => i * 4 + (ours === 'client' ? 3 : 2);
    const openControl = () => peer.inject(uni(0), cat([0x00], SETTINGS));
    return { pair, h3, quic, peer, events, uni, openControl, closeCode: () => quic.closed?.code };
}
describe('H3Connection: control stream rules', () => {
    test('first control frame other than SETTINGS: H3_MISSING_SETTINGS', () => {
        const t = against('client');
        t.peer.inject(t.uni(0), cat([0x00], encodeGoawayFrame(0)));
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_MISSING_SETTINGS));
        assert.equal(take(t.events, 'connectionError')[0].code, H3ErrorCode.H3_MISSING_SETTINGS);
    });
    test('a GREASE frame before SETTINGS is also H3_MISSING_SETTINGS', () => {
        const t = against('server');
        t.peer.inject(t.uni(0), cat([0x00], encodeFrame(0x21, new Uint8Array(3)), SETTINGS));
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_MISSING_SETTINGS));
    });
    test('second SETTINGS: H3_FRAME_UNEXPECTED', () => {
        const t = against('server');
        t.peer.inject(t.uni(0), cat([0x00], SETTINGS, SETTINGS));
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_FRAME_UNEXPECTED));
    });
    test('DATA / HEADERS on the control stream: H3_FRAME_UNEXPECTED', () => {
        for (const frame of [encodeDataFrame(new Uint8Array(2)), encodeHeadersFrame(section(REQ))]) {
            const t = against('client');
            t.peer.inject(t.uni(0), cat([0x00], SETTINGS, frame));
            t.pair.run();
            assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_FRAME_UNEXPECTED));
        }
    });
    test('HTTP/2 setting in SETTINGS: H3_SETTINGS_ERROR', () => {
        const t = against('client');
        t.peer.inject(t.uni(0), cat([0x00, 0x04, 0x02, 0x03, 0x01]));
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_SETTINGS_ERROR));
    });
    test('SETTINGS_H3_DATAGRAM = 1 without QUIC datagram support: H3_SETTINGS_ERROR', () => {
        const t = against('client');
        t.quic.maxDatagramSize = 0;
        t.peer.inject(t.uni(0), cat([0x00], encodeSettingsFrame([[H3SettingId.SETTINGS_H3_DATAGRAM, 1]])));
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_SETTINGS_ERROR));
    });
    test('unknown and GREASE frames after SETTINGS are ignored; settings event emitted', () => {
        const t = against('client');
        t.peer.inject(t.uni(0), cat([0x00], SETTINGS, encodeFrame(0x21 + 0x1f * 3, new Uint8Array(40)), encodeFrame(0xf0700, new Uint8Array(4))));
        t.pair.run();
        assert.equal(t.closeCode(), undefined);
        assert.equal(take(t.events, 'settings').length, 1);
    });
    test('control stream FIN or reset: H3_CLOSED_CRITICAL_STREAM', () => {
        const a = against('client');
        a.peer.inject(a.uni(0), cat([0x00], SETTINGS), true);
        a.pair.run();
        assert.equal(a.closeCode(), BigInt(H3ErrorCode.H3_CLOSED_CRITICAL_STREAM));
        const b = against('server');
        b.openControl();
        b.pair.run();
        b.peer.resetStream(b.uni(0), 0n);
        b.pair.run();
        assert.equal(b.closeCode(), BigInt(H3ErrorCode.H3_CLOSED_CRITICAL_STREAM));
    });
    test('QPACK encoder stream FIN: H3_CLOSED_CRITICAL_STREAM', () => {
        const t = against('server');
        t.openControl();
        t.peer.inject(t.uni(1), [0x02], true);
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_CLOSED_CRITICAL_STREAM));
    });
    test('STOP_SENDING on our control stream: H3_CLOSED_CRITICAL_STREAM', () => {
        const t = against('client');
        t.peer.stopStream(2, 0x100n);
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_CLOSED_CRITICAL_STREAM));
    });
    test('second control / QPACK encoder / decoder stream: H3_STREAM_CREATION_ERROR', () => {
        for (const type of [0x00, 0x02, 0x03]) {
            const t = against('client');
            t.openControl();
            t.peer.inject(t.uni(1), type === 0 ? cat([0], SETTINGS) : [type]);
            t.peer.inject(t.uni(2), type === 0 ? cat([0], SETTINGS) : [type]);
            t.pair.run();
            assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_STREAM_CREATION_ERROR), `type ${type}`);
        }
    });
    test('GOAWAY: ids must not increase, and from a server must be client bidi ids', () => {
        const a = against('client');
        a.peer.inject(a.uni(0), cat([0x00], SETTINGS, encodeGoawayFrame(8), encodeGoawayFrame(4), encodeGoawayFrame(12)));
        a.pair.run();
        assert.deepEqual(take(a.events, 'goaway').map((e) => e.id), [8, 4]);
        assert.equal(a.closeCode(), BigInt(H3ErrorCode.H3_ID_ERROR));
        const b = against('client');
        b.peer.inject(b.uni(0), cat([0x00], SETTINGS, encodeGoawayFrame(5)));
        b.pair.run();
        assert.equal(b.closeCode(), BigInt(H3ErrorCode.H3_ID_ERROR));
    });
});
describe('H3Connection: push rules (we never push)', () => {
    test('push stream from a server without MAX_PUSH_ID: H3_ID_ERROR', () => {
        const t = against('client');
        t.openControl();
        t.peer.inject(t.uni(1), [0x01, 0x00, 0x01, 0x00]);
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_ID_ERROR));
    });
    test('push stream from a client: H3_STREAM_CREATION_ERROR', () => {
        const t = against('server');
        t.openControl();
        t.peer.inject(t.uni(1), [0x01, 0x00]);
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_STREAM_CREATION_ERROR));
    });
    test('PUSH_PROMISE on a request stream: H3_ID_ERROR at a client, H3_FRAME_UNEXPECTED at a server', () => {
        const a = against('client');
        a.openControl();
        const id = a.h3.sendRequest(REQ, { endStream: true });
        a.pair.run();
        a.peer.inject(id, encodePushPromiseFrame(0, section([[':status', '200']])));
        a.pair.run();
        assert.equal(a.closeCode(), BigInt(H3ErrorCode.H3_ID_ERROR));
        const b = against('server');
        b.openControl();
        b.peer.inject(0, cat(encodeHeadersFrame(section(REQ)), encodePushPromiseFrame(0, section(REQ))));
        b.pair.run();
        assert.equal(b.closeCode(), BigInt(H3ErrorCode.H3_FRAME_UNEXPECTED));
    });
    test('CANCEL_PUSH to a client: H3_ID_ERROR; MAX_PUSH_ID to a client: H3_FRAME_UNEXPECTED', () => {
        const a = against('client');
        a.peer.inject(a.uni(0), cat([0x00], SETTINGS, encodeCancelPushFrame(0)));
        a.pair.run();
        assert.equal(a.closeCode(), BigInt(H3ErrorCode.H3_ID_ERROR));
        const b = against('client');
        b.peer.inject(b.uni(0), cat([0x00], SETTINGS, encodeMaxPushIdFrame(3)));
        b.pair.run();
        assert.equal(b.closeCode(), BigInt(H3ErrorCode.H3_FRAME_UNEXPECTED));
    });
    test('server: MAX_PUSH_ID accepted, CANCEL_PUSH within it ignored, beyond it H3_ID_ERROR, decreasing H3_ID_ERROR', () => {
        const a = against('server');
        a.peer.inject(a.uni(0), cat([0x00], SETTINGS, encodeMaxPushIdFrame(5), encodeCancelPushFrame(2)));
        a.pair.run();
        assert.equal(a.closeCode(), undefined);
        a.peer.inject(a.uni(0), encodeCancelPushFrame(6));
        a.pair.run();
        assert.equal(a.closeCode(), BigInt(H3ErrorCode.H3_ID_ERROR));
        const b = against('server');
        b.peer.inject(b.uni(0), cat([0x00], SETTINGS, encodeMaxPushIdFrame(5), encodeMaxPushIdFrame(4)));
        b.pair.run();
        assert.equal(b.closeCode(), BigInt(H3ErrorCode.H3_ID_ERROR));
    });
});
describe('H3Connection: unknown stream types and server bidi streams', () => {
    test('unknown / GREASE uni stream types get STOP_SENDING(H3_STREAM_CREATION_ERROR), nothing else', () => {
        const t = against('server');
        t.openControl();
        t.peer.inject(t.uni(1), [0x40, 0x21, 1, 2, 3]); // reserved type 0x21
        t.peer.inject(t.uni(2), [0x3f, 9, 9]); // unknown type 0x3f
        t.pair.run();
        assert.equal(t.closeCode(), undefined);
        assert.deepEqual(t.quic.stopsSent.map((s) => [s.id, s.code]), [[t.uni(1), 0x103n], [t.uni(2), 0x103n]]);
    });
    test('WebTransport uni stream when WebTransport is off: ignored like an unknown type', () => {
        const t = against('server');
        t.peer.inject(t.uni(1), [0x40, 0x54, 0x00, 7, 7]);
        t.pair.run();
        assert.equal(t.closeCode(), undefined);
        assert.equal(t.quic.stopsSent[0].code, 0x103n);
    });
    test('server-initiated bidi stream that is not WebTransport: H3_STREAM_CREATION_ERROR', () => {
        const t = against('client');
        t.peer.openStream('bidi');
        t.peer.writeStream(1, encodeHeadersFrame(section(REQ)));
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_STREAM_CREATION_ERROR));
    });
});
describe('H3Connection: request stream rules', () => {
    function server(options = {}) {
        const t = against('server', options);
        t.openControl();
        t.pair.run();
        return t;
    }
    test('DATA before HEADERS: H3_FRAME_UNEXPECTED', () => {
        const t = server();
        t.peer.inject(0, encodeDataFrame(new Uint8Array(3)));
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_FRAME_UNEXPECTED));
    });
    test('HEADERS after trailers: H3_FRAME_UNEXPECTED; HTTP/2 frame type: H3_FRAME_UNEXPECTED', () => {
        const a = server();
        a.peer.inject(0, cat(encodeHeadersFrame(section(REQ)), encodeHeadersFrame(section([['x', 'y']])), encodeHeadersFrame(section([['x', 'y']]))));
        a.pair.run();
        assert.equal(take(a.events, 'trailers').length, 1);
        assert.equal(a.closeCode(), BigInt(H3ErrorCode.H3_FRAME_UNEXPECTED));
        const b = server();
        b.peer.inject(0, cat(encodeHeadersFrame(section(REQ)), encodeFrame(0x06, new Uint8Array(8))));
        b.pair.run();
        assert.equal(b.closeCode(), BigInt(H3ErrorCode.H3_FRAME_UNEXPECTED));
    });
    test('unknown frames on a request stream are skipped', () => {
        const t = server();
        t.peer.inject(0, cat(encodeFrame(0x21, new Uint8Array(10)), encodeHeadersFrame(section(REQ)), encodeFrame(0x40, new Uint8Array(1))), true);
        t.pair.run();
        assert.equal(t.closeCode(), undefined);
        assert.equal(take(t.events, 'headers').length, 1);
        assert.equal(take(t.events, 'requestFinished').length, 1);
    });
    test('stream ends inside a frame: H3_FRAME_ERROR', () => {
        const t = server();
        const h = encodeHeadersFrame(section(REQ));
        t.peer.inject(0, cat(h, [0x00, 0x05, 1, 2]), true);
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.H3_FRAME_ERROR));
    });
    test('malformed requests are stream errors (H3_MESSAGE_ERROR); the connection lives on', () => {
        const bad = [
            [[':method', 'GET'], [':scheme', 'https'], [':authority', 'a'], [':path', '/'], ['Upper', 'x']],
            [[':method', 'GET'], [':scheme', 'https'], [':path', '/']],
            [[':method', 'GET'], [':scheme', 'https'], [':authority', 'a'], [':path', '/'], ['connection', 'close']],
            [[':method', 'GET'], ['x', 'y'], [':scheme', 'https'], [':authority', 'a'], [':path', '/']],
            [[':method', 'CONNECT'], [':protocol', 'webtransport'], [':scheme', 'https'], [':authority', 'a'], [':path', '/']],
        ];
        const t = server();
        bad.forEach((h, i) => t.peer.inject(i * 4, encodeHeadersFrame(section(h)), true));
        t.pair.run();
        assert.equal(t.closeCode(), undefined);
        const errs = take(t.events, 'streamError');
        assert.deepEqual(errs.map((e) => [e.streamId, e.code]), bad.map((_, i) => [i * 4, H3ErrorCode.H3_MESSAGE_ERROR]));
        assert.deepEqual(t.quic.resetsSent.map((r) => r.code), bad.map(() => 0x10en));
        assert.equal(take(t.events, 'headers').length, 0);
    });
    test('content-length mismatch (too much, too little): H3_MESSAGE_ERROR on the stream', () => {
        const t = server();
        const post = [[':method', 'POST'], [':scheme', 'https'], [':authority', 'a'], [':path', '/'], ['content-length', '4']];
        t.peer.inject(0, cat(encodeHeadersFrame(section(post)), encodeDataFrame(new Uint8Array(5))), true);
        t.peer.inject(4, cat(encodeHeadersFrame(section(post)), encodeDataFrame(new Uint8Array(3))), true);
        t.peer.inject(8, cat(encodeHeadersFrame(section(post)), encodeDataFrame(new Uint8Array(2)), encodeDataFrame(new Uint8Array(2))), true);
        t.pair.run();
        assert.deepEqual(take(t.events, 'streamError').map((e) => [e.streamId, e.code]), [[0, 0x10e], [4, 0x10e]]);
        assert.equal(take(t.events, 'requestFinished').map((e) => e.streamId).join(), '');
        let n = 0;
        let fin = false;
        for (let r = t.h3.readData(8, 100); r !== undefined && !fin; r = t.h3.readData(8, 100)) {
            n += r.data.length;
            fin = r.fin;
        }
        assert.equal(n, 4);
        assert.ok(fin);
    });
    test('FIN before HEADERS: H3_REQUEST_INCOMPLETE on the stream', () => {
        const t = server();
        t.peer.inject(0, encodeFrame(0x21, new Uint8Array(2)), true);
        t.pair.run();
        assert.deepEqual(take(t.events, 'streamError').map((e) => e.code), [H3ErrorCode.H3_REQUEST_INCOMPLETE]);
        assert.equal(t.closeCode(), undefined);
    });
    test('field section above our limit: rejected on the stream, not buffered', () => {
        const t = server({ maxFieldSectionSize: 1000 });
        const big = [...REQ, ['x-big', 'v'.repeat(2000)]];
        t.peer.inject(0, encodeHeadersFrame(section(big)), true);
        t.pair.run();
        assert.equal(t.closeCode(), undefined);
        const e = take(t.events, 'streamError');
        assert.equal(e.length, 1);
        assert.ok(e[0].code === H3ErrorCode.H3_EXCESSIVE_LOAD || e[0].code === H3ErrorCode.H3_MESSAGE_ERROR);
    });
    test('QPACK: a section referencing entries never inserted blocks; beyond SETTINGS_QPACK_BLOCKED_STREAMS it is QPACK_DECOMPRESSION_FAILED', () => {
        const t = server({ qpack: { blockedStreams: 1 } });
        // Required Insert Count 1 (encoded 2 with MaxEntries 128), base 0, one indexed post-base line.
        const blocked = new Uint8Array([0x02, 0x00, 0x10]);
        t.peer.inject(0, encodeHeadersFrame(blocked));
        t.pair.run();
        assert.equal(t.closeCode(), undefined);
        assert.equal(t.h3.qpackStats.blockedStreams, 1);
        t.peer.inject(4, encodeHeadersFrame(blocked));
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.QPACK_DECOMPRESSION_FAILED));
    });
    test('QPACK: a reset blocked stream sends a Stream Cancellation on our decoder stream', () => {
        const t = server({ qpack: { blockedStreams: 4 } });
        t.peer.inject(0, encodeHeadersFrame(new Uint8Array([0x02, 0x00, 0x10])));
        t.pair.run();
        // Our (server) uni streams: 3 control, 7 QPACK encoder, 11 QPACK decoder.
        const before = t.peer.recv.get(11)?.chunks.reduce((n, c) => n + c.length, 0) ?? 0;
        t.peer.resetStream(0, 0x10cn);
        t.pair.run();
        const chunks = t.peer.recv.get(11).chunks;
        const bytes = Buffer.concat(chunks);
        assert.equal(bytes.length, before + 1);
        assert.equal(bytes[bytes.length - 1], 0x40); // Stream Cancellation, stream 0
        assert.equal(t.h3.qpackStats.blockedStreams, 0);
        assert.deepEqual(take(t.events, 'streamReset').map((e) => e.streamId), [0]);
    });
    test('QPACK: bad encoder stream instruction is QPACK_ENCODER_STREAM_ERROR', () => {
        const t = server();
        t.peer.inject(t.uni(1), [0x02, 0x3f, 0xe1, 0x3f]); // Set Dynamic Table Capacity 8192 > our 4096
        t.pair.run();
        assert.equal(t.closeCode(), BigInt(H3ErrorCode.QPACK_ENCODER_STREAM_ERROR));
    });
    test('an extended CONNECT is refused by the client before the server enabled it', () => {
        const t = against('client');
        t.openControl();
        t.pair.run();
        assert.throws(() => t.h3.sendRequest([[':method', 'CONNECT'], [':protocol', 'webtransport'], [':scheme', 'https'], [':authority', 'a'], [':path', '/']]));
    });
    test('settings with a WebTransport draft-02 id imply extended CONNECT on the server', () => {
        const t = server({ settings: { extra: [[H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT, 1]] } });
        t.peer.inject(0, encodeHeadersFrame(section([[':method', 'CONNECT'], [':protocol', 'webtransport'], [':scheme', 'https'], [':authority', 'a'], [':path', '/wt']])));
        t.pair.run();
        assert.equal(take(t.events, 'headers')[0].isExtendedConnect, true);
    });
});
//# sourceMappingURL=connection-errors.test.js.map