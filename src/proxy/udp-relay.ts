/**
 * The UDP side of one CONNECT-UDP tunnel: a connected node:dgram socket to the target, relaying
 * payloads both ways. Sends still waiting for the kernel are bounded (extra payloads are dropped,
 * as UDP may); a tunnel silent both ways for `idleTimeoutMs` is closed.
 */
import dgram from 'node:dgram';
import type { ConnectUdpTunnel } from '../api/proxy/index.js';

export interface UdpRelayOptions {
  idleTimeoutMs: number;
  /** Payloads handed to the socket and not yet sent; beyond it client payloads are dropped. */
  maxQueuedDatagrams: number;
}

export interface UdpRelayStats {
  toTarget: number;
  fromTarget: number;
  bytesToTarget: number;
  bytesFromTarget: number;
  dropped: number;
}

export class UdpRelay {
  readonly tunnel: ConnectUdpTunnel;
  readonly stats: UdpRelayStats = { toTarget: 0, fromTarget: 0, bytesToTarget: 0, bytesFromTarget: 0, dropped: 0 };
  /** Resolves once the socket is closed (the tunnel ended or went idle). */
  readonly closed: Promise<void>;
  readonly #socket: dgram.Socket;
  readonly #options: UdpRelayOptions;
  #queued = 0;
  #lastActivity = Date.now();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closing = false;
  #resolveClosed!: () => void;

  private constructor(tunnel: ConnectUdpTunnel, socket: dgram.Socket, options: UdpRelayOptions) {
    this.tunnel = tunnel;
    this.#socket = socket;
    this.#options = options;
    this.closed = new Promise((resolve) => { this.#resolveClosed = resolve; });
  }

  /** A socket connected to address:port (the kernel then drops datagrams from anyone else). */
  static async connectSocket(address: string, port: number): Promise<dgram.Socket> {
    const socket = dgram.createSocket(address.includes(':') ? 'udp6' : 'udp4');
    socket.on('error', () => { /* ICMP errors on a connected socket: UDP is lossy, keep going */ });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.connect(port, address, () => {
          socket.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      socket.close();
      throw error;
    }
    return socket;
  }

  /** Starts relaying between an accepted tunnel and a connected socket. */
  static start(tunnel: ConnectUdpTunnel, socket: dgram.Socket, options: UdpRelayOptions): UdpRelay {
    const relay = new UdpRelay(tunnel, socket, options);
    relay.#run();
    return relay;
  }

  #run(): void {
    const stats = this.stats;
    this.tunnel.onDatagram((payload) => {
      if (this.#closing) return;
      this.#lastActivity = Date.now();
      if (this.#queued >= this.#options.maxQueuedDatagrams) {
        stats.dropped++;
        return;
      }
      this.#queued++;
      stats.toTarget++;
      stats.bytesToTarget += payload.length;
      // The payload is a view into the proxy connection's buffers; libuv reads ours until the callback.
      this.#socket.send(payload.slice(), () => { this.#queued--; });
    });
    this.#socket.on('message', (msg) => {
      if (this.#closing) return;
      this.#lastActivity = Date.now();
      stats.fromTarget++;
      stats.bytesFromTarget += msg.length;
      if (!this.tunnel.send(msg)) stats.dropped++;
    });
    void this.tunnel.closed.then(() => this.#close());
    this.#arm(this.#options.idleTimeoutMs);
  }

  #arm(delayMs: number): void {
    this.#timer = setTimeout(() => {
      const idleFor = Date.now() - this.#lastActivity;
      if (idleFor >= this.#options.idleTimeoutMs) {
        this.tunnel.close('idle timeout');
        return;
      }
      this.#arm(this.#options.idleTimeoutMs - idleFor);
    }, delayMs);
    this.#timer.unref();
  }

  /** Ends the tunnel (FIN) and closes the socket. */
  close(): void {
    this.tunnel.close('relay closed');
  }

  #close(): void {
    if (this.#closing) return;
    this.#closing = true;
    clearTimeout(this.#timer);
    this.#socket.close(() => this.#resolveClosed());
  }
}
