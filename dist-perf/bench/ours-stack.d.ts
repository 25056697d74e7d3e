/** Our stack (src/runtime raw-QUIC API) behind the benchmark's stack-neutral shapes. */
import { QuicEndpoint } from '../src/runtime/quic-endpoint.js';
import type { QuicConnection } from '../src/runtime/quic-connection.js';
import type { CertificateVerifier } from '../src/proto/tls/session.js';
import { type BenchConnection } from './bench-protocol.js';
import type { ServerCredentials } from './credentials.js';
export declare const BENCH_ALPN = "bench";
export declare function startOursServer(creds: ServerCredentials, retry: boolean): Promise<QuicEndpoint>;
export declare function wrapOursConnection(connection: QuicConnection): BenchConnection;
/** Datagrams that really left: queued minus those the bounded queue dropped. */
export declare function oursDatagramsSent(connection: QuicConnection): number;
export interface OursDialer {
    dial(): Promise<QuicConnection>;
    close(): Promise<void>;
}
/** One client socket dialing many connections (what a handshake-rate test wants). */
export declare function oursDialer(port: number, verifier: CertificateVerifier | null): Promise<OursDialer>;
