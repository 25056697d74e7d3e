import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { createUdpSocket } from '../../../src/runtime/udp-socket.js';
import { SendBufferPool } from '../../../src/runtime/send-buffer-pool.js';
import type { SocketAddress } from '../../../src/runtime/proto-types.js';

async function ipv6Available(): Promise<boolean> {
  const s = dgram.createSocket('udp6');
  try {
    await new Promise<void>((resolve, reject) => { s.once('error', reject); s.bind(0, '::1', () => resolve()); });
    return true;
  } catch {
    return false;
  } finally {
    try { s.close(); } catch { /* never bound */ }
  }
}

async function loopback(family: 'udp4' | 'udp6', host: string): Promise<void> {
  const a = createUdpSocket({ family });
  const b = createUdpSocket({ family });
  const aAddr = await a.bind(0, host);
  const bAddr = await b.bind(0, host);
  assert.equal(aAddr.address, host);
  assert.ok(aAddr.port > 0);
  const got: { data: number[]; from: SocketAddress }[] = [];
  const all = new Promise<void>((resolve) => {
    b.onMessage((data, from) => {
      // A plain Uint8Array, not a Buffer: the core's subarray() calls stay cheap.
      assert.equal(Object.getPrototypeOf(data), Uint8Array.prototype);
      got.push({ data: [...data], from: { address: from.address, port: from.port } });
      if (got.length === 2) resolve();
    });
  });
  const payload = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]);
  const sendDone = new Promise<Error | null>((resolve) => a.send(payload, 2, 3, bAddr, resolve));
  a.send(payload, 0, 1, bAddr);
  assert.equal(await sendDone, null);
  await all;
  got.sort((x, y) => x.data.length - y.data.length);
  assert.deepEqual(got.map((g) => g.data), [[0], [2, 3, 4]], 'offset/length select the bytes');
  assert.deepEqual(got[0]!.from, aAddr);
  await a.close();
  await b.close();
  await b.close(); // idempotent
}

describe('createUdpSocket', () => {
  test('IPv4 loopback send/receive with offset and length', () => loopback('udp4', '127.0.0.1'));

  test('IPv6 loopback send/receive', async (t) => {
    if (!(await ipv6Available())) {
      t.skip('IPv6 loopback unavailable');
      return;
    }
    await loopback('udp6', '::1');
  });

  test('a connected socket sends to its peer without an address and drops sends to anyone else', async () => {
    const a = createUdpSocket({ family: 'udp4' });
    const b = createUdpSocket({ family: 'udp4' });
    const c = createUdpSocket({ family: 'udp4' });
    const aAddr = await a.bind(0, '127.0.0.1');
    const bAddr = await b.bind(0, '127.0.0.1');
    const cAddr = await c.bind(0, '127.0.0.1');
    await a.connect!(bAddr);
    const atB = new Promise<{ data: number[]; from: SocketAddress }>((resolve) => {
      b.onMessage((data, from) => resolve({ data: [...data], from: { address: from.address, port: from.port } }));
    });
    let cGot = 0;
    c.onMessage(() => { cGot++; });
    const payload = new Uint8Array([1, 2, 3, 4]);
    const toB = new Promise<Error | null>((resolve) => a.send(payload, 1, 2, bAddr, resolve));
    const toC = new Promise<Error | null>((resolve) => a.send(payload, 0, 4, cAddr, resolve));
    assert.equal(await toB, null);
    assert.match(String(await toC), /connected to another peer/);
    assert.deepEqual(await atB, { data: [2, 3], from: aAddr });
    // The kernel filters what a connected socket receives: b's reply arrives, c's does not.
    const fromPeer = new Promise<number[]>((resolve) => a.onMessage((data) => resolve([...data])));
    c.send(new Uint8Array([9]), 0, 1, aAddr);
    b.send(new Uint8Array([7]), 0, 1, aAddr);
    assert.deepEqual(await fromPeer, [7]);
    assert.equal(cGot, 0);
    await a.close();
    await b.close();
    await c.close();
  });

  test('bind to a taken port rejects', async () => {
    const a = createUdpSocket({ family: 'udp4' });
    const { port } = await a.bind(0, '127.0.0.1');
    const b = createUdpSocket({ family: 'udp4' });
    await assert.rejects(b.bind(port, '127.0.0.1'), /EADDRINUSE/);
    await a.close();
    await b.close();
  });

  test('send completions arrive in send order, so pooled buffers can be recycled FIFO', async () => {
    const a = createUdpSocket({ family: 'udp4' });
    const b = createUdpSocket({ family: 'udp4' });
    await a.bind(0, '127.0.0.1');
    const bAddr = await b.bind(0, '127.0.0.1');
    const pool = new SendBufferPool({ slotSize: 1500, slabSize: 1500 * 8, maxSlabs: 1 });
    const count = 400;
    const received = new Set<number>();
    let corrupt = 0;
    b.onMessage((data) => {
      const n = data[0]! | (data[1]! << 8);
      for (let i = 2; i < data.length; i++) if (data[i] !== (n & 0xff)) corrupt++;
      received.add(n);
    });
    const inFlight: Uint8Array[] = [];
    const completions: number[] = [];
    let sent = 0;
    await new Promise<void>((resolve) => {
      const pump = (): void => {
        while (sent < count) {
          const slot = pool.acquire();
          if (!slot) return; // resumed by a completion
          const n = sent++;
          slot[0] = n & 0xff;
          slot[1] = n >> 8;
          slot.fill(n & 0xff, 2, 1200);
          inFlight.push(slot);
          a.send(slot, 0, 1200, bAddr, () => {
            completions.push(n);
            pool.release(inFlight.shift()!);
            if (completions.length === count) resolve();
            else setImmediate(pump);
          });
        }
      };
      pump();
    });
    assert.deepEqual(completions, [...Array(count).keys()], 'completions in send order');
    assert.equal(pool.slabCount, 1);
    assert.equal(pool.inFlight, 0);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(corrupt, 0, 'no buffer was rewritten while in flight');
    assert.ok(received.size > count / 2, 'loopback delivered the packets');
    await a.close();
    await b.close();
  });
});
