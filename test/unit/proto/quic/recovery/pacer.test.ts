import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BURST_PACKETS, MAX_BURST_PACKETS, Pacer } from '../../../../../src/proto/quic/recovery/pacer.js';

// cwnd 12000 over srtt 100 ms at 1.25x: 0.15 bytes/us, so 1200 bytes every 8000 us.
const CWND = 12_000;
const SRTT = 100_000;
const MDS = 1200;

describe('Pacer', () => {
  test('lets a burst of 10 datagrams out, then spaces packets at 1.25 * cwnd / srtt', () => {
    const p = new Pacer(MDS);
    for (let i = 0; i < BURST_PACKETS; i++) assert.equal(p.delayUntil(0, MDS, CWND, SRTT, MDS), undefined);
    assert.equal(p.delayUntil(0, MDS, CWND, SRTT, MDS), 8000);
    assert.equal(p.delayUntil(4000, MDS, CWND, SRTT, MDS), 8000);
    assert.equal(p.delayUntil(8000, MDS, CWND, SRTT, MDS), undefined);
    assert.equal(p.delayUntil(8000, 600, CWND, SRTT, MDS), 12_000);
  });

  test('an idle period refills no more than the burst', () => {
    const p = new Pacer(MDS);
    for (let i = 0; i < BURST_PACKETS; i++) p.delayUntil(0, MDS, CWND, SRTT, MDS);
    let sentNow = 0;
    while (p.delayUntil(10_000_000, MDS, CWND, SRTT, MDS) === undefined) sentNow++;
    assert.equal(sentNow, BURST_PACKETS);
  });

  test('a larger window paces faster', () => {
    const p = new Pacer(MDS);
    for (let i = 0; i < BURST_PACKETS; i++) p.delayUntil(0, MDS, 4 * CWND, SRTT, MDS);
    assert.equal(p.delayUntil(0, MDS, 4 * CWND, SRTT, MDS), 2000);
  });

  test('refund returns tokens for a packet not sent; reset refills', () => {
    const p = new Pacer(MDS);
    for (let i = 0; i < BURST_PACKETS; i++) p.delayUntil(0, MDS, CWND, SRTT, MDS);
    p.refund(MDS);
    assert.equal(p.delayUntil(0, MDS, CWND, SRTT, MDS), undefined);
    assert.notEqual(p.delayUntil(0, MDS, CWND, SRTT, MDS), undefined);
    p.reset();
    assert.equal(p.delayUntil(1, MDS, CWND, SRTT, MDS), undefined);
  });

  test('a sender that can only retry on a 1 ms timer still sends at the window rate', () => {
    // cwnd 1 MB over srtt 5 ms: 250 bytes/us at 1.25x, i.e. ~208 datagrams per ms.
    const cwnd = 1_000_000;
    const srtt = 5000;
    const p = new Pacer(MDS);
    let sent = 0;
    for (let now = 0; now <= 10_000; now += 1000) {
      while (p.delayUntil(now, MDS, cwnd, srtt, MDS) === undefined) sent += MDS;
    }
    // 10 ms at 250 bytes/us is 2.5 MB (plus the first burst); a 10-packet bucket would allow ~130 kB.
    assert.ok(sent >= 2_400_000, `sent ${sent} bytes in 10 ms`);
  });

  test('the bucket holds at most MAX_BURST_PACKETS datagrams however large the window', () => {
    const p = new Pacer(MDS);
    p.delayUntil(0, MDS, 1e9, 1000, MDS);
    let sentNow = 1;
    while (p.delayUntil(10_000_000, MDS, 1e9, 1000, MDS) === undefined) sentNow++;
    assert.ok(sentNow <= MAX_BURST_PACKETS + 1, `${sentNow} datagrams in one burst`);
    assert.ok(sentNow >= MAX_BURST_PACKETS, `${sentNow} datagrams in one burst`);
  });

  test('a window that shrinks shrinks the burst already in the bucket', () => {
    const p = new Pacer(MDS);
    // A large window over 10 ms of idle fills the bucket to MAX_BURST_PACKETS datagrams...
    p.delayUntil(0, MDS, 1e9, 1000, MDS);
    p.refund(MDS);
    p.delayUntil(10_000_000, MDS, 1e9, 1000, MDS);
    p.refund(MDS);
    // ...then a loss cuts the window: only the small window's burst may leave at once.
    let sentNow = 0;
    while (p.delayUntil(10_000_000, MDS, CWND, SRTT, MDS) === undefined) sentNow++;
    assert.equal(sentNow, BURST_PACKETS);
  });
});
