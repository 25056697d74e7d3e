/**
 * A record of every datagram a simulation sent and delivered, with a 64-bit FNV-1a hash over
 * (kind, time, direction, length, bytes). Two runs with the same seed must produce the same hash;
 * a different hash pinpoints non-determinism (a stray Math.random, Date or Map-order dependence).
 */
import type { SimNetwork } from './sim-network.js';
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
export declare class Fnv1a64 {
    private hi;
    private lo;
    byte(b: number): void;
    bytes(data: Uint8Array): void;
    /** A non-negative safe integer, as 8 little-endian bytes. */
    u64(n: number): void;
    string(s: string): void;
    /** The hash as 16 lowercase hex digits. */
    hex(): string;
}
export interface TranscriptOptions {
    /** Keep a copy of every datagram's bytes in `entries` (memory grows with traffic). */
    keepBytes?: boolean;
    /** Hash only sends (what the endpoints produced), ignoring deliveries. Default: both. */
    sendsOnly?: boolean;
}
export declare class Transcript {
    readonly entries: TranscriptEntry[];
    private readonly fnv;
    private readonly keepBytes;
    private readonly sendsOnly;
    constructor(options?: TranscriptOptions);
    /** Starts recording `network`; returns a function that stops. */
    attach(network: SimNetwork): () => void;
    record(kind: 'send' | 'deliver', time: Micros, direction: string, data: Uint8Array): void;
    /** Hash of everything recorded so far (16 hex digits). */
    hash(): string;
    get count(): number;
}
