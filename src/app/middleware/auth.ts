/**
 * Authentication middleware: `verify` looks at the request (typically a header or a query
 * token). A falsy result or a thrown error refuses the session with 401; a truthy value other
 * than `true` is kept as `ctx.state.auth` for the handler.
 */
import { AuthenticationError, MiddlewareRejectedError } from '../../index.js';
import type { Middleware, RequestContext } from '../types.js';

export interface AuthOptions {
  verify: (ctx: RequestContext) => unknown;
  /** Recorded on the error (e.g. 'bearer'). */
  method?: string;
}

export function createAuthMiddleware(options: AuthOptions): Middleware {
  const method = options.method;
  const details = method === undefined ? {} : { authMethod: method };
  return async (ctx, next) => {
    let result: unknown;
    try {
      result = await options.verify(ctx);
    } catch (error) {
      if (error instanceof MiddlewareRejectedError) throw error;
      throw new AuthenticationError('authentication failed', { ...details, cause: error });
    }
    if (!result) throw new AuthenticationError('authentication failed', details);
    if (result !== true) ctx.state['auth'] = result;
    await next();
  };
}

/** Convenience verifier: `authorization: Bearer <token>` must be one of `tokens`. */
export function bearerTokenVerifier(tokens: Iterable<string>): (ctx: RequestContext) => boolean {
  const allowed = new Set(tokens);
  return (ctx) => {
    const header = ctx.request.headers['authorization'];
    if (header === undefined) return false;
    const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return m !== null && allowed.has(m[1]!);
  };
}
