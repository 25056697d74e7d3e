#!/usr/bin/env node
/**
 * Chat server: a WebTransport route '/chat' that broadcasts every line a client sends to every
 * connected session, plus a tiny HTTP server for the browser page (index.html).
 *
 *   npm run build && node examples/chat/server.mjs [--port 4433] [--http-port 8080]
 *
 * then open http://localhost:8080/ in Chrome. The certificate is self-signed and valid for 14 days;
 * the page trusts it through `serverCertificateHashes`, so no CA or browser flag is needed.
 *
 * Protocol: the client opens one unidirectional stream and writes UTF-8 lines; the server opens
 * one unidirectional stream to each client and writes `name: text` lines on it.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { generateSelfSignedCertificate } from 'tswebtransport';
import { ServerApp, createLoggingMiddleware } from 'tswebtransport/app';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '4433' },
    'http-port': { type: 'string', default: '8080' },
    quiet: { type: 'boolean', default: false },
  },
});

const MAX_LINE = 4096;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Send side of the server-opened stream of every connected member. */
const members = new Set();

function broadcast(line) {
  const bytes = encoder.encode(`${line}\n`);
  for (const out of members) out.write(bytes).catch(() => members.delete(out));
}

async function chat(session, ctx) {
  const name = (ctx.request.query.name ?? '').slice(0, 32) || `guest-${members.size + 1}`;
  const out = await session.createUnidirectionalStream();
  members.add(out);
  broadcast(`* ${name} joined`);
  try {
    for await (const incoming of session.incomingUnidirectionalStreams) {
      for (;;) {
        const raw = await incoming.readLine({ limit: MAX_LINE });
        if (raw.length === 0) break; // end of the stream
        const line = decoder.decode(raw).trim();
        if (line !== '') broadcast(`${name}: ${line}`);
      }
    }
  } catch {
    // The member went away (or sent an over-long line): drop it below.
  } finally {
    members.delete(out);
    broadcast(`* ${name} left`);
  }
}

const cert = await generateSelfSignedCertificate({ hostnames: ['localhost', '127.0.0.1', '::1'] });
const app = new ServerApp().route('/chat', chat);
if (!values.quiet) app.use(createLoggingMiddleware());
const server = await app.listen({
  host: values.host, port: Number(values.port), cert: cert.certPem, key: cert.keyPem,
  config: { readTimeoutMs: null, writeTimeoutMs: null },
});
const wtPort = server.address.port;

const page = (await readFile(new URL('./index.html', import.meta.url), 'utf8'))
  .replace('__PORT__', String(wtPort))
  .replace('__CERT_HASH__', cert.sha256Hex);
const http = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page);
});
await new Promise((resolve) => http.listen(Number(values['http-port']), values.host, resolve));

console.log(`chat: webtransport https://${values.host}:${wtPort}/chat`);
console.log(`chat: page http://${values.host}:${http.address().port}/`);
console.log(`chat: cert-sha256 ${cert.sha256Hex}`);

async function shutdown() {
  http.close();
  await app.close({ timeoutMs: 500 });
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
