import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CidTable } from '../../../../../src/proto/quic/endpoint/cid-table.js';
import { SeededRandom } from '../../../../../src/testing/seeded-random.js';

describe('CidTable', () => {
  test('looks a CID up in place inside a datagram', () => {
    const t = new CidTable<string>(7);
    t.set(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 'a');
    const datagram = Uint8Array.of(0x40, 1, 2, 3, 4, 5, 6, 7, 8, 99, 99);
    assert.equal(t.lookup(datagram, 1, 8), 'a');
    assert.equal(t.lookup(datagram, 2, 8), undefined);
    assert.equal(t.lookup(datagram, 1, 7), undefined, 'a prefix is another CID');
  });

  test('zero-length and 20-byte CIDs, replace and delete', () => {
    const t = new CidTable<number>(0);
    const empty = new Uint8Array(0);
    const long = new Uint8Array(20).fill(0xab);
    t.set(empty, 1);
    t.set(long, 2);
    assert.equal(t.get(empty), 1);
    assert.equal(t.get(long), 2);
    t.set(long.slice(), 3);
    assert.equal(t.size, 2);
    assert.equal(t.get(long), 3);
    assert.equal(t.delete(long), true);
    assert.equal(t.delete(long), false);
    assert.equal(t.has(long), false);
    assert.equal(t.size, 1);
  });

  test('many CIDs (with 32-bit hash collisions among them) all route to their own value', () => {
    const t = new CidTable<number>(12345);
    const random = new SeededRandom(3);
    const n = 300_000; // about ten colliding pairs are expected at this count
    const all = random.fill(new Uint8Array(n * 8));
    for (let i = 0; i < n; i++) t.set(all.subarray(i * 8, i * 8 + 8), i);
    assert.equal(t.size, n);
    for (let i = 0; i < n; i++) assert.equal(t.lookup(all, i * 8, 8), i);
    for (let i = 0; i < n; i += 2) assert.equal(t.delete(all.subarray(i * 8, i * 8 + 8)), true);
    for (let i = 0; i < n; i++) assert.equal(t.lookup(all, i * 8, 8), i % 2 === 0 ? undefined : i);
  });

  test('chains: entries sharing a bucket are told apart by their bytes', () => {
    // A birthday search over random 8-byte CIDs finds a 32-bit collision after ~80,000 on average.
    const t = new CidTable<number>(99);
    const seen = new Map<number, Uint8Array>();
    const hashOf = (cid: Uint8Array): number => (t as unknown as { hash(d: Uint8Array, o: number, l: number): number }).hash(cid, 0, cid.length);
    const random = new SeededRandom(5);
    let pair: [Uint8Array, Uint8Array] | undefined;
    for (let i = 0; i < 2_000_000 && !pair; i++) {
      const cid = random.fill(new Uint8Array(8));
      const h = hashOf(cid);
      const other = seen.get(h);
      if (other) pair = [other, cid];
      else seen.set(h, cid);
    }
    assert.ok(pair, 'a collision among random CIDs');
    const [a, b] = pair;
    t.set(a, 1);
    assert.equal(t.get(b), undefined);
    t.set(b, 2);
    assert.equal(t.get(a), 1);
    assert.equal(t.get(b), 2);
    t.deleteValue(1);
    assert.equal(t.get(a), undefined);
    assert.equal(t.get(b), 2);
    assert.equal(t.size, 1);
  });
});
