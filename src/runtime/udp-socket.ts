/**
 * The datagram socket seam of the runtime: an interface (so tests and the simulator can plug in
 * their own) and its node:dgram implementation with large kernel buffers and in-order send
 * completion callbacks.
 */
import dgram from 'node:dgram';
import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import type { SocketAddress } from './proto-types.js';

export type SendCallback = (error: Error | null) => void;

export interface DatagramSocket {
  /** Binds to address:port (port 0 picks one) and resolves with the bound address. */
  bind(port: number, address: string): Promise<SocketAddress>;
  /**
   * Sends data[offset..offset+length). The bytes must stay untouched until this send's callback,
   * or the callback of a later send, runs: completions happen in send order (the driver passes a
   * callback only on the last send of a batch and recycles the whole batch when it runs).
   */
  send(data: Uint8Array, offset: number, length: number, remote: SocketAddress, callback?: SendCallback): void;
  /**
   * Optional: fixes the socket's peer (a connected UDP socket). Sends to that peer then skip the
   * per-packet address handling (about 1 µs of the ~5 µs a node:dgram send costs) and the kernel
   * drops datagrams from anyone else, so only single-remote clients use it.
   */
  connect?(remote: SocketAddress): Promise<void>;
  /** The single receive handler; `data` belongs to the handler (node allocates it per message). */
  onMessage(handler: (data: Uint8Array, remote: SocketAddress) => void): void;
  /** Socket-level errors (not per-send errors, which go to the send callback). */
  onError(handler: (error: Error) => void): void;
  address(): SocketAddress;
  close(): Promise<void>;
}

export interface UdpSocketOptions {
  family: 'udp4' | 'udp6';
  /** Kernel buffer sizes; requests the OS refuses (or caps) are ignored. */
  recvBufferSize?: number;
  sendBufferSize?: number;
  /** udp6 only: refuse IPv4-mapped traffic when bound to '::'. */
  ipv6Only?: boolean;
}

export const DEFAULT_SOCKET_BUFFER_SIZE = 8 * 1024 * 1024;

/**
 * dgram resolves every destination with dns.lookup, which costs a tick per packet even for IP
 * literals; answering literals synchronously lets send() hand the packet to libuv immediately.
 */
function literalFirstLookup(
  hostname: string,
  options: unknown,
  callback: (err: NodeJS.ErrnoException | null, address: string, family: number) => void,
): void {
  const family = isIP(hostname);
  if (family !== 0) {
    callback(null, hostname, family);
    return;
  }
  dnsLookup(hostname, options as number, callback);
}

class NodeDatagramSocket implements DatagramSocket {
  readonly #socket: dgram.Socket;
  readonly #options: UdpSocketOptions;
  #messageHandler: ((data: Uint8Array, remote: SocketAddress) => void) | undefined;
  #errorHandler: ((error: Error) => void) | undefined;
  #closed = false;
  /** The connected peer, if any: sends to it go without an address. */
  #peerAddress: string | undefined;
  #peerPort = -1;

  constructor(options: UdpSocketOptions) {
    this.#options = options;
    this.#socket = dgram.createSocket({
      type: options.family,
      ipv6Only: options.family === 'udp6' ? (options.ipv6Only ?? false) : false,
      lookup: literalFirstLookup as unknown as typeof dnsLookup,
    });
    // rinfo ({address, family, port, size}) already is a SocketAddress: pass it on without copying.
    // The bytes go on as a plain Uint8Array view: the core takes several subarrays of every
    // datagram, and a Buffer's subarray() runs Buffer's JS constructor each time.
    this.#socket.on('message', (msg, rinfo) => this.#messageHandler?.(new Uint8Array(msg.buffer, msg.byteOffset, msg.length), rinfo));
    // Without a listener an 'error' event would crash the process.
    this.#socket.on('error', (err) => this.#errorHandler?.(err));
  }

  bind(port: number, address: string): Promise<SocketAddress> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.#socket.once('error', onError);
      this.#socket.bind({ port, address, exclusive: true }, () => {
        this.#socket.off('error', onError);
        this.#applyBufferSizes();
        resolve(this.address());
      });
    });
  }

  send(data: Uint8Array, offset: number, length: number, remote: SocketAddress, callback?: SendCallback): void {
    if (this.#closed) {
      if (callback) queueMicrotask(() => callback(new Error('socket is closed')));
      return;
    }
    if (remote.port === this.#peerPort && remote.address === this.#peerAddress) {
      this.#socket.send(data, offset, length, callback);
    } else if (this.#peerPort >= 0) {
      // node refuses addressed sends on a connected socket; the core never targets anyone else
      // from a single-remote client, so drop and report (after earlier sends had their turn).
      if (callback) setImmediate(callback, new Error('socket is connected to another peer'));
    } else {
      this.#socket.send(data, offset, length, remote.port, remote.address, callback);
    }
  }

  connect(remote: SocketAddress): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.#socket.once('error', onError);
      this.#socket.connect(remote.port, remote.address, () => {
        this.#socket.off('error', onError);
        this.#peerAddress = remote.address;
        this.#peerPort = remote.port;
        resolve();
      });
    });
  }

  onMessage(handler: (data: Uint8Array, remote: SocketAddress) => void): void {
    this.#messageHandler = handler;
  }

  onError(handler: (error: Error) => void): void {
    this.#errorHandler = handler;
  }

  address(): SocketAddress {
    const a = this.#socket.address();
    return { address: a.address, port: a.port };
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    return new Promise((resolve) => this.#socket.close(() => resolve()));
  }

  #applyBufferSizes(): void {
    const recv = this.#options.recvBufferSize ?? DEFAULT_SOCKET_BUFFER_SIZE;
    const send = this.#options.sendBufferSize ?? DEFAULT_SOCKET_BUFFER_SIZE;
    // The kernel caps these at net.core.[rw]mem_max and may refuse outright: best effort.
    try { this.#socket.setRecvBufferSize(recv); } catch { /* keep the OS default */ }
    try { this.#socket.setSendBufferSize(send); } catch { /* keep the OS default */ }
  }
}

export function createUdpSocket(options: UdpSocketOptions): DatagramSocket {
  return new NodeDatagramSocket(options);
}
