/** Logs one line per session request: peer, path, outcome (status or 'accepted') and duration. */
import { MiddlewareRejectedError } from '../../index.js';
import type { Middleware } from '../types.js';

export interface LoggingOptions {
  /** Default: console.log. */
  log?: (line: string) => void;
  /** Milliseconds clock (default Date.now), injectable for tests. */
  now?: () => number;
}

export function createLoggingMiddleware(options: LoggingOptions = {}): Middleware {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? Date.now;
  return async (ctx, next) => {
    const started = now();
    const peer = `${ctx.request.remoteAddress.address}:${ctx.request.remoteAddress.port}`;
    try {
      await next();
      log(`${peer} ${ctx.path} accepted ${now() - started}ms`);
    } catch (error) {
      const status = error instanceof MiddlewareRejectedError ? error.status : 500;
      log(`${peer} ${ctx.path} rejected ${status} ${now() - started}ms`);
      throw error;
    }
  };
}
