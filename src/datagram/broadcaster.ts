/**
 * DatagramBroadcaster (pywebtransport): sends one datagram to many sessions, encoding it once.
 * Targets that are closed, or whose send fails because they closed or cannot take datagrams, are
 * dropped from the set; a datagram too large for one target only counts as a failure. A target
 * added as a session (or anything with a `closed` promise) leaves the set as soon as it closes, so a
 * vanished peer is not kept until the next broadcast.
 */
import { DatagramError, type DatagramChannel, type StreamData } from '../index.js';
import type { DatagramSendOptions } from './datagram-stream.js';
import { asBytes } from './transport.js';

/** Anything that sends datagrams: DatagramChannel, DatagramDuplexStream, ReliableDatagrams. */
export interface BroadcastTarget {
  send(data: Uint8Array, options?: DatagramSendOptions): unknown;
  readonly isClosed: boolean;
}

export interface BroadcastResult {
  /** Targets that accepted the datagram. */
  sent: number;
  /** Targets that refused it (too large, queue full) and were kept. */
  failed: number;
  /** Targets dropped as dead: during this broadcast, or since the previous one when they closed. */
  removed: number;
}

/** A session, or anything else that says when it is gone. */
type Closable = { readonly closed?: Promise<unknown> };

export class DatagramBroadcaster {
  readonly #targets = new Set<BroadcastTarget>();
  /** Targets that left by closing since the last broadcast (reported in its `removed`). */
  #closedSinceBroadcast = 0;

  get size(): number {
    return this.#targets.size;
  }

  /** Adds a target: a session (its `datagrams` is used) or any datagram sender. */
  add(target: BroadcastTarget | { readonly datagrams: DatagramChannel }): BroadcastTarget {
    const t = 'datagrams' in target ? target.datagrams : target;
    if (t.isClosed || this.#targets.has(t)) return t;
    this.#targets.add(t);
    const closed = (target as Closable).closed;
    if (closed instanceof Promise) {
      const drop = (): void => {
        if (this.#targets.delete(t)) this.#closedSinceBroadcast++;
      };
      void closed.then(drop, drop);
    }
    return t;
  }

  remove(target: BroadcastTarget | { readonly datagrams: DatagramChannel }): boolean {
    return this.#targets.delete('datagrams' in target ? target.datagrams : target);
  }

  has(target: BroadcastTarget | { readonly datagrams: DatagramChannel }): boolean {
    return this.#targets.has('datagrams' in target ? target.datagrams : target);
  }

  clear(): void {
    this.#targets.clear();
    this.#closedSinceBroadcast = 0;
  }

  /** Sends `data` to every live target. */
  broadcast(data: StreamData, options?: DatagramSendOptions): BroadcastResult {
    const payload = asBytes(data);
    const result: BroadcastResult = { sent: 0, failed: 0, removed: this.#closedSinceBroadcast };
    this.#closedSinceBroadcast = 0;
    for (const target of this.#targets) {
      if (target.isClosed) {
        this.#targets.delete(target);
        result.removed++;
        continue;
      }
      try {
        target.send(payload, options);
        result.sent++;
      } catch (error) {
        if (target.isClosed || (error instanceof DatagramError && (error.reason === 'closed' || error.reason === 'unsupported'))) {
          this.#targets.delete(target);
          result.removed++;
        } else {
          result.failed++;
        }
      }
    }
    return result;
  }
}
