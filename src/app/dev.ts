/**
 * Development helpers (pywebtransport server.utils): ready-made echo and health handlers, small
 * apps built from them, and a development server with an in-memory self-signed certificate.
 * Meant for tests, demos and trying a client; a production app registers its own routes.
 */
import {
  generateSelfSignedCertificate,
  type ServerCertificateHash, type WebTransportServer, type WebTransportServerOptions,
  type WebTransportSession, type WebTransportStream,
} from '../index.js';
import { ServerApp, type ServerAppOptions } from './server-app.js';

/** What generateSelfSignedCertificate resolves to. */
type SelfSignedCertificate = Awaited<ReturnType<typeof generateSelfSignedCertificate>>;

/** What the echo handler puts before every echoed stream and datagram (pywebtransport's b"ECHO: "). */
export const ECHO_PREFIX = 'ECHO: ';
const PREFIX_BYTES = new TextEncoder().encode(ECHO_PREFIX);
/** Application code used to reset a stream whose echo failed half-way. */
const ECHO_FAILED = 1;

function prefixed(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(PREFIX_BYTES.length + data.length);
  out.set(PREFIX_BYTES, 0);
  out.set(data, PREFIX_BYTES.length);
  return out;
}

/** Streams `stream` back as `ECHO: ` + its bytes, chunk by chunk (bounded memory), then FIN. */
async function echoStreamPrefixed(stream: WebTransportStream): Promise<void> {
  try {
    await stream.write(PREFIX_BYTES);
    for await (const chunk of stream) await stream.write(chunk);
    await stream.close();
  } catch {
    await stream.abort(ECHO_FAILED).catch(() => undefined);
  }
}

/**
 * Echoes until the session closes: every peer bidirectional stream comes back prefixed with
 * `ECHO: `, every datagram comes back prefixed as a datagram (dropped if the prefix makes it too
 * large), and unidirectional streams are read and discarded.
 */
export async function echoHandler(session: WebTransportSession): Promise<void> {
  const streams = (async () => {
    const pending = new Set<Promise<void>>();
    for await (const stream of session.incomingBidirectionalStreams) {
      const task = echoStreamPrefixed(stream);
      pending.add(task);
      void task.then(() => pending.delete(task));
    }
    await Promise.all(pending);
  })();
  const uni = (async () => {
    for await (const stream of session.incomingUnidirectionalStreams) {
      void (async () => {
        for await (const chunk of stream) void chunk;
      })().catch(() => undefined);
    }
  })();
  const datagrams = (async () => {
    for await (const d of session.datagrams) session.datagrams.trySend(prefixed(d));
  })();
  await Promise.allSettled([streams, uni, datagrams]);
}

/** Sends one JSON datagram `{ status: 'healthy', timestamp }` (epoch ms), then closes the session. */
export async function healthCheckHandler(session: WebTransportSession): Promise<void> {
  session.datagrams.trySend(JSON.stringify({ status: 'healthy', timestamp: Date.now() }));
  await session.close({ code: 0, reason: 'healthy' });
}

/** A ServerApp echoing on `/` (pywebtransport create_echo_server_app). */
export function createEchoServerApp(options: ServerAppOptions = {}): ServerApp {
  return new ServerApp(options).route('/', echoHandler);
}

/** A ServerApp with `/health` and `/echo` (pywebtransport create_simple_app). */
export function createSimpleApp(options: ServerAppOptions = {}): ServerApp {
  return new ServerApp(options).route('/health', healthCheckHandler).route('/echo', echoHandler);
}

export interface DevelopmentServerOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 4433; 0 picks a free port. */
  port?: number;
  /** The app to serve (default createSimpleApp()). */
  app?: ServerApp;
  /** Other listen options (config, transport, ...); the certificate is always the generated one. */
  listen?: Omit<WebTransportServerOptions, 'host' | 'port' | 'certificateChain' | 'signingKey' | 'cert' | 'key'>;
}

export interface DevelopmentServer extends AsyncDisposable {
  readonly app: ServerApp;
  readonly server: WebTransportServer;
  /** The generated certificate (valid 14 days); nothing is written to disk. */
  readonly certificate: SelfSignedCertificate;
  /** Pass to a client or browser so it trusts the certificate: `serverCertificateHashes: [hash]`. */
  readonly certificateHash: ServerCertificateHash;
  /** `https://host:port` (append a route path). */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Listens with a fresh self-signed certificate for `host` (pywebtransport
 * create_development_server, minus the files it wrote into the working directory).
 */
export async function createDevelopmentServer(options: DevelopmentServerOptions = {}): Promise<DevelopmentServer> {
  const host = options.host ?? '127.0.0.1';
  const app = options.app ?? createSimpleApp();
  const certificate = await generateSelfSignedCertificate({ hostnames: [host] });
  const server = await app.listen({
    ...options.listen, host, port: options.port ?? 4433, certificateChain: certificate.chain, signingKey: certificate.signingKey,
  });
  const close = (): Promise<void> => app.close();
  return {
    app, server, certificate, url: server.url,
    certificateHash: { algorithm: 'sha-256', value: certificate.sha256 },
    close,
    [Symbol.asyncDispose]: close,
  };
}
