/** ConnectUdpTunnel over a fake HTTP/3 connection: datagram path, capsule fallback with one bounded backlog, dropped input. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectUdpTunnel, type TunnelHost } from '../../../src/api/proxy/tunnel.js';
import { CapsuleType, encodeCapsule } from '../../../src/proto/h3/capsule.js';
import type { H3Connection } from '../../../src/proto/h3/connection.js';

function fakeHost(datagramResult: 'queued' | 'too-large', accept: number[]): { host: TunnelHost; datagrams: Uint8Array[]; data: Uint8Array[]; ended: number[] } {
  const datagrams: Uint8Array[] = [];
  const data: Uint8Array[] = [];
  const ended: number[] = [];
  const h3 = {
    isClosed: false,
    maxHttpDatagramSize: () => 1201,
    sendHttpDatagram: (_id: number, p: Uint8Array) => {
      if (datagramResult === 'queued') datagrams.push(p);
      return datagramResult;
    },
    sendData: (_id: number, d: Uint8Array) => {
      const n = Math.min(d.length, accept.shift() ?? d.length);
      data.push(d.subarray(0, n));
      return n;
    },
    endStream: (id: number) => ended.push(id),
    resetStream: () => {},
    stopSending: () => {},
  } as unknown as H3Connection;
  return { host: { h3, wake: () => {}, detach: () => {} }, datagrams, data, ended };
}

describe('ConnectUdpTunnel', () => {
  test('payloads go as HTTP datagrams with Context ID 0', () => {
    const f = fakeHost('queued', []);
    const t = new ConnectUdpTunnel(f.host, 0, { host: '127.0.0.1', port: 9 });
    assert.equal(t.maxDatagramPayload, 1200);
    assert.equal(t.send(new Uint8Array([7, 8])), true);
    assert.deepEqual(f.datagrams, [new Uint8Array([0, 7, 8])]);
    assert.equal(t.stats.datagramsSent, 1);
  });

  test('too large for a datagram: a DATAGRAM capsule, at most one waiting for credit', () => {
    const f = fakeHost('too-large', [3]);
    const t = new ConnectUdpTunnel(f.host, 4, { host: 'h', port: 1 });
    const payload = new Uint8Array(2000).fill(5);
    assert.equal(t.send(payload), true);
    assert.equal(t.send(payload), false, 'a second capsule is dropped while the first waits');
    assert.equal(t.stats.dropped, 1);
    t.handleWritable();
    const sent = Buffer.concat(f.data);
    assert.deepEqual(new Uint8Array(sent), encodeCapsule(CapsuleType.DATAGRAM, new Uint8Array([0, ...payload])));
    assert.equal(t.send(payload), true, 'room again once the backlog drained');
  });

  test('received datagrams and capsules reach the handler; unknown or malformed context ids are dropped', () => {
    const f = fakeHost('queued', []);
    const t = new ConnectUdpTunnel(f.host, 0, { host: 'h', port: 1 });
    const got: number[][] = [];
    t.onDatagram((p) => got.push([...p]));
    t.handleHttpDatagram(new Uint8Array([0, 1, 2]));
    t.handleHttpDatagram(new Uint8Array([5, 1, 2]));
    t.handleHttpDatagram(new Uint8Array([]));
    t.handleHttpDatagram(new Uint8Array([0x40]));
    t.handleCapsule(CapsuleType.DATAGRAM, new Uint8Array([0, 3]));
    t.handleCapsule(0x2843, new Uint8Array([0, 4]));
    assert.deepEqual(got, [[1, 2], [3]]);
    assert.equal(t.stats.dropped, 3);
    assert.equal(t.stats.datagramsReceived, 1);
    assert.equal(t.stats.capsulesReceived, 1);
  });

  test('the peer ending the stream closes the tunnel and answers with our FIN', async () => {
    const f = fakeHost('queued', []);
    const t = new ConnectUdpTunnel(f.host, 8, { host: 'h', port: 1 });
    t.handleEnd('the peer closed the tunnel');
    const info = await t.closed;
    assert.equal(info.remote, true);
    assert.deepEqual(f.ended, [8]);
    assert.equal(t.send(new Uint8Array([1])), false);
  });
});
