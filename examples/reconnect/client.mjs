#!/usr/bin/env node
/**
 * Reconnecting client: keeps a session to the server open, reconnecting with exponential backoff
 * and jitter whenever it closes or an attempt fails. Each time it is connected it sends "ping".
 *
 *   npm run build && node examples/reconnect/client.mjs            # against a built-in flaky server
 *   node examples/reconnect/client.mjs <url> --cert-hash <hex>      # against your own server
 *
 * It stops after --sessions sessions (default 3), or on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { ReconnectingClient } from 'tswebtransport/pool';
import { startFlakyServer } from './flaky-server.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'cert-hash': { type: 'string' }, sessions: { type: 'string', default: '3' } },
});

const demo = positionals[0] === undefined ? await startFlakyServer() : undefined;
if (demo !== undefined) console.log(`reconnect: demo server at ${demo.url}`);
const url = positionals[0] ?? demo.url;
const certHash = values['cert-hash'] ?? demo?.certHashHex;
const wanted = Number(values.sessions);

const client = new ReconnectingClient({
  url,
  connectOptions: {
    timeoutMs: 5000,
    ...(certHash === undefined ? {} : { serverCertificateHashes: [{ algorithm: 'sha-256', value: Buffer.from(certHash, 'hex') }] }),
  },
  backoff: { initialDelayMs: 100, maxDelayMs: 2000, multiplier: 2, jitter: 0.5 },
  maxRetries: 10,
});

let sessions = 0;
let finish;
const finished = new Promise((resolve) => { finish = resolve; });

client.on('connected', async ({ session, attempt }) => {
  sessions++;
  console.log(`reconnect: connected (session ${sessions}, attempt ${attempt})`);
  try {
    const stream = await session.createBidirectionalStream();
    await stream.write('ping', { endStream: true });
    console.log(`reconnect: got ${new TextDecoder().decode(await stream.readAll())}`);
  } catch (error) {
    console.log(`reconnect: ping failed: ${error.message}`);
  }
  if (sessions >= wanted) finish(0);
});
client.on('disconnected', ({ info }) => console.log(`reconnect: disconnected (code ${info.code}, ${info.reason || 'no reason'})`));
client.on('retry', ({ attempt, delayMs, error }) => console.log(`reconnect: attempt ${attempt} failed (${error.message}); retrying in ${Math.round(delayMs)} ms`));
client.on('failed', ({ error }) => {
  console.log(`reconnect: giving up: ${error.message}`);
  finish(1);
});
process.once('SIGINT', () => finish(0));

client.start();
const code = await finished;
await client.close();
await demo?.close();
console.log(`reconnect: done after ${sessions} sessions`);
process.exit(code);
