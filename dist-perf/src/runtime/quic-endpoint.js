/**
 * The raw-QUIC async entry point: a UDP socket, a proto Endpoint and its driver. Servers iterate
 * `incoming`; clients get a QuicConnection once the handshake completed.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AsyncQueue } from './async-queue.js';
import { wallClockMicros } from './clock.js';
import { createDefaultProtoEndpoint } from './default-endpoint.js';
import { EndpointDriver } from './endpoint-driver.js';
import { QuicConnection } from './quic-connection.js';
import { createUdpSocket } from './udp-socket.js';
import { udpFamilyFor } from './socket-address.js';
export class QuicEndpoint {
    driver;
    /** Server: connections whose handshake completed, in completion order. */
    incoming;
    #incoming = new AsyncQueue();
    #connections = new Map();
    #family;
    #keyLog;
    #address;
    #closing;
    constructor(driver, address, family, keyLog) {
        this.driver = driver;
        this.#keyLog = keyLog;
        this.#address = address;
        this.#family = family;
        this.incoming = this.#incoming;
    }
    /** Starts a server endpoint. */
    static async listen(options) {
        const config = baseConfig(options);
        config.server = {
            tls: {
                certificateChain: options.certificateChain,
                signingKey: options.signingKey,
                alpnProtocols: options.alpnProtocols,
                ...(options.cipherSuites ? { cipherSuites: options.cipherSuites } : {}),
            },
            retry: options.retry ?? false,
            ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
        };
        return QuicEndpoint.#open(options, config, options.host ?? '0.0.0.0', options.port ?? 0);
    }
    /** A client endpoint that can dial several connections from one socket. */
    static async bind(options = {}) {
        return QuicEndpoint.#open(options, baseConfig(options), options.host ?? '0.0.0.0', options.port ?? 0);
    }
    /** Dials one connection from its own endpoint, which closes when the connection does. */
    static async connect(options) {
        const remote = await resolveRemote(options.host, options.port);
        const family = udpFamilyFor(remote.address);
        const endpoint = await QuicEndpoint.#open(options, baseConfig(options), options.localHost ?? (family === 'udp6' ? '::' : '0.0.0.0'), 0);
        try {
            const connection = await endpoint.#dial(remote, options);
            void connection.closed.then(() => endpoint.close({ timeoutMs: 0 }));
            return connection;
        }
        catch (error) {
            await endpoint.close({ timeoutMs: 0 });
            throw error;
        }
    }
    static async #open(seams, config, host, port) {
        const family = udpFamilyFor(host);
        const socket = seams.socket ?? createUdpSocket({ family });
        const protoEndpoint = await (seams.createEndpoint ?? createDefaultProtoEndpoint)(config);
        const self = {};
        const driver = new EndpointDriver({
            socket,
            endpoint: protoEndpoint,
            ...(seams.clock ? { clock: seams.clock } : {}),
            ...(seams.timers ? { timers: seams.timers } : {}),
            onAccepted: (connection) => self.endpoint.#accept(connection),
        });
        let address;
        try {
            address = await socket.bind(port, host);
        }
        catch (error) {
            await socket.close();
            throw error;
        }
        self.endpoint = new QuicEndpoint(driver, address, family, seams.keyLog);
        return self.endpoint;
    }
    get address() {
        return this.#address;
    }
    /** Connections currently alive on this endpoint (handshaking ones included). */
    get connections() {
        return [...this.#connections.values()];
    }
    /** Dials a connection from this endpoint's socket. */
    async connect(options) {
        const remote = await resolveRemote(options.host, options.port, this.#family);
        return this.#dial(remote, options);
    }
    /** Closes every connection (application close), waits for draining up to timeoutMs, closes the socket. */
    close(options = {}) {
        this.#closing ??= (async () => {
            this.#incoming.end();
            await this.driver.close({
                code: BigInt(options.code ?? 0),
                reason: options.reason ?? '',
                timeoutMs: options.timeoutMs ?? 2000,
                connections: this.#connections.keys(),
            });
            // Connections the bound cut short never saw 'closed': settle their Promises now.
            for (const connection of this.#connections.values()) {
                connection.onConnectionEvent({ type: 'closed', info: {
                        code: 0n, application: true, reason: 'endpoint closed', remote: false, kind: 'close',
                    } });
            }
            this.#connections.clear();
        })();
        return this.#closing;
    }
    async [Symbol.asyncDispose]() {
        await this.close();
    }
    async #dial(remote, options) {
        options.signal?.throwIfAborted();
        const proto = this.driver.endpoint.connect(this.driver.now(), remote, {
            serverName: options.serverName ?? options.host,
            alpnProtocols: options.alpnProtocols,
            verifier: options.verifier,
            ...(options.transport ? { transport: options.transport } : {}),
            ...(options.sessionTicket ? { sessionTicket: options.sessionTicket } : {}),
            ...(options.cipherSuites ? { cipherSuites: options.cipherSuites } : {}),
        });
        const connection = new QuicConnection(this.driver, proto, this.#connectionOptions());
        this.driver.register(proto, connection);
        this.#track(proto, connection);
        this.driver.wake();
        const signal = options.signal;
        if (!signal) {
            await connection.established;
            return connection;
        }
        const onAbort = () => connection.close(0, 'aborted');
        signal.addEventListener('abort', onAbort, { once: true });
        try {
            await Promise.race([
                connection.established,
                new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
            ]);
            return connection;
        }
        finally {
            signal.removeEventListener('abort', onAbort);
        }
    }
    #accept(proto) {
        const connection = new QuicConnection(this.driver, proto, this.#connectionOptions());
        this.driver.register(proto, connection);
        this.#track(proto, connection);
        // Applications see a connection once it can carry streams; failed handshakes stay invisible.
        connection.established.then(() => this.#incoming.push(connection), () => { });
    }
    #connectionOptions() {
        return this.#keyLog ? { keyLog: this.#keyLog } : {};
    }
    #track(proto, connection) {
        this.#connections.set(proto, connection);
        void connection.closed.then(() => this.#connections.delete(proto));
    }
}
function baseConfig(options) {
    const config = { wallClock: options.wallClock ?? wallClockMicros };
    if (options.transport)
        config.transport = options.transport;
    return config;
}
/** IP literals pass through; names resolve, preferring the socket's family (IPv4 when free to choose). */
async function resolveRemote(host, port, family) {
    if (isIP(host) !== 0)
        return { address: host, port };
    const results = await lookup(host, { all: true });
    const want = family === 'udp6' ? 6 : 4;
    const pick = results.find((r) => r.family === want) ?? (family === undefined ? results[0] : undefined);
    if (!pick)
        throw new Error(`cannot resolve ${host} to an IPv${want} address`);
    return { address: pick.address, port };
}
//# sourceMappingURL=quic-endpoint.js.map