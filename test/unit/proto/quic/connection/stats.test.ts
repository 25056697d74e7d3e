import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionStatsCounter } from '../../../../../src/proto/quic/connection/stats.js';
import { RttEstimator } from '../../../../../src/proto/quic/recovery/rtt.js';

describe('ConnectionStatsCounter', () => {
  test('counts datagrams and bytes in both directions', () => {
    const s = new ConnectionStatsCounter();
    s.onDatagramSent(1200);
    s.onDatagramSent(300);
    s.onDatagramReceived(1252);
    const snap = s.snapshot({ rtt: new RttEstimator(333_000), cwnd: 12_000, bytesInFlight: 1500, maxPacketSize: 1452, pmtuProbesLost: 0, streams: {}, datagrams: {} });
    assert.equal(snap.datagramsSent, 2);
    assert.equal(snap.bytesSent, 1500);
    assert.equal(snap.datagramsReceived, 1);
    assert.equal(snap.bytesReceived, 1252);
    assert.equal(snap.congestionWindow, 12_000);
    assert.equal(snap.bytesInFlight, 1500);
    assert.equal(snap.smoothedRttMicros, 333_000);
  });

  test('a snapshot is a copy: later counting does not change it', () => {
    const s = new ConnectionStatsCounter();
    const streams = { open: 1 };
    const snap = s.snapshot({ rtt: new RttEstimator(100_000), cwnd: 1, bytesInFlight: 0, maxPacketSize: 1200, pmtuProbesLost: 0, streams, datagrams: { queued: 2 } });
    s.packetsSent++;
    streams.open = 5;
    assert.equal(snap.packetsSent, 0);
    assert.equal(snap.streams['open'], 1);
    assert.equal(snap.datagrams['queued'], 2);
  });
});
