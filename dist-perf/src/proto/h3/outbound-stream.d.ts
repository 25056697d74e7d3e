import type { QuicConnectionLike } from './quic-connection-like.js';
export declare class OutboundStream {
    readonly id: number;
    private readonly pending;
    private pendingFin;
    /** DATA payload bytes announced by a frame header and not yet accepted by QUIC. */
    private owed;
    /** FIN handed to QUIC (or queued behind pending bytes). */
    finished: boolean;
    /** The stream was reset (by us or after the peer's STOP_SENDING): writes are dropped. */
    aborted: boolean;
    constructor(id: number);
    /** Nothing waits to be written. */
    get idle(): boolean;
    /** Bytes queued here because QUIC's send buffer was full. */
    get queuedBytes(): number;
    /** Queues framing bytes that must all go out, then tries to flush. */
    enqueue(quic: QuicConnectionLike, bytes: Uint8Array, fin?: boolean): void;
    /** Writes queued bytes; true when nothing is left queued. */
    flush(quic: QuicConnectionLike): boolean;
    /**
     * Sends body bytes inside DATA frames; returns how many were accepted. When short, the caller
     * continues later (after streamWritable) with data.subarray(accepted).
     */
    writeData(quic: QuicConnectionLike, data: Uint8Array, fin: boolean): number;
    /** Raw bytes (a WebTransport stream after its header): no framing, no copy. */
    writeRaw(quic: QuicConnectionLike, data: Uint8Array, fin: boolean): number;
    /** One QUIC write; a stream QUIC refuses (reset, finished, gone) counts as aborted. */
    private write;
}
