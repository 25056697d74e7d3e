/**
 * `npm run bench`: our QUIC stack and quiche (@matrixai/quic) over real loopback UDP, server and
 * client in separate processes, several runs each, printed as min / median / max next to each
 * other with the ratio ours/quiche and the targets. Not a test: it never asserts.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { runClient, startServer, type ServerProcess } from './children.js';
import { parseBenchOptions, USAGE, type BenchOptions } from './options.js';
import type { ClientReport, Scenario, Stack } from './peer.js';
import { renderNotes, renderTable, type Results } from './report.js';
import { resolveWorkDir, type WorkDir } from './workdir.js';
import { renderWtNotes, renderWtTable, WT_TABLE_NOTES, type WtResults } from './wt-report.js';
import { runWtBench } from './wt-run.js';

const parsed = parseBenchOptions(process.argv.slice(2), process.env);
if (parsed === 'help') {
  console.log(USAGE);
  process.exit(0);
}
const options: BenchOptions = parsed;
// The interop kit (quiche, its certificates) only matters to the QUIC suite.
const workDir: WorkDir = options.suites.includes('quic')
  ? resolveWorkDir(process.env) : { dir: '', hasQuiche: false, note: 'not needed (WebTransport suite only)' };
const stacks = options.stacks.filter((s) => s !== 'quiche' || workDir.hasQuiche);

console.log(`tswebtransport benchmark: ${options.runs} runs (+${options.warmup} warm-up) per scenario; `
  + `${(options.bytes / 1048576).toFixed(0)} MB transfers (quiche ${(options.quicheBytes / 1048576).toFixed(0)} MB), ${options.handshakes} handshakes per run, `
  + `${options.dgramSize}-byte datagrams for ${options.dgramMs} ms; certificate verification ${options.verify ? 'on' : 'off'}`);
console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); interop kit ${workDir.note}`);
if (options.suites.includes('quic') && stacks.length < options.stacks.length) console.log('quiche skipped: @matrixai/quic is not installed in the work dir');

const results: Results = {};
if (options.suites.includes('quic')) {
  for (const stack of stacks) {
    results[stack] = await benchStack(stack);
  }
}
const wtResults: WtResults = options.suites.includes('wt') ? await runWtBench(options) : {};

if (options.suites.includes('quic')) {
  console.log('');
  console.log(renderTable(results));
  console.log('');
  console.log('min / median / max over the measured runs; ratios compare medians. quiche = @matrixai/quic 2.0.9 (quiche 0.18,');
  console.log('N-API, its JS wrapper included); its server always sends Retry, hence the separate "+ Retry" rows.');
  for (const note of renderNotes(results)) console.log(`- ${note}`);
}
if (options.suites.includes('wt')) {
  console.log('');
  console.log(renderWtTable(wtResults));
  console.log('');
  for (const note of WT_TABLE_NOTES) console.log(note);
  for (const note of renderWtNotes(wtResults)) console.log(`- ${note}`);
}
if (options.jsonPath) {
  writeFileSync(options.jsonPath, JSON.stringify({ options, results, webtransport: wtResults }, null, 2));
  console.log(`samples written to ${options.jsonPath}`);
}

async function benchStack(stack: Stack): Promise<Record<string, ClientReport>> {
  const byKey: Record<string, ClientReport> = {};
  const nodeFlags = stack === 'ours' && options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  let server: ServerProcess;
  try {
    server = await startServer(['--stack', stack, '--workdir', workDir.dir], nodeFlags);
  } catch (error) {
    const failed: ClientReport = { ok: false, samples: [], notes: [], error: `server: ${(error as Error).message}` };
    for (const s of options.scenarios) byKey[s] = failed;
    return byKey;
  }
  try {
    for (const scenario of options.scenarios) {
      const plain = server.ports['plain']!;
      await measure(stack, scenario, scenario, plain, nodeFlags, byKey, server.notes);
      // Our server can skip Retry; measure that too so the quiche comparison is like for like.
      if (scenario === 'handshake' && stack === 'ours' && server.ports['retry'] !== undefined) {
        await measure(stack, scenario, 'handshake-retry', server.ports['retry'], nodeFlags, byKey, server.notes);
      }
    }
  } finally {
    await server.stop();
  }
  return byKey;
}

async function measure(stack: Stack, scenario: Scenario, key: string, port: number, nodeFlags: string[],
  into: Record<string, ClientReport>, serverNotes: string[]): Promise<void> {
  process.stderr.write(`bench: ${stack} ${key}...`);
  const args = ['--stack', stack, '--workdir', workDir.dir, '--port', String(port), '--scenario', scenario,
    '--runs', String(options.runs), '--warmup', String(options.warmup), '--bytes', String(stack === 'quiche' ? options.quicheBytes : options.bytes),
    '--handshakes', String(options.handshakes), '--dgram-ms', String(options.dgramMs),
    '--dgram-size', String(options.dgramSize), ...(options.verify ? ['--verify'] : [])];
  const report = await runClient(args, nodeFlags, options.timeoutSec * 1000);
  report.notes.push(...serverNotes);
  into[key] = report;
  process.stderr.write(report.ok ? ' done\n' : ' FAILED\n');
}
