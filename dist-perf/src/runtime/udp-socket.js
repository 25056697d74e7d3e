/**
 * The datagram socket seam of the runtime: an interface (so tests and the simulator can plug in
 * their own) and its node:dgram implementation with large kernel buffers and in-order send
 * completion callbacks.
 */
import dgram from 'node:dgram';
import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
export const DEFAULT_SOCKET_BUFFER_SIZE = 8 * 1024 * 1024;
/**
 * dgram resolves every destination with dns.lookup, which costs a tick per packet even for IP
 * literals; answering literals synchronously lets send() hand the packet to libuv immediately.
 */
function literalFirstLookup(hostname, options, callback) {
    const family = isIP(hostname);
    if (family !== 0) {
        callback(null, hostname, family);
        return;
    }
    dnsLookup(hostname, options, callback);
}
class NodeDatagramSocket {
    #socket;
    #options;
    #messageHandler;
    #errorHandler;
    #closed = false;
    constructor(options) {
        this.#options = options;
        this.#socket = dgram.createSocket({
            type: options.family,
            ipv6Only: options.family === 'udp6' ? (options.ipv6Only ?? false) : false,
            lookup: literalFirstLookup,
        });
        // rinfo ({address, family, port, size}) already is a SocketAddress: pass it on without copying.
        this.#socket.on('message', (msg, rinfo) => this.#messageHandler?.(msg, rinfo));
        // Without a listener an 'error' event would crash the process.
        this.#socket.on('error', (err) => this.#errorHandler?.(err));
    }
    bind(port, address) {
        return new Promise((resolve, reject) => {
            const onError = (err) => reject(err);
            this.#socket.once('error', onError);
            this.#socket.bind({ port, address, exclusive: true }, () => {
                this.#socket.off('error', onError);
                this.#applyBufferSizes();
                resolve(this.address());
            });
        });
    }
    send(data, offset, length, remote, callback) {
        if (this.#closed) {
            if (callback)
                queueMicrotask(() => callback(new Error('socket is closed')));
            return;
        }
        this.#socket.send(data, offset, length, remote.port, remote.address, callback);
    }
    onMessage(handler) {
        this.#messageHandler = handler;
    }
    onError(handler) {
        this.#errorHandler = handler;
    }
    address() {
        const a = this.#socket.address();
        return { address: a.address, port: a.port };
    }
    close() {
        if (this.#closed)
            return Promise.resolve();
        this.#closed = true;
        return new Promise((resolve) => this.#socket.close(() => resolve()));
    }
    #applyBufferSizes() {
        const recv = this.#options.recvBufferSize ?? DEFAULT_SOCKET_BUFFER_SIZE;
        const send = this.#options.sendBufferSize ?? DEFAULT_SOCKET_BUFFER_SIZE;
        // The kernel caps these at net.core.[rw]mem_max and may refuse outright: best effort.
        try {
            this.#socket.setRecvBufferSize(recv);
        }
        catch { /* keep the OS default */ }
        try {
            this.#socket.setSendBufferSize(send);
        }
        catch { /* keep the OS default */ }
    }
}
export function createUdpSocket(options) {
    return new NodeDatagramSocket(options);
}
//# sourceMappingURL=udp-socket.js.map