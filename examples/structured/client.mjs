#!/usr/bin/env node
/**
 * Structured-messaging client: joins a room and sends a few typed messages, printing each typed
 * reply. Exits 0 when every reply arrived.
 *
 *   node examples/structured/client.mjs https://127.0.0.1:4433/messages --cert-hash <sha256 hex>
 */
import { parseArgs } from 'node:util';
import { WebTransportClient } from 'tswebtransport';
import { Ack, Join, Say, Welcome, make, structuredOptions } from './messages.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'cert-hash': { type: 'string' }, user: { type: 'string', default: 'ada' } },
});
const url = positionals[0] ?? 'https://127.0.0.1:4433/messages';
const trust = values['cert-hash'] === undefined
  ? {}
  : { serverCertificateHashes: [{ algorithm: 'sha-256', value: Buffer.from(values['cert-hash'], 'hex') }] };

const client = new WebTransportClient();
try {
  const session = await client.connect(url, { ...trust, timeoutMs: 5000 });
  const messages = await session.createStructuredStream(structuredOptions());

  await messages.send(make(Join, { room: 'lobby', user: values.user }));
  const welcome = await messages.receive();
  if (!(welcome instanceof Welcome)) throw new Error(`expected a Welcome, got ${String(welcome)}`);
  console.log(`welcome: ${welcome.greeting} to ${welcome.room} (${welcome.messagesSoFar} messages so far)`);

  const lines = ['hello there', 'typed messages over WebTransport', 'bye'];
  for (const [id, text] of lines.entries()) {
    await messages.send(make(Say, { id, text }));
    const ack = await messages.receive();
    if (!(ack instanceof Ack) || ack.id !== id) throw new Error(`expected Ack ${id}, got ${JSON.stringify(ack)}`);
    console.log(`ack ${ack.id}: ${ack.words} words, "${ack.shout}"`);
  }
  await messages.close();
  await session.close();
  console.log('done');
} finally {
  await client.close();
}
