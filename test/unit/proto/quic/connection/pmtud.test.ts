import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BLACK_HOLE_LOSSES, MAX_PROBES, PMTU_BASE, PMTU_FIRST_PROBE, PmtuDiscovery, isLoopbackAddress,
} from '../../../../../src/proto/quic/connection/pmtud.js';

/** Plays a path that carries `mtu` bytes: every probe is acknowledged or lost at once. */
function runSearch(p: PmtuDiscovery, mtu: number): number[] {
  const probed: number[] = [];
  let pn = 0;
  for (let i = 0; i < 200; i++) {
    const size = p.probeSize();
    if (size === undefined) break;
    probed.push(size);
    p.onProbeSent(size);
    if (size <= mtu) p.onProbeAcked(size, pn++);
    else p.onProbeLost(size);
  }
  return probed;
}

describe('PmtuDiscovery', () => {
  test('no probing when the bound is the base size', () => {
    const p = new PmtuDiscovery(1200);
    assert.equal(p.phase, 'disabled');
    assert.equal(p.probeSize(), undefined);
    assert.equal(p.current, PMTU_BASE);
  });

  test('an Ethernet path: 1452 first, then done when the bound is 1452', () => {
    const p = new PmtuDiscovery(1452);
    assert.equal(p.probeSize(), PMTU_FIRST_PROBE);
    assert.deepEqual(runSearch(p, 1500), [1452]);
    assert.equal(p.current, 1452);
    assert.equal(p.phase, 'complete');
  });

  test('one probe in flight at a time', () => {
    const p = new PmtuDiscovery(16_384);
    p.onProbeSent(p.probeSize()!);
    assert.equal(p.probeSize(), undefined);
    p.onProbeAcked(1452, 1);
    assert.equal(p.probeSize(), 16_384, 'then straight to the bound');
  });

  test('a large path reaches the bound in two probes', () => {
    const p = new PmtuDiscovery(16_384);
    assert.deepEqual(runSearch(p, 65_527), [1452, 16_384]);
    assert.equal(p.current, 16_384);
  });

  test('a size lost MAX_PROBES times is too big; the search halves the gap', () => {
    const p = new PmtuDiscovery(16_384);
    const probed = runSearch(p, 9000);
    assert.deepEqual(probed.slice(0, 1 + MAX_PROBES), [1452, 16_384, 16_384, 16_384]);
    assert.ok(p.current <= 9000 && p.current > 9000 - 64, `converged near 9000 (${p.current})`);
    assert.equal(p.phase, 'complete');
    assert.ok(probed.length < 40);
  });

  test('a path below 1452 ends near its size without going under the base', () => {
    const p = new PmtuDiscovery(1452);
    runSearch(p, 1280);
    assert.ok(p.current >= PMTU_BASE && p.current <= 1280, String(p.current));
    const q = new PmtuDiscovery(1452);
    runSearch(q, 1210);
    assert.equal(q.current, PMTU_BASE);
    assert.equal(q.probesLost > 0, true);
  });

  test('a peer bound below 1452 is probed directly', () => {
    const p = new PmtuDiscovery(1350);
    assert.deepEqual(runSearch(p, 1500), [1350]);
    assert.equal(p.current, 1350);
  });

  test('a lost probe is retried before the size is given up', () => {
    const p = new PmtuDiscovery(1452);
    for (let i = 0; i < MAX_PROBES - 1; i++) {
      p.onProbeSent(1452);
      p.onProbeLost(1452);
      assert.equal(p.probeSize(), 1452);
    }
    p.onProbeSent(1452);
    p.onProbeAcked(1452, 9);
    assert.equal(p.current, 1452);
  });

  test('capAt: buffers smaller than the bound move the search below them', () => {
    const q = new PmtuDiscovery(65_527);
    q.onProbeSent(1452);
    q.onProbeAcked(1452, 0);
    q.capAt(2048);
    assert.equal(q.probeSize(), 2048);
  });

  test('black hole: consecutive big losses after a validated size fall back to the base and search again', () => {
    const p = new PmtuDiscovery(1452);
    runSearch(p, 1500);
    assert.equal(p.current, 1452);
    p.onPacketAcked(1452, 10);
    // Older packets lost behind a later acknowledged big one are congestion, not a black hole.
    for (let pn = 1; pn < 10; pn++) assert.equal(p.onPacketLost(1452, pn), false);
    for (let i = 0; i < BLACK_HOLE_LOSSES - 1; i++) assert.equal(p.onPacketLost(1452, 11 + i), false);
    p.onPacketAcked(1452, 20);
    for (let i = 0; i < BLACK_HOLE_LOSSES - 1; i++) assert.equal(p.onPacketLost(1452, 21 + i), false);
    assert.equal(p.onPacketLost(900, 30), false, 'small losses do not count');
    assert.equal(p.onPacketLost(1452, 31), true);
    assert.equal(p.current, PMTU_BASE);
    assert.equal(p.blackHoles, 1);
    assert.equal(p.onPacketLost(1452, 32), false, 'already at the base');
    assert.equal(p.probeSize(), PMTU_FIRST_PROBE, 'the search restarts');
  });
});

describe('PmtuDiscovery with an assumed starting size', () => {
  test('starts at the assumed size (clamped to the bound) and probes only above it', () => {
    const d = new PmtuDiscovery(16_384, PMTU_FIRST_PROBE);
    assert.equal(d.current, PMTU_FIRST_PROBE);
    assert.equal(d.probeSize(), 16_384);
    assert.equal(new PmtuDiscovery(1300, PMTU_FIRST_PROBE).current, 1300);
    assert.equal(new PmtuDiscovery(PMTU_FIRST_PROBE, PMTU_FIRST_PROBE).phase, 'complete');
  });

  test('an assumed size that keeps getting lost is a black hole: back to the base, search again', () => {
    const d = new PmtuDiscovery(PMTU_FIRST_PROBE, PMTU_FIRST_PROBE);
    let fell = false;
    for (let pn = 0; pn < BLACK_HOLE_LOSSES; pn++) fell = d.onPacketLost(PMTU_FIRST_PROBE, pn);
    assert.equal(fell, true);
    assert.equal(d.current, PMTU_BASE);
    assert.equal(d.probeSize(), PMTU_FIRST_PROBE);
  });
});

describe('isLoopbackAddress', () => {
  test('127/8, ::1 and IPv4-mapped loopback', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) assert.ok(isLoopbackAddress(a), a);
    for (const a of ['1127.0.0.1', '127.0.0', '127.0.0.1.5', '::11', 'localhost', '']) {
      assert.equal(isLoopbackAddress(a), false, a);
    }
  });
});
