/**
 * The WebTransport half of `npm run bench`: one server process (wt-peer.js server, run with
 * --expose-gc for the memory scenario) and one client process per scenario, over loopback UDP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from './options.js';
import type { ClientReport } from './peer.js';
import type { WtResults } from './wt-report.js';
import type { WtScenarioSettings } from './wt-scenarios.js';

const WT_PEER = fileURLToPath(new URL('./wt-peer.js', import.meta.url));
const STDERR_TAIL = 4000;

interface WtServerProcess {
  port: number;
  caPem: string;
  stop(): Promise<void>;
}

/** Scenario sizes: pywebtransport's (1 MB streams, 1000 x 64 KB, 10,000-datagram burst), fewer repeats in --quick. */
export function wtSettings(quick: boolean): WtScenarioSettings {
  return {
    transfers: quick ? 10 : 30,
    transferBytes: 1024 * 1024,
    handshakes: quick ? 50 : 200,
    requests: quick ? 200 : 1000,
    datagrams: 10_000,
    streams: 1000,
    streamBytes: 64 * 1024,
    idleSessions: quick ? 100 : 300,
  };
}

function stderrTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => { tail = (tail + chunk.toString()).slice(-STDERR_TAIL); });
  return () => tail.trim();
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startWtServerProcess(nodeFlags: string[]): Promise<WtServerProcess> {
  const child = spawn(process.execPath, ['--expose-gc', ...nodeFlags, WT_PEER, 'server'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = stderrTail(child);
  const stop = async (): Promise<void> => {
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited(child);
    clearTimeout(timer);
  };
  try {
    const ready = await new Promise<{ port: number; caPem: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('WebTransport server not ready in time')), 30_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!line.startsWith('{')) return;
        clearTimeout(timer);
        resolve(JSON.parse(line) as { port: number; caPem: string });
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`WebTransport server exited with ${code}`));
      });
    });
    return { ...ready, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr()}`);
  }
}

async function runWtClient(args: string[], nodeFlags: string[], timeoutMs: number): Promise<ClientReport> {
  const child = spawn(process.execPath, ['--expose-gc', ...nodeFlags, WT_PEER, 'client', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr = stderrTail(child);
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  await exited(child);
  clearTimeout(timer);
  const line = stdout.split('\n').reverse().find((l) => l.startsWith('{'));
  if (line !== undefined && !timedOut) return JSON.parse(line) as ClientReport;
  const why = timedOut ? `timed out after ${Math.round(timeoutMs / 1000)} s` : `exited with ${child.exitCode ?? child.signalCode}`;
  return { ok: false, samples: [], notes: [], error: `${why}${stderr() ? `\n${stderr()}` : ''}` };
}

export async function runWtBench(options: BenchOptions): Promise<WtResults> {
  const results: WtResults = {};
  const nodeFlags = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  let server: WtServerProcess;
  try {
    server = await startWtServerProcess(nodeFlags);
  } catch (error) {
    for (const s of options.wtScenarios) results[s] = { ok: false, samples: [], notes: [], error: `server: ${(error as Error).message}` };
    return results;
  }
  const settings = JSON.stringify(wtSettings(options.quick));
  try {
    for (const scenario of options.wtScenarios) {
      process.stderr.write(`bench: webtransport ${scenario}...`);
      const report = await runWtClient([
        '--port', String(server.port), `--ca=${server.caPem}`, '--scenario', scenario,
        '--runs', String(options.runs), '--warmup', String(options.warmup), '--settings', settings,
      ], nodeFlags, options.timeoutSec * 1000);
      results[scenario] = report;
      process.stderr.write(report.ok ? ' done\n' : ' FAILED\n');
    }
  } finally {
    await server.stop();
  }
  return results;
}
