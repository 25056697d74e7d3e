/**
 * Http3Server: an HTTP/3 server on one UDP socket. Every request goes to `handler(request,
 * response)`; the request body streams in (pulled, with flow control), the response streams out
 * with backpressure. close() is graceful: GOAWAY, wait for requests in progress, then close.
 */
import { H3ErrorCode } from '../../proto/h3/errors.js';
import type { HeaderList } from '../../proto/h3/header-validation.js';
import type { TransportConfig } from '../../proto/quic/connection/config.js';
import type { SigningKey } from '../../proto/tls/session.js';
import type { EndpointDriver } from '../../runtime/endpoint-driver.js';
import type { KeyLogSink, ProtoConnection, SocketAddress } from '../../runtime/proto-types.js';
import { Http3ConnectionHost } from './connection-host.js';
import { H3_ALPN, openEndpoint } from './endpoint-setup.js';
import { getHeader, toFieldList, type Header, type HeadersInit } from './headers.js';
import type { IncomingBody, ReadAllOptions } from './incoming-body.js';
import type { StreamHandle } from './stream-handle.js';

export interface Http3ServerRequest {
  readonly method: string;
  readonly path: string;
  readonly scheme: string | undefined;
  readonly authority: string | undefined;
  /** Every field of the request, pseudo-headers included, as received. */
  readonly headers: readonly Header[];
  readonly body: IncomingBody;
  readonly remoteAddress: SocketAddress;
  readonly streamId: number;
  /** First value of a header (lowercase name). */
  header(name: string): string | undefined;
  readAll(options?: ReadAllOptions): Promise<Uint8Array>;
  /** Trailers, once the body was read to its end. */
  readonly trailers: readonly Header[] | undefined;
}

export interface Http3ServerResponse {
  readonly headersSent: boolean;
  readonly finished: boolean;
  /** Sends the status and headers (lowercased). Implied as 200 by the first write()/end(). */
  writeHead(status: number, headers?: HeadersInit): this;
  /** Sends body bytes; resolves once the transport accepted them all (await it for backpressure). */
  write(data: Uint8Array | string): Promise<void>;
  /** Ends the response, with trailers when given. */
  end(trailers?: HeadersInit): Promise<void>;
  /** Resets the response stream (e.g. H3_REQUEST_CANCELLED = 0x10c). */
  abort(code?: number): void;
}

export type Http3RequestHandler = (request: Http3ServerRequest, response: Http3ServerResponse) => void | Promise<void>;

export interface Http3ServerOptions {
  /** Default '127.0.0.1'; '::' or '::1' bind udp6. */
  host?: string;
  /** Default 0 (read `address`). */
  port?: number;
  certificateChain: Uint8Array[];
  signingKey: SigningKey;
  handler: Http3RequestHandler;
  /** Validate client addresses with a Retry first. */
  retry?: boolean;
  transport?: Partial<TransportConfig>;
  keyLog?: KeyLogSink;
  maxConnections?: number;
  /** Called when a handler throws or rejects (default: ignored after answering 500 / resetting). */
  onError?: (error: unknown, request: Http3ServerRequest) => void;
}

const encoder = new TextEncoder();

export class Http3Server implements AsyncDisposable {
  readonly driver: EndpointDriver;
  readonly address: SocketAddress;
  readonly #hosts = new Set<Http3ConnectionHost>();
  #closing: Promise<void> | undefined;

  private constructor(driver: EndpointDriver, address: SocketAddress) {
    this.driver = driver;
    this.address = address;
  }

  static async listen(options: Http3ServerOptions): Promise<Http3Server> {
    const self: { server?: Http3Server } = {};
    const { driver, address } = await openEndpoint({
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      transport: options.transport,
      server: {
        tls: { certificateChain: options.certificateChain, signingKey: options.signingKey, alpnProtocols: [H3_ALPN] },
        retry: options.retry ?? false,
        ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
      },
      onAccepted: (connection) => self.server!.#accept(connection, options),
    });
    self.server = new Http3Server(driver, address);
    return self.server;
  }

  /** Live HTTP/3 connections. */
  get connectionCount(): number {
    return this.#hosts.size;
  }

  #accept(proto: ProtoConnection, options: Http3ServerOptions): void {
    const driver = this.driver;
    const host: Http3ConnectionHost = new Http3ConnectionHost(driver, proto, {
      isServer: true,
      keyLog: options.keyLog,
      onRequest: (stream, headers) => serveRequest(stream, headers, proto.remote, options),
    });
    driver.register(proto, host);
    this.#hosts.add(host);
    void host.closed.then(() => this.#hosts.delete(host));
    if (this.#closing !== undefined) {
      host.close(H3ErrorCode.H3_NO_ERROR, 'server closing');
    }
  }

  /**
   * Graceful close: GOAWAY on every connection, wait up to `timeoutMs` for requests in progress,
   * close the connections with H3_NO_ERROR, then the socket.
   */
  close(options: { timeoutMs?: number } = {}): Promise<void> {
    this.#closing ??= (async () => {
      const timeoutMs = options.timeoutMs ?? 2000;
      const hosts = [...this.#hosts];
      for (const h of hosts) h.sendGoaway();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.all(hosts.map((h) => h.whenIdle())),
        new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); }),
      ]);
      clearTimeout(timer);
      for (const h of this.#hosts) h.close(H3ErrorCode.H3_NO_ERROR, 'server shutdown');
      await this.driver.close({ timeoutMs: 1000 });
    })();
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** Builds the request/response pair for a new request stream and runs the handler. */
function serveRequest(stream: StreamHandle, headers: Header[], remote: SocketAddress, options: Http3ServerOptions): void {
  const request: Http3ServerRequest = {
    method: getHeader(headers, ':method') ?? '',
    path: getHeader(headers, ':path') ?? '',
    scheme: getHeader(headers, ':scheme'),
    authority: getHeader(headers, ':authority') ?? getHeader(headers, 'host'),
    headers,
    body: stream.body,
    remoteAddress: remote,
    streamId: stream.id,
    header: (name) => getHeader(headers, name.toLowerCase()),
    readAll: (o) => stream.body.readAll(o),
    get trailers() { return stream.trailers; },
  };
  const response = new ServerResponse(stream);
  // The handler runs outside the driver's flush (a microtask later).
  void Promise.resolve().then(() => options.handler(request, response)).catch((error: unknown) => {
    options.onError?.(error, request);
    if (response.finished) return;
    try {
      if (!response.headersSent) {
        void response.writeHead(500).end();
      } else {
        response.abort(H3ErrorCode.H3_INTERNAL_ERROR);
      }
    } catch {
      // The stream is already gone.
    }
  });
}

class ServerResponse implements Http3ServerResponse {
  readonly #stream: StreamHandle;
  #headersSent = false;
  #finished = false;
  #pending: HeaderList | undefined;

  constructor(stream: StreamHandle) {
    this.#stream = stream;
  }

  get headersSent(): boolean {
    return this.#headersSent;
  }

  get finished(): boolean {
    return this.#finished;
  }

  writeHead(status: number, headers?: HeadersInit): this {
    if (this.#headersSent || this.#pending !== undefined) throw new Error('response headers already sent');
    if (!Number.isInteger(status) || status < 200 || status > 999) throw new RangeError(`invalid status ${status}`);
    // Held until the first write/end so a bodiless response goes out as one HEADERS with FIN.
    this.#pending = [[':status', String(status)], ...toFieldList(headers)];
    return this;
  }

  #flushHead(endStream: boolean): void {
    if (this.#headersSent) return;
    const head = this.#pending ?? [[':status', '200']];
    this.#pending = undefined;
    this.#headersSent = true;
    this.#stream.sendResponse(head, endStream);
  }

  async write(data: Uint8Array | string): Promise<void> {
    if (this.#finished) throw new Error('response already ended');
    this.#flushHead(false);
    await this.#stream.write(typeof data === 'string' ? encoder.encode(data) : data);
  }

  async end(trailers?: HeadersInit): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    const fields = toFieldList(trailers);
    if (!this.#headersSent && fields.length === 0) {
      this.#flushHead(true);
    } else {
      this.#flushHead(false);
      this.#stream.end(fields);
    }
    // The response is complete: a request body nobody read is not wanted (RFC 9114 §4.1.1).
    this.#stream.stopReceiving(H3ErrorCode.H3_NO_ERROR);
  }

  abort(code: number = H3ErrorCode.H3_REQUEST_CANCELLED): void {
    this.#finished = true;
    this.#stream.abort(code);
  }
}
