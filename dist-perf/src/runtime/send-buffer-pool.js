export const DEFAULT_SLOT_SIZE = 2048;
export const DEFAULT_SLAB_SIZE = 64 * 1024;
export const DEFAULT_MAX_SLABS = 256;
export class SendBufferPool {
    slotSize;
    slabSize;
    maxSlabs;
    #free = [];
    #slabs = 0;
    #inFlight = 0;
    constructor(options = {}) {
        this.slotSize = options.slotSize ?? DEFAULT_SLOT_SIZE;
        this.slabSize = Math.max(options.slabSize ?? DEFAULT_SLAB_SIZE, this.slotSize);
        this.maxSlabs = options.maxSlabs ?? DEFAULT_MAX_SLABS;
        if (!Number.isInteger(this.slotSize) || this.slotSize < 1500)
            throw new RangeError('slotSize must be an integer >= 1500');
        if (!Number.isInteger(this.maxSlabs) || this.maxSlabs < 1)
            throw new RangeError('maxSlabs must be >= 1');
    }
    /** A slot to write one packet into, or undefined when all slots are in flight and no slab may be added. */
    acquire() {
        let slot = this.#free.pop();
        if (slot === undefined) {
            if (this.#slabs >= this.maxSlabs)
                return undefined;
            this.#addSlab();
            slot = this.#free.pop();
        }
        this.#inFlight++;
        return slot;
    }
    /** Returns a slot from acquire() once the socket no longer needs its bytes. */
    release(slot) {
        this.#inFlight--;
        this.#free.push(slot);
    }
    get slabCount() {
        return this.#slabs;
    }
    get inFlight() {
        return this.#inFlight;
    }
    get available() {
        return this.#free.length;
    }
    #addSlab() {
        const slab = new Uint8Array(this.slabSize);
        const count = Math.floor(this.slabSize / this.slotSize);
        // Push in reverse so slots are handed out in address order (friendlier to caches).
        for (let i = count - 1; i >= 0; i--)
            this.#free.push(slab.subarray(i * this.slotSize, (i + 1) * this.slotSize));
        this.#slabs++;
    }
}
//# sourceMappingURL=send-buffer-pool.js.map