/**
 * WebTransportBrowser: browser-like navigation over WebTransport sessions. One current session and
 * a bounded history; navigate() opens a session and drops the forward history, back()/forward()
 * reopen the neighbouring URL, refresh() reopens the current one. The previous session is closed
 * once its replacement is ready; a failed navigation leaves history and current session unchanged.
 */
import {
  ClientError, WebTransportClient,
  type WebTransportClientOptions, type WebTransportConnectOptions, type WebTransportSession,
} from '../index.js';

/** Opens a session to `url` (default: a WebTransportClient owned by the browser). */
export type BrowserConnector = (url: string, signal: AbortSignal) => Promise<WebTransportSession>;

export interface WebTransportBrowserOptions {
  connector?: BrowserConnector;
  /** Options of the owned client (ignored with a connector). */
  client?: WebTransportClientOptions;
  /** Options of each connect (ignored with a connector). */
  connectOptions?: WebTransportConnectOptions;
  /** History entries kept; the oldest are dropped beyond it (default 50). */
  maxHistory?: number;
}

export class WebTransportBrowser implements AsyncDisposable {
  readonly #connector: BrowserConnector;
  readonly #ownedClient: WebTransportClient | undefined;
  readonly #maxHistory: number;
  readonly #abort = new AbortController();
  #history: string[] = [];
  #index = -1;
  #session: WebTransportSession | undefined;
  /** Navigations run one at a time, in call order. */
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: WebTransportBrowserOptions = {}) {
    this.#maxHistory = options.maxHistory ?? 50;
    if (!(this.#maxHistory >= 1)) throw new RangeError('maxHistory must be at least 1');
    if (options.connector !== undefined) {
      this.#connector = options.connector;
    } else {
      const client = this.#ownedClient = new WebTransportClient(options.client ?? {});
      const base = options.connectOptions ?? {};
      this.#connector = (url, signal) => client.connect(url, { ...base, signal });
    }
  }

  get currentSession(): WebTransportSession | undefined {
    return this.#session;
  }

  get currentUrl(): string | undefined {
    return this.#history[this.#index];
  }

  get canGoBack(): boolean {
    return this.#index > 0;
  }

  get canGoForward(): boolean {
    return this.#index < this.#history.length - 1;
  }

  /** A copy of the history, oldest first, and the current position in it. */
  history(): { entries: string[]; index: number } {
    return { entries: [...this.#history], index: this.#index };
  }

  /** Opens `url`; the same URL with a live session returns the current session. */
  navigate(url: string | URL): Promise<WebTransportSession> {
    const href = new URL(url).href;
    return this.#run(async () => {
      if (href === this.currentUrl && this.#session !== undefined && !this.#session.isClosed) return this.#session;
      const session = await this.#open(href);
      this.#history.splice(this.#index + 1);
      this.#history.push(href);
      if (this.#history.length > this.#maxHistory) this.#history.splice(0, this.#history.length - this.#maxHistory);
      this.#index = this.#history.length - 1;
      return session;
    });
  }

  /** Goes one entry back; undefined (and nothing changes) at the start of history. */
  back(): Promise<WebTransportSession | undefined> {
    return this.#run(() => this.#go(-1));
  }

  forward(): Promise<WebTransportSession | undefined> {
    return this.#run(() => this.#go(1));
  }

  /** Reopens the current URL with a fresh session; undefined when nothing was navigated yet. */
  refresh(): Promise<WebTransportSession | undefined> {
    return this.#run(async () => (this.currentUrl === undefined ? undefined : this.#open(this.currentUrl)));
  }

  /** Closes the current session (and the owned client). Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort.abort(new ClientError('the browser is closed'));
    await this.#queue.catch(() => {});
    const s = this.#session;
    this.#session = undefined;
    await s?.close({ code: 0, reason: 'browser closed' }).catch(() => {});
    await this.#ownedClient?.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #go(step: number): Promise<WebTransportSession | undefined> {
    const target = this.#index + step;
    if (target < 0 || target >= this.#history.length) return undefined;
    const session = await this.#open(this.#history[target]!);
    this.#index = target;
    return session;
  }

  /** Opens `url`, makes it current, then closes the previous session. */
  async #open(url: string): Promise<WebTransportSession> {
    const session = await this.#connector(url, this.#abort.signal);
    if (this.#closed) {
      await session.close({ code: 0, reason: 'browser closed' }).catch(() => {});
      throw new ClientError('the browser is closed', { targetUrl: url });
    }
    const previous = this.#session;
    this.#session = session;
    if (previous !== undefined && previous !== session) await previous.close({ code: 0, reason: 'navigated away' }).catch(() => {});
    return session;
  }

  #run<T>(step: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new ClientError('the browser is closed'));
    const result = this.#queue.then(step);
    this.#queue = result.catch(() => {});
    return result;
  }
}
