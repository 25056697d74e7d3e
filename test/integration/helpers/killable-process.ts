/**
 * Parent side of the killable peers: spawns killable-server.js / killable-client.js (compiled
 * next to this file, running against dist/src) as child processes, waits for their first JSON
 * line, and SIGKILLs them on demand, so a test can make its peer vanish mid-transfer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { KillableClientConfig } from './killable-client.js';
import type { KillableServerConfig } from './killable-server.js';

export interface KillablePeer<T> {
  readonly child: ChildProcess;
  /** The first JSON line the child printed. */
  readonly hello: T;
  /** Resolves once the process has ended. */
  readonly exited: Promise<void>;
  /** SIGKILL (no close of any kind reaches the other side), then waits for the exit. */
  kill(): Promise<void>;
}

async function spawnPeer<T>(script: string, config: unknown, timeoutMs = 10_000): Promise<KillablePeer<T>> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, [path, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-4000); });
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const hello = await new Promise<T>((resolve, reject) => {
      let out = '';
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const nl = out.indexOf('\n');
        if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as T);
      });
      void exited.then(() => reject(new Error(`${script} exited before it was ready:\n${stderr}`)));
      timer = setTimeout(() => reject(new Error(`${script} not ready within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    });
    // Keep reading (and discarding) so a chatty child never blocks on a full pipe.
    child.stdout!.resume();
    return { child, hello, exited, kill };
  } catch (error) {
    await kill();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A WebTransport server in a child process; `hello.port` is its UDP port on 127.0.0.1. */
export function spawnKillableServer(config: KillableServerConfig): Promise<KillablePeer<{ port: number }>> {
  return spawnPeer('./killable-server.js', config);
}

/** A client child process writing to one stream of one session at `config.url`. */
export function spawnKillableClient(config: KillableClientConfig): Promise<KillablePeer<{ writing: boolean }>> {
  return spawnPeer('./killable-client.js', config);
}

/** Handles and timers that keep a process alive, by kind (process.getActiveResourcesInfo). */
export function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/**
 * Waits (up to `maxWaitMs`, polling) until no kind of resource outnumbers `baseline`, and
 * returns what is still in excess then (empty when nothing leaked).
 */
export async function excessResources(baseline: Map<string, number>, maxWaitMs = 3000): Promise<Record<string, number>> {
  const until = Date.now() + maxWaitMs;
  for (;;) {
    const excess: Record<string, number> = {};
    for (const [kind, n] of activeResources()) {
      const extra = n - (baseline.get(kind) ?? 0);
      if (extra > 0) excess[kind] = extra;
    }
    if (Object.keys(excess).length === 0 || Date.now() >= until) return excess;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
