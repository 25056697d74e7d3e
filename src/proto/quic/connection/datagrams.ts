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
import { datagramFrameSize } from '../wire/frame-encoder.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import { Deque } from '../../util/deque.js';

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

const FRAME_TYPE_DATAGRAM = 0x30;

export class DatagramQueues {
  private readonly config: DatagramQueuesConfig;
  private peerMaxFrameSize = 0;
  // Smallest rings: most connections never queue a datagram; busy ones grow by doubling.
  private readonly outgoing = new Deque<Uint8Array>(4);
  private readonly incoming = new Deque<Uint8Array>(4);
  private incomingBytes = 0;
  private counters = { sent: 0, received: 0, droppedOutgoing: 0, droppedTooLarge: 0, droppedIncoming: 0 };

  constructor(config: DatagramQueuesConfig) {
    this.config = config;
  }

  /** The peer's max_datagram_frame_size transport parameter (0 or absent: datagrams unsupported). */
  setPeerMaxFrameSize(n: number): void {
    this.peerMaxFrameSize = n;
  }

  /** Largest payload the peer accepts (0 when unsupported). Path MTU limits are the caller's. */
  get maxPayload(): number {
    let n = this.peerMaxFrameSize - 1;
    while (n > 0 && datagramFrameSize(n, true) > this.peerMaxFrameSize) n--;
    return Math.max(0, n);
  }

  /**
   * Queues a datagram (kept as a view: the caller must not modify it). 'too-large' when its frame
   * would exceed the peer's limit. When the queue is full the oldest queued datagram is dropped.
   */
  send(data: Uint8Array): 'queued' | 'too-large' | 'unsupported' {
    if (this.peerMaxFrameSize === 0) return 'unsupported';
    if (datagramFrameSize(data.length, true) > this.peerMaxFrameSize) return 'too-large';
    if (this.config.maxOutgoing <= 0) {
      this.counters.droppedOutgoing++;
      return 'queued';
    }
    while (this.outgoing.length >= this.config.maxOutgoing) {
      this.outgoing.shift();
      this.counters.droppedOutgoing++;
    }
    this.outgoing.push(data);
    return 'queued';
  }

  hasPending(): boolean {
    return this.outgoing.length > 0;
  }

  /**
   * The next datagram frame if it fits in `space`. `emptyPacketSpace` is the room in an otherwise
   * empty packet: a datagram larger than that can never be sent and is dropped (counted).
   */
  pollFrame(space: number, emptyPacketSpace?: number): DatagramFrame | undefined {
    for (;;) {
      const data = this.outgoing.peek();
      if (data === undefined) return undefined;
      const size = datagramFrameSize(data.length, true);
      if (emptyPacketSpace !== undefined && size > emptyPacketSpace) {
        this.outgoing.shift();
        this.counters.droppedTooLarge++;
        continue;
      }
      if (size > space) return undefined;
      this.outgoing.shift();
      this.counters.sent++;
      return { type: 'datagram', data };
    }
  }

  /**
   * Handles a received DATAGRAM frame. `localMaxFrameSize` is the max_datagram_frame_size we
   * advertised; a larger frame (or any frame when we advertised none) is a PROTOCOL_VIOLATION.
   * Returns true when the queue was empty before (announce datagramsReadable).
   */
  onReceived(frame: DatagramFrame, localMaxFrameSize: number): boolean {
    if (localMaxFrameSize === 0) {
      throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'DATAGRAM frames were not negotiated', FRAME_TYPE_DATAGRAM);
    }
    if (datagramFrameSize(frame.data.length, false) > localMaxFrameSize) {
      throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'DATAGRAM frame larger than advertised', FRAME_TYPE_DATAGRAM);
    }
    this.counters.received++;
    const wasEmpty = this.incoming.length === 0;
    const len = frame.data.length;
    if (this.config.maxIncoming <= 0 || len > this.config.maxIncomingBytes) {
      this.counters.droppedIncoming++;
      return false;
    }
    while (this.incoming.length >= this.config.maxIncoming || this.incomingBytes + len > this.config.maxIncomingBytes) {
      this.incomingBytes -= this.incoming.shift()!.length;
      this.counters.droppedIncoming++;
    }
    this.incoming.push(frame.data);
    this.incomingBytes += len;
    return wasEmpty;
  }

  /** The oldest received datagram (a view of the packet it came in), or undefined. */
  read(): Uint8Array | undefined {
    const d = this.incoming.shift();
    if (d !== undefined) this.incomingBytes -= d.length;
    return d;
  }

  stats(): DatagramStats {
    return { ...this.counters, queuedOutgoing: this.outgoing.length, queuedIncoming: this.incoming.length };
  }
}
