// Keeps source files small: 1,500 lines is the hard cap for any file under src/.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname, relative } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const cap = 1500;
const over = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.ts')) {
      const lines = readFileSync(path, 'utf8').split('\n').length;
      if (lines > cap) over.push(`${relative(root, path)}: ${lines} lines (cap ${cap})`);
    }
  }
}
walk(join(root, 'src'));
if (over.length) { console.error(over.join('\n')); process.exit(1); }
console.log('file size check: ok');
