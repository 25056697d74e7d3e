/**
 * Reassembles a byte stream from chunks that may arrive out of order, duplicated or overlapping
 * (STREAM and CRYPTO frames). Chunks are kept as views of the caller's buffers: nothing is copied;
 * an overlapping chunk is trimmed with subarray() so only bytes not held yet are kept.
 *
 * Memory is bounded by the caller, which must reject data beyond its flow-control window
 * (readOffset + window) before insert(); the assembler holds at most that many bytes.
 */
interface Chunk {
  offset: number;
  data: Uint8Array;
}

export class Assembler {
  /** Chunks beyond readOffset, sorted, disjoint; the live part starts at `head`. */
  private chunks: (Chunk | undefined)[] = [];
  private head = 0;
  private offset = 0;
  private buffered = 0;
  private highest = 0;

  /** Offset of the next byte read() returns. */
  get readOffset(): number {
    return this.offset;
  }

  /** Bytes held (received, not read yet). */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /** One past the highest byte offset ever inserted. */
  get highestOffset(): number {
    return this.highest;
  }

  /** True when read() would return data now. */
  get readable(): boolean {
    const c = this.chunks[this.head];
    return c !== undefined && c.offset === this.offset;
  }

  /** Bytes readable now without a gap. */
  contiguousAvailable(): number {
    let n = 0;
    let at = this.offset;
    for (let i = this.head; i < this.chunks.length; i++) {
      const c = this.chunks[i]!;
      if (c.offset !== at) break;
      n += c.data.length;
      at += c.data.length;
    }
    return n;
  }

  /** Adds bytes at `offset`. Bytes already read or already held are ignored. */
  insert(offset: number, data: Uint8Array): void {
    const end = offset + data.length;
    if (end > this.highest) this.highest = end;
    if (end <= this.offset || data.length === 0) return;
    if (offset < this.offset) {
      data = data.subarray(this.offset - offset);
      offset = this.offset;
    }
    const chunks = this.chunks;
    // Fast path: appending after the last chunk (the in-order case).
    const last = chunks[chunks.length - 1];
    if (chunks.length === this.head || (last !== undefined && last.offset + last.data.length <= offset)) {
      chunks.push({ offset, data });
      this.buffered += data.length;
      return;
    }
    let i = this.firstEndingAfter(offset);
    let cur = offset;
    while (cur < end) {
      const c = chunks[i];
      if (c === undefined || c.offset >= end) {
        this.add(i, cur, data.subarray(cur - offset, end - offset));
        break;
      }
      if (c.offset > cur) {
        this.add(i, cur, data.subarray(cur - offset, c.offset - offset));
        i++;
      }
      cur = Math.max(cur, c.offset + c.data.length);
      i++;
    }
  }

  /**
   * Returns up to maxBytes contiguous bytes at readOffset (a view of one received chunk), or
   * undefined when the next byte has not arrived.
   */
  read(maxBytes: number): Uint8Array | undefined {
    const c = this.chunks[this.head];
    if (c === undefined || c.offset !== this.offset || maxBytes <= 0) return undefined;
    let out: Uint8Array;
    if (c.data.length <= maxBytes) {
      out = c.data;
      this.chunks[this.head] = undefined; // release the buffer reference
      this.head++;
      this.compact();
    } else {
      out = c.data.subarray(0, maxBytes);
      c.data = c.data.subarray(maxBytes);
      c.offset += maxBytes;
    }
    this.offset += out.length;
    this.buffered -= out.length;
    return out;
  }

  /**
   * Drops everything buffered and moves readOffset to `offset` (at least the current one): used
   * when the application stops reading or the peer resets. Returns the bytes dropped or skipped.
   */
  discard(offset = this.highest): number {
    const target = Math.max(offset, this.offset);
    const skipped = target - this.offset;
    this.chunks = [];
    this.head = 0;
    this.buffered = 0;
    this.offset = target;
    if (target > this.highest) this.highest = target;
    return skipped;
  }

  private add(at: number, offset: number, data: Uint8Array): void {
    this.chunks.splice(at, 0, { offset, data });
    this.buffered += data.length;
  }

  /** Index of the first live chunk whose end is beyond `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = this.head;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.chunks[mid]!;
      if (c.offset + c.data.length <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    if (this.head === this.chunks.length) {
      this.chunks.length = 0;
      this.head = 0;
    } else if (this.head >= 64 && this.head * 2 >= this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }
}
