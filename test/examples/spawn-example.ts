/**
 * Runs an example script as its users would (`node examples/...mjs`) and watches its output.
 * The examples import 'tswebtransport', which resolves through the package's own exports to
 * dist/, so `npm run build` must have run first (npm test does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest ancestor (of this file, else the cwd) holding examples/. */
export function repoRoot(): string {
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, 'examples')) && existsSync(join(dir, 'package.json'))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('cannot find the repository root (a folder with examples/ and package.json)');
}

export interface RunningExample {
  readonly child: ChildProcess;
  /** Every stdout line so far. */
  readonly lines: string[];
  /** Resolves with the first stdout line matching `pattern` (past or future); rejects on exit or timeout. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export function runExample(script: string, args: readonly string[] = []): RunningExample {
  const root = repoRoot();
  const child = spawn(process.execPath, [join(root, script), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let stderr = '';
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    for (const listener of [...listeners]) listener();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-4000); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    for (const listener of [...listeners]) listener();
    resolve(code);
  }));

  const waitForLine = (pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> => new Promise((resolve, reject) => {
    const check = (): void => {
      for (const line of lines) {
        const match = line.match(pattern);
        if (match !== null) return done(() => resolve(match));
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        done(() => reject(new Error(`${script} exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}\nstdout:\n${lines.join('\n')}\nstderr:\n${stderr}`)));
      }
    };
    const timer = setTimeout(() => done(() => reject(new Error(`${script}: no line matching ${pattern} within ${timeoutMs} ms\nstdout:\n${lines.join('\n')}\nstderr:\n${stderr}`))), timeoutMs);
    const done = (settle: () => void): void => {
      clearTimeout(timer);
      listeners.delete(check);
      settle();
    };
    listeners.add(check);
    check();
  });

  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { child, lines, waitForLine, exited, stop };
}
