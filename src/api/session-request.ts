/**
 * SessionRequest: a client's extended CONNECT waiting for the application's answer on the
 * server (the wtransport pattern): look at url, path, query, headers, origin, remote address,
 * then accept() into a WebTransportSession or reject(status).
 */
import { X509Certificate } from 'node:crypto';
import { ServerError, SessionError } from './errors.js';
import type { ProtoConnection, SocketAddress } from '../runtime/proto-types.js';
import type { SessionRequestedEvent, WtConnectionHost } from './wt-driver.js';
import type { WebTransportSession } from './session.js';

export type ResponseHeaders = Record<string, string | number> | ReadonlyArray<readonly [string, string]>;

export interface AcceptOptions {
  /** Extra response headers (lower-case names). */
  headers?: ResponseHeaders;
  /** 2xx status (default 200). */
  status?: number;
}

export const REQUEST_KEY: unique symbol = Symbol('tswebtransport.sessionRequest');

/** @internal How the server turns an accepted request into a session. */
export type SessionFactory = (host: WtConnectionHost, ev: SessionRequestedEvent) => WebTransportSession;

function toHeaderList(h: ResponseHeaders | undefined): Array<[string, string]> {
  if (h === undefined) return [];
  const entries = Array.isArray(h) ? (h as ReadonlyArray<readonly [string, string]>) : Object.entries(h as Record<string, string | number>);
  return entries.map(([n, v]) => [String(n).toLowerCase(), String(v)]);
}

/** The client's certificate chain (DER, leaf first) on a server connection; empty when it sent none. */
export function peerCertificatesOf(proto: ProtoConnection): readonly Uint8Array[] {
  // The proto Connection has it; the runtime's structural ProtoConnection type does not list it.
  return proto.peerCertificates ?? [];
}

export class SessionRequest {
  readonly sessionId: number;
  /** The full target, e.g. https://localhost:4433/echo?x=1. */
  readonly url: URL;
  /** The path without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authority: string;
  /** Request headers (lower-case names, pseudo-headers included). */
  readonly headers: Readonly<Record<string, string>>;
  readonly origin: string | undefined;
  readonly protocol: string;
  readonly remoteAddress: SocketAddress;
  readonly #host: WtConnectionHost;
  readonly #event: SessionRequestedEvent;
  readonly #factory: SessionFactory;
  #state: 'pending' | 'accepted' | 'rejected' = 'pending';

  /** @internal */
  constructor(key: symbol, host: WtConnectionHost, ev: SessionRequestedEvent, factory: SessionFactory) {
    if (key !== REQUEST_KEY) throw new TypeError('Illegal constructor: session requests come from WebTransportServer');
    this.#host = host;
    this.#event = ev;
    this.#factory = factory;
    this.sessionId = ev.sessionId;
    this.authority = ev.authority;
    this.origin = ev.origin;
    this.protocol = ev.protocol;
    this.remoteAddress = host.remoteAddress;
    let url: URL;
    try {
      url = new URL(`https://${ev.authority || 'localhost'}${ev.path.startsWith('/') ? ev.path : `/${ev.path}`}`);
    } catch {
      url = new URL('https://invalid/');
    }
    this.url = url;
    this.path = url.pathname;
    this.query = Object.fromEntries(url.searchParams);
    const headers: Record<string, string> = {};
    for (const [n, v] of ev.headers) headers[n] = headers[n] === undefined ? v : `${headers[n]}, ${v}`;
    this.headers = headers;
  }

  /**
   * The client certificate chain (DER, leaf first) when the server asked for one (`verifyMode`
   * CERT_OPTIONAL / CERT_REQUIRED) and the client sent it; it was verified against `caCerts`.
   */
  get peerCertificateChain(): readonly Uint8Array[] {
    return peerCertificatesOf(this.#host.proto);
  }

  /** The client's leaf certificate (mTLS), or undefined when it presented none. */
  get peerCertificate(): X509Certificate | undefined {
    const leaf = this.peerCertificateChain[0];
    return leaf === undefined ? undefined : new X509Certificate(leaf);
  }

  get state(): 'pending' | 'accepted' | 'rejected' {
    return this.#state;
  }

  /** Sends the 2xx and returns the open session (what the client sent early is delivered to it). */
  accept(options: AcceptOptions = {}): WebTransportSession {
    this.#answer('accept');
    if (this.#host.isClosed) throw new SessionError('the connection closed before the session was accepted', { sessionId: this.sessionId, cause: this.#host.closeError });
    const status = options.status ?? 200;
    if (!Number.isInteger(status) || status < 200 || status > 299) throw new RangeError(`accept needs a 2xx status, got ${status}`);
    try {
      this.#host.command((e) => e.accept(this.sessionId, toHeaderList(options.headers), status));
    } catch (error) {
      throw new SessionError('the client abandoned the session request', { sessionId: this.sessionId, remote: true, cause: error });
    }
    // Created right away: the engine's events for it are delivered a microtask later.
    return this.#factory(this.#host, this.#event);
  }

  /** Refuses the session with an HTTP status (default 404). */
  reject(status = 404, headers?: ResponseHeaders): void {
    if (!Number.isInteger(status) || status < 300 || status > 599) throw new RangeError(`reject needs a 3xx-5xx status, got ${status}`);
    this.#answer('reject');
    if (this.#host.isClosed) return;
    try {
      this.#host.command((e) => e.reject(this.sessionId, status, toHeaderList(headers)));
    } catch {
      // The client gave up on the request already: nothing to answer.
    }
  }

  #answer(kind: 'accept' | 'reject'): void {
    if (this.#state !== 'pending') throw new ServerError(`session request ${this.sessionId} was already ${this.#state}`);
    this.#state = kind === 'accept' ? 'accepted' : 'rejected';
  }
}
