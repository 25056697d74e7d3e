/**
 * examples/structured: the server prints the client command; the client runs it, gets a typed
 * Welcome and one typed Ack per message, and exits 0. A raw peer sending a payload that does not
 * match its schema is refused with a typed error while the stream keeps working.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebTransportClient } from '../../src/index.js';
import { runExample, type RunningExample } from './spawn-example.js';

let server: RunningExample;
let url: string;
let hashHex: string;

before(async () => {
  server = runExample('examples/structured/server.mjs', ['--port', '0']);
  const [, u, h] = await server.waitForLine(/^structured: run {2}node \S+ (\S+) --cert-hash ([0-9a-f]{64})$/);
  url = u!;
  hashHex = h!;
});

after(async () => {
  assert.equal(await server?.stop(), 0);
});

test('the client exchanges typed messages and exits 0', async () => {
  const client = runExample('examples/structured/client.mjs', [url, '--cert-hash', hashHex, '--user', 'grace']);
  assert.equal(await client.exited, 0, client.lines.join('\n'));
  assert.deepEqual(client.lines, [
    'welcome: welcome, grace to lobby (0 messages so far)',
    'ack 0: 2 words, "HELLO THERE"',
    'ack 1: 4 words, "TYPED MESSAGES OVER WEBTRANSPORT"',
    'ack 2: 1 words, "BYE"',
    'done',
  ]);
  await server.waitForLine(/^structured: grace joined lobby$/);
});

test('a message that breaks its schema is rejected with a typed error, the stream goes on', async () => {
  const client = new WebTransportClient();
  try {
    const session = await client.connect(url, { serverCertificateHashes: [{ algorithm: 'sha-256', value: Buffer.from(hashHex, 'hex') }], timeoutMs: 5000 });
    const stream = await session.createBidirectionalStream();
    // Frame: u16 type id 1 (Join) | u32 length | JSON payload with a number where a string belongs.
    const bad = new TextEncoder().encode('{"room":5,"user":"x"}');
    const good = new TextEncoder().encode('{"room":"r","user":"y"}');
    const frame = (payload: Uint8Array): Uint8Array => {
      const out = new Uint8Array(6 + payload.length);
      new DataView(out.buffer).setUint16(0, 1);
      new DataView(out.buffer).setUint32(2, payload.length);
      out.set(payload, 6);
      return out;
    };
    await stream.write(frame(bad));
    await stream.write(frame(good), { endStream: true });
    const reply = new TextDecoder().decode(await stream.readAll());
    assert.ok(reply.includes('"greeting":"welcome, y"'), reply);
    await server.waitForLine(/^structured: rejected message: /);
    await session.close();
  } finally {
    await client.close();
  }
});
