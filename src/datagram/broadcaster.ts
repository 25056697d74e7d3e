/**
 * DatagramBroadcaster (pywebtransport): sends one datagram to many sessions, encoding it once.
 * Targets that are closed, or whose send fails because they closed or cannot take datagrams, are
 * dropped from the set; a datagram too large for one target only counts as a failure.
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
  /** Targets dropped as dead. */
  removed: number;
}

export class DatagramBroadcaster {
  readonly #targets = new Set<BroadcastTarget>();

  get size(): number {
    return this.#targets.size;
  }

  /** Adds a target: a session (its `datagrams` is used) or any datagram sender. */
  add(target: BroadcastTarget | { readonly datagrams: DatagramChannel }): BroadcastTarget {
    const t = 'datagrams' in target ? target.datagrams : target;
    if (!t.isClosed) this.#targets.add(t);
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
  }

  /** Sends `data` to every live target. */
  broadcast(data: StreamData, options?: DatagramSendOptions): BroadcastResult {
    const payload = asBytes(data);
    const result: BroadcastResult = { sent: 0, failed: 0, removed: 0 };
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
