import type { QuicConnection } from '../runtime/quic-connection.js';
export interface EchoClientOptions {
    /** Bytes per stream. */
    bytes: number;
    /** Bidirectional streams. */
    streams: number;
    /** Unidirectional streams (echoed back on new server uni streams). */
    uni: number;
    datagrams: number;
    /** How long to wait for datagram echoes once the streams are done. */
    datagramWaitMs?: number;
}
export interface EchoStreamResult {
    ok: boolean;
    n: number;
    bytes: number;
    errors?: string[];
}
export interface EchoResult {
    ok: boolean;
    bidi: EchoStreamResult;
    uni: EchoStreamResult;
    datagrams: {
        sent: number;
        received: number;
        corrupt: number;
    };
}
export declare function runEchoClient(connection: QuicConnection, options: EchoClientOptions): Promise<EchoResult>;
