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
export declare const DEFAULT_SLOT_SIZE = 2048;
export declare const DEFAULT_SLAB_SIZE: number;
export declare const DEFAULT_MAX_SLABS = 256;
export declare class SendBufferPool {
    #private;
    readonly slotSize: number;
    readonly slabSize: number;
    readonly maxSlabs: number;
    constructor(options?: SendBufferPoolOptions);
    /** A slot to write one packet into, or undefined when all slots are in flight and no slab may be added. */
    acquire(): Uint8Array | undefined;
    /** Returns a slot from acquire() once the socket no longer needs its bytes. */
    release(slot: Uint8Array): void;
    get slabCount(): number;
    get inFlight(): number;
    get available(): number;
}
