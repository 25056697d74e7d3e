/** Counters of a DatagramDuplexStream (pywebtransport DatagramStats), with derived rates. */

export interface DatagramStatsSnapshot {
  datagramsSent: number;
  bytesSent: number;
  /** Sends the transport refused (too large, closed, unsupported). */
  sendFailures: number;
  /** Outgoing datagrams dropped by the queue (full or expired). */
  sendDrops: number;
  datagramsReceived: number;
  bytesReceived: number;
  /** Received datagrams that could not be decoded (receiveJson). */
  receiveErrors: number;
  minDatagramSize: number;
  maxDatagramSize: number;
  averageDatagramSize: number;
  /** Sent / (sent + failures + drops); 1 when nothing was attempted. */
  sendSuccessRate: number;
  /** Datagrams waiting in the send queue and in the receive buffer. */
  sendQueued: number;
  receiveQueued: number;
}

export class DatagramStats {
  datagramsSent = 0;
  bytesSent = 0;
  sendFailures = 0;
  sendDrops = 0;
  datagramsReceived = 0;
  bytesReceived = 0;
  receiveErrors = 0;
  #minSize = Number.POSITIVE_INFINITY;
  #maxSize = 0;

  recordSent(size: number): void {
    this.datagramsSent++;
    this.bytesSent += size;
    this.#size(size);
  }

  recordReceived(size: number): void {
    this.datagramsReceived++;
    this.bytesReceived += size;
    this.#size(size);
  }

  snapshot(sendQueued: number, receiveQueued: number): DatagramStatsSnapshot {
    const count = this.datagramsSent + this.datagramsReceived;
    const attempts = this.datagramsSent + this.sendFailures + this.sendDrops;
    return {
      datagramsSent: this.datagramsSent,
      bytesSent: this.bytesSent,
      sendFailures: this.sendFailures,
      sendDrops: this.sendDrops,
      datagramsReceived: this.datagramsReceived,
      bytesReceived: this.bytesReceived,
      receiveErrors: this.receiveErrors,
      minDatagramSize: count === 0 ? 0 : this.#minSize,
      maxDatagramSize: this.#maxSize,
      averageDatagramSize: count === 0 ? 0 : (this.bytesSent + this.bytesReceived) / count,
      sendSuccessRate: attempts === 0 ? 1 : this.datagramsSent / attempts,
      sendQueued,
      receiveQueued,
    };
  }

  #size(size: number): void {
    if (size < this.#minSize) this.#minSize = size;
    if (size > this.#maxSize) this.#maxSize = size;
  }
}
