/** Fake request/session for ServerApp unit tests (only what the app touches). */
import type { WebTransportSession } from '../../../src/index.js';
import type { AppRequest, RequestContext } from '../../../src/app/types.js';

export interface FakeSession {
  isClosed: boolean;
  closes: Array<{ code?: number; reason?: string }>;
  close(options?: { code?: number; reason?: string }): Promise<unknown>;
}

export function fakeSession(): FakeSession {
  const s: FakeSession = {
    isClosed: false,
    closes: [],
    close(options = {}) {
      s.closes.push(options);
      s.isClosed = true;
      return Promise.resolve({ code: options.code ?? 0, reason: options.reason ?? '', remote: false });
    },
  };
  return s;
}

export interface FakeRequest extends AppRequest {
  accepted: Array<{ headers?: unknown }>;
  rejected: Array<{ status: number | undefined; headers: unknown }>;
  session: FakeSession;
}

export function fakeRequest(path: string, init: { headers?: Record<string, string>; origin?: string; ip?: string } = {}): FakeRequest {
  const session = fakeSession();
  const url = new URL(`https://localhost${path}`);
  const req: FakeRequest = {
    path: url.pathname,
    url,
    query: Object.fromEntries(url.searchParams),
    headers: init.headers ?? {},
    origin: init.origin,
    remoteAddress: { address: init.ip ?? '127.0.0.1', port: 50000 },
    accepted: [],
    rejected: [],
    session,
    accept(options) {
      req.accepted.push({ headers: options?.headers });
      return session as unknown as WebTransportSession;
    },
    reject(status, headers) {
      req.rejected.push({ status, headers });
    },
  };
  return req;
}

export function ctxFor(req: AppRequest): RequestContext {
  return { request: req, path: req.path, params: {}, state: {}, responseHeaders: {} };
}
