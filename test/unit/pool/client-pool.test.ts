import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WebTransportClient } from '../../../src/index.js';
import { ClientPool } from '../../../src/pool/client-pool.js';
import { asSession, fakeSession } from './fakes.js';

function fakeClient(index: number, fail = false): WebTransportClient & { closedCount: number; connects: number } {
  const c = {
    index, closedCount: 0, connects: 0,
    connect: async () => {
      c.connects++;
      if (fail) throw new Error(`client ${index} down`);
      return asSession(fakeSession());
    },
    close: async () => { c.closedCount++; },
  };
  return c as unknown as WebTransportClient & { closedCount: number; connects: number };
}

test('round-robin over the fleet', async () => {
  const pool = new ClientPool({ size: 3, createClient: (i) => fakeClient(i) });
  const order = Array.from({ length: 7 }, () => (pool.getClient() as unknown as { index: number }).index);
  assert.deepEqual(order, [0, 1, 2, 0, 1, 2, 0]);
  await pool.connect('https://localhost/');
  assert.equal((pool.clients[1] as unknown as { connects: number }).connects, 1);
  await pool.close();
});

test('connectAll skips failing clients and reports them; close closes every client once', async () => {
  const clients: Array<ReturnType<typeof fakeClient>> = [];
  const pool = new ClientPool({ size: 4, createClient: (i) => { const c = fakeClient(i, i === 2); clients.push(c); return c; } });
  const { sessions, errors } = await pool.connectAll('https://localhost/');
  assert.equal(sessions.length, 3);
  assert.deepEqual(errors.map((e) => e.index), [2]);
  await pool.close();
  await pool.close();
  assert.deepEqual(clients.map((c) => c.closedCount), [1, 1, 1, 1]);
  assert.equal(pool.isClosed, true);
  assert.throws(() => pool.getClient());
  assert.throws(() => new ClientPool({ size: 0 }), RangeError);
});
