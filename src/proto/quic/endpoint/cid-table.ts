/**
 * Routes connection IDs to values (the endpoint's connections) without building a string key per
 * received packet: the key is a seeded 32-bit hash of the CID bytes, read straight from the
 * datagram, and every hit is confirmed by comparing the bytes, so colliding CIDs share a short
 * chain instead of being confused. The seed is random per table, so a peer choosing its Initial
 * DCIDs cannot aim them at one chain.
 */
interface Entry<V> {
  cid: Uint8Array;
  value: V;
  next: Entry<V> | undefined;
}

export class CidTable<V> {
  private readonly buckets = new Map<number, Entry<V>>();
  private readonly seed: number;
  private count = 0;

  /** `seed`: any 32-bit value, random in production (it keeps chains unpredictable). */
  constructor(seed: number) {
    this.seed = seed | 0;
  }

  get size(): number {
    return this.count;
  }

  /** The value routed by data[offset..offset+length), or undefined. */
  lookup(data: Uint8Array, offset: number, length: number): V | undefined {
    for (let e = this.buckets.get(this.hash(data, offset, length)); e !== undefined; e = e.next) {
      if (sameBytes(e.cid, data, offset, length)) return e.value;
    }
    return undefined;
  }

  get(cid: Uint8Array): V | undefined {
    return this.lookup(cid, 0, cid.length);
  }

  has(cid: Uint8Array): boolean {
    return this.get(cid) !== undefined;
  }

  /**
   * Routes `cid` to `value`. The table keeps `cid` itself (no copy, it is usually the connection's
   * own CID array): pass a copy of anything that lives in a reusable buffer, like a datagram.
   */
  set(cid: Uint8Array, value: V): void {
    const key = this.hash(cid, 0, cid.length);
    const head = this.buckets.get(key);
    for (let e = head; e !== undefined; e = e.next) {
      if (sameBytes(e.cid, cid, 0, cid.length)) {
        e.value = value;
        return;
      }
    }
    this.buckets.set(key, { cid, value, next: head });
    this.count++;
  }

  delete(cid: Uint8Array): boolean {
    const key = this.hash(cid, 0, cid.length);
    let prev: Entry<V> | undefined;
    for (let e = this.buckets.get(key); e !== undefined; prev = e, e = e.next) {
      if (!sameBytes(e.cid, cid, 0, cid.length)) continue;
      if (prev) prev.next = e.next;
      else if (e.next) this.buckets.set(key, e.next);
      else this.buckets.delete(key);
      this.count--;
      return true;
    }
    return false;
  }

  /** Removes every CID routed to `value`. */
  deleteValue(value: V): void {
    const dead: Uint8Array[] = [];
    for (const head of this.buckets.values()) {
      for (let e: Entry<V> | undefined = head; e !== undefined; e = e.next) if (e.value === value) dead.push(e.cid);
    }
    for (const cid of dead) this.delete(cid);
  }

  private hash(data: Uint8Array, offset: number, length: number): number {
    // FNV-1a style mixing from a secret start, with a final avalanche so short CIDs spread well.
    let h = this.seed ^ length;
    for (let i = offset, end = offset + length; i < end; i++) h = Math.imul(h ^ data[i]!, 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    return (h ^ (h >>> 13)) | 0;
  }
}

function sameBytes(cid: Uint8Array, data: Uint8Array, offset: number, length: number): boolean {
  if (cid.length !== length) return false;
  for (let i = 0; i < length; i++) if (cid[i] !== data[offset + i]) return false;
  return true;
}
