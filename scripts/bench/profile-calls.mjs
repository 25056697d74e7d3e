#!/usr/bin/env node
// Three views of a V8 .cpuprofile (from `node --cpu-prof` or `npm run bench -- --profile DIR`) that
// scripts/bench/hotspots.mjs (self time) does not give:
//   node scripts/bench/profile-calls.mjs FILE --by-dir            busy time per src/ directory
//   node scripts/bench/profile-calls.mjs FILE --inclusive [REGEX] inclusive time per function
//   node scripts/bench/profile-calls.mjs FILE --callees NAME      where time under NAME... goes
// Idle samples are left out; --top N limits the rows (default 30).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'by-dir': { type: 'boolean' }, inclusive: { type: 'boolean' }, callees: { type: 'string' }, top: { type: 'string', default: '30' },
  },
});
if (positionals.length === 0) {
  console.error('usage: profile-calls.mjs FILE.cpuprofile (--by-dir | --inclusive [REGEX] | --callees NAME) [--top N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const top = Number(values.top);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/.*\/dist\//, '')}:${n.callFrame.lineNumber + 1}`;

/** [sample's stack (leaf first), microseconds] for every non-idle sample. */
function* samples() {
  for (let i = 0; i < profile.samples.length; i++) {
    const leaf = nodes.get(profile.samples[i]);
    if (leaf.callFrame.functionName === '(idle)') continue;
    const stack = [];
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) stack.push(nodes.get(id));
    yield [stack, profile.timeDeltas[i + 1] ?? 0];
  }
}

const totals = new Map();
let busy = 0;
const add = (key, us) => totals.set(key, (totals.get(key) ?? 0) + us);
for (const [stack, us] of samples()) {
  if (values['by-dir']) {
    busy += us;
    // Native and node frames are charged to the nearest of our frames above them.
    const ours = stack.find((n) => n.callFrame.url.includes('/dist/src/'));
    const key = stack[0].callFrame.functionName === '(garbage collector)' ? 'GC'
      : ours ? ours.callFrame.url.replace(/.*\/dist\/src\//, '').replace(/\/[^/]*$/, '') : 'node / other';
    add(key, us);
  } else if (values.callees !== undefined) {
    const at = stack.findIndex((n) => label(n).startsWith(values.callees));
    if (at < 0) continue;
    busy += us;
    add(at === 0 ? '(self)' : label(stack[at - 1]), us);
  } else {
    busy += us;
    const filter = positionals[1] ? new RegExp(positionals[1]) : undefined;
    for (const key of new Set(stack.map(label))) if (!filter || filter.test(key)) add(key, us);
  }
}
const title = values.callees !== undefined ? `under ${values.callees}` : 'busy';
console.log(`${title}: ${(busy / 1000).toFixed(0)} ms`);
for (const [key, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${((100 * us) / busy).toFixed(1).padStart(6)} % ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}
