#!/usr/bin/env node
// Top self-time functions of one or more V8 .cpuprofile files (from `node --cpu-prof`, e.g.
// `npm run bench -- --profile DIR`). Usage: node scripts/bench/hotspots.mjs FILE|DIR... [--top N]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
if (args.length === 0) {
  console.error('usage: node scripts/bench/hotspots.mjs FILE.cpuprofile|DIR... [--top N]');
  process.exit(2);
}

function profilesIn(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(path, f));
}

// Self time per node: each sample is charged the time delta that follows it.
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = timeDeltas[i + 1] ?? 0;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  const out = new Map();
  for (const [id, micros] of self) {
    const f = byId.get(id).callFrame;
    const file = f.url ? f.url.replace(/^file:\/\//, '').replace(/^.*\/(dist|build-[^/]+)\//, '') : '';
    const key = `${f.functionName || '(anonymous)'}  ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
    out.set(key, (out.get(key) ?? 0) + micros);
  }
  return out;
}

for (const file of args.flatMap(profilesIn)) {
  const times = selfTimes(JSON.parse(readFileSync(file, 'utf8')));
  const total = [...times.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${file}: ${(total / 1e6).toFixed(2)} s sampled`);
  const rows = [...times].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [key, micros] of rows) {
    console.log(`${(100 * micros / total).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
}
