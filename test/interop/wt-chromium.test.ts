/**
 * Headless Chromium as a real WebTransport client against OUR `server --mode wt`: the shared
 * harness (../shared/interop/chromium/wt-client.mjs, playwright-core) runs every scenario with
 * --verify-close, once trusting the certificate by serverCertificateHashes and once by SPKI flags.
 * The harness's npm install is cached under $INTEROP_WORKDIR; the certificate is made per run.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cachedHarnessModules, chromiumHarnessEnvironment, runCase, type InteropEnvironment } from './helpers.js';
import { parseListeningPort } from './log-checks.js';

interface HarnessResult {
  ok: boolean;
  summary: { passed: number; failed: number; skipped: number };
  scenarios: Record<string, { pass: boolean; error?: { message?: string }; netError?: string }>;
}

const ALL_SCENARIOS = ['connect', 'bidi-echo', 'uni', 'server-bidi', 'datagram', 'close', 'server-close', 'streams', 'throughput'];

const found = chromiumHarnessEnvironment();

describe('interop WebTransport: Chromium -> our server', { skip: 'skip' in found ? found.skip : undefined }, () => {
  test('every harness scenario passes, with certificate hashes and with SPKI trust', { timeout: 240_000 }, async (t) => {
    const { env, harness } = found as { env: InteropEnvironment; harness: string };
    await runCase(env, 'wt-chromium', async (c) => {
      // A writable copy of the harness (the shared kit is read-only in CI) using the cached install.
      const copy = join(c.dir, 'harness');
      cpSync(harness, copy, { recursive: true, filter: (src) => !src.includes('node_modules') });
      symlinkSync(cachedHarnessModules(env.workdir, harness), join(copy, 'node_modules'), 'dir');
      const certDir = join(c.dir, 'certs');
      const made = spawnSync('bash', [join(copy, 'make-cert.sh'), certDir, '10'], { encoding: 'utf8', timeout: 30_000 });
      assert.equal(made.status, 0, `make-cert.sh failed: ${made.stderr}`);
      const cert = join(certDir, 'cert.pem');

      const server = c.node('our-wt-server', env.cli, ['server', '--mode', 'wt', '--listen', '127.0.0.1:0', '--cert', cert,
        '--key', join(certDir, 'key.pem'), '--keylog', join(c.dir, 'our-wt-server.keys')], { timeoutMs: 200_000 });
      const line = await server.waitFor(/^\{"listening".*$/m, 15_000);
      const port = parseListeningPort(line[0]);
      assert.ok(port !== undefined, `unusable listening line ${line[0]}`);
      const url = `https://127.0.0.1:${port}/echo`;

      const failures: string[] = [];
      for (const trust of ['hashes', 'spki'] as const) {
        const run = c.node(`wt-client-${trust}`, join(copy, 'wt-client.mjs'), [url, '--trust', trust, '--cert', cert,
          '--scenarios', 'all', '--verify-close', '--deadline', '90000'], { timeoutMs: 100_000 });
        const exit = await run.waitExit(100_000);
        let result: HarnessResult;
        try {
          result = JSON.parse(run.stdout) as HarnessResult;
        } catch {
          failures.push(`${trust}: the harness printed no JSON (exit ${exit.code})`);
          continue;
        }
        t.diagnostic(`${trust}: ${JSON.stringify(result.summary)}`);
        const expected = trust === 'hashes' ? [...ALL_SCENARIOS, 'bad-cert-hash'] : ALL_SCENARIOS;
        for (const name of expected) {
          const s = result.scenarios[name];
          if (s === undefined) failures.push(`${trust}: scenario ${name} did not run`);
          else if (!s.pass) failures.push(`${trust}: ${name} failed: ${s.error?.message ?? ''} ${s.netError ?? ''}`);
        }
        if (result.summary.failed !== 0 || exit.code !== 0) failures.push(`${trust}: summary ${JSON.stringify(result.summary)}, exit ${exit.code}`);
      }
      assert.deepEqual(failures, []);
      // The server really served the sessions: its log has the WPT endpoints.
      for (const endpoint of ['echo', 'server-close', 'client-close', 'query']) {
        assert.match(server.stderr, new RegExp(`"session \\d+ ${endpoint} from`), `our server logged no ${endpoint} session`);
      }
    });
  });
});
