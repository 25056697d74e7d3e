/**
 * Helpers for scenario tests: a real client + server Endpoint pair on a ProtoPair, with a test
 * PKI, seeded randomness and (by default) reproducible key shares and signatures, so the same seed
 * gives the same transcript hash. Written against /work/notes/endpoint-api.md.
 */
import { Endpoint } from '../../../src/proto/quic/endpoint/endpoint.js';
import { nodeCryptoProvider } from '../../../src/crypto/node-provider.js';
import { createCertificateVerifier } from '../../../src/crypto/node-cert-verifier.js';
import { createTestPki } from '../../../src/testing/test-pki.js';
import { ProtoPair } from '../../../src/testing/proto-pair.js';
import { testSeed } from '../../../src/testing/seeded-random.js';
import { withSeededKeyShares } from '../../../src/testing/seeded-crypto.js';
import { memoizedSigningKey } from '../../../src/testing/memoized-signing-key.js';
import { StreamStateError } from '../../../src/proto/quic/streams/stream-state-error.js';
import { MICROS_PER_MS } from '../../../src/proto/util/time.js';
export async function createScenario(options = {}) {
    const seed = options.seed ?? testSeed(1);
    const serverName = options.serverName ?? 'localhost';
    const alpn = options.alpn ?? ['test'];
    const deterministic = options.deterministic ?? true;
    const pki = options.pki ?? await createTestPki({ keyType: options.keyType ?? 'ec-p256', hostnames: [serverName] });
    const signingKey = deterministic ? memoizedSigningKey(pki.signingKey) : pki.signingKey;
    const provider = (random) => deterministic ? withSeededKeyShares(nodeCryptoProvider, random.fork('key-shares')) : nodeCryptoProvider;
    // Wall clock: the PKI's validity is relative to the real date, so take the origin once.
    const wallOrigin = Date.now() * MICROS_PER_MS;
    const clockOf = {};
    const wallClock = () => wallOrigin + (clockOf.pair?.now() ?? 0);
    const serverConfig = {
        tls: { certificateChain: pki.chain, signingKey, alpnProtocols: alpn },
        retry: options.retry ?? false,
        ...options.serverConfig,
    };
    const pair = new ProtoPair({
        seed,
        client: (random) => new Endpoint({ transport: options.clientTransport ?? {}, wallClock }, { crypto: provider(random), random }),
        server: (random) => new Endpoint({ server: serverConfig, transport: options.serverTransport ?? {}, wallClock }, { crypto: provider(random), random }),
        ...(options.link ? { link: options.link } : {}),
        ...(options.clientToServer ? { clientToServer: options.clientToServer } : {}),
        ...(options.serverToClient ? { serverToClient: options.serverToClient } : {}),
    });
    clockOf.pair = pair;
    const client = pair.client;
    const server = pair.server;
    const verifier = options.verifier !== undefined ? options.verifier
        : (options.verify ?? true) ? createCertificateVerifier({ ca: [pki.caDer] }) : null;
    const scenario = {
        seed, pair, client, server, pki,
        clientConnection: undefined,
        serverConnection: undefined,
        connect(overrides = {}) {
            const conn = client.connect(pair.now(), pair.serverAddress, {
                serverName, alpnProtocols: alpn, verifier,
                ...(options.clientTransport ? { transport: options.clientTransport } : {}),
                ...options.connectOptions,
                ...overrides,
            });
            scenario.clientConnection = conn;
            pair.flush();
            return conn;
        },
        handshake(driveOptions = {}) {
            const c = scenario.clientConnection ?? scenario.connect();
            pair.drive(() => {
                const s = scenario.serverConnection;
                return s !== undefined && hasEvent(scenario.events('client', c), 'handshakeCompleted')
                    && hasEvent(scenario.events('server', s), 'handshakeCompleted');
            }, { maxTimeMs: 30_000, ...driveOptions });
            return { client: c, server: scenario.serverConnection };
        },
        events(side, connection) {
            return connectionEvents(side === 'client' ? pair.clientEvents : pair.serverEvents, connection);
        },
    };
    pair.onEvent = (side, ev) => {
        if (side === 'server' && ev.type === 'accepted' && scenario.serverConnection === undefined) {
            scenario.serverConnection = ev.connection;
        }
    };
    if (options.connect ?? true)
        scenario.connect();
    return scenario;
}
/** The ConnectionEvents inside a list of EndpointEvents (optionally for one connection). */
export function connectionEvents(events, connection) {
    const out = [];
    for (const e of events) {
        if (e.type === 'connection' && (connection === undefined || e.connection === connection))
            out.push(e.event);
    }
    return out;
}
export function hasEvent(events, type) {
    return events.some((e) => e.type === type);
}
/** The closed event's info, if the connection closed. */
export function closeInfo(events) {
    for (const e of events)
        if (e.type === 'closed')
            return e.info;
    return undefined;
}
/** Reads everything the stream has buffered right now (copies); fin once the FIN was read. */
export function readAvailable(connection, streamId, maxChunk = 65_536) {
    const chunks = [];
    let fin = false;
    // A peer stream that has not arrived yet is unknown to the connection: nothing to read.
    const read = () => {
        try {
            return connection.readStream(streamId, maxChunk);
        }
        catch (err) {
            if (err instanceof StreamStateError && err.reason === 'unknown')
                return undefined;
            throw err;
        }
    };
    for (let r = read(); r !== undefined; r = read()) {
        if (r.data.length > 0)
            chunks.push(r.data.slice());
        if (r.fin) {
            fin = true;
            break;
        }
        if (r.data.length === 0)
            break;
    }
    return { data: concatBytes(chunks), fin };
}
/**
 * Sends `data` + FIN on `streamId` from `sender`, feeding more as the core accepts it, while the
 * receiving connection reads as data arrives (so flow control keeps moving). Drives the pair until
 * the receiver has the FIN and returns the bytes it read. `receiver` is a function because the
 * receiving side may only learn about its connection while driving.
 */
export function transferOnStream(pair, sender, streamId, data, receiver, options = {}) {
    let offset = 0;
    let finQueued = false;
    const received = [];
    let fin = false;
    pair.drive(() => {
        if (!finQueued) {
            const n = sender.writeStream(streamId, data.subarray(offset), true);
            offset += n;
            finQueued = offset === data.length;
        }
        const r = receiver();
        if (r !== undefined) {
            const got = readAvailable(r, streamId);
            if (got.data.length > 0)
                received.push(got.data);
            fin = fin || got.fin;
        }
        return fin;
    }, { maxTimeMs: 120_000, ...options });
    return concatBytes(received);
}
/** Seeded payload bytes for integrity checks. */
export function payload(random, length) {
    return random.fill(new Uint8Array(length));
}
function concatBytes(chunks) {
    if (chunks.length === 1)
        return chunks[0];
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let o = 0;
    for (const c of chunks) {
        out.set(c, o);
        o += c.length;
    }
    return out;
}
//# sourceMappingURL=scenario.js.map