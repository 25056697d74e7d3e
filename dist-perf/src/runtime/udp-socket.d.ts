import type { SocketAddress } from './proto-types.js';
export type SendCallback = (error: Error | null) => void;
export interface DatagramSocket {
    /** Binds to address:port (port 0 picks one) and resolves with the bound address. */
    bind(port: number, address: string): Promise<SocketAddress>;
    /**
     * Sends data[offset..offset+length). The bytes must stay untouched until `callback` runs.
     * Callbacks run in send order (the driver recycles buffers in FIFO order relying on it).
     */
    send(data: Uint8Array, offset: number, length: number, remote: SocketAddress, callback?: SendCallback): void;
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
export declare const DEFAULT_SOCKET_BUFFER_SIZE: number;
export declare function createUdpSocket(options: UdpSocketOptions): DatagramSocket;
