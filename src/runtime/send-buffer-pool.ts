/**
 * Packet buffers for node:dgram sends. dgram.send() is asynchronous and the bytes must stay
 * untouched until its callback, so each transmit gets its own slot, carved from 64 KB slabs and
 * recycled when the send completes: no allocation per packet in the steady state.
 */
export interface SendBufferPoolOptions {
  /** Bytes per packet slot; at least the largest UDP payload the endpoint writes (>= 1500). */
  slotSize?: number;
  /** Bytes per slab; slots never straddle slabs. */
  slabSize?: number;
  /** Upper bound on slabs: when every slot is in flight, acquire() returns undefined (socket backpressure). */
  maxSlabs?: number;
}

/** Holds the largest packet PMTU discovery may reach with the default loopback bound (16384). */
export const DEFAULT_SLOT_SIZE = 16_384;
export const DEFAULT_SLAB_SIZE = 64 * 1024;
export const DEFAULT_MAX_SLABS = 256;

export class SendBufferPool {
  readonly slotSize: number;
  readonly slabSize: number;
  readonly maxSlabs: number;
  readonly #free: Uint8Array[] = [];
  #slabs = 0;
  #inFlight = 0;

  constructor(options: SendBufferPoolOptions = {}) {
    this.slotSize = options.slotSize ?? DEFAULT_SLOT_SIZE;
    this.slabSize = Math.max(options.slabSize ?? DEFAULT_SLAB_SIZE, this.slotSize);
    this.maxSlabs = options.maxSlabs ?? DEFAULT_MAX_SLABS;
    if (!Number.isInteger(this.slotSize) || this.slotSize < 1500) throw new RangeError('slotSize must be an integer >= 1500');
    if (!Number.isInteger(this.maxSlabs) || this.maxSlabs < 1) throw new RangeError('maxSlabs must be >= 1');
  }

  /** A slot to write one packet into, or undefined when all slots are in flight and no slab may be added. */
  acquire(): Uint8Array | undefined {
    let slot = this.#free.pop();
    if (slot === undefined) {
      if (this.#slabs >= this.maxSlabs) return undefined;
      this.#addSlab();
      slot = this.#free.pop()!;
    }
    this.#inFlight++;
    return slot;
  }

  /** Returns a slot from acquire() once the socket no longer needs its bytes. */
  release(slot: Uint8Array): void {
    this.#inFlight--;
    this.#free.push(slot);
  }

  get slabCount(): number {
    return this.#slabs;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get available(): number {
    return this.#free.length;
  }

  #addSlab(): void {
    const slab = new Uint8Array(this.slabSize);
    const count = Math.floor(this.slabSize / this.slotSize);
    // Push in reverse so slots are handed out in address order (friendlier to caches).
    for (let i = count - 1; i >= 0; i--) this.#free.push(slab.subarray(i * this.slotSize, (i + 1) * this.slotSize));
    this.#slabs++;
  }
}
