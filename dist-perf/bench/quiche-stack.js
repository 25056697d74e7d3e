/**
 * quiche (npm @matrixai/quic, a prebuilt N-API build of Cloudflare quiche 0.18 + BoringSSL)
 * behind the benchmark's stack-neutral shapes. The package is NOT a dependency of this project:
 * it is loaded at run time from the interop kit's work directory (setup.sh installs it there),
 * through the kit's own matrixai-deps.mjs loader.
 */
import { webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveBenchStream } from './bench-protocol.js';
import { BENCH_ALPN } from './ours-stack.js';
const HOST = '127.0.0.1';
/** matrixai reads streams in chunks of this size (its default of 4 KB costs a Promise per 4 KB). */
const READABLE_CHUNK = 64 * 1024;
/** Where the interop kit lives: $INTEROP_KIT, ../shared/interop/peers from the repo root, or /work/shared. */
export function interopKitDir() {
    const candidates = [process.env['INTEROP_KIT'], resolve(process.cwd(), '../shared/interop/peers'), '/work/shared/interop/peers'];
    for (const c of candidates)
        if (c && existsSync(join(c, 'matrixai-deps.mjs')))
            return c;
    throw new Error('interop kit (matrixai-deps.mjs) not found; set INTEROP_KIT');
}
let modules;
export function loadMatrixai(workDir) {
    process.env['PEERS_NODE_MODULES'] = join(workDir, 'node_modules');
    modules ??= (async () => {
        const deps = await import(pathToFileURL(join(interopKitDir(), 'matrixai-deps.mjs')).href);
        const [quic, logger] = await Promise.all([deps.load('@matrixai/quic'), deps.load('@matrixai/logger')]);
        return { quic, logger };
    })();
    return modules;
}
function quietLogger(m) {
    const { default: Logger, LogLevel, StreamHandler } = m.logger;
    return new Logger('bench-quiche', LogLevel['ERROR'] ?? 4, [new StreamHandler()]);
}
function wrapStream(stream) {
    const reader = stream.readable.getReader();
    const writer = stream.writable.getWriter();
    return {
        write: (data) => writer.write(data),
        end: () => writer.close(),
        read: async () => {
            const r = await reader.read();
            return r.done ? null : r.value;
        },
    };
}
/** Starts a quiche echo-less bench server (it always answers the first Initial with a Retry). */
export async function startQuicheServer(workDir, files) {
    const m = await loadMatrixai(workDir);
    const { QUICServer, events } = m.quic;
    const hmacKey = await webcrypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
    const rawKey = await webcrypto.subtle.exportKey('raw', hmacKey);
    const ops = {
        async sign(key, data) {
            const k = await webcrypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
            return webcrypto.subtle.sign('HMAC', k, data);
        },
        async verify(key, data, sig) {
            const k = await webcrypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, true, ['verify']);
            return webcrypto.subtle.verify('HMAC', k, sig, data);
        },
    };
    const server = new QUICServer({
        crypto: { key: rawKey, ops },
        config: {
            key: files.keyPem, cert: files.certPem, verifyPeer: false, applicationProtos: [BENCH_ALPN],
            enableDgram: [true, 1000, 1000], maxIdleTimeout: 30_000, readableChunkSize: READABLE_CHUNK,
        },
        logger: quietLogger(m),
    });
    server.addEventListener(events['EventQUICServerConnection'].name, (evt) => {
        const conn = evt.detail;
        const counters = { datagrams: 0 };
        // No public DATAGRAM API in @matrixai/quic 2.0.9: drain quiche's queue after every recv.
        const process = conn.processStreams.bind(conn);
        conn.processStreams = () => {
            process();
            while (conn.conn.dgramRecvVec() !== null)
                counters.datagrams++;
        };
        conn.addEventListener(events['EventQUICConnectionStream'].name, (sevt) => {
            const stream = sevt.detail;
            if (stream.type === 'uni')
                return;
            void serveBenchStream(wrapStream(stream), counters).catch(() => { });
        });
        conn.addEventListener(events['EventQUICConnectionError'].name, () => { });
    });
    server.addEventListener(events['EventQUICServerError'].name, () => { });
    await server.start({ host: HOST, port: 0 });
    return { port: server.port, stop: () => server.stop({ force: true }) };
}
/** A client socket shared by every connection it dials. */
export async function quicheDialer(workDir, port, files, verify) {
    const m = await loadMatrixai(workDir);
    const { QUICClient, QUICSocket } = m.quic;
    const logger = quietLogger(m);
    const socket = new QUICSocket({ logger });
    await socket.start({ host: HOST, port: 0 });
    return {
        async dial() {
            const client = await QUICClient.createQUICClient({
                host: HOST, port, serverName: 'localhost', socket,
                crypto: { ops: { async randomBytes(buf) { webcrypto.getRandomValues(new Uint8Array(buf)); } } },
                config: {
                    verifyPeer: verify, ...(verify ? { ca: files.caPem } : {}), applicationProtos: [BENCH_ALPN],
                    enableDgram: [true, 1000, 1000], maxIdleTimeout: 30_000, readableChunkSize: READABLE_CHUNK,
                },
                logger,
            }, { timer: 10_000 });
            return wrapClient(client);
        },
        close: () => socket.stop({ force: true }),
    };
}
function wrapClient(client) {
    const conn = client.connection;
    let flushScheduled = false;
    // dgramSend only queues inside quiche: packets leave on the connection's next send().
    const flush = () => {
        flushScheduled = false;
        conn.send().catch(() => { });
    };
    const bench = {
        openBidi: async () => wrapStream(conn.newStream('bidi')),
        sendDatagram(data) {
            try {
                conn.conn.dgramSend(data);
            }
            catch {
                return false;
            }
            if (!flushScheduled) {
                flushScheduled = true;
                setImmediate(flush);
            }
            return true;
        },
        datagramBacklog: () => conn.conn.dgramSendQueueLen(),
        close: () => client.destroy({ isApp: true, errorCode: 0, force: true }),
    };
    return { bench, datagramsSent: (accepted) => accepted - conn.conn.dgramSendQueueLen() };
}
//# sourceMappingURL=quiche-stack.js.map