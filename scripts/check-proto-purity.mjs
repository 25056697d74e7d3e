// Checks the sans-IO contract of src/proto: every import stays inside src/proto, and no file
// touches Node modules, timers, the wall clock, ambient randomness or async code.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const protoDir = join(root, 'src', 'proto');

const forbidden = [
  [/\bsetTimeout\b|\bsetInterval\b|\bsetImmediate\b|\bqueueMicrotask\b/, 'timer'],
  [/\bDate\b/, 'Date'],
  [/\bMath\.random\b/, 'Math.random'],
  [/\bperformance\s*\./, 'performance'],
  [/\basync\b|\bawait\b|\bPromise\b/, 'async code'],
  [/\bprocess\s*\./, 'process'],
  [/\bBuffer\b/, 'Buffer'],
];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const problems = [];
for (const file of walk(protoDir)) {
  const rel = relative(root, file);
  const code = stripComments(readFileSync(file, 'utf8'));
  for (const m of code.matchAll(/(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]/g)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) { problems.push(`${rel}: imports '${spec}' (only relative imports inside src/proto)`); continue; }
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(protoDir)) problems.push(`${rel}: imports '${spec}', outside src/proto`);
  }
  const lines = code.split('\n');
  lines.forEach((line, i) => {
    const noStrings = line.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
    for (const [re, what] of forbidden) {
      if (re.test(noStrings)) problems.push(`${rel}:${i + 1}: uses ${what}`);
    }
  });
}

if (problems.length > 0) {
  console.error('src/proto purity check failed:\n' + problems.join('\n'));
  process.exit(1);
}
console.log('src/proto purity check: ok');
