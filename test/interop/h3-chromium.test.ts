/**
 * Headless Chromium (Debian `chromium`, through the kit's chromium-h3.sh: --origin-to-force-quic-on,
 * leaf trusted by SPKI hash) loads a page from OUR `server --mode h3`. Our server listens on UDP
 * only, and the page carries a token generated for this run, so a DOM holding the token came over
 * HTTP/3; our server's request log must also show the GET served on its h3 connection.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interopEnvironment, runCase } from './helpers.js';
import { ourH3Requests } from './log-checks.js';

function chromiumMissing(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/local/bin']);
  return dirs.some((d) => d !== '' && existsSync(join(d, 'chromium'))) ? undefined : 'chromium is not installed (apt-get install -y chromium; .ci/run does it)';
}

const found = interopEnvironment();
const skip = found.skip ?? chromiumMissing();

describe('interop HTTP/3: Chromium -> our server', { skip }, () => {
  test('headless Chromium loads a page over HTTP/3', { timeout: 90_000 }, async (t) => {
    await runCase(found.env!, 'h3-chromium', async (c) => {
      const token = randomBytes(12).toString('hex');
      const www = join(c.dir, 'www');
      mkdirSync(www);
      writeFileSync(join(www, 'index.html'), `<!doctype html><title>tswebtransport h3</title><p id="t">served over h3: ${token}</p>\n`);
      const server = await c.startOurH3Server(www);
      const chromium = c.kitScript('chromium', 'chromium-h3.sh', [String(server.port), '/index.html'], { timeoutMs: 60_000, env: { TIMEOUT: '45' } });
      const exit = await chromium.waitExit(55_000);
      t.diagnostic(`chromium exit ${exit.code}; DOM ${chromium.stdout.length} bytes`);
      assert.ok(chromium.stdout.includes(`served over h3: ${token}`), `the DOM Chromium printed lacks this run's token:\n${chromium.stdout.slice(0, 500)}`);
      const page = ourH3Requests(server.process.stderr).filter((r) => r.path === '/index.html');
      assert.equal(page.length >= 1, true, 'our h3 server logged no GET /index.html');
      assert.equal(page[0]!.method, 'GET');
      assert.equal(page[0]!.status, 200);
      assert.equal(page[0]!.bytes > 0, true);
    });
  });
});
