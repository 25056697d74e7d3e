/** Spawning and talking to peer.js processes (server kept alive per stack, one client per scenario). */
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

export async function startServer(args: string[], nodeFlags: string[], timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeFlags, PEER, 'server', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = keepTail(child);
  const stop = async (): Promise<void> => {
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited(child);
    clearTimeout(timer);
  };
  const lines = createInterface({ input: child.stdout! });
  try {
    const ready = await new Promise<{ ports: Record<string, number>; notes: string[] }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server not ready in time')), timeoutMs);
      lines.on('line', (line) => {
        if (!line.startsWith('{')) return;
        clearTimeout(timer);
        resolve(JSON.parse(line) as { ports: Record<string, number>; notes: string[] });
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}`));
      });
    });
    return { ports: ready.ports, notes: ready.notes ?? [], stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr()}`);
  }
}

export async function runClient(args: string[], nodeFlags: string[], timeoutMs: number): Promise<ClientReport> {
  const child = spawn(process.execPath, [...nodeFlags, PEER, 'client', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
