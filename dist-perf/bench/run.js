/**
 * `npm run bench`: our QUIC stack and quiche (@matrixai/quic) over real loopback UDP, server and
 * client in separate processes, several runs each, printed as min / median / max next to each
 * other with the ratio ours/quiche and the targets. Not a test: it never asserts.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { runClient, startServer } from './children.js';
import { parseBenchOptions, USAGE } from './options.js';
import { renderNotes, renderTable } from './report.js';
import { resolveWorkDir } from './workdir.js';
const parsed = parseBenchOptions(process.argv.slice(2), process.env);
if (parsed === 'help') {
    console.log(USAGE);
    process.exit(0);
}
const options = parsed;
const workDir = resolveWorkDir(process.env);
const stacks = options.stacks.filter((s) => s !== 'quiche' || workDir.hasQuiche);
console.log(`tswebtransport benchmark: ${options.runs} runs (+${options.warmup} warm-up) per scenario; `
    + `${(options.bytes / 1048576).toFixed(0)} MB transfers (quiche ${(options.quicheBytes / 1048576).toFixed(0)} MB), ${options.handshakes} handshakes per run, `
    + `${options.dgramSize}-byte datagrams for ${options.dgramMs} ms; certificate verification ${options.verify ? 'on' : 'off'}`);
console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); interop kit ${workDir.note}`);
if (stacks.length < options.stacks.length)
    console.log('quiche skipped: @matrixai/quic is not installed in the work dir');
const results = {};
for (const stack of stacks) {
    results[stack] = await benchStack(stack);
}
console.log('');
console.log(renderTable(results));
console.log('');
console.log('min / median / max over the measured runs; ratios compare medians. quiche = @matrixai/quic 2.0.9 (quiche 0.18,');
console.log('N-API, its JS wrapper included); its server always sends Retry, hence the separate "+ Retry" rows.');
for (const note of renderNotes(results))
    console.log(`- ${note}`);
if (options.jsonPath) {
    writeFileSync(options.jsonPath, JSON.stringify({ options, results }, null, 2));
    console.log(`samples written to ${options.jsonPath}`);
}
async function benchStack(stack) {
    const byKey = {};
    const nodeFlags = stack === 'ours' && options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
    let server;
    try {
        server = await startServer(['--stack', stack, '--workdir', workDir.dir], nodeFlags);
    }
    catch (error) {
        const failed = { ok: false, samples: [], notes: [], error: `server: ${error.message}` };
        for (const s of options.scenarios)
            byKey[s] = failed;
        return byKey;
    }
    try {
        for (const scenario of options.scenarios) {
            const plain = server.ports['plain'];
            await measure(stack, scenario, scenario, plain, nodeFlags, byKey, server.notes);
            // Our server can skip Retry; measure that too so the quiche comparison is like for like.
            if (scenario === 'handshake' && stack === 'ours' && server.ports['retry'] !== undefined) {
                await measure(stack, scenario, 'handshake-retry', server.ports['retry'], nodeFlags, byKey, server.notes);
            }
        }
    }
    finally {
        await server.stop();
    }
    return byKey;
}
async function measure(stack, scenario, key, port, nodeFlags, into, serverNotes) {
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
//# sourceMappingURL=run.js.map