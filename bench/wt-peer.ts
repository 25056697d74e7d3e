/**
 * One side of the WebTransport benchmark, as its own process (client and server get a core each).
 *
 *   node dist/bench/wt-peer.js server
 *       prints {"ready":true,"port":P,"caPem":"..."} and serves until stdin closes.
 *   node dist/bench/wt-peer.js client --port P --ca PEM --scenario S [--runs N] [--warmup W]
 *       [--settings JSON]
 *       runs the scenario W+N times and prints one JSON line {"ok":true,"samples":[...],"notes":[...]}
 *       where each sample maps a metric name to its measurements in that run.
 */
import { parseArgs } from 'node:util';
import { WebTransportClient } from '../src/api/client.js';
import type { ClientReport } from './peer.js';
import { runWtScenario, type WtScenario, type WtScenarioSettings } from './wt-scenarios.js';
import { startWtServer } from './wt-server.js';

const { positionals, values: opt } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '0' },
    ca: { type: 'string', default: '' },
    scenario: { type: 'string', default: 'upload' },
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    settings: { type: 'string', default: '{}' },
  },
});

if (positionals[0] === 'server') await runServer();
else if (positionals[0] === 'client') await runClient();
else {
  console.error('usage: wt-peer.js server | client --port P --ca PEM --scenario S ...');
  process.exit(2);
}

async function runServer(): Promise<void> {
  const started = await startWtServer();
  console.log(JSON.stringify({ ready: true, port: started.port, caPem: started.caPem }));
  const stop = (): void => void started.stop().finally(() => process.exit(0));
  process.stdin.resume();
  process.stdin.on('end', stop);
  process.on('SIGTERM', stop);
}

async function runClient(): Promise<void> {
  const client = new WebTransportClient({ config: { readTimeoutMs: null, writeTimeoutMs: null } });
  const ctx = {
    client, base: `https://localhost:${opt.port}`, ca: opt.ca, settings: JSON.parse(opt.settings) as WtScenarioSettings,
  };
  const samples: unknown[] = [];
  const report: ClientReport = { ok: true, samples, notes: [] };
  const runs = Number(opt.runs);
  const warmup = Number(opt.warmup);
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const sample = await runWtScenario(opt.scenario as WtScenario, ctx);
      if (i >= warmup) samples.push(sample);
    }
  } catch (error) {
    report.ok = false;
    report.error = (error as Error)?.stack ?? String(error);
  }
  console.log(JSON.stringify(report));
  await Promise.race([client.close().catch(() => {}), new Promise((r) => setTimeout(r, 500))]);
  process.exit(0);
}
