/**
 * `tswebtransport serve` as a child process: it prints the WebTransport URL, the certificate's
 * SHA-256 and the page URL; the page (over plain HTTP) carries both; our WebTransportClient, trusting
 * only the printed hash, echoes a stream and a datagram and gets the server-opened stream; the
 * server-close, client-close and query endpoints behave as the Chromium harness expects; SIGTERM
 * ends it with status 0.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { WebTransportClient } from '../../src/api/client.js';
import { SessionRejectedError } from '../../src/api/errors.js';
import type { WebTransportSession } from '../../src/api/session.js';

const mainJs = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

async function firstIncomingUni(session: WebTransportSession): Promise<string> {
  const next = await session.incomingUnidirectionalStreams[Symbol.asyncIterator]().next();
  assert.equal(next.done, false, 'a server uni stream arrives');
  return text(await next.value!.readAll());
}

describe('tswebtransport serve (child process)', () => {
  let child: ChildProcess;
  let stdout = '';
  let url: string;
  let hash: string;
  let pageUrl: string;
  let client: WebTransportClient;

  before(async () => {
    child = spawn(process.execPath, [mainJs, 'serve', '--port', '0', '--http-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve printed no banner in 20 s:\n${stdout}\n${stderr}`)), 20_000);
      const check = (): void => {
        if (/demo page: \S+/.test(stdout)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${stdout}\n${stderr}`)));
    });
    url = /WebTransport echo server: (https:\/\/\S+)/.exec(stdout)![1]!;
    hash = /certificate SHA-256: ([0-9a-f]{64})/.exec(stdout)![1]!;
    pageUrl = /demo page: (\S+)/.exec(stdout)![1]!;
    client = new WebTransportClient({ config: { readTimeoutMs: null, writeTimeoutMs: null } });
  });

  after(async () => {
    await client?.close();
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  const open = (path: string, hashHex = hash): Promise<WebTransportSession> =>
    client.connect(new URL(path, url), { serverCertificateHashes: [{ algorithm: 'sha-256', value: hexBytes(hashHex) }], timeoutMs: 5000, reuseConnection: false });

  test('prints a loopback https URL on the echo path and a certificate valid at most 14 days', () => {
    const u = new URL(url);
    assert.equal(u.protocol, 'https:');
    assert.equal(u.hostname, '127.0.0.1');
    assert.equal(u.pathname, '/echo');
    const until = new Date(/certificate valid until: (\S+)/.exec(stdout)![1]!);
    assert.ok(until.getTime() - Date.now() <= 14 * 24 * 3600 * 1000 && until.getTime() > Date.now());
  });

  test('serves the demo page with the URL and the hash, and 404 elsewhere', async () => {
    const res = await fetch(pageUrl);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const html = await res.text();
    assert.ok(html.includes(url), 'the page names the WebTransport URL');
    assert.ok(html.includes(hash), 'the page carries the certificate hash');
    assert.ok(html.includes('serverCertificateHashes'));
    assert.equal((await fetch(new URL('/nope', pageUrl))).status, 404);
  });

  test('echoes a bidi stream, a uni stream and a datagram, trusting only the printed hash', async () => {
    const session = await open('/echo');
    // The server opens one bidi stream at once; what we write on it comes back with FIN.
    const serverStream = (await session.incomingBidirectionalStreams[Symbol.asyncIterator]().next()).value!;
    const payload = randomBytes(64 * 1024);
    const stream = await session.createBidirectionalStream();
    const [echo] = await Promise.all([stream.readAll(), stream.write(payload, { endStream: true })]);
    assert.equal(sha(echo), sha(payload));
    const [serverEcho] = await Promise.all([serverStream.readAll(), serverStream.write(payload, { endStream: true })]);
    assert.equal(sha(serverEcho), sha(payload));

    const uni = await session.createUnidirectionalStream();
    const uniPayload = 'u'.repeat(20_000);
    const back = firstIncomingUni(session);
    await uni.write(uniPayload, { endStream: true });
    assert.equal(await back, uniPayload);

    const it = session.datagrams[Symbol.asyncIterator]();
    let got: string | undefined;
    for (let i = 0; i < 10 && got === undefined; i++) {
      session.datagrams.send('ping datagram');
      const r = await Promise.race([it.next(), new Promise<undefined>((res) => setTimeout(() => res(undefined), 300))]);
      if (r !== undefined && !r.done) got = text(r.value);
    }
    assert.equal(got, 'ping datagram');
    await session.close();
  });

  test('small streams (one packet, data and FIN together) echo with their FIN', async () => {
    const session = await open('/echo');
    for (const size of [1, 100, 1024]) {
      const stream = await session.createBidirectionalStream();
      const payload = randomBytes(size);
      const [echo] = await Promise.all([stream.readAll(), stream.write(payload, { endStream: true })]);
      assert.equal(sha(echo), sha(payload), `${size} bytes`);
    }
    await session.close();
  });

  test('a wrong certificate hash is refused', async () => {
    await assert.rejects(open('/echo', '00'.repeat(32)));
  });

  test('/server-close closes with the code and reason of the query', async () => {
    const session = await open('/server-close?code=4000&reason=server-bye');
    const info = await session.closed;
    assert.deepEqual({ code: info.code, reason: info.reason, remote: info.remote }, { code: 4000, reason: 'server-bye', remote: true });
  });

  test('/client-close records how the session ended and /query reports it once', async () => {
    const token = `t-${randomBytes(6).toString('hex')}`;
    const closer = await open(`/client-close?token=${token}`);
    await closer.close({ code: 4242, reason: 'client-bye' });
    let report: unknown = {};
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const query = await open(`/query?token=${token}`);
      report = JSON.parse(await firstIncomingUni(query));
      await query.close();
      if (Object.keys(report as object).length > 0) break;
    }
    assert.deepEqual(report, { 'session-close-info': { abruptly: false, close_info: { code: 4242, reason: 'client-bye' } } });
    const again = await open(`/query?token=${token}`);
    assert.equal(await firstIncomingUni(again), '{}', 'a record is handed out once');
    await again.close();
  });

  test('an unknown path is rejected with 404', async () => {
    await assert.rejects(open('/no-such-endpoint'), (error: unknown) => error instanceof SessionRejectedError && error.status === 404);
  });

  test('SIGTERM stops it with status 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running after 5 s'), 5000))]);
    assert.equal(code, 0);
  });
});
