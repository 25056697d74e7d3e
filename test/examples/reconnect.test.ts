/**
 * examples/reconnect/client.mjs in its one-command demo mode: the built-in server closes every
 * session and refuses every third attempt with 503, and the client keeps reconnecting (backing
 * off after the refusal) until it has had three sessions, then exits 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runExample } from './spawn-example.js';

test('reconnects after closes and refusals, then exits 0', async () => {
  const client = runExample('examples/reconnect/client.mjs', ['--sessions', '3']);
  const code = await client.exited;
  const out = client.lines.join('\n');
  assert.equal(code, 0, out);
  assert.equal(client.lines.filter((l) => /^reconnect: connected \(session \d, attempt \d+\)$/.test(l)).length, 3, out);
  assert.equal(client.lines.filter((l) => l === 'reconnect: got pong').length, 3, out);
  assert.ok(client.lines.filter((l) => l === 'reconnect: disconnected (code 1, server restarting)').length >= 2, out);
  assert.ok(client.lines.some((l) => /^reconnect: attempt \d+ failed \(.*503.*\); retrying in \d+ ms$/.test(l)), out);
  assert.equal(client.lines.at(-1), 'reconnect: done after 3 sessions');
});
