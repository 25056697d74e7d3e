/**
 * ServerApp: routing, middleware, lifecycle hooks and handler supervision on top of
 * WebTransportServer. Per request: match the route (so middleware sees params), run the
 * middleware chain, then accept and start the handler - or reject with a real HTTP status
 * (middleware's MiddlewareRejectedError status, 404 without a route, 500 on a middleware bug).
 * A handler that throws closes only its own session and is reported as 'handlerError'.
 */
import { EventEmitter } from 'node:events';
import { MiddlewareRejectedError, WebTransportServer, type ServerCloseOptions, type WebTransportServerOptions, type WebTransportSession } from '../index.js';
import { compose } from './middleware/compose.js';
import { Router } from './router.js';
import type { AppRequest, HandlerErrorInfo, Middleware, RequestContext, SessionHandler } from './types.js';

export type LifecycleHook = (app: ServerApp) => unknown;

/**
 * Middleware that holds resources: the app calls `startup(app)` before listening and disposes it
 * (`Symbol.asyncDispose`, else `Symbol.dispose`) when it closes, after the shutdown hooks.
 */
export type StatefulMiddleware = Middleware & {
  startup?(app: ServerApp): unknown;
  [Symbol.asyncDispose]?(): PromiseLike<void>;
  [Symbol.dispose]?(): void;
};

async function disposeMiddleware(mw: StatefulMiddleware): Promise<void> {
  if (typeof mw[Symbol.asyncDispose] === 'function') await mw[Symbol.asyncDispose]!();
  else if (typeof mw[Symbol.dispose] === 'function') mw[Symbol.dispose]!();
}

export interface ServerAppOptions {
  /** Session close code after a handler throws (default 1). */
  errorCloseCode?: number;
  /** How long close() waits for handlers after the server closed (default 2000 ms). */
  handlerGraceMs?: number;
}

export interface ServerAppEvents {
  handlerError: [HandlerErrorInfo];
  sessionAccepted: [{ path: string; route: string | undefined; session: WebTransportSession }];
  sessionRejected: [{ path: string; status: number }];
}

export interface ServerAppStats {
  accepted: number;
  rejected: number;
  handlerErrors: number;
  activeHandlers: number;
}

function isRouteWithPattern(path: string): boolean {
  return path.split('/').some((seg) => seg.startsWith(':') || seg === '*');
}

function validRejectStatus(status: number): number {
  return Number.isInteger(status) && status >= 300 && status <= 599 ? status : 403;
}

export class ServerApp extends EventEmitter<ServerAppEvents> implements AsyncDisposable {
  readonly router = new Router();
  readonly #middleware: Middleware[] = [];
  readonly #startup: LifecycleHook[] = [];
  readonly #shutdown: LifecycleHook[] = [];
  readonly #tasks = new Set<Promise<void>>();
  readonly #errorCloseCode: number;
  readonly #graceMs: number;
  readonly #stats = { accepted: 0, rejected: 0, handlerErrors: 0 };
  #chain: ReturnType<typeof compose> | undefined;
  #server: WebTransportServer | undefined;
  #serving: Promise<void> | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: ServerAppOptions = {}) {
    super();
    this.#errorCloseCode = options.errorCloseCode ?? 1;
    this.#graceMs = options.handlerGraceMs ?? 2000;
  }

  /** Exact route, or a pattern route when the path has `:param` / `*` segments or is a RegExp. */
  route(path: string | RegExp, handler: SessionHandler): this {
    if (typeof path !== 'string' || isRouteWithPattern(path)) this.router.addPattern(path, handler);
    else this.router.add(path, handler);
    return this;
  }

  /** Handler for requests no route matches (without one they get 404). */
  setDefaultHandler(handler: SessionHandler | undefined): this {
    this.router.setDefault(handler);
    return this;
  }

  /** Adds middleware; a StatefulMiddleware is started and disposed with the app. */
  use(middleware: Middleware | StatefulMiddleware): this {
    this.#middleware.push(middleware);
    this.#chain = undefined;
    return this;
  }

  onStartup(hook: LifecycleHook): this {
    this.#startup.push(hook);
    return this;
  }

  onShutdown(hook: LifecycleHook): this {
    this.#shutdown.push(hook);
    return this;
  }

  get server(): WebTransportServer | undefined {
    return this.#server;
  }

  stats(): ServerAppStats {
    return { ...this.#stats, activeHandlers: this.#tasks.size };
  }

  /**
   * Runs the startup hooks (after each middleware's `startup(app)`, if it has one), listens and
   * serves in the background; resolves with the server.
   */
  async listen(options: WebTransportServerOptions): Promise<WebTransportServer> {
    if (this.#server !== undefined) throw new Error('ServerApp is already serving');
    for (const mw of this.#middleware) await (mw as StatefulMiddleware).startup?.(this);
    for (const hook of this.#startup) await hook(this);
    const server = await WebTransportServer.listen(options);
    this.serve(server);
    return server;
  }

  /** Serves an already listening server (startup hooks are the caller's business then). */
  serve(server: WebTransportServer): void {
    if (this.#server !== undefined) throw new Error('ServerApp is already serving');
    this.#server = server;
    this.#serving = (async () => {
      for await (const request of server) void this.handle(request);
    })();
  }

  /** The whole pipeline for one request; never rejects. */
  async handle(request: AppRequest): Promise<void> {
    const path = request.path;
    const match = this.router.match(path);
    const ctx: RequestContext = { request, path, params: { ...(match?.params ?? {}) }, state: {}, responseHeaders: {} };
    this.#chain ??= compose(this.#middleware);
    try {
      await this.#chain(ctx, () => {
        if (match === undefined) throw new MiddlewareRejectedError(`no route for ${path}`, { status: 404 });
        this.#start(request, ctx, match.handler, match.route);
      });
    } catch (error) {
      if (error instanceof MiddlewareRejectedError) {
        this.#reject(request, path, validRejectStatus(error.status), error.headers);
      } else {
        this.#report({ error, path, phase: 'middleware' });
        this.#reject(request, path, 500, {});
      }
    }
  }

  #reject(request: AppRequest, path: string, status: number, headers: Readonly<Record<string, string>>): void {
    this.#stats.rejected++;
    try {
      request.reject(status, { ...headers });
    } catch {
      // Already answered (a middleware accepted it itself) or the peer went away.
    }
    this.emit('sessionRejected', { path, status });
  }

  #start(request: AppRequest, ctx: RequestContext, handler: SessionHandler, route: string | undefined): void {
    let session: WebTransportSession;
    try {
      session = request.accept({ headers: ctx.responseHeaders });
    } catch (error) {
      this.#report({ error, path: ctx.path, phase: 'accept' });
      return;
    }
    this.#stats.accepted++;
    this.emit('sessionAccepted', { path: ctx.path, route, session });
    const task = this.#supervise(session, ctx, handler);
    this.#tasks.add(task);
    void task.then(() => this.#tasks.delete(task));
  }

  async #supervise(session: WebTransportSession, ctx: RequestContext, handler: SessionHandler): Promise<void> {
    let failed = false;
    try {
      await handler(session, ctx);
    } catch (error) {
      failed = true;
      this.#report({ error, path: ctx.path, phase: 'handler' });
    }
    if (session.isClosed) return;
    const close = failed ? { code: this.#errorCloseCode, reason: 'internal error' } : { code: 0, reason: '' };
    await session.close(close).catch(() => undefined);
  }

  #report(info: HandlerErrorInfo): void {
    if (info.phase === 'handler') this.#stats.handlerErrors++;
    if (this.listenerCount('handlerError') > 0) this.emit('handlerError', info);
    else console.error(`ServerApp: ${info.phase} error on ${info.path}:`, info.error);
  }

  /**
   * Stops serving: closes the server (sessions get its drain timeout), waits up to
   * handlerGraceMs for handlers, then runs the shutdown hooks (every hook runs; errors are
   * thrown together afterwards), then disposes stateful middleware in reverse order.
   */
  close(options: ServerCloseOptions = {}): Promise<void> {
    this.#closing ??= (async () => {
      await this.#server?.close(options);
      await this.#serving;
      if (this.#tasks.size > 0) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([Promise.all(this.#tasks), new Promise<void>((r) => { timer = setTimeout(r, this.#graceMs); })]);
        clearTimeout(timer);
      }
      const errors: unknown[] = [];
      for (const hook of this.#shutdown) {
        try {
          await hook(this);
        } catch (error) {
          errors.push(error);
        }
      }
      // Stateful middleware is released after the hooks, newest first (0.5.1's __aexit__ order).
      for (const mw of [...this.#middleware].reverse()) {
        try {
          await disposeMiddleware(mw);
        } catch (error) {
          errors.push(error);
        }
      }
      if (errors.length > 0) throw new AggregateError(errors, 'shutdown hooks failed');
    })();
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
