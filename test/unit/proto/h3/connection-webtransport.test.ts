/**
 * What H3Connection offers a WebTransport layer: extended CONNECT, capsules on the CONNECT stream
 * (parsed only after the 2xx; unknown ones skipped), HTTP datagrams, and WebTransport streams
 * (0x41 / 0x54) routed raw. Plus QPACK blocking resumed when the encoder stream is late.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CapsuleType, encodeCapsule } from '../../../../src/proto/h3/capsule.js';
import { H3ErrorCode } from '../../../../src/proto/h3/errors.js';
import { encodeDataFrame } from '../../../../src/proto/h3/frames.js';
import { H3SettingId } from '../../../../src/proto/h3/settings.js';
import { readBody, setup, take, type PairSetup } from './fake-quic.js';

const WT_SETTINGS = { enableConnectProtocol: true, h3Datagram: true, extra: [[H3SettingId.SETTINGS_WT_MAX_SESSIONS, 8], [H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT, 1]] as const };
const CONNECT: [string, string][] = [[':method', 'CONNECT'], [':protocol', 'webtransport'], [':scheme', 'https'], [':authority', 'localhost'], [':path', '/wt'], ['origin', 'https://localhost']];

function wtSetup(seed = 21): PairSetup {
  return setup({ seed, client: { settings: WT_SETTINGS }, server: { settings: WT_SETTINGS } });
}

function readAllRaw(s: PairSetup, side: 'client' | 'server', id: number): { data: Buffer; fin: boolean } {
  const h3 = side === 'client' ? s.client : s.server;
  const parts: Uint8Array[] = [];
  let fin = false;
  for (let r = h3.readRaw(id, 1000); r !== undefined; r = h3.readRaw(id, 1000)) {
    if (r.data.length) parts.push(r.data.slice());
    if (r.fin) { fin = true; break; }
  }
  return { data: Buffer.concat(parts), fin };
}

describe('H3Connection for WebTransport', () => {
  test('extended CONNECT, capsules after the 2xx only, GREASE capsules skipped, datagrams both ways', () => {
    const s = wtSetup();
    assert.deepEqual([...take(s.pair.clientEvents, 'settings')[0]!.settings.webTransport].sort(), ['draft02', 'draft13']);
    const sid = s.client.sendRequest(CONNECT)!;
    // Chromium sends a GREASE capsule right after its CONNECT headers; then a real one.
    s.client.sendCapsule(sid, 0x29 * 5 + 0x17, new Uint8Array([1, 2, 3]));
    s.client.sendCapsule(sid, CapsuleType.DRAIN_WEBTRANSPORT_SESSION, new Uint8Array(0));
    s.pair.run();
    const req = take(s.pair.serverEvents, 'headers')[0]!;
    assert.equal(req.isExtendedConnect, true);
    assert.equal(req.protocol, 'webtransport');
    assert.equal(req.method, 'CONNECT');
    assert.equal(take(s.pair.serverEvents, 'capsule').length, 0, 'no capsule before our 2xx');
    assert.equal(take(s.pair.serverEvents, 'data').length, 1);
    s.server.sendResponse(sid, [[':status', '200'], ['sec-webtransport-http3-draft', 'draft02']]);
    s.pair.run();
    const caps = take(s.pair.serverEvents, 'capsule');
    assert.deepEqual(caps.map((c) => [c.streamId, c.capsuleType, c.value.length]), [[sid, CapsuleType.DRAIN_WEBTRANSPORT_SESSION, 0]]);
    // The client parses the server's capsules once it has seen the 2xx.
    s.server.sendCapsule(sid, CapsuleType.CLOSE_WEBTRANSPORT_SESSION, new Uint8Array([0, 0, 0, 7, 0x62, 0x79, 0x65]));
    s.pair.run();
    assert.equal(take(s.pair.clientEvents, 'headers')[0]!.status, 200);
    const cc = take(s.pair.clientEvents, 'capsule');
    assert.equal(cc.length, 1);
    assert.deepEqual([...cc[0]!.value], [0, 0, 0, 7, 0x62, 0x79, 0x65]);
    // Datagrams.
    assert.equal(s.client.sendHttpDatagram(sid, new Uint8Array([9, 8, 7])), 'queued');
    assert.equal(s.server.sendHttpDatagram(sid, new Uint8Array(0)), 'queued');
    assert.equal(s.client.sendHttpDatagram(sid, new Uint8Array(5000)), 'too-large');
    s.pair.run();
    assert.deepEqual(take(s.pair.serverEvents, 'httpDatagram').map((d) => [d.streamId, [...d.payload]]), [[sid, [9, 8, 7]]]);
    assert.deepEqual(take(s.pair.clientEvents, 'httpDatagram').map((d) => [d.streamId, d.payload.length]), [[sid, 0]]);
    assert.ok(s.client.maxHttpDatagramSize(sid) > 1000);
  });

  test('a non-2xx answer to an extended CONNECT leaves DATA as a plain body', () => {
    const s = wtSetup(22);
    const sid = s.client.sendRequest(CONNECT)!;
    s.pair.run();
    s.server.sendResponse(sid, [[':status', '404']]);
    s.server.sendData(sid, new TextEncoder().encode('nope'), true);
    s.pair.run();
    assert.equal(take(s.pair.clientEvents, 'capsule').length, 0);
    assert.equal(Buffer.from(readBody(s, 'client', sid).body).toString(), 'nope');
  });

  test('WebTransport uni and bidi streams in both directions are routed raw', () => {
    const s = wtSetup(23);
    const sid = s.client.sendRequest(CONNECT)!;
    s.pair.run();
    s.server.sendResponse(sid, [[':status', '200']]);
    s.pair.run();
    // Client -> server uni.
    const u = s.client.openWebTransportStream(sid, 'uni')!;
    assert.equal(s.client.writeRaw(u, new TextEncoder().encode('uni payload'), true), 11);
    // Client -> server bidi, echoed.
    const b = s.client.openWebTransportStream(sid, 'bidi')!;
    s.client.writeRaw(b, new TextEncoder().encode('ping'), true);
    // Server -> client bidi and uni.
    const sb = s.server.openWebTransportStream(sid, 'bidi')!;
    s.server.writeRaw(sb, new TextEncoder().encode('from server'), true);
    const su = s.server.openWebTransportStream(sid, 'uni')!;
    s.server.writeRaw(su, new Uint8Array([1, 2, 3]), true);
    s.pair.run();
    const sEv = take(s.pair.serverEvents, 'webTransportStream');
    assert.deepEqual(sEv.map((e) => [e.sessionId, e.streamId, e.direction]).sort(), [[sid, b, 'bidi'], [sid, u, 'uni']].sort());
    assert.equal(readAllRaw(s, 'server', u).data.toString(), 'uni payload');
    const ping = readAllRaw(s, 'server', b);
    assert.equal(ping.data.toString(), 'ping');
    assert.ok(ping.fin);
    s.server.writeRaw(b, new TextEncoder().encode('pong'), true);
    s.pair.run();
    assert.equal(readAllRaw(s, 'client', b).data.toString(), 'pong');
    const cEv = take(s.pair.clientEvents, 'webTransportStream');
    assert.deepEqual(cEv.map((e) => [e.sessionId, e.streamId, e.direction]).sort(), [[sid, sb, 'bidi'], [sid, su, 'uni']].sort());
    assert.equal(readAllRaw(s, 'client', sb).data.toString(), 'from server');
    assert.deepEqual([...readAllRaw(s, 'client', su).data], [1, 2, 3]);
    assert.equal(take(s.pair.clientEvents, 'connectionError').length + take(s.pair.serverEvents, 'connectionError').length, 0);
  });

  test('a capsule cut by the end of the stream is H3_MESSAGE_ERROR on that stream', () => {
    const s = wtSetup(24);
    const sid = s.client.sendRequest(CONNECT)!;
    s.pair.run();
    s.server.sendResponse(sid, [[':status', '200']]);
    s.pair.run();
    const capsule = encodeCapsule(CapsuleType.WT_MAX_DATA, new Uint8Array([0x40, 0x10]));
    s.pair.server.writeStream(sid, encodeDataFrame(capsule.subarray(0, 3)), true);
    s.pair.run();
    assert.deepEqual(take(s.pair.clientEvents, 'streamError').map((e) => [e.streamId, e.code]), [[sid, H3ErrorCode.H3_MESSAGE_ERROR]]);
    assert.equal(s.pair.client.closed, undefined);
  });

  test('a datagram with a truncated quarter stream id is H3_DATAGRAM_ERROR', () => {
    const s = wtSetup(25);
    s.pair.client.sendDatagram(new Uint8Array([0x80, 0x01]));
    s.pair.run();
    assert.equal(s.pair.server.closed?.code, BigInt(H3ErrorCode.H3_DATAGRAM_ERROR));
  });

  test('datagrams are refused when the peer did not enable H3 datagrams', () => {
    const s = setup({ client: { settings: { h3Datagram: true } } });
    assert.equal(s.client.sendHttpDatagram(0, new Uint8Array(1)), 'unsupported');
  });
});

describe('H3Connection QPACK blocking with a late encoder stream', () => {
  test('HEADERS that need inserts wait, then resume when the encoder stream arrives', () => {
    const s = setup({ seed: 30 });
    const held: typeof s.pair.client.outbox = [];
    const hold = () => {
      for (let i = s.pair.client.outbox.length - 1; i >= 0; i--) {
        if (s.pair.client.outbox[i]!.id === 6) held.unshift(...s.pair.client.outbox.splice(i, 1));
      }
    };
    const headers: [string, string][] = [[':method', 'GET'], [':scheme', 'https'], [':authority', 'blocked.example'], [':path', '/'], ['x-a', 'one-value']];
    // The encoder indexes a field on its second use: the first request goes out as literals.
    s.client.sendRequest(headers, { endStream: true });
    s.pair.run();
    assert.equal(take(s.pair.serverEvents, 'headers').length, 1);
    s.pair.serverEvents.length = 0;
    const id = s.client.sendRequest(headers, { endStream: true })!;
    hold();
    s.pair.run();
    assert.equal(take(s.pair.serverEvents, 'headers').length, 0);
    assert.equal(s.server.qpackStats.blockedStreams, 1);
    assert.ok(held.length > 0, 'encoder instructions were held back');
    s.pair.client.outbox.push(...held);
    s.pair.run();
    const got = take(s.pair.serverEvents, 'headers');
    assert.equal(got.length, 1);
    assert.equal(got[0]!.streamId, id);
    assert.deepEqual(got[0]!.headers, headers);
    assert.equal(take(s.pair.serverEvents, 'requestFinished').length, 1);
    assert.equal(s.server.qpackStats.blockedStreams, 0);
  });
});
