/**
 * A DatagramSocket whose packets travel through a CONNECT-UDP tunnel: to the QUIC endpoint on
 * top it looks like a UDP socket connected to the tunnel's target. Every send goes to the target
 * (the address argument is ignored: there is no other peer), every received payload appears to
 * come from `remote`, the address the connection was dialled with, so the connection never sees
 * a path change.
 */
import type { SocketAddress } from '../../runtime/proto-types.js';
import type { DatagramSocket, SendCallback } from '../../runtime/udp-socket.js';
import type { ConnectUdpTunnel } from './tunnel.js';

export class TunnelDatagramSocket implements DatagramSocket {
  readonly tunnel: ConnectUdpTunnel;
  readonly #remote: SocketAddress;
  #handler: ((data: Uint8Array, remote: SocketAddress) => void) | undefined;
  #closed = false;

  constructor(tunnel: ConnectUdpTunnel, remote: SocketAddress) {
    this.tunnel = tunnel;
    this.#remote = remote;
    // The payload is a view into the proxy connection's buffers: the handler gets its own copy.
    tunnel.onDatagram((payload) => this.#handler?.(payload.slice(), this.#remote));
  }

  bind(): Promise<SocketAddress> {
    return Promise.resolve(this.address());
  }

  send(data: Uint8Array, offset: number, length: number, _remote: SocketAddress, callback?: SendCallback): void {
    // The tunnel copies the bytes before returning, so the slot may be recycled right after.
    const sent = !this.#closed && this.tunnel.send(data.subarray(offset, offset + length));
    if (callback) queueMicrotask(() => callback(sent || !this.#closed ? null : new Error('the proxy tunnel is closed')));
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  onMessage(handler: (data: Uint8Array, remote: SocketAddress) => void): void {
    this.#handler = handler;
  }

  onError(): void {
    // A tunnel has no socket-level errors; its end is reported through tunnel.closed.
  }

  /** The tunnel has no local address of its own: a placeholder of the target's family. */
  address(): SocketAddress {
    return { address: this.#remote.address.includes(':') ? '::' : '0.0.0.0', port: 0 };
  }

  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.tunnel.close('socket closed');
    }
    return Promise.resolve();
  }
}
