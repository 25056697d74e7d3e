/**
 * The WebTransport half of `npm run bench`: one server process (wt-peer.js server, run with
 * --expose-gc for the memory scenario) and one client process per scenario, over loopback UDP.
 */
import { fileURLToPath } from 'node:url';
import { runPeerClient, startPeerServer } from './children.js';
import type { BenchOptions } from './options.js';
import type { ClientReport } from './peer.js';
import type { WtResults } from './wt-report.js';
import type { WtScenarioSettings } from './wt-scenarios.js';

const WT_PEER = fileURLToPath(new URL('./wt-peer.js', import.meta.url));
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

function startWtServerProcess(nodeFlags: string[]): Promise<WtServerProcess> {
  return startPeerServer<{ port: number; caPem: string }>(['--expose-gc', ...nodeFlags, WT_PEER, 'server'], 'WebTransport server');
}

function runWtClient(args: string[], nodeFlags: string[], timeoutMs: number): Promise<ClientReport> {
  return runPeerClient(['--expose-gc', ...nodeFlags, WT_PEER, 'client', ...args], timeoutMs);
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
