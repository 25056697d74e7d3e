/**
 * Token-bucket pacer (RFC 9002 §7.7). Tokens refill at 1.25 * cwnd / srtt. The bucket holds what
 * the window allows over BURST_INTERVAL (at least BURST_PACKETS, at most MAX_BURST_PACKETS
 * datagrams): the runtime's timers fire no sooner than ~1 ms, so a bucket smaller than a timer
 * period's worth of tokens would cap a blocked sender at one bucket per timer tick (10 packets
 * per ms, ~15 MB/s) whatever the window.
 */
import type { Micros } from '../../util/time.js';

/** Datagrams that may always leave back to back once the bucket is full. */
export const BURST_PACKETS = 10;
/** Upper bound of the bucket in datagrams, however large the window. */
export const MAX_BURST_PACKETS = 256;
/** The bucket covers this much sending time at the window's rate (twice a 1 ms timer period). */
export const BURST_INTERVAL: Micros = 2000;
/** N = 1.25 from RFC 9002 §7.7, so pacing does not hold the sender below its window. */
const RATE_NUM = 5;
const RATE_DEN = 4;

export class Pacer {
  /** Bytes that may be sent right now. */
  private tokens: number;
  private lastRefill: Micros | undefined;
  private capacity: number;

  constructor(maxDatagramSize = 1200) {
    this.capacity = BURST_PACKETS * maxDatagramSize;
    this.tokens = this.capacity;
  }

  /**
   * When a packet of `size` bytes may be sent: undefined means now, and then its tokens are
   * taken (call this only when about to send). Otherwise returns the earliest time to retry.
   */
  delayUntil(now: Micros, size: number, cwnd: number, smoothedRtt: Micros, mds: number): Micros | undefined {
    const srtt = Math.max(1, smoothedRtt);
    const windowBurst = Math.min((cwnd * BURST_INTERVAL) / srtt, MAX_BURST_PACKETS * mds);
    this.capacity = Math.max(BURST_PACKETS * mds, windowBurst, size);
    // A window that just shrank (a loss) shrinks the burst allowance with it.
    if (this.tokens > this.capacity) this.tokens = this.capacity;
    if (this.lastRefill === undefined) {
      this.lastRefill = now;
    } else if (now > this.lastRefill) {
      // bytes per µs = 1.25 * cwnd / srtt
      this.tokens = Math.min(this.capacity,
        this.tokens + ((now - this.lastRefill) * cwnd * RATE_NUM) / (srtt * RATE_DEN));
      this.lastRefill = now;
    }
    if (this.tokens >= size) {
      this.tokens -= size;
      return undefined;
    }
    const missing = size - this.tokens;
    const wait = Math.ceil((missing * srtt * RATE_DEN) / (Math.max(1, cwnd) * RATE_NUM));
    return now + Math.max(1, wait);
  }

  /** Gives back tokens taken by delayUntil() for a packet that was not sent after all. */
  refund(size: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + size);
  }

  /** Refills the bucket, e.g. after an idle period or a path change. */
  reset(): void {
    this.tokens = this.capacity;
    this.lastRefill = undefined;
  }
}
