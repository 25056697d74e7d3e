/**
 * ServerCluster (pywebtransport server.cluster): N WebTransportServer instances, one per worker
 * thread, each on its own UDP port (Node has no SO_REUSEPORT for UDP, so workers cannot share a
 * port; like pywebtransport 0.5.1, every member listens on a distinct port). The worker script
 * calls runClusterWorker() with a function that listens and serves; the main thread starts and
 * stops the members and aggregates their server.stats().
 */
import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData, Worker } from 'node:worker_threads';
import { ServerError, type ServerCloseOptions, type WebTransportServer } from '../index.js';

/** What a worker's start function learns about its slot. */
export interface ClusterWorkerContext<D = unknown> {
  readonly index: number;
  readonly host: string;
  /** Port to listen on (0: any free port; report it via the returned server's address). */
  readonly port: number;
  /** ServerClusterOptions.workerData (structured-cloned). */
  readonly data: D;
}

export type ClusterWorkerStart<D = unknown> = (ctx: ClusterWorkerContext<D>) => WebTransportServer | Promise<WebTransportServer>;

export interface ServerClusterOptions {
  /** Worker module (file path or file: URL) that calls runClusterWorker(). */
  script: string | URL;
  /** Number of servers (default: available parallelism). */
  workers?: number;
  /** Listen address of every member (default '0.0.0.0'). */
  host?: string;
  /** Member i listens on basePort + i; 0 (default) lets each pick a free port. */
  basePort?: number;
  /** Passed to every worker's start function (must be structured-cloneable). */
  workerData?: unknown;
  /** How long a worker may take to report it is listening (default 10000 ms). */
  startTimeoutMs?: number;
}

export interface ClusterMember {
  readonly index: number;
  readonly threadId: number;
  readonly host: string;
  readonly port: number;
}

export interface ClusterStats {
  readonly serverCount: number;
  /** Sum over members of every server.stats() counter (uptimeMs excluded). */
  readonly totals: Record<string, number>;
  readonly servers: readonly { readonly index: number; readonly port: number; readonly stats: Record<string, number> }[];
}

export interface ServerClusterEvents {
  /** A member's thread ended without being asked to (it is dropped from the cluster). */
  workerExit: [info: { index: number; port: number; exitCode: number }];
  /** A member's thread threw an uncaught error. */
  workerError: [info: { index: number; error: unknown }];
}

const CLUSTER_KEY = '__tswebtransportCluster';

interface WorkerSlot {
  index: number;
  host: string;
  port: number;
}

type ToWorker = { type: 'stats'; id: number } | { type: 'stop'; options: ServerCloseOptions };
type FromWorker =
  | { type: 'ready'; host: string; port: number }
  | { type: 'failed'; message: string }
  | { type: 'stats'; id: number; stats: Record<string, number> }
  | { type: 'stopped' };

/** True inside a thread that a ServerCluster started. */
export function isClusterWorker(): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && CLUSTER_KEY in workerData;
}

/**
 * Worker side: calls `start` (which must return a listening server, serving on its own), reports
 * the bound port, answers stats queries and closes the server when the cluster stops it.
 */
export function runClusterWorker<D = unknown>(start: ClusterWorkerStart<D>): void {
  const port = parentPort;
  if (!isClusterWorker() || port === null) throw new ServerError('runClusterWorker() must run in a ServerCluster worker thread');
  const wd = workerData as { [CLUSTER_KEY]: WorkerSlot; data: D };
  const slot = wd[CLUSTER_KEY];
  const post = (m: FromWorker): void => port.postMessage(m);
  void (async () => {
    let server: WebTransportServer;
    try {
      server = await start({ index: slot.index, host: slot.host, port: slot.port, data: wd.data });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      port.close();
      return;
    }
    port.on('message', (m: ToWorker) => {
      if (m.type === 'stats') {
        post({ type: 'stats', id: m.id, stats: server.stats() });
      } else if (m.type === 'stop') {
        void server.close(m.options).catch(() => undefined).then(() => {
          post({ type: 'stopped' });
          port.close();
        });
      }
    });
    post({ type: 'ready', host: server.address.address, port: server.address.port });
  })();
}

/** Main-thread handle of one member: request/response over the worker's message port. */
class MemberLink {
  readonly member: ClusterMember;
  readonly worker: Worker;
  readonly #pending = new Map<number, (stats: Record<string, number> | Error) => void>();
  #nextId = 0;
  #stopped: (() => void) | undefined;
  exited: Promise<number>;

  constructor(worker: Worker, member: ClusterMember) {
    this.worker = worker;
    this.member = member;
    this.exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'stats') {
        this.#pending.get(m.id)?.(m.stats);
        this.#pending.delete(m.id);
      } else if (m.type === 'stopped') {
        this.#stopped?.();
      }
    });
    void this.exited.then(() => {
      for (const settle of this.#pending.values()) settle(new ServerError(`cluster member ${member.index} exited`));
      this.#pending.clear();
      this.#stopped?.();
    });
  }

  stats(): Promise<Record<string, number>> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, (r) => (r instanceof Error ? reject(r) : resolve(r)));
      this.worker.postMessage({ type: 'stats', id } satisfies ToWorker);
    });
  }

  /** Asks the worker to close its server; terminates the thread if it does not finish in time. */
  async stop(options: ServerCloseOptions): Promise<void> {
    const stopped = new Promise<void>((resolve) => { this.#stopped = resolve; });
    this.worker.postMessage({ type: 'stop', options } satisfies ToWorker);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), (options.timeoutMs ?? 2000) + 3000); });
    const outcome = await Promise.race([stopped, deadline]);
    clearTimeout(timer);
    if (outcome === 'timeout') await this.worker.terminate();
    await this.exited;
  }
}

export class ServerCluster extends EventEmitter<ServerClusterEvents> implements AsyncDisposable {
  readonly #options: ServerClusterOptions;
  readonly #members = new Map<number, MemberLink>();
  readonly #stopping = new Set<MemberLink>();
  #nextIndex = 0;
  #running = false;

  constructor(options: ServerClusterOptions) {
    super();
    const workers = options.workers ?? availableParallelism();
    if (!Number.isInteger(workers) || workers < 1) throw new ServerError(`workers must be a positive integer, got ${workers}`);
    this.#options = { ...options, workers };
  }

  get isRunning(): boolean {
    return this.#running;
  }

  get serverCount(): number {
    return this.#members.size;
  }

  /** Members by index (their ready order may differ). */
  get servers(): ClusterMember[] {
    return this.#links().map((l) => l.member);
  }

  #links(): MemberLink[] {
    return [...this.#members.values()].sort((x, y) => x.member.index - y.member.index);
  }

  /** Starts every member concurrently; if any fails, stops the others and throws its error. */
  async start(): Promise<void> {
    if (this.#running) return;
    const count = this.#options.workers ?? 1;
    const results = await Promise.allSettled(Array.from({ length: count }, () => this.#spawn()));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure !== undefined) {
      await this.#stopAll({ timeoutMs: 0 });
      throw failure.reason;
    }
    this.#running = true;
  }

  /** Closes every member's server (sessions get `timeoutMs` to finish) and ends the threads. */
  async stop(options: ServerCloseOptions = {}): Promise<void> {
    this.#running = false;
    await this.#stopAll(options);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  /** Starts one more member (on basePort + its index when basePort is set). */
  async addServer(): Promise<ClusterMember> {
    const link = await this.#spawn();
    return link.member;
  }

  /** Stops the member listening on `port`; false when there is none. */
  async removeServer(port: number, options: ServerCloseOptions = {}): Promise<boolean> {
    for (const link of this.#members.values()) {
      if (link.member.port !== port) continue;
      await this.#stopMember(link, options);
      return true;
    }
    return false;
  }

  /** Every member's server.stats() plus their sums. */
  async stats(): Promise<ClusterStats> {
    const links = this.#links();
    const settled = await Promise.allSettled(links.map((l) => l.stats()));
    const servers: { index: number; port: number; stats: Record<string, number> }[] = [];
    const totals: Record<string, number> = {};
    settled.forEach((r, i) => {
      if (r.status !== 'fulfilled') return;
      const member = links[i]!.member;
      servers.push({ index: member.index, port: member.port, stats: r.value });
      for (const [key, value] of Object.entries(r.value)) {
        if (key === 'uptimeMs' || typeof value !== 'number') continue;
        totals[key] = (totals[key] ?? 0) + value;
      }
    });
    return { serverCount: servers.length, totals, servers };
  }

  async #stopAll(options: ServerCloseOptions): Promise<void> {
    await Promise.all([...this.#members.values()].map((l) => this.#stopMember(l, options)));
  }

  async #stopMember(link: MemberLink, options: ServerCloseOptions): Promise<void> {
    this.#stopping.add(link);
    this.#members.delete(link.member.index);
    try {
      await link.stop(options);
    } finally {
      this.#stopping.delete(link);
    }
  }

  #spawn(): Promise<MemberLink> {
    const index = this.#nextIndex++;
    const host = this.#options.host ?? '0.0.0.0';
    const basePort = this.#options.basePort ?? 0;
    const slot: WorkerSlot = { index, host, port: basePort === 0 ? 0 : basePort + index };
    const worker = new Worker(this.#options.script, { workerData: { [CLUSTER_KEY]: slot, data: this.#options.workerData } });
    const timeoutMs = this.#options.startTimeoutMs ?? 10_000;
    return new Promise<MemberLink>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        reject(error instanceof ServerError ? error : new ServerError(`cluster member ${index} failed to start: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
      };
      const timer = setTimeout(() => fail(new ServerError(`cluster member ${index} did not start within ${timeoutMs} ms`)), timeoutMs);
      worker.on('error', (error) => {
        if (!settled) fail(error);
        else this.emit('workerError', { index, error });
      });
      worker.once('exit', (exitCode) => fail(new ServerError(`cluster member ${index} exited (code ${exitCode}) before listening`)));
      worker.on('message', (m: FromWorker) => {
        if (settled) return;
        if (m.type === 'failed') {
          fail(new ServerError(`cluster member ${index} failed to start: ${m.message}`));
        } else if (m.type === 'ready') {
          settled = true;
          clearTimeout(timer);
          const link = new MemberLink(worker, { index, threadId: worker.threadId, host: m.host, port: m.port });
          this.#members.set(index, link);
          void link.exited.then((exitCode) => {
            if (this.#stopping.has(link) || !this.#members.has(index)) return;
            this.#members.delete(index);
            this.emit('workerExit', { index, port: link.member.port, exitCode });
          });
          resolve(link);
        }
      });
    });
  }
}
