/**
 * `tswebtransport serve`: the main job. Starts an echo server on localhost with a freshly
 * generated self-signed ECDSA P-256 certificate (valid 14 days) and prints how to reach it.
 * Until the WebTransport layer lands this is the raw-QUIC echo service (ALPN "echo").
 */
import { parseArgs } from 'node:util';
import { generateSelfSignedCertificate } from '../api/tls-credentials.js';
import { QuicEndpoint } from '../runtime/quic-endpoint.js';
import { createKeyLogWriter } from '../runtime/keylog.js';
import { serveEcho } from './echo-server.js';
const USAGE = `usage: tswebtransport serve [--host 127.0.0.1] [--port 4433] [--alpn echo[,h3...]] [--retry] [--keylog FILE]`;
export async function main(argv) {
    const [command, ...rest] = argv;
    if (command !== 'serve') {
        console.error(USAGE);
        return command === undefined || command === '--help' ? 0 : 2;
    }
    let values;
    try {
        ({ values } = parseArgs({
            args: rest,
            options: {
                host: { type: 'string', default: '127.0.0.1' },
                port: { type: 'string', default: '4433' },
                alpn: { type: 'string', default: 'echo' },
                retry: { type: 'boolean', default: false },
                keylog: { type: 'string' },
            },
        }));
    }
    catch (err) {
        console.error(`${err.message}\n${USAGE}`);
        return 2;
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`invalid --port ${values.port}\n${USAGE}`);
        return 2;
    }
    const cert = await generateSelfSignedCertificate({ hostnames: ['localhost', '127.0.0.1', '::1'], days: 14 });
    const keyLog = createKeyLogWriter(values.keylog);
    const endpoint = await QuicEndpoint.listen({
        host: values.host,
        port,
        alpnProtocols: values.alpn.split(',').filter(Boolean),
        certificateChain: cert.chain,
        signingKey: cert.signingKey,
        retry: values.retry,
        ...(keyLog ? { keyLog } : {}),
    });
    const address = endpoint.address;
    const hostPort = address.address.includes(':') ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`;
    console.log(`tswebtransport echo server listening on udp ${hostPort} (ALPN ${values.alpn})`);
    console.log(`certificate SHA-256: ${cert.sha256Hex}`);
    console.log(`try: npx tswebtransport-interop client --mode echo --alpn ${values.alpn.split(',')[0]} --connect ${hostPort} --insecure --bytes 100000 --streams 4 --uni 2 --datagrams 10`);
    const stop = async () => {
        await endpoint.close({ timeoutMs: 1000 });
        process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    await serveEcho(endpoint);
    return 0;
}
//# sourceMappingURL=main.js.map