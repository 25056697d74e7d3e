/**
 * ClientPool: a fleet of independent WebTransportClients (each with its own UDP socket and
 * QUIC connections) handed out round-robin, to spread load across connections.
 */
import { WebTransportClient, type WebTransportClientOptions, type WebTransportConnectOptions, type WebTransportSession } from '../index.js';

export interface ClientPoolOptions {
  /** Number of clients (default 4). */
  size?: number;
  clientOptions?: WebTransportClientOptions;
  /** Builds each client (default `new WebTransportClient(clientOptions)`). */
  createClient?: (index: number) => WebTransportClient;
}

export interface ConnectAllResult {
  sessions: WebTransportSession[];
  /** Failures by client index (they are skipped, not thrown). */
  errors: Array<{ index: number; error: unknown }>;
}

export class ClientPool implements AsyncDisposable {
  readonly #clients: WebTransportClient[];
  #next = 0;
  #closed = false;

  constructor(options: ClientPoolOptions = {}) {
    const size = options.size ?? 4;
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`ClientPool size must be a positive integer, got ${size}`);
    const make = options.createClient ?? (() => new WebTransportClient(options.clientOptions));
    this.#clients = Array.from({ length: size }, (_, i) => make(i));
  }

  get size(): number {
    return this.#clients.length;
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  get clients(): readonly WebTransportClient[] {
    return this.#clients;
  }

  /** The next client in round-robin order. */
  getClient(): WebTransportClient {
    if (this.#closed) throw new Error('ClientPool is closed');
    const client = this.#clients[this.#next]!;
    this.#next = (this.#next + 1) % this.#clients.length;
    return client;
  }

  /** One session on the next client. */
  connect(url: string | URL, options?: WebTransportConnectOptions): Promise<WebTransportSession> {
    return this.getClient().connect(url, options);
  }

  /** One session per client, concurrently; failed clients are reported and skipped. */
  async connectAll(url: string | URL, options?: WebTransportConnectOptions): Promise<ConnectAllResult> {
    if (this.#closed) throw new Error('ClientPool is closed');
    const settled = await Promise.allSettled(this.#clients.map((c) => c.connect(url, options)));
    const result: ConnectAllResult = { sessions: [], errors: [] };
    settled.forEach((s, index) => {
      if (s.status === 'fulfilled') result.sessions.push(s.value);
      else result.errors.push({ index, error: s.reason });
    });
    return result;
  }

  /** Closes every client (and so every session opened through them). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled(this.#clients.map((c) => c.close()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
