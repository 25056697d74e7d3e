/** Our stack (src/runtime raw-QUIC API) behind the benchmark's stack-neutral shapes. */
import { QuicEndpoint } from '../src/runtime/quic-endpoint.js';
import type { QuicConnection } from '../src/runtime/quic-connection.js';
import type { CertificateVerifier } from '../src/proto/tls/session.js';
import { serveBenchStream, type BenchConnection, type ServerCounters } from './bench-protocol.js';
import type { ServerCredentials } from './credentials.js';

export const BENCH_ALPN = 'bench';
const HOST = '127.0.0.1';

export async function startOursServer(creds: ServerCredentials, retry: boolean): Promise<QuicEndpoint> {
  const endpoint = await QuicEndpoint.listen({
    host: HOST, port: 0, alpnProtocols: [BENCH_ALPN], certificateChain: creds.chain, signingKey: creds.signingKey, retry,
  });
  void (async () => {
    for await (const connection of endpoint.incoming) serveConnection(connection);
  })();
  return endpoint;
}

function serveConnection(connection: QuicConnection): void {
  const counters: ServerCounters = { datagrams: 0 };
  void (async () => {
    for await (const _ of connection.datagrams) counters.datagrams++;
  })();
  void (async () => {
    try {
      for await (const stream of connection.incomingStreams) {
        if (stream.direction !== 'bidi') continue;
        serveBenchStream(stream, counters).catch(() => stream.reset(1));
      }
    } catch { /* the connection ended */ }
  })();
}

export function wrapOursConnection(connection: QuicConnection): BenchConnection {
  return {
    openBidi: () => connection.openBidirectionalStream(),
    sendDatagram(data) {
      try {
        connection.sendDatagram(data);
        return true;
      } catch {
        return false;
      }
    },
    datagramBacklog: () => connection.stats().datagrams['queuedOutgoing'] ?? 0,
    close: async () => connection.close(0, 'bench done'),
  };
}

/** Datagrams that really left: queued minus those the bounded queue dropped. */
export function oursDatagramsSent(connection: QuicConnection): number {
  return connection.stats().datagrams['sent'] ?? 0;
}

export interface OursDialer {
  /** A connection from the dialer's shared socket (handshake-rate runs: many connections, one socket). */
  dial(): Promise<QuicConnection>;
  /** A connection on its own connected socket, as a one-connection client does (transfers). */
  dialOwn(): Promise<QuicConnection>;
  close(): Promise<void>;
}

/** One client socket dialing many connections (what a handshake-rate test wants). */
export async function oursDialer(port: number, verifier: CertificateVerifier | null): Promise<OursDialer> {
  const endpoint = await QuicEndpoint.bind({ host: HOST });
  return {
    dial: () => endpoint.connect({
      host: HOST, port, serverName: 'localhost', alpnProtocols: [BENCH_ALPN], verifier, signal: AbortSignal.timeout(10_000),
    }),
    dialOwn: () => QuicEndpoint.connect({
      host: HOST, port, serverName: 'localhost', alpnProtocols: [BENCH_ALPN], verifier, signal: AbortSignal.timeout(10_000),
    }),
    close: () => endpoint.close({ timeoutMs: 200 }),
  };
}
