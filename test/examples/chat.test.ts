/**
 * examples/chat/server.mjs: two clients join '/chat' trusting the self-signed certificate by its
 * hash (as the browser page does); a line from one reaches both, and the page is served with the
 * port and the hash filled in.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebTransportClient, type WebTransportReceiveStream, type WebTransportSession } from '../../src/index.js';
import { runExample, type RunningExample } from './spawn-example.js';

const decoder = new TextDecoder();
let server: RunningExample;
let client: WebTransportClient;
let url: string;
let hash: Uint8Array;
let pageUrl: string;

before(async () => {
  server = runExample('examples/chat/server.mjs', ['--port', '0', '--http-port', '0', '--quiet']);
  url = (await server.waitForLine(/^chat: webtransport (\S+)/))[1]!;
  pageUrl = (await server.waitForLine(/^chat: page (\S+)/))[1]!;
  hash = Buffer.from((await server.waitForLine(/^chat: cert-sha256 ([0-9a-f]{64})/))[1]!, 'hex');
  client = new WebTransportClient({ config: { readTimeoutMs: null, writeTimeoutMs: null } });
});

after(async () => {
  await client?.close();
  assert.equal(await server?.stop(), 0);
});

async function join(name: string): Promise<{ session: WebTransportSession; feed: WebTransportReceiveStream }> {
  const session = await client.connect(`${url}?name=${name}`, { serverCertificateHashes: [{ algorithm: 'sha-256', value: hash }], timeoutMs: 5000 });
  let feed: WebTransportReceiveStream | undefined;
  for await (const stream of session.incomingUnidirectionalStreams) {
    feed = stream;
    break;
  }
  return { session, feed: feed! };
}

async function nextLine(feed: WebTransportReceiveStream, pattern: RegExp): Promise<string> {
  for (;;) {
    const line = decoder.decode(await feed.readLine({ signal: AbortSignal.timeout(5000) })).trimEnd();
    if (line === '') throw new Error(`feed ended before ${pattern}`);
    if (pattern.test(line)) return line;
  }
}

test('a message from one member is broadcast to every member', async () => {
  const alice = await join('alice');
  assert.equal(await nextLine(alice.feed, /joined/), '* alice joined');
  const bob = await join('bob');
  assert.equal(await nextLine(bob.feed, /joined/), '* bob joined');
  assert.equal(await nextLine(alice.feed, /bob/), '* bob joined');

  const say = await alice.session.createUnidirectionalStream();
  await say.write('hello everyone\n');
  assert.equal(await nextLine(bob.feed, /^alice:/), 'alice: hello everyone');
  assert.equal(await nextLine(alice.feed, /^alice:/), 'alice: hello everyone');

  await alice.session.close();
  assert.equal(await nextLine(bob.feed, /left/), '* alice left');
  await bob.session.close();
});

test('the page embeds the port and the certificate hash', async () => {
  const html = await (await fetch(pageUrl)).text();
  assert.match(html, new RegExp(`const PORT = ${new URL(url).port};`));
  assert.ok(html.includes(`const CERT_HASH = '${Buffer.from(hash).toString('hex')}'`));
  assert.ok(html.includes('serverCertificateHashes'));
});
