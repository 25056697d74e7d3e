/**
 * `tswebtransport serve`: a WebTransport echo server on localhost with a freshly generated
 * self-signed ECDSA P-256 certificate (at most 14 days, as Chrome requires for
 * serverCertificateHashes), plus a page on plain HTTP that connects to it with that hash.
 */
import { parseArgs } from 'node:util';
import { generateSelfSignedCertificate } from '../api/tls-credentials.js';
import { WebTransportServer } from '../api/server.js';
import { createKeyLogWriter } from '../runtime/keylog.js';
import { formatHostPort } from '../runtime/socket-address.js';
import { renderDemoPage } from './serve-page.js';
import { servePage } from './serve-http.js';
import { WtHandlers } from './wt-handlers.js';

export const SERVE_USAGE = `usage: tswebtransport serve [--host 127.0.0.1] [--port 4433] [--http-port 8080] [--days 14] [--quiet] [--keylog FILE]
  Starts a WebTransport echo server (UDP --port) with a new self-signed certificate and a demo
  page (TCP --http-port). Open the printed page URL in Chrome. Port 0 picks a free port.`;

export interface ServeArgs {
  host: string;
  port: number;
  httpPort: number;
  days: number;
  quiet: boolean;
  keylog: string | undefined;
}

export class ServeUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServeUsageError';
  }
}

function port(name: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new ServeUsageError(`invalid --${name} ${text}`);
  return n;
}

export function parseServeArgs(argv: string[]): ServeArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4433' },
        'http-port': { type: 'string', default: '8080' },
        days: { type: 'string', default: '14' },
        quiet: { type: 'boolean', default: false },
        keylog: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new ServeUsageError((error as Error).message);
  }
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 14) throw new ServeUsageError('--days must be 1..14 (Chrome refuses hashes of certificates valid longer)');
  return {
    host: values.host, port: port('port', values.port), httpPort: port('http-port', values['http-port']),
    days, quiet: values.quiet, keylog: values.keylog,
  };
}

/** A URL host: IPv6 literals in brackets. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export interface RunningServe {
  readonly server: WebTransportServer;
  readonly url: string;
  readonly pageUrl: string;
  readonly certSha256Hex: string;
  close(): Promise<void>;
}

/** Starts both servers; `print` receives the banner and (unless quiet) one line per session event. */
export async function startServe(args: ServeArgs, print: (line: string) => void = console.log): Promise<RunningServe> {
  const hostnames = [...new Set(['localhost', '127.0.0.1', '::1', args.host])];
  const cert = await generateSelfSignedCertificate({ hostnames, days: args.days });
  const keyLog = createKeyLogWriter(args.keylog);
  const server = await WebTransportServer.listen({
    host: args.host, port: args.port, certificateChain: cert.chain, signingKey: cert.signingKey,
    ...(keyLog ? { keyLog } : {}),
  });
  const url = `https://${formatHostPort(server.address)}/echo`;
  const handlers = new WtHandlers(args.quiet ? {} : { log: (line) => print(`[wt] ${line}`) });
  const serving = handlers.serve(server);
  let page;
  try {
    page = await servePage(renderDemoPage({ url, certSha256Hex: cert.sha256Hex }), args.host, args.httpPort);
  } catch (error) {
    await server.close({ timeoutMs: 100 });
    throw error;
  }
  const pageUrl = `http://${urlHost(args.host)}:${page.port}/`;
  print(`WebTransport echo server: ${url}  (udp ${formatHostPort(server.address)})`);
  print(`certificate SHA-256: ${cert.sha256Hex}`);
  print(`certificate valid until: ${cert.notAfter.toISOString()}`);
  print(`demo page: ${pageUrl}  (open it in Chrome)`);
  print(`endpoints: /echo, /server-close?code=C&reason=R, /client-close?token=T, /query?token=T`);
  return {
    server, url, pageUrl, certSha256Hex: cert.sha256Hex,
    close: async () => {
      await Promise.all([server.close({ timeoutMs: 500 }), page.close()]);
      await serving;
    },
  };
}

/** The command: runs until SIGINT/SIGTERM; returns the exit status. */
export async function runServe(argv: string[]): Promise<number> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(argv);
  } catch (error) {
    if (!(error instanceof ServeUsageError)) throw error;
    console.error(`${error.message}\n${SERVE_USAGE}`);
    return 2;
  }
  let running: RunningServe;
  try {
    running = await startServe(args);
  } catch (error) {
    console.error(`tswebtransport serve: ${(error as Error).message}`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().finally(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
