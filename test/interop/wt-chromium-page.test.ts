/**
 * The demo page of `tswebtransport serve`, as a person would use it: headless Chromium (through the
 * harness's cached playwright-core) opens the printed page URL, clicks Connect and each button, and
 * the page log must show the stream, server-opened stream and datagram echoes and the close.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedHarnessModules, chromiumHarnessEnvironment, runCase, type InteropEnvironment } from './helpers.js';

/** The little of playwright-core this test uses (it is loaded from the harness cache at run time). */
interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  textContent(selector: string): Promise<string | null>;
  waitForFunction(fn: string, arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
}
interface Context {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: { launchPersistentContext(dir: string, options: Record<string, unknown>): Promise<Context> };
}

const found = chromiumHarnessEnvironment();

describe('demo page of tswebtransport serve in Chromium', { skip: 'skip' in found ? found.skip : undefined }, () => {
  test('connect, then stream, uni, datagram and close all show in the page log', { timeout: 120_000 }, async () => {
    const { env, harness } = found as { env: InteropEnvironment; harness: string };
    await runCase(env, 'wt-chromium-page', async (c) => {
      const modules = cachedHarnessModules(env.workdir, harness);
      const pw = (await import(pathToFileURL(join(modules, 'playwright-core', 'index.mjs')).href)) as Playwright;
      const serve = c.node('serve', join(dirname(env.cli), 'main.js'), ['serve', '--port', '0', '--http-port', '0'], { timeoutMs: 100_000 });
      const pageUrl = (await serve.waitFor(/demo page: (\S+)/, 20_000))[1]!;
      const profile = mkdtempSync(join(tmpdir(), 'tswt-page-profile-'));
      const context = await pw.chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium', headless: true, timeout: 30_000, chromiumSandbox: false,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
          '--disable-sync', '--disable-default-apps', '--no-pings', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
      });
      try {
        const page = await context.newPage();
        await page.goto(pageUrl, { timeout: 15_000 });
        const logHas = (needle: string): Promise<unknown> =>
          page.waitForFunction('(n) => document.getElementById("log").textContent.includes(n)', needle, { timeout: 15_000 })
            .catch(async () => { throw new Error(`the page log lacks ${JSON.stringify(needle)}:\n${await page.textContent('#log')}`); });
        await page.click('#connect');
        await logHas('session ready');
        // The server opens a bidi stream at once; the page writes to it and gets the echo.
        await logHas('server-opened bidi echo: "hello on the server-opened stream"');
        await page.fill('#message', 'bidi text 1');
        await page.click('#bidi');
        await logHas('bidi echo: "bidi text 1"');
        await page.fill('#message', 'uni text 2');
        await page.click('#uni');
        await logHas('uni stream from server: "uni text 2"');
        await page.fill('#message', 'datagram text 3');
        await page.click('#datagram');
        await logHas('datagram echo: "datagram text 3"');
        await page.click('#close');
        await logHas('session closed: code 4242');
        assert.equal((await page.textContent('#log'))!.includes('connect failed'), false);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
      await serve.waitFor(/\[wt\] session \d+ echo closed code=4242 reason="bye from the page" remote=true/, 5000);
    });
  });
});
