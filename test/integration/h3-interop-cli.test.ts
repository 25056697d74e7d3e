/**
 * The `--mode h3` interop endpoint as child processes: our server serving a temp web root, our
 * client fetching several URLs concurrently (JSON report, files written, exit status), and the
 * server's handler in-process for what the client CLI cannot ask (POST /echo, traversal, 405).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { Http3Client, Http3Server } from '../../src/api/http3/index.js';
import { createInteropHandler } from '../../src/cli/h3-server.js';
import { createTestPki } from '../../src/testing/test-pki.js';

type TestPki = Awaited<ReturnType<typeof createTestPki>>;
const cli = fileURLToPath(new URL('../../src/cli/interop.js', import.meta.url));
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('interop CLI --mode h3 (child processes)', () => {
  let dir: string;
  let www: string;
  let pki: TestPki;
  let server: ChildProcess | undefined;
  let port = 0;
  let serverLog = '';
  const files = { 'index.html': Buffer.from('<!doctype html><p>hello h3</p>\n'), 'data.bin': randomBytes(300_000) };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tswt-h3-cli-'));
    www = join(dir, 'www');
    mkdirSync(www);
    for (const [name, body] of Object.entries(files)) writeFileSync(join(www, name), body);
    writeFileSync(join(dir, 'secret.txt'), 'outside the web root');
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    writeFileSync(join(dir, 'cert.pem'), pki.leafPem + pki.caPem);
    writeFileSync(join(dir, 'key.pem'), pki.keyPem);
    writeFileSync(join(dir, 'ca.pem'), pki.caPem);
    server = spawn(process.execPath, [cli, 'server', '--mode', 'h3', '--listen', '127.0.0.1:0', '--www', www,
      '--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem')], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr!.setEncoding('utf8').on('data', (s: string) => { serverLog += s; });
    const first = await new Promise<string>((resolve, reject) => {
      const rl = createInterface({ input: server!.stdout! });
      rl.once('line', resolve);
      server!.once('exit', (code) => reject(new Error(`server exited ${code}: ${serverLog}`)));
    });
    const listening = (JSON.parse(first) as { listening: string; mode: string }).listening;
    port = Number(listening.slice(listening.lastIndexOf(':') + 1));
  });

  after(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('client fetches files and /bytes/N concurrently, writes them, prints one JSON report, exits 0', async () => {
    const out = join(dir, 'out');
    const urls = [`https://localhost:${port}/`, `https://localhost:${port}/data.bin`, `https://localhost:${port}/bytes/100000`];
    const r = await run(['client', '--mode', 'h3', '--ca', join(dir, 'ca.pem'), '--out', out, '--timeout', '20', ...urls], 30_000);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1, 'exactly one JSON line');
    const report = JSON.parse(lines[0]!) as { ok: boolean; alpn: string; results: { url: string; status: number; bytes: number; sha256: string }[] };
    assert.equal(report.ok, true);
    assert.equal(report.alpn, 'h3');
    assert.deepEqual(report.results.map((x) => [x.status, x.bytes]), [[200, files['index.html'].length], [200, 300_000], [200, 100_000]]);
    assert.equal(report.results[0]!.sha256, sha(files['index.html']));
    assert.equal(report.results[1]!.sha256, sha(files['data.bin']));
    assert.deepEqual(readFileSync(join(out, 'index.html')), files['index.html']);
    assert.deepEqual(readFileSync(join(out, 'data.bin')), files['data.bin']);
    assert.equal(readFileSync(join(out, '100000')).length, 100_000);
    assert.match(serverLog, /"h3request":\{[^}]*"path":"\/data\.bin"[^}]*"status":200/);
  });

  test('client exits 1 when any URL is not 200 (404 here), and still reports every URL', async () => {
    const urls = [`https://localhost:${port}/index.html`, `https://localhost:${port}/missing`];
    const r = await run(['client', '--mode', 'h3', '--insecure', '--timeout', '20', ...urls], 30_000);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout.trim()) as { ok: boolean; results: { status: number }[] };
    assert.equal(report.ok, false);
    assert.deepEqual(report.results.map((x) => x.status), [200, 404]);
  });

  test('client refuses an untrusted certificate (no --ca, no --insecure)', async () => {
    const r = await run(['client', '--mode', 'h3', '--timeout', '10', `https://localhost:${port}/`], 20_000);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout.trim()) as { ok: boolean; error?: string };
    assert.equal(report.ok, false);
    assert.ok(report.error, 'the report says why');
  });
});

describe('the --mode h3 request handler (in process)', () => {
  let dir: string;
  let server: Http3Server;
  let client: Http3Client;
  const log: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tswt-h3-handler-'));
    mkdirSync(join(dir, 'www', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'www', 'sub', 'index.html'), '<p>sub</p>');
    writeFileSync(join(dir, 'www', 'style.css'), 'p{}');
    writeFileSync(join(dir, 'secret.txt'), 'nope');
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
    server = await Http3Server.listen({
      certificateChain: pki.chain, signingKey: pki.signingKey, handler: createInteropHandler({ www: join(dir, 'www'), log: (l) => log.push(l) }),
    });
    client = await Http3Client.connect({ host: '127.0.0.1', port: server.address.port, serverName: 'localhost', insecure: true });
  });

  after(async () => {
    await client.close({ timeoutMs: 200 });
    await server.close({ timeoutMs: 200 });
    rmSync(dir, { recursive: true, force: true });
  });

  test('POST /echo returns the body (1 MB)', async () => {
    const body = randomBytes(1024 * 1024);
    const res = await client.request({ method: 'POST', path: '/echo', body });
    assert.equal(res.status, 200);
    assert.equal(sha(await res.bytes()), sha(body));
  });

  test('content types by extension, index.html for directories', async () => {
    const css = await client.request({ path: '/style.css' });
    assert.equal(css.header('content-type'), 'text/css; charset=utf-8');
    assert.equal(await css.text(), 'p{}');
    const sub = await client.request({ path: '/sub/' });
    assert.equal(sub.header('content-type'), 'text/html; charset=utf-8');
    assert.equal(await sub.text(), '<p>sub</p>');
  });

  test('path traversal is refused with 403; unknown files are 404; other methods 405', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/%2E%2E/%2E%2E/secret.txt', '/..%2fsecret.txt']) {
      const res = await client.request({ path });
      assert.equal(res.status, 403, path);
      assert.doesNotMatch(await res.text(), /nope/);
    }
    const missing = await client.request({ path: '/nothing-here' });
    assert.equal(missing.status, 404);
    await missing.bytes();
    const put = await client.request({ method: 'DELETE', path: '/style.css' });
    assert.equal(put.status, 405);
    await put.bytes();
    assert.ok(log.some((l) => l.includes('"status":403')), 'refusals are logged');
  });

  test('HEAD /bytes/N sends the length without a body', async () => {
    const res = await client.request({ method: 'HEAD', path: '/bytes/5000' });
    assert.equal(res.status, 200);
    assert.equal(res.header('content-length'), '5000');
    assert.equal((await res.bytes()).length, 0);
  });
});
