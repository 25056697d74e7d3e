/**
 * The sending half of the CRYPTO stream of one encryption level: handshake bytes from TLS,
 * sent once in order, with lost ranges retransmitted (RFC 9000 §19.6).
 */
import type { CryptoFrame } from '../wire/frames.js';

interface Range { start: number; end: number }

export class CryptoSendStream {
  private chunks: Uint8Array[] = [];
  private chunkStarts: number[] = [];
  /** Total bytes handed over by TLS. */
  private length = 0;
  /** Next never-sent offset. */
  private sentOffset = 0;
  /** Ranges to send again, ascending, non-overlapping. */
  private retransmit: Range[] = [];
  /** Acknowledged ranges (coarse: used to skip retransmitting acked data). */
  private acked: Range[] = [];
  private readonly releaseAcked: boolean;

  /**
   * `releaseAcked`: drop chunks once acknowledged (the 1-RTT level, which lives as long as the
   * connection). Initial and Handshake keep theirs until the level is discarded: after a Retry,
   * resetProgress() resends the Initial bytes from offset 0, acknowledged or not.
   */
  constructor(releaseAcked = false) {
    this.releaseAcked = releaseAcked;
  }

  write(data: Uint8Array): void {
    if (data.length === 0) return;
    this.chunks.push(data);
    this.chunkStarts.push(this.length);
    this.length += data.length;
  }

  hasData(): boolean {
    return this.retransmit.length > 0 || this.sentOffset < this.length;
  }

  /** True when everything handed over has been acknowledged. */
  allAcked(): boolean {
    return this.acked.length === 1 && this.acked[0]!.start === 0 && this.acked[0]!.end >= this.length
      || this.length === 0;
  }

  /** The next range to send, at most `maxLength` bytes. */
  nextRange(maxLength: number): { offset: number; length: number } | undefined {
    if (maxLength <= 0) return undefined;
    while (this.retransmit.length > 0) {
      const r = this.retransmit[0]!;
      // Skip bytes acknowledged since they were declared lost, and stop before the next acked range.
      let end = r.end;
      for (const a of this.acked) {
        if (a.end <= r.start) continue;
        if (a.start <= r.start) r.start = Math.min(a.end, r.end);
        else {
          end = Math.min(end, a.start);
          break;
        }
      }
      if (r.start >= r.end) {
        this.retransmit.shift();
        continue;
      }
      const len = Math.min(maxLength, end - r.start);
      const offset = r.start;
      r.start += len;
      if (r.start >= r.end) this.retransmit.shift();
      return { offset, length: len };
    }
    if (this.sentOffset < this.length) {
      const offset = this.sentOffset;
      const len = Math.min(maxLength, this.length - offset);
      this.sentOffset += len;
      return { offset, length: len };
    }
    return undefined;
  }

  /** The bytes of [offset, offset+length) (a view when inside one chunk). */
  slice(offset: number, length: number): Uint8Array {
    let i = this.chunkIndex(offset);
    const first = this.chunks[i]!;
    const local = offset - this.chunkStarts[i]!;
    if (local + length <= first.length) return first.subarray(local, local + length);
    const out = new Uint8Array(length);
    let written = 0;
    let pos = offset;
    while (written < length) {
      const c = this.chunks[i]!;
      const from = pos - this.chunkStarts[i]!;
      const n = Math.min(c.length - from, length - written);
      out.set(c.subarray(from, from + n), written);
      written += n;
      pos += n;
      i++;
    }
    return out;
  }

  onAcked(frame: CryptoFrame): void {
    addRange(this.acked, frame.offset, frame.offset + frame.data.length);
    if (this.releaseAcked) this.dropAckedChunks();
  }

  /** Forgets every byte and range: the level's keys are discarded, nothing is ever sent again. */
  release(): void {
    this.chunks = [];
    this.chunkStarts = [];
    this.retransmit = [];
    // Counted as acknowledged: no loss, probe or requeue can ask for the dropped bytes again.
    this.acked = this.length > 0 ? [{ start: 0, end: this.length }] : [];
    this.sentOffset = this.length;
  }

  /** Chunks wholly inside the acknowledged prefix are never read again (nextRange skips acked bytes). */
  private dropAckedChunks(): void {
    const prefix = this.acked[0];
    if (prefix === undefined || prefix.start !== 0) return;
    let n = 0;
    while (n < this.chunks.length && this.chunkStarts[n]! + this.chunks[n]!.length <= prefix.end) n++;
    if (n === 0) return;
    if (n === this.chunks.length) {
      this.chunks = [];
      this.chunkStarts = [];
    } else {
      this.chunks.splice(0, n);
      this.chunkStarts.splice(0, n);
    }
  }

  onLost(frame: CryptoFrame): void {
    const end = frame.offset + frame.data.length;
    if (!this.isAcked(frame.offset, end)) addRange(this.retransmit, frame.offset, end);
  }

  /** Queue every sent-but-unacknowledged byte again (PTO probes, Retry). */
  requeueUnacked(): void {
    if (this.sentOffset > 0) {
      let start = 0;
      for (const a of this.acked) {
        if (a.start > start) addRange(this.retransmit, start, Math.min(a.start, this.sentOffset));
        start = Math.max(start, a.end);
      }
      if (start < this.sentOffset) addRange(this.retransmit, start, this.sentOffset);
    }
  }

  /** Forget send progress: everything is resent from offset 0 (after Retry, with new keys). */
  resetProgress(): void {
    this.sentOffset = 0;
    this.retransmit = [];
    this.acked = [];
  }

  private isAcked(start: number, end: number): boolean {
    for (const a of this.acked) if (a.start <= start && a.end >= end) return true;
    return false;
  }

  private chunkIndex(offset: number): number {
    let lo = 0, hi = this.chunkStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunkStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Inserts [start, end) into an ascending list of disjoint ranges, merging neighbours. */
function addRange(list: Range[], start: number, end: number): void {
  if (end <= start) return;
  let i = 0;
  while (i < list.length && list[i]!.end < start) i++;
  let s = start, e = end;
  let j = i;
  while (j < list.length && list[j]!.start <= e) {
    s = Math.min(s, list[j]!.start);
    e = Math.max(e, list[j]!.end);
    j++;
  }
  list.splice(i, j - i, { start: s, end: e });
}
