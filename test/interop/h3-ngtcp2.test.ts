/**
 * HTTP/3 interop with ngtcp2 0.12 / nghttp3 0.8 (Debian gtlsserver / gtlsclient), both ways:
 * - OUR client (`client --mode h3`) downloads /1k, /1M, /5M from gtlsserver (sha256 against the
 *   kit's www/SHA256SUMS), then 300 generated bodies (/1000 ... /1299) multiplexed on one connection;
 * - gtlsclient downloads the same from OUR server (`server --mode h3 --www $WORKDIR/www`) and 300
 *   distinct /bytes/N paths on one connection;
 * - both directions again through udp-impair-proxy.mjs at 5 % loss;
 * - gtlsclient --key-update=1ms while downloading /5M from our server ("key update confirmed").
 * nghttp3 uses the QPACK dynamic table when we allow it (we announce 4096), so this covers it too.
 */
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freeUdpPort, interopEnvironment, ngtcp2Missing, runCase, waitForUdpBound, type InteropCase, type PeerProcess } from './helpers.js';
import { ngtcp2HandshakeCompleted, ngtcp2NegotiatedAlpn, ourH3Requests, parseClientReport, parseSha256Sums, proxyStats } from './log-checks.js';

const found = interopEnvironment();
const skip = found.skip ?? ngtcp2Missing();
const CASE_TIMEOUT_MS = 90_000;
const FILES = ['1k', '1M', '5M'] as const;

function expectedSums(c: InteropCase): Map<string, string> {
  const sums = parseSha256Sums(readFileSync(join(c.env.workdir, 'www', 'SHA256SUMS'), 'utf8'));
  for (const f of FILES) assert.ok(sums.has(f), `SHA256SUMS lacks ${f}`);
  return sums;
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function startNgtcp2Server(c: InteropCase): Promise<{ process: PeerProcess; port: number }> {
  const port = await freeUdpPort();
  const server = c.kitScript('ngtcp2-server', 'ngtcp2-server.sh', [String(port)], { timeoutMs: 85_000, env: { TIMEOUT: '80' } });
  assert.ok(await waitForUdpBound(port), `ngtcp2 server did not bind UDP ${port}`);
  return { process: server, port };
}

/** Our h3 client; `port` is where packets go (the server or a proxy), URLs name localhost:`urlPort`. */
async function runOurH3Client(c: InteropCase, urlPort: number, paths: readonly string[], options: { connectPort?: number; out?: string; timeoutSeconds?: number } = {}): Promise<{ report: Record<string, unknown>; code: number | null }> {
  const timeoutSeconds = options.timeoutSeconds ?? 30;
  const args = ['client', '--mode', 'h3', '--ca', c.env.ca, '--timeout', String(timeoutSeconds), '--keylog', join(c.dir, 'our-client.keys')];
  if (options.connectPort !== undefined) args.push('--connect', `127.0.0.1:${options.connectPort}`);
  if (options.out !== undefined) args.push('--out', options.out);
  args.push(...paths.map((p) => `https://localhost:${urlPort}${p}`));
  const client = c.node('our-h3-client', c.env.cli, args, { timeoutMs: (timeoutSeconds + 15) * 1000 });
  const exit = await client.waitExit((timeoutSeconds + 10) * 1000);
  const report = parseClientReport(client.stdout);
  assert.ok(report, `our client printed no JSON report (exit ${exit.code}${exit.timedOut ? ', killed after timeout' : ''})`);
  return { report, code: exit.code };
}

interface UrlResult { url: string; status: number; bytes: number; sha256: string; complete: boolean; error?: string }

function assertFilesFromReport(report: Record<string, unknown>, code: number | null, sums: Map<string, string>): void {
  assert.equal(report.ok, true, `our client reported failure: ${JSON.stringify(report).slice(0, 2000)}`);
  assert.equal(code, 0, 'our client exit status');
  assert.equal(report.alpn, 'h3');
  const results = report.results as UrlResult[];
  assert.equal(results.length, FILES.length);
  for (const [i, f] of FILES.entries()) {
    const r = results[i]!;
    assert.equal(r.status, 200, `${f} status`);
    assert.equal(r.sha256, sums.get(f), `${f} sha256`);
  }
}

/** gtlsclient against `port`; returns its output (VERBOSE when asked). */
async function runNgtcp2Client(c: InteropCase, port: number, paths: readonly string[], options: { download?: string; verbose?: boolean; extra?: readonly string[]; timeoutSeconds?: number } = {}): Promise<PeerProcess> {
  const timeoutSeconds = options.timeoutSeconds ?? 40;
  const env: Record<string, string> = { TIMEOUT: String(timeoutSeconds) };
  if (options.download !== undefined) env.DOWNLOAD = options.download;
  if (options.verbose) env.VERBOSE = '1';
  const args = [String(port), ...paths, ...(options.extra && options.extra.length > 0 ? ['--', ...options.extra] : [])];
  const client = c.kitScript('ngtcp2-client', 'ngtcp2-client.sh', args, { timeoutMs: (timeoutSeconds + 15) * 1000, env });
  const exit = await client.waitExit((timeoutSeconds + 10) * 1000);
  assert.notEqual(exit.code, 124, 'ngtcp2 client hit its TIMEOUT');
  return client;
}

function assertDownloads(dir: string, sums: Map<string, string>): void {
  for (const f of FILES) {
    const path = join(dir, f);
    assert.ok(existsSync(path), `ngtcp2 client did not save ${f}`);
    assert.equal(sha256File(path), sums.get(f), `sha256 of ${f} downloaded by ngtcp2 from our server`);
  }
}

function noteProxy(t: TestContext, log: string): void {
  const c2s = proxyStats(log, 'c2s');
  const s2c = proxyStats(log, 's2c');
  t.diagnostic(`proxy dropped ${c2s?.dropped ?? '?'} of ${c2s?.packets ?? '?'} c2s and ${s2c?.dropped ?? '?'} of ${s2c?.packets ?? '?'} s2c datagrams`);
  assert.ok((c2s?.dropped ?? 0) + (s2c?.dropped ?? 0) > 0, 'the proxy dropped nothing: the loss case proved nothing');
}

describe('interop HTTP/3: our client -> ngtcp2 server', { skip }, () => {
  test('GET /1k, /1M, /5M: sha256 match', { timeout: CASE_TIMEOUT_MS }, async (t) => {
    await runCase(found.env!, 'h3-client-ngtcp2-files', async (c) => {
      const sums = expectedSums(c);
      const server = await startNgtcp2Server(c);
      const { report, code } = await runOurH3Client(c, server.port, FILES.map((f) => `/${f}`), { out: join(c.dir, 'dl') });
      t.diagnostic(`our client: handshake ${String(report.handshakeMs)} ms, total ${String(report.elapsedMs)} ms`);
      assertFilesFromReport(report, code, sums);
      for (const f of FILES) assert.equal(sha256File(join(c.dir, 'dl', f)), sums.get(f), `${f} written by our client`);
    });
  });

  test('300 requests multiplexed on one connection (/1000 ... /1299)', { timeout: CASE_TIMEOUT_MS }, async (t) => {
    await runCase(found.env!, 'h3-client-ngtcp2-300', async (c) => {
      const server = await startNgtcp2Server(c);
      const sizes = Array.from({ length: 300 }, (_, i) => 1000 + i);
      const { report, code } = await runOurH3Client(c, server.port, sizes.map((n) => `/${n}`));
      t.diagnostic(`our client: ${String(report.okCount)}/300 ok in ${String(report.elapsedMs)} ms`);
      assert.equal(report.ok, true, `our client reported failure: ${JSON.stringify(report).slice(0, 2000)}`);
      assert.equal(code, 0);
      const results = report.results as UrlResult[];
      assert.equal(results.length, 300);
      results.forEach((r, i) => {
        assert.equal(r.status, 200, r.url);
        assert.equal(r.bytes, sizes[i], `${r.url} size`);
      });
    });
  });

  test('GET /1k, /1M, /5M through udp-impair-proxy at 5 % loss', { timeout: CASE_TIMEOUT_MS }, async (t) => {
    await runCase(found.env!, 'h3-client-ngtcp2-loss', async (c) => {
      const sums = expectedSums(c);
      const server = await startNgtcp2Server(c);
      const proxy = await c.startProxy(server.port, ['--loss', '0.05', '--quiet'], 60);
      const { report, code } = await runOurH3Client(c, server.port, FILES.map((f) => `/${f}`), { connectPort: proxy.port, timeoutSeconds: 45 });
      await proxy.process.stop();
      noteProxy(t, proxy.process.output);
      assertFilesFromReport(report, code, sums);
    });
  });
});

describe('interop HTTP/3: ngtcp2 client -> our server', { skip }, () => {
  test('GET /1k, /1M, /5M: sha256 match, handshake and ALPN h3 in the ngtcp2 log', { timeout: CASE_TIMEOUT_MS }, async () => {
    await runCase(found.env!, 'h3-ngtcp2-server-files', async (c) => {
      const sums = expectedSums(c);
      const server = await c.startOurH3Server(join(c.env.workdir, 'www'));
      const dl = join(c.dir, 'dl');
      const client = await runNgtcp2Client(c, server.port, FILES.map((f) => `/${f}`), { download: dl, verbose: true });
      assert.ok(ngtcp2HandshakeCompleted(client.output), 'ngtcp2 client: no "QUIC handshake has completed"');
      assert.equal(ngtcp2NegotiatedAlpn(client.output), 'h3');
      assertDownloads(dl, sums);
      const served = ourH3Requests(server.process.stderr).filter((r) => r.status === 200).map((r) => r.path).sort();
      assert.deepEqual(served, ['/1M', '/1k', '/5M']);
    });
  });

  test('300 distinct paths on one connection (/bytes/1000 ... /bytes/1299)', { timeout: CASE_TIMEOUT_MS }, async () => {
    await runCase(found.env!, 'h3-ngtcp2-server-300', async (c) => {
      const server = await c.startOurH3Server(join(c.env.workdir, 'www'));
      const dl = join(c.dir, 'dl');
      const sizes = Array.from({ length: 300 }, (_, i) => 1000 + i);
      await runNgtcp2Client(c, server.port, sizes.map((n) => `/bytes/${n}`), { download: dl });
      const files = readdirSync(dl);
      assert.equal(files.length, 300, 'bodies saved by the ngtcp2 client');
      for (const n of sizes) assert.equal(statSync(join(dl, String(n))).size, n, `/bytes/${n}`);
      const served = ourH3Requests(server.process.stderr);
      assert.equal(served.filter((r) => r.status === 200).length, 300);
      assert.equal(new Set(served.map((r) => r.path)).size, 300);
    });
  });

  test('GET /1k, /1M, /5M through udp-impair-proxy at 5 % loss', { timeout: CASE_TIMEOUT_MS }, async (t) => {
    await runCase(found.env!, 'h3-ngtcp2-server-loss', async (c) => {
      const sums = expectedSums(c);
      const server = await c.startOurH3Server(join(c.env.workdir, 'www'));
      const proxy = await c.startProxy(server.port, ['--loss', '0.05', '--quiet'], 60);
      const dl = join(c.dir, 'dl');
      await runNgtcp2Client(c, proxy.port, FILES.map((f) => `/${f}`), { download: dl, timeoutSeconds: 45 });
      await proxy.process.stop();
      noteProxy(t, proxy.process.output);
      assertDownloads(dl, sums);
    });
  });

  test('key update started by the ngtcp2 client (--key-update=1ms) during /5M', { timeout: CASE_TIMEOUT_MS }, async () => {
    await runCase(found.env!, 'h3-ngtcp2-server-keyupdate', async (c) => {
      const sums = expectedSums(c);
      const server = await c.startOurH3Server(join(c.env.workdir, 'www'));
      const dl = join(c.dir, 'dl');
      const client = await runNgtcp2Client(c, server.port, ['/5M'], { download: dl, verbose: true, extra: ['--key-update=1ms'] });
      assert.match(client.output, /key update confirmed/, 'ngtcp2 client log lacks "key update confirmed"');
      assert.equal(sha256File(join(dl, '5M')), sums.get('5M'), 'sha256 of 5M across the key update');
    });
  });
});
