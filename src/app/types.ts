/**
 * Shared types of the ServerApp framework. The app only needs the parts of a SessionRequest /
 * WebTransportSession listed here, which keeps it testable with small fakes.
 */
import type { AcceptOptions, ResponseHeaders, SessionCloseInfo, SessionRequest, WebTransportSession } from '../index.js';

/** What the app reads from an incoming session request (a SessionRequest satisfies it). */
export type AppRequest = Pick<SessionRequest, 'path' | 'url' | 'query' | 'headers' | 'origin' | 'remoteAddress'> & {
  accept(options?: AcceptOptions): WebTransportSession;
  reject(status?: number, headers?: ResponseHeaders): void;
};

/** Per-request state shared by middleware and the handler. */
export interface RequestContext {
  readonly request: AppRequest;
  /** Path without the query string (routes match on this). */
  readonly path: string;
  /** Named route params (`:name`, regex named groups) and `wildcard` for a trailing `*`. */
  params: Record<string, string>;
  /** Free-form per-request data middleware can hand to the handler (e.g. the authenticated user). */
  readonly state: Record<string, unknown>;
  /** Headers sent with the 2xx when the session is accepted. */
  responseHeaders: Record<string, string>;
}

/** Runs once the session is open; the app closes the session when the returned promise settles. */
export type SessionHandler = (session: WebTransportSession, ctx: RequestContext) => unknown;

/**
 * Middleware runs before routing, in registration order. Call `next()` to continue; throw
 * MiddlewareRejectedError (or AuthenticationError) to refuse the session with its status.
 */
export type Middleware = (ctx: RequestContext, next: () => Promise<void>) => unknown;

/** A handler failure reported by the supervisor. */
export interface HandlerErrorInfo {
  readonly error: unknown;
  readonly path: string;
  readonly phase: 'middleware' | 'accept' | 'handler';
}

export type { SessionCloseInfo };
