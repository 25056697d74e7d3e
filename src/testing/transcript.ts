/**
 * A record of every datagram a simulation sent and delivered, with a 64-bit FNV-1a hash over
 * (kind, time, direction, length, bytes). Two runs with the same seed must produce the same hash;
 * a different hash pinpoints non-determinism (a stray Math.random, Date or Map-order dependence).
 */
import type { SimDelivery, SimNetwork } from './sim-network.js';
import type { Micros } from '../proto/util/time.js';

export interface TranscriptEntry {
  kind: 'send' | 'deliver';
  time: Micros;
  direction: string;
  /** Length of the datagram; the bytes themselves are kept only with `keepBytes`. */
  length: number;
  bytes: Uint8Array | undefined;
}

/** Incremental FNV-1a 64 on two 32-bit halves (no BigInt on the per-byte path). */
export class Fnv1a64 {
  private hi = 0xcbf29ce4;
  private lo = 0x84222325;

  byte(b: number): void {
    const lo = (this.lo ^ (b & 0xff)) >>> 0;
    // h * 0x100000001b3 mod 2^64 = h * 0x1b3 + (h << 40)
    const loMul = lo * 0x1b3;
    const carry = Math.floor(loMul / 0x1_0000_0000);
    this.lo = loMul >>> 0;
    this.hi = (this.hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
  }

  bytes(data: Uint8Array): void {
    for (let i = 0; i < data.length; i++) this.byte(data[i]!);
  }

  /** A non-negative safe integer, as 8 little-endian bytes. */
  u64(n: number): void {
    let lo = n >>> 0;
    let hi = Math.floor(n / 0x1_0000_0000) >>> 0;
    for (let i = 0; i < 4; i++, lo >>>= 8) this.byte(lo);
    for (let i = 0; i < 4; i++, hi >>>= 8) this.byte(hi);
  }

  string(s: string): void {
    this.u64(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.byte(c);
      this.byte(c >>> 8);
    }
  }

  /** The hash as 16 lowercase hex digits. */
  hex(): string {
    return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
  }
}

export interface TranscriptOptions {
  /** Keep a copy of every datagram's bytes in `entries` (memory grows with traffic). */
  keepBytes?: boolean;
  /** Hash only sends (what the endpoints produced), ignoring deliveries. Default: both. */
  sendsOnly?: boolean;
}

export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  private readonly fnv = new Fnv1a64();
  private readonly keepBytes: boolean;
  private readonly sendsOnly: boolean;

  constructor(options: TranscriptOptions = {}) {
    this.keepBytes = options.keepBytes ?? false;
    this.sendsOnly = options.sendsOnly ?? false;
  }

  /** Starts recording `network`; returns a function that stops. */
  attach(network: SimNetwork): () => void {
    return network.observe({
      onSend: (now, direction, data) => this.record('send', now, direction, data),
      onDeliver: (d: SimDelivery) => {
        if (!this.sendsOnly) this.record('deliver', d.deliverAt, d.direction, d.data);
      },
    });
  }

  record(kind: 'send' | 'deliver', time: Micros, direction: string, data: Uint8Array): void {
    this.entries.push({ kind, time, direction, length: data.length, bytes: this.keepBytes ? data.slice() : undefined });
    const f = this.fnv;
    f.byte(kind === 'send' ? 0x53 : 0x44);
    f.u64(time);
    f.string(direction);
    f.u64(data.length);
    f.bytes(data);
  }

  /** Hash of everything recorded so far (16 hex digits). */
  hash(): string {
    return this.fnv.hex();
  }

  get count(): number {
    return this.entries.length;
  }
}
