/**
 * The bytes of one sending stream from write() until the peer acknowledges them.
 *
 * Writes keep the caller's Uint8Array (no copy: the caller must not modify it afterwards). A
 * frame is a view of one chunk; only a frame spanning several small chunks is copied, once.
 * Lost ranges wait in `lost` until resent; a range acknowledged meanwhile (a spurious loss) is
 * dropped from it, so every lost byte is resent at most once per loss.
 */
import { RangeSet } from '../../util/range-set.js';

interface Chunk {
  offset: number;
  data: Uint8Array;
}

export class SendBuffer {
  private readonly capacity: number;
  private chunks: Chunk[] = [];
  private head = 0;
  /** Every byte below this offset is acknowledged (and released). */
  private ackedPrefix = 0;
  // Both created on first need: in-order acknowledgments without loss (nearly every stream,
  // and every idle one) only move ackedPrefix.
  /** Acknowledged ranges above ackedPrefix (inclusive bounds). */
  private acked: RangeSet | undefined;
  /** Sent ranges declared lost and not resent yet (inclusive bounds). */
  private lost: RangeSet | undefined;
  private written = 0;
  private sent = 0;
  /** Index of the chunk the last slice() started in: new data is sliced in order, so it usually still holds. */
  private sliceHint = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Offset after the last byte written. */
  get writeOffset(): number {
    return this.written;
  }

  /** Offset after the highest byte ever sent (new data continues from here). */
  get sentOffset(): number {
    return this.sent;
  }

  /** Bytes held: written and not yet acknowledged. */
  get bufferedBytes(): number {
    return this.written - this.ackedPrefix;
  }

  /** Room left for write(). */
  get freeSpace(): number {
    return Math.max(0, this.capacity - this.bufferedBytes);
  }

  get unsentBytes(): number {
    return this.written - this.sent;
  }

  get hasLost(): boolean {
    return this.lost !== undefined && !this.lost.isEmpty;
  }

  /** True when every written byte is acknowledged. */
  get allAcked(): boolean {
    return this.ackedPrefix === this.written;
  }

  /** Stores as much of `data` as fits; returns the byte count taken. */
  write(data: Uint8Array): number {
    const n = Math.min(data.length, this.freeSpace);
    if (n === 0) return 0;
    this.chunks.push({ offset: this.written, data: n === data.length ? data : data.subarray(0, n) });
    this.written += n;
    return n;
  }

  /** Offset of the first lost byte, or undefined. */
  firstLostOffset(): number | undefined {
    return this.lost?.min;
  }

  /** Takes up to maxLen lost bytes starting at firstLostOffset(); returns the length taken. */
  takeLost(maxLen: number): number {
    const r = this.lost?.first();
    if (r === undefined || maxLen <= 0) return 0;
    const len = Math.min(maxLen, r.end - r.start + 1);
    this.lost!.remove(r.start, r.start + len - 1);
    return len;
  }

  /** Marks up to maxLen unsent bytes as sent; returns the length taken (from the old sentOffset). */
  takeNew(maxLen: number): number {
    const len = Math.max(0, Math.min(maxLen, this.written - this.sent));
    this.sent += len;
    return len;
  }

  /** The bytes [offset, offset+length): a view when they lie in one chunk, else one copy. */
  slice(offset: number, length: number): Uint8Array {
    let i = this.chunkIndex(offset);
    const first = this.chunks[i]!;
    const start = offset - first.offset;
    if (start + length <= first.data.length) return first.data.subarray(start, start + length);
    const out = new Uint8Array(length);
    let pos = 0;
    let at = offset;
    while (pos < length) {
      const c = this.chunks[i++]!;
      const from = at - c.offset;
      const take = Math.min(length - pos, c.data.length - from);
      out.set(c.data.subarray(from, from + take), pos);
      pos += take;
      at += take;
    }
    return out;
  }

  /** Records an acknowledged range; returns the bytes released from the buffer. */
  onAcked(offset: number, length: number): number {
    if (length === 0) return 0;
    const end = offset + length - 1;
    this.lost?.remove(offset, end);
    if (end < this.ackedPrefix) return 0;
    const before = this.ackedPrefix;
    if (offset <= before && (this.acked === undefined || this.acked.isEmpty)) {
      // In order, nothing acknowledged beyond: the prefix just moves.
      this.ackedPrefix = end + 1;
      this.releaseChunks();
      return this.ackedPrefix - before;
    }
    const acked = (this.acked ??= new RangeSet());
    acked.insert(Math.max(offset, before), end);
    const first = acked.first()!;
    if (first.start !== before) return 0;
    this.ackedPrefix = first.end + 1;
    acked.shift();
    this.releaseChunks();
    return this.ackedPrefix - before;
  }

  /** Records a lost range: its unacknowledged bytes will be resent. */
  onLost(offset: number, length: number): void {
    if (length === 0) return;
    const end = offset + length - 1;
    if (end < this.ackedPrefix) return;
    const start = Math.max(offset, this.ackedPrefix);
    const lost = (this.lost ??= new RangeSet());
    lost.insert(start, end);
    if (this.acked === undefined) return;
    for (const r of this.acked) {
      if (r.start > end) break;
      if (r.end >= start) lost.remove(r.start, r.end);
    }
  }

  /** Drops everything (after a reset): nothing will be sent or resent. */
  clear(): void {
    this.chunks = [];
    this.head = 0;
    this.lost?.clear();
    this.acked?.clear();
    this.ackedPrefix = this.written;
  }

  private releaseChunks(): void {
    while (this.head < this.chunks.length) {
      const c = this.chunks[this.head]!;
      if (c.offset + c.data.length > this.ackedPrefix) break;
      this.head++;
    }
    if (this.head === this.chunks.length) {
      this.chunks.length = 0;
      this.head = 0;
    } else if (this.head >= 64 && this.head * 2 >= this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }

  /** Index of the chunk holding `offset` (the hint or its successor, else a binary search). */
  private chunkIndex(offset: number): number {
    const chunks = this.chunks;
    for (let i = Math.max(this.sliceHint, this.head), last = Math.min(i + 1, chunks.length - 1); i <= last; i++) {
      const c = chunks[i]!;
      if (c.offset <= offset && offset < c.offset + c.data.length) {
        this.sliceHint = i;
        return i;
      }
    }
    const i = this.searchChunk(offset);
    this.sliceHint = i;
    return i;
  }

  private searchChunk(offset: number): number {
    let lo = this.head;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.chunks[mid]!.offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
