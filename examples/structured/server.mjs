#!/usr/bin/env node
/**
 * Structured-messaging server: each bidirectional stream carries typed messages (messages.mjs).
 * A Join gets a Welcome, every Say gets an Ack; anything else is refused with a typed error.
 *
 *   npm run build && node examples/structured/server.mjs [--port 4433]
 *
 * It prints the client command to run in another terminal.
 */
import { parseArgs } from 'node:util';
import { generateSelfSignedCertificate, SerializationError } from 'tswebtransport';
import { ServerApp } from 'tswebtransport/app';
import { StructuredStream } from 'tswebtransport/messaging';
import { Ack, Join, Say, Welcome, make, structuredOptions } from './messages.mjs';

const { values } = parseArgs({ options: { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '4433' } } });

let messagesSoFar = 0;

async function converse(stream) {
  const messages = new StructuredStream(stream, structuredOptions());
  for (;;) {
    let message;
    try {
      message = await messages.receive();
    } catch (error) {
      // A payload that does not match its schema is skipped; broken framing ends the stream.
      console.log(`structured: rejected message: ${error.message}`);
      if (error instanceof SerializationError) continue;
      break;
    }
    if (message === undefined) break;
    if (message instanceof Join) {
      console.log(`structured: ${message.user} joined ${message.room}`);
      await messages.send(make(Welcome, { room: message.room, greeting: `welcome, ${message.user}`, messagesSoFar }));
    } else if (message instanceof Say) {
      messagesSoFar++;
      const words = message.text.split(/\s+/).filter(Boolean).length;
      await messages.send(make(Ack, { id: message.id, words, shout: message.text.toUpperCase() }));
    }
  }
  await messages.close();
}

const cert = await generateSelfSignedCertificate({ hostnames: ['localhost', '127.0.0.1'] });
const app = new ServerApp().route('/messages', async (session) => {
  for await (const stream of session.incomingBidirectionalStreams) void converse(stream).catch(() => {});
});
const server = await app.listen({
  host: values.host, port: Number(values.port), cert: cert.certPem, key: cert.keyPem,
  config: { readTimeoutMs: null, writeTimeoutMs: null },
});
const url = `https://${values.host}:${server.address.port}/messages`;
console.log(`structured: listening ${url}`);
console.log(`structured: run  node examples/structured/client.mjs ${url} --cert-hash ${cert.sha256Hex}`);

async function shutdown() {
  await app.close({ timeoutMs: 500 });
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
