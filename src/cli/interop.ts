/**
 * The interop endpoint: `server` and `client` commands over the raw-QUIC API. Echo mode checks
 * streams and datagrams end to end; the client prints ONE JSON line and exits 0 only if every
 * byte came back intact.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CipherSuiteId } from '../proto/crypto/cipher-suites.js';
import { QuicEndpoint } from '../runtime/quic-endpoint.js';
import { formatHostPort } from '../runtime/socket-address.js';
import type { QuicConnection } from '../runtime/quic-connection.js';
import { runEchoClient } from './echo-client.js';
import { serveEcho } from './echo-server.js';
import { USAGE, UsageError, parseInteropArgs, type ClientArgs, type ServerArgs } from './interop-args.js';
import { loadInteropDeps, type InteropDeps } from './interop-deps.js';
import { runH3Client } from './h3-client.js';
import { runH3Server } from './h3-server.js';
import { runWtClient } from './wt-client.js';
import { runWtServer } from './wt-server.js';

export async function main(argv: string[], deps?: InteropDeps): Promise<number> {
  let args;
  try {
    args = parseInteropArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const resolved = deps ?? await loadInteropDeps();
  if (args.mode === 'wt') return args.role === 'server' ? runWtServer(args, resolved) : runWtClient(args, resolved);
  if (args.mode === 'h3') return args.role === 'server' ? runH3Server(args, resolved) : runH3Client(args, resolved);
  return args.role === 'server' ? runServer(args, resolved) : runClient(args, resolved);
}

async function runServer(args: ServerArgs, deps: InteropDeps): Promise<number> {
  const credentials = await deps.loadCredentials({ cert: readFileSync(args.cert, 'utf8'), key: readFileSync(args.key, 'utf8') });
  const keyLog = args.keylog ? deps.createKeyLogWriter(args.keylog) : undefined;
  const endpoint = await QuicEndpoint.listen({
    host: args.listen.address,
    port: args.listen.port,
    alpnProtocols: args.alpn,
    certificateChain: credentials.chain,
    signingKey: credentials.signingKey,
    retry: args.retry,
    ...(keyLog ? { keyLog } : {}),
  });
  // The first line tells scripts (and tests using port 0) where we listen.
  process.stdout.write(`${JSON.stringify({ listening: formatHostPort(endpoint.address), mode: args.mode })}\n`);
  const stop = (): void => { void endpoint.close({ timeoutMs: 500 }); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await serveEcho(endpoint);
  await endpoint.close();
  return 0;
}

async function runClient(args: ClientArgs, deps: InteropDeps): Promise<number> {
  const timeout = AbortSignal.timeout(args.timeoutSeconds * 1000);
  const verifier = args.insecure ? null : deps.createCertificateVerifier({
    ...(args.ca ? { ca: [readFileSync(args.ca, 'utf8')] } : {}),
    rejectUnauthorized: true,
  });
  const keyLog = args.keylog ? deps.createKeyLogWriter(args.keylog) : undefined;
  const started = performance.now();
  let connection: QuicConnection | undefined;
  const report: Record<string, unknown> = { ok: false, mode: args.mode };
  try {
    connection = await QuicEndpoint.connect({
      host: args.connect.address,
      port: args.connect.port,
      ...(args.sni ? { serverName: args.sni } : {}),
      alpnProtocols: args.alpn,
      verifier,
      ...(args.chacha20 ? { cipherSuites: [CipherSuiteId.TLS_CHACHA20_POLY1305_SHA256] } : {}),
      ...(keyLog ? { keyLog } : {}),
      signal: timeout,
    });
    report.handshakeMs = Math.round((performance.now() - started) * 100) / 100;
    report.alpn = connection.alpn;
    if (connection.proto.cipherSuite) report.cipher = connection.proto.cipherSuite;
    const result = await Promise.race([
      runEchoClient(connection, { bytes: args.bytes, streams: args.streams, uni: args.uni, datagrams: args.datagrams }),
      new Promise<never>((_, reject) => {
        if (timeout.aborted) reject(timeout.reason);
        timeout.addEventListener('abort', () => reject(timeout.reason), { once: true });
      }),
    ]);
    Object.assign(report, result);
    const stats = connection.stats();
    report.stats = { rttMs: stats.smoothedRttMicros / 1000, packetsSent: stats.packetsSent, packetsLost: stats.packetsLost, bytesSent: stats.bytesSent };
    report.elapsedMs = Math.round(performance.now() - started);
  } catch (error) {
    report.ok = false;
    report.error = (error as Error).message ?? String(error);
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (connection) {
    connection.close(0, 'done');
    await Promise.race([connection.closed, new Promise((r) => setTimeout(r, 1000).unref())]);
  }
  return report.ok === true ? 0 : 1;
}

// Runnable directly too: `node dist/src/cli/interop.js client ...` (the bin shim does the same).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await main(process.argv.slice(2)));
}
