/**
 * One side of one benchmark, as its own process (two processes get the two cores; one process
 * would put client and server on one event loop).
 *
 *   node dist/bench/peer.js server --stack ours|quiche --workdir DIR
 *       prints {"ready":true,"ports":{"plain":P,"retry":R?}} and serves until stdin closes.
 *   node dist/bench/peer.js client --stack ours|quiche --workdir DIR --port P --scenario S
 *       [--runs N] [--warmup W] [--bytes B] [--handshakes H] [--dgram-ms MS] [--dgram-size N] [--verify]
 *       runs the scenario W+N times and prints one JSON line {"ok":true,"samples":[...],"notes":[...]}.
 */
import { parseArgs } from 'node:util';
import { downloadOnce, uploadOnce, datagramBlast, type BenchConnection } from './bench-protocol.js';
import { kitCertFiles, loadClientVerification, loadServerCredentials } from './credentials.js';
import { oursDatagramsSent, oursDialer, startOursServer, wrapOursConnection } from './ours-stack.js';
import { quicheDialer, startQuicheServer } from './quiche-stack.js';
import { summarize } from './stats.js';

export type Scenario = 'upload' | 'download' | 'handshake' | 'datagram';
export type Stack = 'ours' | 'quiche';

export interface HandshakeSample {
  count: number;
  seconds: number;
  perSecond: number;
  msMedian: number;
  msMin: number;
  msMax: number;
}

export interface ClientReport {
  ok: boolean;
  samples: unknown[];
  notes: string[];
  error?: string;
}

const { positionals, values: opt } = parseArgs({
  allowPositionals: true,
  options: {
    stack: { type: 'string', default: 'ours' },
    workdir: { type: 'string', default: '' },
    port: { type: 'string', default: '0' },
    scenario: { type: 'string', default: 'upload' },
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    bytes: { type: 'string', default: String(100 * 1024 * 1024) },
    handshakes: { type: 'string', default: '200' },
    'dgram-ms': { type: 'string', default: '2000' },
    'dgram-size': { type: 'string', default: '64' },
    verify: { type: 'boolean', default: false },
  },
});
const stack = opt.stack as Stack;
const files = kitCertFiles(opt.workdir);

if (positionals[0] === 'server') await runServer();
else if (positionals[0] === 'client') await runClient();
else {
  console.error('usage: peer.js server|client --stack ours|quiche --workdir DIR ...');
  process.exit(2);
}

async function runServer(): Promise<void> {
  const notes: string[] = [];
  let ports: Record<string, number>;
  let stop: () => Promise<void>;
  if (stack === 'ours') {
    const creds = await loadServerCredentials(files);
    notes.push(`server key from ${creds.source}`);
    const plain = await startOursServer(creds, false);
    const retry = await startOursServer(creds, true);
    ports = { plain: plain.address.port, retry: retry.address.port };
    stop = async () => { await Promise.all([plain.close({ timeoutMs: 100 }), retry.close({ timeoutMs: 100 })]); };
  } else {
    const server = await startQuicheServer(opt.workdir, files);
    ports = { plain: server.port };
    stop = server.stop;
  }
  console.log(JSON.stringify({ ready: true, ports, notes }));
  // The parent holds our stdin: when it goes away (or ends it), so do we.
  process.stdin.resume();
  process.stdin.on('end', () => void stop().finally(() => process.exit(0)));
  process.on('SIGTERM', () => void stop().finally(() => process.exit(0)));
}

interface Dialed {
  bench: BenchConnection;
  datagramsSent(accepted: number): number;
}

async function runClient(): Promise<void> {
  const notes: string[] = [];
  const port = Number(opt.port);
  /** `own`: the connection gets its own socket (single-connection client), else the shared one. */
  let dial: (own: boolean) => Promise<Dialed>;
  let closeDialer: () => Promise<void>;
  if (stack === 'ours') {
    const verification = await loadClientVerification(files, opt.verify);
    if (verification.note) notes.push(verification.note);
    notes.push(`certificate verification ${verification.mode}`);
    const dialer = await oursDialer(port, verification.verifier);
    dial = async (own) => {
      const c = await (own ? dialer.dialOwn() : dialer.dial());
      return { bench: wrapOursConnection(c), datagramsSent: () => oursDatagramsSent(c) };
    };
    closeDialer = dialer.close;
  } else {
    notes.push(`certificate verification ${opt.verify ? 'ca' : 'off'}`);
    const dialer = await quicheDialer(opt.workdir, port, files, opt.verify);
    dial = dialer.dial;
    closeDialer = dialer.close;
  }
  const runs = Number(opt.runs);
  const warmup = Number(opt.warmup);
  const samples: unknown[] = [];
  const report: ClientReport = { ok: true, samples, notes };
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const sample = await runScenario(opt.scenario as Scenario, dial);
      if (i >= warmup) samples.push(sample);
    }
  } catch (error) {
    report.ok = false;
    report.error = (error as Error)?.stack ?? String(error);
  }
  console.log(JSON.stringify(report));
  await Promise.race([closeDialer().catch(() => {}), new Promise((r) => setTimeout(r, 500))]);
  process.exit(0);
}

async function runScenario(scenario: Scenario, dial: (own: boolean) => Promise<Dialed>): Promise<unknown> {
  if (scenario === 'handshake') return handshakes(Number(opt.handshakes), () => dial(false));
  const dialed = await dial(true);
  try {
    switch (scenario) {
      case 'upload': return await uploadOnce(dialed.bench, Number(opt.bytes));
      case 'download': return await downloadOnce(dialed.bench, Number(opt.bytes));
      case 'datagram': return await datagramBlast(dialed.bench, {
        durationMs: Number(opt['dgram-ms']), size: Number(opt['dgram-size']), backlog: 256, settleMs: 300,
        sentCount: dialed.datagramsSent,
      });
      default: throw new Error(`unknown scenario ${String(scenario)}`);
    }
  } finally {
    await dialed.bench.close();
  }
}

/** `count` handshakes one after the other; each connection is closed as soon as it is up. */
async function handshakes(count: number, dial: () => Promise<Dialed>): Promise<HandshakeSample> {
  const times: number[] = [];
  // Closes are not awaited inside the loop (a server sees a stream of short connections, and
  // @matrixai/quic's destroy() waits ~25 ms for its own shutdown), only before the next run.
  const closing: Promise<void>[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    const dialed = await dial();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    closing.push(dialed.bench.close().catch(() => {}));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await Promise.all(closing);
  const s = summarize(times);
  return { count, seconds, perSecond: count / seconds, msMedian: s.median, msMin: s.min, msMax: s.max };
}
