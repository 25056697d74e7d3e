/** Command-line flags and BENCH_* environment variables of `npm run bench` (flags win). */
import { parseArgs } from 'node:util';
import type { Scenario, Stack } from './peer.js';
import { WT_SCENARIOS, type WtScenario } from './wt-names.js';

/** quic: the raw-QUIC comparison with quiche; wt: pywebtransport's scenarios over WebTransport. */
export type Suite = 'quic' | 'wt';

export interface BenchOptions {
  quick: boolean;
  runs: number;
  warmup: number;
  bytes: number;
  /** Transfer size for quiche: @matrixai/quic moves ~1.5 MB/s, so 100 MB would take minutes per run. */
  quicheBytes: number;
  handshakes: number;
  dgramMs: number;
  dgramSize: number;
  stacks: Stack[];
  scenarios: Scenario[];
  suites: Suite[];
  wtScenarios: WtScenario[];
  verify: boolean;
  /** Per client process, seconds. */
  timeoutSec: number;
  /** Directory for --cpu-prof output of our stack's processes. */
  profileDir: string | undefined;
  jsonPath: string | undefined;
}

export const USAGE = `npm run bench -- [options]      (or: node dist/bench/run.js [options])
  --quick              10 MB transfers, 3 runs, 50 handshakes, 0.5 s of datagrams, no warm-up;
                       WebTransport: 10 x 1 MB transfers, 50 sessions, 200 requests, 100 idle sessions per run
  --runs N             measured runs per scenario (default 5; env BENCH_RUNS)
  --warmup N           unmeasured runs first (default 1)
  --mb N               transfer size in MB (default 100; env BENCH_MB)
  --quiche-mb N        transfer size for quiche (default min(--mb, 10): @matrixai/quic is slow)
  --handshakes N       sequential handshakes per run (default 200; env BENCH_HANDSHAKES)
  --dgram-ms N         datagram send time per run (default 2000)
  --dgram-size N       datagram payload bytes (default 64)
  --stacks a,b         ours,quiche (default both; env BENCH_STACKS)
  --scenarios a,b      upload,download,handshake,datagram (default all; env BENCH_SCENARIOS)
  --suites a,b         quic,wt (default both; env BENCH_SUITES)
  --wt-scenarios a,b   ${WT_SCENARIOS.join(',')}
                       (default all; env BENCH_WT_SCENARIOS)
  --no-verify          clients skip certificate verification (default: verify against the kit CA)
  --timeout S          bound per client process (default 300)
  --profile DIR        run our stack's processes with --cpu-prof into DIR
  --json FILE          also write every sample as JSON
Env: INTEROP_WORKDIR (interop kit work dir with @matrixai/quic and certs; default /work/peers-work
when present, else setup.sh runs into a temporary directory), INTEROP_KIT (the kit folder).`;

const ALL_SCENARIOS: Scenario[] = ['upload', 'download', 'handshake', 'datagram'];
const ALL_STACKS: Stack[] = ['ours', 'quiche'];
const ALL_SUITES: Suite[] = ['quic', 'wt'];

function list<T extends string>(raw: string | undefined, allowed: readonly T[], name: string): T[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`unknown ${name} '${item}' (${allowed.join(', ')})`);
  return items as T[];
}

function num(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} wants a non-negative number, got '${raw}'`);
  return n;
}

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      mb: { type: 'string' },
      'quiche-mb': { type: 'string' },
      handshakes: { type: 'string' },
      'dgram-ms': { type: 'string' },
      'dgram-size': { type: 'string' },
      stacks: { type: 'string' },
      scenarios: { type: 'string' },
      suites: { type: 'string' },
      'wt-scenarios': { type: 'string' },
      'no-verify': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      profile: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick || env['BENCH_QUICK'] === '1';
  const mb = num(values.mb ?? env['BENCH_MB'], quick ? 10 : 100, 'mb');
  return {
    quick,
    runs: num(values.runs ?? env['BENCH_RUNS'], quick ? 3 : 5, 'runs'),
    warmup: num(values.warmup, quick ? 0 : 1, 'warmup'),
    bytes: Math.round(mb * 1024 * 1024),
    quicheBytes: Math.round(num(values['quiche-mb'], Math.min(mb, 10), 'quiche-mb') * 1024 * 1024),
    handshakes: num(values.handshakes ?? env['BENCH_HANDSHAKES'], quick ? 50 : 200, 'handshakes'),
    dgramMs: num(values['dgram-ms'], quick ? 500 : 2000, 'dgram-ms'),
    dgramSize: num(values['dgram-size'], 64, 'dgram-size'),
    stacks: list(values.stacks ?? env['BENCH_STACKS'], ALL_STACKS, 'stack') ?? ALL_STACKS,
    scenarios: list(values.scenarios ?? env['BENCH_SCENARIOS'], ALL_SCENARIOS, 'scenario') ?? ALL_SCENARIOS,
    suites: list(values.suites ?? env['BENCH_SUITES'], ALL_SUITES, 'suite') ?? ALL_SUITES,
    wtScenarios: list(values['wt-scenarios'] ?? env['BENCH_WT_SCENARIOS'], WT_SCENARIOS, 'WebTransport scenario') ?? [...WT_SCENARIOS],
    verify: !values['no-verify'],
    timeoutSec: num(values.timeout, quick ? 120 : 300, 'timeout'),
    profileDir: values.profile,
    jsonPath: values.json,
  };
}
