/**
 * Http3Client: one HTTP/3 connection (own UDP socket) carrying any number of concurrent
 * requests. request() resolves with the response head; its body streams (pulled, with flow
 * control). close() is graceful: GOAWAY, wait for requests in progress, then H3_NO_ERROR.
 */
import { H3ErrorCode } from '../../proto/h3/errors.js';
import type { TransportConfig } from '../../proto/quic/connection/config.js';
import type { CertificateVerifier, SessionTicket } from '../../proto/tls/session.js';
import type { EndpointDriver } from '../../runtime/endpoint-driver.js';
import type { CloseInfo, KeyLogSink, SocketAddress } from '../../runtime/proto-types.js';
import { formatHostPort, udpFamilyFor } from '../../runtime/socket-address.js';
import { Http3ConnectionHost } from './connection-host.js';
import { H3_ALPN, openEndpoint, resolveHost } from './endpoint-setup.js';
import { Http3ConnectionError } from './errors.js';
import { getHeader, toFieldList, type Header, type HeadersInit } from './headers.js';
import type { IncomingBody, ReadAllOptions } from './incoming-body.js';

export interface Http3ClientOptions {
  host: string;
  port: number;
  /** SNI, certificate name and default :authority; defaults to `host`. */
  serverName?: string;
  /** Certificate verifier (e.g. createCertificateVerifier({ ca })); required unless `insecure`. */
  verifier?: CertificateVerifier;
  /** Skip certificate verification (tests and interop only). */
  insecure?: boolean;
  /** Aborts the connection attempt. */
  signal?: AbortSignal;
  transport?: Partial<TransportConfig>;
  cipherSuites?: number[];
  sessionTicket?: SessionTicket;
  keyLog?: KeyLogSink;
}

export interface Http3RequestOptions {
  method?: string;
  /** Path with query, default '/'. */
  path?: string;
  /** Default: the client's serverName:port. */
  authority?: string;
  headers?: HeadersInit;
  body?: Uint8Array | string | AsyncIterable<Uint8Array>;
  /** Trailers sent after the body. */
  trailers?: HeadersInit;
  /** Aborts the request (resets the stream with H3_REQUEST_CANCELLED). */
  signal?: AbortSignal;
}

export interface Http3Response {
  readonly status: number;
  /** Every response field, ':status' included. */
  readonly headers: readonly Header[];
  readonly body: IncomingBody;
  readonly streamId: number;
  header(name: string): string | undefined;
  bytes(options?: ReadAllOptions): Promise<Uint8Array>;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
  /** Trailers, once the body was read to its end. */
  readonly trailers: readonly Header[] | undefined;
}

const encoder = new TextEncoder();

export class Http3Client implements AsyncDisposable {
  readonly driver: EndpointDriver;
  readonly host: Http3ConnectionHost;
  readonly remoteAddress: SocketAddress;
  readonly #authority: string;
  #closing: Promise<void> | undefined;

  private constructor(driver: EndpointDriver, host: Http3ConnectionHost, remote: SocketAddress, authority: string) {
    this.driver = driver;
    this.host = host;
    this.remoteAddress = remote;
    this.#authority = authority;
    // The socket goes with the connection, whoever closed it.
    void host.closed.then(() => this.driver.close({ timeoutMs: 0 }));
  }

  /** Connects and completes the handshake (ALPN h3). */
  static async connect(options: Http3ClientOptions): Promise<Http3Client> {
    options.signal?.throwIfAborted();
    if (options.verifier === undefined && options.insecure !== true) throw new TypeError('Http3Client.connect needs a verifier or insecure: true');
    const remote = await resolveHost(options.host, options.port);
    const family = udpFamilyFor(remote.address);
    const { driver } = await openEndpoint({ host: family === 'udp6' ? '::' : '0.0.0.0', port: 0, transport: options.transport });
    const serverName = options.serverName ?? options.host;
    // Events flow only from the next driver flush on, once `ref.host` is set below.
    const ref: { host?: Http3ConnectionHost } = {};
    const proto = driver.connect(remote, {
      serverName,
      alpnProtocols: [H3_ALPN],
      verifier: options.insecure === true ? null : options.verifier!,
      ...(options.transport ? { transport: options.transport } : {}),
      ...(options.cipherSuites ? { cipherSuites: options.cipherSuites } : {}),
      ...(options.sessionTicket ? { sessionTicket: options.sessionTicket } : {}),
    }, { onConnectionEvent: (ev) => ref.host!.onConnectionEvent(ev) });
    const host = new Http3ConnectionHost(driver, proto, { isServer: false, keyLog: options.keyLog });
    ref.host = host;
    const authority = formatHostPort({ address: serverName, port: options.port });
    const client = new Http3Client(driver, host, remote, authority);
    const signal = options.signal;
    const onAbort = (): void => host.close(H3ErrorCode.H3_REQUEST_CANCELLED, 'connect aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await host.established;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    if (proto.alpn !== H3_ALPN) {
      host.close(H3ErrorCode.H3_GENERAL_PROTOCOL_ERROR, 'ALPN h3 not negotiated');
      throw new Http3ConnectionError(`the server negotiated ALPN ${String(proto.alpn)}, not h3`);
    }
    return client;
  }

  /** Resolves when the connection is closed, by either side. */
  get closed(): Promise<CloseInfo> {
    return this.host.closed;
  }

  /** The GOAWAY id once the server sent one (no new requests are possible then). */
  get goawayId(): number | undefined {
    return this.host.goawayId;
  }

  whenGoaway(): Promise<number> {
    return this.host.whenGoaway();
  }

  /** Sends a request; resolves with the response head once the final status arrived. */
  async request(options: Http3RequestOptions = {}): Promise<Http3Response> {
    options.signal?.throwIfAborted();
    const method = (options.method ?? 'GET').toUpperCase();
    const fields: Header[] = [
      [':method', method], [':scheme', 'https'], [':authority', options.authority ?? this.#authority], [':path', options.path ?? '/'],
      ...toFieldList(options.headers),
    ];
    const body = options.body;
    const trailers = toFieldList(options.trailers);
    const bodyless = body === undefined && trailers.length === 0;
    const stream = await this.host.openRequest(fields, bodyless);
    const head = new Promise<{ headers: Header[]; status: number }>((resolve, reject) => {
      stream.onResponseHeaders = (headers, status) => resolve({ headers, status });
      stream.onFailure = reject;
    });
    head.catch(() => {});
    const signal = options.signal;
    const onAbort = (): void => stream.abort(H3ErrorCode.H3_REQUEST_CANCELLED);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (!bodyless) {
      // The body goes out while we wait for the response (a server may answer early).
      void sendBody(stream, body, trailers).catch((error: unknown) => {
        stream.failReceive(error instanceof Error ? error : new Error(String(error)));
      });
    }
    try {
      const { headers, status } = await head;
      return {
        status, headers, body: stream.body, streamId: stream.id,
        header: (name) => getHeader(headers, name.toLowerCase()),
        bytes: (o) => stream.body.readAll(o),
        arrayBuffer: async () => {
          const b = await stream.body.readAll();
          return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
        },
        text: () => stream.body.text(),
        get trailers() { return stream.trailers; },
      };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Graceful close: GOAWAY, wait up to `timeoutMs` for requests in progress, CONNECTION_CLOSE
   * with H3_NO_ERROR, then the socket.
   */
  close(options: { timeoutMs?: number } = {}): Promise<void> {
    this.#closing ??= (async () => {
      const host = this.host;
      if (!host.isClosed) {
        host.sendGoaway();
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([host.whenIdle(), new Promise<void>((r) => { timer = setTimeout(r, options.timeoutMs ?? 2000); })]);
        clearTimeout(timer);
        host.close(H3ErrorCode.H3_NO_ERROR, 'client done');
      }
      // A short closing period: long enough to answer a straggler with CONNECTION_CLOSE once or twice.
      await this.driver.close({ timeoutMs: 200 });
    })();
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

async function sendBody(stream: import('./stream-handle.js').StreamHandle, body: Http3RequestOptions['body'], trailers: Header[]): Promise<void> {
  if (typeof body === 'string') await stream.write(encoder.encode(body));
  else if (body instanceof Uint8Array) await stream.write(body);
  else if (body !== undefined) for await (const chunk of body) await stream.write(chunk);
  stream.end(trailers);
}
