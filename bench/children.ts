/** Spawning and talking to benchmark peer processes (server kept alive per stack, one client per scenario). */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ClientReport } from './peer.js';

const PEER = fileURLToPath(new URL('./peer.js', import.meta.url));
const STDERR_TAIL = 4000;

export interface ServerProcess {
  ports: Record<string, number>;
  notes: string[];
  stop(): Promise<void>;
}

function keepTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => { tail = (tail + chunk.toString()).slice(-STDERR_TAIL); });
  return () => tail.trim();
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A peer process started with `argv` (node flags, script, role, options) that answers with one JSON line when ready. */
export async function startPeerServer<T extends object>(argv: string[], what: string, timeoutMs = 30_000): Promise<T & { stop(): Promise<void> }> {
  const child = spawn(process.execPath, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = keepTail(child);
  const stop = async (): Promise<void> => {
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited(child);
    clearTimeout(timer);
  };
  const lines = createInterface({ input: child.stdout! });
  try {
    const ready = await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} not ready in time`)), timeoutMs);
      lines.on('line', (line) => {
        if (!line.startsWith('{')) return;
        clearTimeout(timer);
        resolve(JSON.parse(line) as T);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${what} exited with ${code}`));
      });
    });
    return { ...ready, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr()}`);
  }
}

/** A client peer process run to its end: its last JSON line is the report (failure report on a timeout or crash). */
export async function runPeerClient(argv: string[], timeoutMs: number): Promise<ClientReport> {
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr = keepTail(child);
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  await exited(child);
  clearTimeout(timer);
  const line = stdout.split('\n').reverse().find((l) => l.startsWith('{'));
  if (line !== undefined && !timedOut) return JSON.parse(line) as ClientReport;
  const why = timedOut ? `timed out after ${Math.round(timeoutMs / 1000)} s` : `exited with ${child.exitCode ?? child.signalCode}`;
  return { ok: false, samples: [], notes: [], error: `${why}${stderr() ? `\n${stderr()}` : ''}` };
}

export async function startServer(args: string[], nodeFlags: string[], timeoutMs = 30_000): Promise<ServerProcess> {
  const ready = await startPeerServer<{ ports: Record<string, number>; notes?: string[] }>([...nodeFlags, PEER, 'server', ...args], 'server', timeoutMs);
  return { ports: ready.ports, notes: ready.notes ?? [], stop: ready.stop };
}

export function runClient(args: string[], nodeFlags: string[], timeoutMs: number): Promise<ClientReport> {
  return runPeerClient([...nodeFlags, PEER, 'client', ...args], timeoutMs);
}
