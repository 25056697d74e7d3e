/**
 * Unreliable DATAGRAM queues (RFC 9221). Datagrams are never fragmented, never retransmitted and
 * never block anything: both queues are bounded and drop the OLDEST entry when full, since for
 * real-time traffic (the use of datagrams) fresh data is worth more than stale data.
 *
 * Sizes: a DATAGRAM frame is counted with its Length field (type + varint length + data), the
 * size we send it with. An incoming frame is measured at its smallest encoding (type + data), so a
 * peer sending the final frame of a packet without a Length is never wrongly rejected.
 */
import type { DatagramFrame } from '../wire/frames.js';
export interface DatagramQueuesConfig {
    /** Incoming queue bound, in datagrams. */
    maxIncoming: number;
    /** Incoming queue bound, in bytes. */
    maxIncomingBytes: number;
    /** Outgoing queue bound, in datagrams. */
    maxOutgoing: number;
}
export interface DatagramStats {
    sent: number;
    received: number;
    /** Outgoing datagrams dropped to make room for newer ones. */
    droppedOutgoing: number;
    /** Outgoing datagrams dropped because they could not fit in any packet. */
    droppedTooLarge: number;
    /** Incoming datagrams dropped (queue full) before the application read them. */
    droppedIncoming: number;
    queuedOutgoing: number;
    queuedIncoming: number;
}
export declare class DatagramQueues {
    private readonly config;
    private peerMaxFrameSize;
    private readonly outgoing;
    private readonly incoming;
    private incomingBytes;
    private counters;
    constructor(config: DatagramQueuesConfig);
    /** The peer's max_datagram_frame_size transport parameter (0 or absent: datagrams unsupported). */
    setPeerMaxFrameSize(n: number): void;
    /** Largest payload the peer accepts (0 when unsupported). Path MTU limits are the caller's. */
    get maxPayload(): number;
    /**
     * Queues a datagram (kept as a view: the caller must not modify it). 'too-large' when its frame
     * would exceed the peer's limit. When the queue is full the oldest queued datagram is dropped.
     */
    send(data: Uint8Array): 'queued' | 'too-large' | 'unsupported';
    hasPending(): boolean;
    /**
     * The next datagram frame if it fits in `space`. `emptyPacketSpace` is the room in an otherwise
     * empty packet: a datagram larger than that can never be sent and is dropped (counted).
     */
    pollFrame(space: number, emptyPacketSpace?: number): DatagramFrame | undefined;
    /**
     * Handles a received DATAGRAM frame. `localMaxFrameSize` is the max_datagram_frame_size we
     * advertised; a larger frame (or any frame when we advertised none) is a PROTOCOL_VIOLATION.
     * Returns true when the queue was empty before (announce datagramsReadable).
     */
    onReceived(frame: DatagramFrame, localMaxFrameSize: number): boolean;
    /** The oldest received datagram (a view of the packet it came in), or undefined. */
    read(): Uint8Array | undefined;
    stats(): DatagramStats;
}
