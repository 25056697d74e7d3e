/**
 * Process plumbing for the interop cases: where the peers and our CLI live, free loopback ports,
 * child processes with a hard timeout whose whole process group is killed at the end, waiting for
 * a line, and a per-case temp dir whose logs are attached to the error when a case fails.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseListeningPort } from './log-checks.js';

export interface InteropEnvironment {
  /** Project root (holds package.json and dist/). */
  root: string;
  /** The peers kit (../shared/interop/peers unless INTEROP_KIT says otherwise). */
  kit: string;
  /** Work dir prepared by the kit's setup.sh (INTEROP_WORKDIR). */
  workdir: string;
  /** Our interop CLI, compiled: dist/src/cli/interop.js (INTEROP_CLI overrides). */
  cli: string;
  ca: string;
  /** Leaf + CA chain, loaded by servers. */
  cert: string;
  key: string;
}

/** Walks up from this compiled file to the package root; falls back to the working directory. */
export function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tswebtransport') return dir;
      } catch {
        // Unreadable manifest: keep walking.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The environment, or the reason every interop case is skipped. */
export function interopEnvironment(): { env: InteropEnvironment; skip?: undefined } | { env?: undefined; skip: string } {
  const workdir = process.env.INTEROP_WORKDIR;
  if (!workdir) return { skip: 'INTEROP_WORKDIR is not set (run ../shared/interop/peers/setup.sh into a work dir and export INTEROP_WORKDIR, or use .ci/run)' };
  const root = process.env.INTEROP_ROOT ? resolve(process.env.INTEROP_ROOT) : findProjectRoot();
  const kit = resolve(process.env.INTEROP_KIT ?? join(root, '..', 'shared', 'interop', 'peers'));
  const cli = resolve(process.env.INTEROP_CLI ?? join(root, 'dist', 'src', 'cli', 'interop.js'));
  const env: InteropEnvironment = {
    root, kit, workdir: resolve(workdir), cli,
    ca: join(workdir, 'certs', 'ca.pem'), cert: join(workdir, 'certs', 'cert.pem'), key: join(workdir, 'certs', 'priv.key'),
  };
  if (!existsSync(join(kit, 'udp-impair-proxy.mjs'))) return { skip: `interop kit not found at ${kit} (set INTEROP_KIT)` };
  for (const file of [env.ca, env.cert, env.key]) {
    if (!existsSync(file)) return { skip: `${file} is missing: INTEROP_WORKDIR=${workdir} was not prepared by setup.sh` };
  }
  if (!existsSync(cli)) return { skip: `our interop CLI ${cli} is not built (npm run build)` };
  return { env };
}

function onPath(command: string): boolean {
  const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/sbin', '/usr/local/bin']);
  return dirs.some((d) => d !== '' && existsSync(join(d, command)));
}

/**
 * For the Chromium WebTransport cases: our CLI, INTEROP_WORKDIR (where the harness's npm install is
 * cached), chromium, openssl and the harness dir (../shared/interop/chromium, CHROMIUM_KIT overrides),
 * or why they are skipped.
 */
export function chromiumHarnessEnvironment(): { env: InteropEnvironment; harness: string } | { skip: string } {
  const workdir = process.env.INTEROP_WORKDIR;
  if (!workdir) return { skip: 'INTEROP_WORKDIR is not set (the playwright-core install is cached there; .ci/run sets it)' };
  if (!onPath('chromium')) return { skip: 'chromium is not installed (apt-get install -y chromium; .ci/run does it)' };
  if (!onPath('openssl')) return { skip: 'openssl is missing (make-cert.sh needs it)' };
  const root = process.env.INTEROP_ROOT ? resolve(process.env.INTEROP_ROOT) : findProjectRoot();
  const harness = resolve(process.env.CHROMIUM_KIT ?? join(root, '..', 'shared', 'interop', 'chromium'));
  if (!existsSync(join(harness, 'wt-client.mjs'))) return { skip: `the Chromium harness is not at ${harness} (set CHROMIUM_KIT)` };
  const cli = resolve(process.env.INTEROP_CLI ?? join(root, 'dist', 'src', 'cli', 'interop.js'));
  if (!existsSync(cli)) return { skip: `our interop CLI ${cli} is not built (npm run build)` };
  const kit = resolve(process.env.INTEROP_KIT ?? join(root, '..', 'shared', 'interop', 'peers'));
  return { env: { root, kit, workdir: resolve(workdir), cli, ca: '', cert: '', key: '' }, harness };
}

/**
 * Runs `fn` holding a lock shared by the test processes (a directory: mkdir is atomic), so that
 * two test files never install into the same folder at once. A lock older than `staleMs` is
 * taken as abandoned by a killed process.
 */
function withDirectoryLock<T>(lockDir: string, fn: () => T, staleMs = 180_000): T {
  const deadline = Date.now() + staleMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > staleMs) rmSync(lockDir, { recursive: true, force: true });
      } catch { /* released meanwhile */ }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
      Atomics.wait(pause, 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** playwright-core installed once under $INTEROP_WORKDIR; reinstalled when the lock file changes. */
export function cachedHarnessModules(workdir: string, harness: string): string {
  const cache = join(workdir, 'wt-chromium-harness');
  return withDirectoryLock(`${cache}.lock`, () => installHarnessModules(cache, harness));
}

function installHarnessModules(cache: string, harness: string): string {
  const lock = readFileSync(join(harness, 'package-lock.json'), 'utf8');
  const cachedLock = join(cache, 'package-lock.json');
  const installed = existsSync(join(cache, 'node_modules', 'playwright-core', 'package.json'));
  if (!installed || !existsSync(cachedLock) || readFileSync(cachedLock, 'utf8') !== lock) {
    mkdirSync(cache, { recursive: true });
    for (const f of ['package.json', 'package-lock.json']) cpSync(join(harness, f), join(cache, f));
    const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: cache, encoding: 'utf8', timeout: 120_000 });
    if (npm.status !== 0) throw new Error(`npm ci for the Chromium harness failed:\n${npm.stdout}\n${npm.stderr}`);
  }
  return join(cache, 'node_modules');
}

/** Why the ngtcp2 cases are skipped, or undefined when gtlsclient/gtlsserver are installed. */
export function ngtcp2Missing(): string | undefined {
  const missing = ['gtlsclient', 'gtlsserver'].filter((c) => !onPath(c));
  return missing.length > 0 ? `ngtcp2 peers missing (${missing.join(', ')}): apt-get install ngtcp2-client ngtcp2-server` : undefined;
}

/** Why the quiche (@matrixai/quic) cases are skipped, or undefined when its modules are installed. */
export function matrixaiMissing(env: InteropEnvironment): string | undefined {
  const nm = process.env.PEERS_NODE_MODULES ?? join(env.workdir, 'node_modules');
  return existsSync(join(nm, '@matrixai', 'quic', 'package.json')) ? undefined : `@matrixai/quic not installed in ${nm} (run setup.sh)`;
}

/** Environment for the kit's scripts: they find certs, www and node_modules through WORKDIR. */
export function kitEnv(env: InteropEnvironment, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, WORKDIR: env.workdir, ...extra };
}

/** A UDP port that was free a moment ago on `host` (the OS picks it; we release it at once). */
export async function freeUdpPort(host = '127.0.0.1'): Promise<number> {
  const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  return new Promise((resolvePort, reject) => {
    socket.once('error', reject);
    socket.bind(0, host, () => {
      const { port } = socket.address();
      socket.close(() => resolvePort(port));
    });
  });
}

/** Resolves once some socket is bound to UDP `port` (read from /proc/net/udp*), or after `timeoutMs`. */
export async function waitForUdpBound(port: number, timeoutMs = 3000): Promise<boolean> {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const table of ['/proc/net/udp', '/proc/net/udp6']) {
      try {
        if (readFileSync(table, 'utf8').split('\n').some((line) => line.trim().split(/\s+/)[1]?.endsWith(hex.trim()))) return true;
      } catch {
        // No procfs: fall through to the plain delay below.
      }
    }
    if (Date.now() >= deadline) return false;
    await delay(50);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when our hard timeout killed it. */
  timedOut: boolean;
}

/** Logs kept in memory per process are capped; the log file has everything. */
const MEMORY_CAP = 32 * 1024 * 1024;

/** A spawned peer: its own process group, a log file, a hard timeout, and line waiting. */
export class PeerProcess {
  readonly name: string;
  readonly logPath: string;
  readonly commandLine: string;
  readonly child: ChildProcess;
  readonly exited: Promise<ExitInfo>;
  stdout = '';
  stderr = '';
  private readonly log: WriteStream;
  private readonly hardTimer: ReturnType<typeof setTimeout>;
  private exitInfo: ExitInfo | undefined;
  private timedOut = false;
  private readonly listeners = new Set<() => void>();

  constructor(name: string, command: string, args: readonly string[], options: { logDir: string; timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string }) {
    this.name = name;
    this.logPath = join(options.logDir, `${name}.log`);
    this.log = createWriteStream(this.logPath);
    this.commandLine = [command, ...args].join(' ');
    this.log.write(`$ ${this.commandLine}\n`);
    // detached: the child leads a new process group, so kill(-pid) also reaches what it execs/forks.
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => this.capture('stdout', s));
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => this.capture('stderr', s));
    this.hardTimer = setTimeout(() => {
      this.timedOut = true;
      this.signal('SIGKILL');
    }, options.timeoutMs);
    this.exited = new Promise((resolveExit) => {
      const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (this.exitInfo) return;
        clearTimeout(this.hardTimer);
        this.exitInfo = { code, signal, timedOut: this.timedOut };
        this.log.write(`\n[exit code=${code} signal=${signal}${this.timedOut ? ' (hard timeout)' : ''}]\n`);
        this.log.end();
        for (const l of this.listeners) l();
        resolveExit(this.exitInfo);
      };
      // 'close' waits for stdio to drain, so the output is complete when it resolves.
      this.child.once('close', finish);
      this.child.once('error', (error) => {
        this.capture('stderr', `spawn error: ${error.message}\n`);
        finish(null, null);
      });
    });
  }

  /** Everything printed so far, stdout then stderr. */
  get output(): string {
    return `${this.stdout}${this.stderr}`;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  private capture(stream: 'stdout' | 'stderr', text: string): void {
    this.log.write(text);
    if (this[stream].length < MEMORY_CAP) this[stream] += text;
    for (const l of this.listeners) l();
  }

  /** Resolves with the first match of `pattern` in the output; rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    return new Promise((resolveMatch, reject) => {
      const check = (): void => {
        const m = pattern.exec(this.output);
        if (m) {
          done();
          resolveMatch(m);
        } else if (this.exitInfo) {
          done();
          reject(new Error(`${this.name} exited (code ${this.exitInfo.code}, signal ${this.exitInfo.signal}) before printing ${pattern}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Waits for exit; past `timeoutMs` the process group is killed and the exit reports timedOut. */
  async waitExit(timeoutMs: number): Promise<ExitInfo> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((r) => { timer = setTimeout(() => r(undefined), timeoutMs); });
    const first = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (first) return first;
    this.timedOut = true;
    return this.stop();
  }

  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves when it has exited. */
  async stop(graceMs = 2000): Promise<ExitInfo> {
    if (this.exitInfo) return this.exitInfo;
    this.signal('SIGTERM');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const killed = await Promise.race([this.exited, new Promise<undefined>((r) => { timer = setTimeout(() => r(undefined), graceMs); })]);
    clearTimeout(timer);
    if (killed) return killed;
    this.signal('SIGKILL');
    return this.exited;
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined || this.exitInfo) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      try {
        this.child.kill(signal);
      } catch {
        // Already gone.
      }
    }
  }
}

/** Last `lines` lines of a text. */
export function tail(text: string, lines: number): string {
  const all = text.split('\n');
  return all.length <= lines ? text : `... (${all.length - lines} earlier lines in the log file)\n${all.slice(-lines).join('\n')}`;
}

/** One interop case: a temp dir for logs, the processes it started, and cleanup. */
export class InteropCase {
  readonly name: string;
  readonly dir: string;
  readonly env: InteropEnvironment;
  private readonly processes: PeerProcess[] = [];

  constructor(env: InteropEnvironment, name: string) {
    this.env = env;
    this.name = name;
    this.dir = mkdtempSync(join(tmpdir(), `tswt-interop-${name.replace(/[^a-z0-9]+/gi, '-')}-`));
  }

  spawn(name: string, command: string, args: readonly string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): PeerProcess {
    const p = new PeerProcess(name, command, args, { logDir: this.dir, ...options });
    this.processes.push(p);
    return p;
  }

  /** A Node script (a kit .mjs or our CLI) run by this same Node binary. */
  node(name: string, script: string, args: readonly string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): PeerProcess {
    return this.spawn(name, process.execPath, [script, ...args], options);
  }

  /** A kit shell script, run through bash so a read-only kit without exec bits still works. */
  kitScript(name: string, script: string, args: readonly string[], options: { timeoutMs: number; env?: Record<string, string> }): PeerProcess {
    return this.spawn(name, 'bash', [join(this.env.kit, script), ...args], { timeoutMs: options.timeoutMs, env: kitEnv(this.env, options.env) });
  }

  /** Our echo server on 127.0.0.1 with an OS-chosen port; resolves once it printed {"listening":...}. */
  async startOurServer(alpn: string, extra: readonly string[] = [], timeoutMs = 60_000): Promise<{ process: PeerProcess; port: number }> {
    const server = this.node('our-server', this.env.cli, ['server', '--mode', 'echo', '--alpn', alpn, '--listen', '127.0.0.1:0',
      '--cert', this.env.cert, '--key', this.env.key, '--keylog', join(this.dir, 'our-server.keys'), ...extra], { timeoutMs });
    const line = await server.waitFor(/^\{"listening".*$/m, 15_000);
    const port = parseListeningPort(line[0]);
    if (port === undefined) throw new Error(`our server printed an unusable listening line: ${line[0]}`);
    return { process: server, port };
  }

  /** Our HTTP/3 server (`--mode h3`, serving `www`) on 127.0.0.1 with an OS-chosen port. */
  async startOurH3Server(www: string, extra: readonly string[] = [], timeoutMs = 90_000): Promise<{ process: PeerProcess; port: number }> {
    const server = this.node('our-h3-server', this.env.cli, ['server', '--mode', 'h3', '--listen', '127.0.0.1:0', '--www', www,
      '--cert', this.env.cert, '--key', this.env.key, '--keylog', join(this.dir, 'our-h3-server.keys'), ...extra], { timeoutMs });
    const line = await server.waitFor(/^\{"listening".*$/m, 15_000);
    const port = parseListeningPort(line[0]);
    if (port === undefined) throw new Error(`our h3 server printed an unusable listening line: ${line[0]}`);
    return { process: server, port };
  }

  /** The impairment proxy in front of `targetPort`; resolves with its listen port once bound. */
  async startProxy(targetPort: number, options: readonly string[], timeoutSeconds: number): Promise<{ process: PeerProcess; port: number }> {
    const port = await freeUdpPort();
    const proxy = this.node('proxy', join(this.env.kit, 'udp-impair-proxy.mjs'), ['--listen', `127.0.0.1:${port}`,
      '--target', `127.0.0.1:${targetPort}`, '--seed', '7', '--timeout', String(timeoutSeconds), ...options], { timeoutMs: (timeoutSeconds + 10) * 1000 });
    await proxy.waitFor(/^\[proxy\] 127\.0\.0\.1:\d+ ->/m, 10_000);
    return { process: proxy, port };
  }

  /** Kills whatever still runs (process groups), waits for the exits. */
  async stopAll(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop(1000)));
  }

  /** Log tails of every process, for a failure message. */
  report(lines = 60): string {
    return this.processes.map((p) => `----- ${p.name} (${p.logPath}) -----\n$ ${p.commandLine}\n${tail(p.output, lines)}`).join('\n');
  }
}

/**
 * Runs one case: every process is stopped at the end; on failure the error carries the log tails
 * and the log dir is kept; on success the dir is removed unless INTEROP_KEEP_LOGS is set.
 */
export async function runCase(env: InteropEnvironment, name: string, body: (c: InteropCase) => Promise<void>): Promise<void> {
  const c = new InteropCase(env, name);
  let failure: unknown;
  try {
    await body(c);
  } catch (error) {
    failure = error;
  } finally {
    await c.stopAll();
  }
  if (failure !== undefined) {
    const message = failure instanceof Error ? failure.message : String(failure);
    const error = new Error(`${message}\n===== interop case "${name}" failed; logs kept in ${c.dir} =====\n${c.report()}`, { cause: failure });
    throw error;
  }
  if (!process.env.INTEROP_KEEP_LOGS) rmSync(c.dir, { recursive: true, force: true });
}
