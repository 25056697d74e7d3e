/**
 * Streams and datagrams that arrive before their session is known or accepted (WT16 §4.6). They
 * wait here within a count limit (streams), a count and byte limit (datagrams) and an age limit,
 * then are delivered to the session or rejected. Stream bytes stay in the QUIC/H3 buffers (bounded
 * by QUIC flow control); only the stream ids are held. Also remembers recently closed session ids
 * so late streams for them are refused at once instead of buffered.
 */
import type { Micros } from '../util/time.js';

export interface PendingLimits {
  /** Streams buffered over all unknown sessions (quiche keeps 24). */
  readonly maxStreams: number;
  /** Datagrams buffered over all unknown sessions. */
  readonly maxDatagrams: number;
  /** Bytes of buffered datagram payload. */
  readonly maxDatagramBytes: number;
  /** How long an entry may wait for its session (RFC 9297 §2.1 suggests about one RTT for datagrams). */
  readonly maxAge: Micros;
  /** Session ids remembered after they close. */
  readonly recentlyClosed: number;
}

export const DEFAULT_PENDING_LIMITS: PendingLimits = {
  maxStreams: 24,
  maxDatagrams: 64,
  maxDatagramBytes: 64 * 1024,
  maxAge: 2_000_000,
  recentlyClosed: 64,
};

export interface PendingStream {
  readonly sessionId: number;
  readonly streamId: number;
  readonly direction: 'bidi' | 'uni';
  readonly arrivedAt: Micros;
}

interface PendingDatagram {
  readonly sessionId: number;
  readonly payload: Uint8Array;
  readonly arrivedAt: Micros;
}

export type AddStreamResult = 'buffered' | 'rejected' | 'sessionGone';

/** Shared by every buffer until its first entry (only ever read: reads and deletes of an empty map write nothing). */
const NO_STREAMS: Map<number, PendingStream> = new Map();
const NO_CLOSED: Set<number> = new Set();

export class PendingBuffer {
  readonly limits: PendingLimits;
  /** Insertion order = arrival order, so expiry scans stop at the first young entry. */
  private streams = NO_STREAMS;
  private datagrams: PendingDatagram[] = [];
  private datagramHead = 0;
  private datagramBytes = 0;
  private closed = NO_CLOSED;
  /** Counters for diagnostics. */
  rejectedStreams = 0;
  droppedDatagrams = 0;

  constructor(limits: Partial<PendingLimits> = {}) {
    this.limits = { ...DEFAULT_PENDING_LIMITS, ...limits };
  }

  get streamCount(): number {
    return this.streams.size;
  }

  get datagramCount(): number {
    return this.datagrams.length - this.datagramHead;
  }

  get bufferedDatagramBytes(): number {
    return this.datagramBytes;
  }

  /**
   * A stream whose session is not ready. 'sessionGone': the session closed recently (reset it with
   * WT_SESSION_GONE); 'rejected': the buffer is full (reset it with WT_BUFFERED_STREAM_REJECTED).
   */
  addStream(now: Micros, sessionId: number, streamId: number, direction: 'bidi' | 'uni'): AddStreamResult {
    if (this.closed.has(sessionId)) {
      this.rejectedStreams++;
      return 'sessionGone';
    }
    if (this.streams.size >= this.limits.maxStreams) {
      this.rejectedStreams++;
      return 'rejected';
    }
    if (this.streams === NO_STREAMS) this.streams = new Map();
    this.streams.set(streamId, { sessionId, streamId, direction, arrivedAt: now });
    return 'buffered';
  }

  /** A datagram whose session is not ready; false when it was dropped (limits or closed session). */
  addDatagram(now: Micros, sessionId: number, payload: Uint8Array): boolean {
    if (this.closed.has(sessionId) || payload.length > this.limits.maxDatagramBytes) {
      this.droppedDatagrams++;
      return false;
    }
    // Make room by dropping the oldest: newer datagrams are worth more to real-time traffic.
    while (this.datagramCount >= this.limits.maxDatagrams || this.datagramBytes + payload.length > this.limits.maxDatagramBytes) {
      this.shiftDatagram();
      this.droppedDatagrams++;
    }
    this.datagrams.push({ sessionId, payload, arrivedAt: now });
    this.datagramBytes += payload.length;
    return true;
  }

  /** Forgets a buffered stream (the peer reset it meanwhile). */
  removeStream(streamId: number): boolean {
    return this.streams.delete(streamId);
  }

  hasStream(streamId: number): boolean {
    return this.streams.has(streamId);
  }

  /** Everything buffered for a session that just became ready, in arrival order. */
  takeSession(sessionId: number): { streams: PendingStream[]; datagrams: Uint8Array[] } {
    const streams: PendingStream[] = [];
    for (const s of this.streams.values()) {
      if (s.sessionId === sessionId) streams.push(s);
    }
    for (const s of streams) this.streams.delete(s.streamId);
    const datagrams: Uint8Array[] = [];
    if (this.datagramCount > 0) {
      const keep: PendingDatagram[] = [];
      for (let i = this.datagramHead; i < this.datagrams.length; i++) {
        const d = this.datagrams[i]!;
        if (d.sessionId === sessionId) {
          datagrams.push(d.payload);
          this.datagramBytes -= d.payload.length;
        } else {
          keep.push(d);
        }
      }
      this.datagrams = keep;
      this.datagramHead = 0;
    }
    return { streams, datagrams };
  }

  /**
   * The session will never be ready (rejected or closed): returns its buffered streams (to reset)
   * and remembers the id so later arrivals are refused.
   */
  closeSession(sessionId: number): PendingStream[] {
    this.markClosed(sessionId);
    return this.takeSession(sessionId).streams;
  }

  /** Remembers a closed session id, forgetting the oldest beyond the limit. */
  markClosed(sessionId: number): void {
    this.closed.delete(sessionId);
    if (this.closed === NO_CLOSED) this.closed = new Set();
    this.closed.add(sessionId);
    if (this.closed.size > this.limits.recentlyClosed) {
      const oldest = this.closed.values().next().value as number;
      this.closed.delete(oldest);
    }
  }

  isRecentlyClosed(sessionId: number): boolean {
    return this.closed.has(sessionId);
  }

  /** Drops entries older than maxAge; returns the expired streams (to reset). */
  expire(now: Micros): PendingStream[] {
    const cutoff = now - this.limits.maxAge;
    const expired: PendingStream[] = [];
    for (const s of this.streams.values()) {
      if (s.arrivedAt > cutoff) break;
      expired.push(s);
    }
    for (const s of expired) this.streams.delete(s.streamId);
    this.rejectedStreams += expired.length;
    while (this.datagramCount > 0 && this.datagrams[this.datagramHead]!.arrivedAt <= cutoff) {
      this.shiftDatagram();
      this.droppedDatagrams++;
    }
    return expired;
  }

  /** When the oldest entry expires (undefined when empty). */
  nextDeadline(): Micros | undefined {
    let first: Micros | undefined;
    const s = this.streams.values().next();
    if (!s.done) first = s.value.arrivedAt;
    if (this.datagramCount > 0) {
      const d = this.datagrams[this.datagramHead]!.arrivedAt;
      first = first === undefined ? d : Math.min(first, d);
    }
    return first === undefined ? undefined : first + this.limits.maxAge;
  }

  private shiftDatagram(): void {
    const d = this.datagrams[this.datagramHead]!;
    this.datagrams[this.datagramHead] = undefined as unknown as PendingDatagram;
    this.datagramHead++;
    this.datagramBytes -= d.payload.length;
    if (this.datagramHead > 32 && this.datagramHead * 2 > this.datagrams.length) {
      this.datagrams = this.datagrams.slice(this.datagramHead);
      this.datagramHead = 0;
    }
  }
}
