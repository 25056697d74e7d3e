/**
 * Errors of CONNECT-UDP proxying (RFC 9298). They extend ConnectionError so that a failure to reach
 * a target through the proxy surfaces from WebTransportClient.connect() as is, not wrapped.
 */
import { H3ErrorCode } from '../../proto/h3/errors.js';
import { ConnectionError, type ConnectionErrorOptions } from '../errors.js';

function named(ctor: { prototype: object }, name: string): void {
  Object.defineProperty(ctor.prototype, 'name', { value: name, writable: true, configurable: true });
}

/** The proxy could not be reached, closed the connection, or the tunnel ended. */
export class ProxyError extends ConnectionError {
  static override readonly code: string = 'WT_ERR_PROXY';
}
named(ProxyError, 'ProxyError');

export interface ProxyConnectErrorOptions extends ConnectionErrorOptions {
  status: number;
  /** The response's regular header fields (e.g. proxy-status). */
  headers?: ReadonlyArray<readonly [string, string]>;
  target?: { host: string; port: number };
}

/** The proxy answered the CONNECT-UDP request with a non-2xx status (403, 407, 502...). */
export class ProxyConnectError extends ProxyError {
  static override readonly code: string = 'WT_ERR_PROXY_REFUSED';
  readonly status: number;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly target: { host: string; port: number } | undefined;
  constructor(message: string, options: ProxyConnectErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.headers = options.headers ?? [];
    this.target = options.target;
  }
}
named(ProxyConnectError, 'ProxyConnectError');

/**
 * Malformed CONNECT-UDP input: a datagram payload without a whole Context ID, a bad URI template,
 * a request path that does not match. `errorCode` is the HTTP/3 code that fits (H3_DATAGRAM_ERROR,
 * H3_MESSAGE_ERROR); `status` is the HTTP status a proxy answers with for a bad request.
 */
export class ProxyProtocolError extends ProxyError {
  static override readonly code: string = 'WT_ERR_PROXY_PROTOCOL';
  static override readonly defaultErrorCode: number = H3ErrorCode.H3_MESSAGE_ERROR;
  readonly status: number;
  constructor(message: string, options: ConnectionErrorOptions & { status?: number } = {}) {
    super(message, options);
    this.status = options.status ?? 400;
  }
}
named(ProxyProtocolError, 'ProxyProtocolError');
