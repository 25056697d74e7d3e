/** Our stack (src/runtime raw-QUIC API) behind the benchmark's stack-neutral shapes. */
import { QuicEndpoint } from '../src/runtime/quic-endpoint.js';
import { serveBenchStream } from './bench-protocol.js';
export const BENCH_ALPN = 'bench';
const HOST = '127.0.0.1';
export async function startOursServer(creds, retry) {
    const endpoint = await QuicEndpoint.listen({
        host: HOST, port: 0, alpnProtocols: [BENCH_ALPN], certificateChain: creds.chain, signingKey: creds.signingKey, retry,
    });
    void (async () => {
        for await (const connection of endpoint.incoming)
            serveConnection(connection);
    })();
    return endpoint;
}
function serveConnection(connection) {
    const counters = { datagrams: 0 };
    void (async () => {
        for await (const _ of connection.datagrams)
            counters.datagrams++;
    })();
    void (async () => {
        try {
            for await (const stream of connection.incomingStreams) {
                if (stream.direction !== 'bidi')
                    continue;
                serveBenchStream(stream, counters).catch(() => stream.reset(1));
            }
        }
        catch { /* the connection ended */ }
    })();
}
export function wrapOursConnection(connection) {
    return {
        openBidi: () => connection.openBidirectionalStream(),
        sendDatagram(data) {
            try {
                connection.sendDatagram(data);
                return true;
            }
            catch {
                return false;
            }
        },
        datagramBacklog: () => connection.stats().datagrams['queuedOutgoing'] ?? 0,
        close: async () => connection.close(0, 'bench done'),
    };
}
/** Datagrams that really left: queued minus those the bounded queue dropped. */
export function oursDatagramsSent(connection) {
    return connection.stats().datagrams['sent'] ?? 0;
}
/** One client socket dialing many connections (what a handshake-rate test wants). */
export async function oursDialer(port, verifier) {
    const endpoint = await QuicEndpoint.bind({ host: HOST });
    return {
        dial: () => endpoint.connect({
            host: HOST, port, serverName: 'localhost', alpnProtocols: [BENCH_ALPN], verifier, signal: AbortSignal.timeout(10_000),
        }),
        close: () => endpoint.close({ timeoutMs: 200 }),
    };
}
//# sourceMappingURL=ours-stack.js.map