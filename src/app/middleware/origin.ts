/**
 * Origin allow-list (what CORS means for WebTransport: browsers send `origin`, the server
 * decides). '*' allows any origin; requests without an origin (non-browser clients) are
 * refused unless `allowMissing` is set. An accepted origin is echoed in
 * access-control-allow-origin.
 */
import { MiddlewareRejectedError } from '../../index.js';
import type { Middleware } from '../types.js';

export interface OriginOptions {
  allowedOrigins: readonly string[];
  /** Accept requests that carry no origin header (default false). */
  allowMissing?: boolean;
  /** Status for a refused origin (default 403). */
  status?: number;
}

/** Origins compare as scheme://host[:port], lower-case, default port dropped. */
export function normalizeOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? undefined : url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}

export function createOriginMiddleware(options: OriginOptions): Middleware {
  const any = options.allowedOrigins.includes('*');
  const allowed = new Set<string>();
  for (const o of options.allowedOrigins) {
    if (o === '*') continue;
    const n = normalizeOrigin(o);
    if (n === undefined) throw new TypeError(`not an origin: ${o}`);
    allowed.add(n);
  }
  const status = options.status ?? 403;
  return async (ctx, next) => {
    const origin = ctx.request.origin ?? ctx.request.headers['origin'];
    if (origin === undefined || origin === '') {
      if (options.allowMissing !== true) throw new MiddlewareRejectedError('origin header required', { status });
    } else {
      const n = normalizeOrigin(origin);
      if (!any && (n === undefined || !allowed.has(n))) throw new MiddlewareRejectedError(`origin not allowed: ${origin}`, { status });
      ctx.responseHeaders['access-control-allow-origin'] = any ? '*' : n!;
    }
    await next();
  };
}
