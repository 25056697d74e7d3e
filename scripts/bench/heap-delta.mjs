#!/usr/bin/env node
/**
 * Per-constructor difference between two V8 heap snapshots (e.g. a process holding 0 idle
 * sessions vs one holding N): objects and self bytes grouped by node type + constructor name,
 * sorted by byte growth. Usage:
 *
 *   node scripts/bench/heap-delta.mjs before.heapsnapshot after.heapsnapshot [--per N] [--top K]
 *
 * --per N divides the deltas by N (bytes per session); --top K prints the K largest rows (40).
 * ArrayBuffer backing stores appear as 'native: system / JSArrayBufferData' rows.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { per: { type: 'string', default: '1' }, top: { type: 'string', default: '40' } },
});
if (positionals.length !== 2) {
  console.error('usage: heap-delta.mjs before.heapsnapshot after.heapsnapshot [--per N] [--top K]');
  process.exit(2);
}

/** Map "type: name" -> { count, bytes } for one snapshot. */
function summarize(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const meta = snap.snapshot.meta;
  const fields = meta.node_fields;
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const typeNames = meta.node_types[typeAt];
  const { nodes, strings } = snap;
  const groups = new Map();
  for (let i = 0; i < nodes.length; i += stride) {
    const type = typeNames[nodes[i + typeAt]];
    // Strings and numbers are grouped by type only: their "name" is their content.
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' || type === 'number'
      ? '' : strings[nodes[i + nameAt]];
    const key = `${type}: ${name.length > 70 ? name.slice(0, 67) + '...' : name}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, g = { count: 0, bytes: 0 });
    g.count++;
    g.bytes += nodes[i + sizeAt];
  }
  return groups;
}

const before = summarize(positionals[0]);
const after = summarize(positionals[1]);
const per = Number(values.per);
const rows = [];
let total = 0;
for (const key of new Set([...before.keys(), ...after.keys()])) {
  const a = before.get(key) ?? { count: 0, bytes: 0 };
  const b = after.get(key) ?? { count: 0, bytes: 0 };
  const bytes = (b.bytes - a.bytes) / per;
  total += bytes;
  if (bytes !== 0 || b.count !== a.count) rows.push({ key, count: (b.count - a.count) / per, bytes });
}
rows.sort((x, y) => y.bytes - x.bytes);
const fmt = (n, d) => n.toFixed(d).padStart(10);
console.log(`${'bytes'.padStart(10)} ${'objects'.padStart(10)}  type: constructor${per !== 1 ? `   (per ${per})` : ''}`);
for (const r of rows.slice(0, Number(values.top))) console.log(`${fmt(r.bytes, 0)} ${fmt(r.count, 2)}  ${r.key}`);
console.log(`${fmt(total, 0)} ${''.padStart(10)}  total self-size growth`);
