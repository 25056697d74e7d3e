/** Echo mode, server side: bidi streams echo on the same stream, uni streams on a new uni stream, datagrams back. */
import type { QuicConnection } from '../runtime/quic-connection.js';
import type { QuicEndpoint } from '../runtime/quic-endpoint.js';
export declare function serveEcho(endpoint: QuicEndpoint): Promise<void>;
export declare function echoConnection(connection: QuicConnection): Promise<void>;
