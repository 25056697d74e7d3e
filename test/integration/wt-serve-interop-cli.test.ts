/**
 * `interop server --mode wt` and `interop client --mode wt` as child processes: the client runs its
 * echo checks (bidi, uni, datagrams, close verified through /client-close + /query) and prints one
 * JSON line, trusting the server by CA and by certificate hash; a wrong hash fails with status 1.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createTestPki } from '../../src/testing/test-pki.js';

const cli = fileURLToPath(new URL('../../src/cli/interop.js', import.meta.url));

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

describe('interop CLI --mode wt (child processes)', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let port = 0;
  let leafHash = '';
  let serverLog = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tswt-wt-cli-'));
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    leafHash = createHash('sha256').update(pki.chain[0]!).digest('hex');
    writeFileSync(join(dir, 'cert.pem'), pki.leafPem + pki.caPem);
    writeFileSync(join(dir, 'key.pem'), pki.keyPem);
    writeFileSync(join(dir, 'ca.pem'), pki.caPem);
    server = spawn(process.execPath, [cli, 'server', '--mode', 'wt', '--listen', '127.0.0.1:0',
      '--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem')], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr!.setEncoding('utf8').on('data', (s: string) => { serverLog += s; });
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: server!.stdout! }).once('line', resolve);
      server!.once('exit', (code) => reject(new Error(`server exited ${code}: ${serverLog}`)));
    });
    const parsed = JSON.parse(first) as { listening: string; mode: string };
    assert.equal(parsed.mode, 'wt');
    port = Number(parsed.listening.slice(parsed.listening.lastIndexOf(':') + 1));
  });

  after(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('echo checks pass trusting the CA; the close is verified on the server', async () => {
    const r = await run(['client', '--mode', 'wt', '--ca', join(dir, 'ca.pem'), '--bytes', '65536', '--streams', '3', '--uni', '2',
      '--datagrams', '10', `https://localhost:${port}/echo`], 30_000);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1, `one JSON line: ${r.stdout}${r.stderr}`);
    const report = JSON.parse(lines[0]!) as Record<string, { ok: boolean; [k: string]: unknown }> & { ok: boolean };
    assert.equal(report.ok, true, lines[0]);
    assert.equal(r.code, 0);
    assert.deepEqual({ streams: report['bidi']!['streams'], bytes: report['bidi']!['bytes'] }, { streams: 3, bytes: 3 * 65536 });
    assert.equal(report['uni']!['received'], 2);
    assert.equal(report['datagrams']!['echoed'], 10);
    assert.equal(report['close']!['verified'], true);
    assert.match(serverLog, /client-close closed code=4242 reason=\\"client-bye\\"/);
  });

  test('certificate hash trust works, and a wrong hash fails with status 1', async () => {
    const good = await run(['client', '--mode', 'wt', '--cert-hash', leafHash, '--bytes', '65536', `https://127.0.0.1:${port}/echo`], 30_000);
    assert.equal(JSON.parse(good.stdout).ok, true, good.stdout);
    assert.equal(good.code, 0);
    const bad = await run(['client', '--mode', 'wt', '--cert-hash', '00'.repeat(32), '--timeout', '5', `https://127.0.0.1:${port}/echo`], 30_000);
    const report = JSON.parse(bad.stdout) as { ok: boolean; error?: string };
    assert.equal(report.ok, false);
    assert.ok(report.error, 'the report says why');
    assert.equal(bad.code, 1);
  });
});
