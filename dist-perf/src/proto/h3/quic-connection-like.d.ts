/**
 * The narrow view of a QUIC connection that HTTP/3 uses (architecture §1.2 rule 3). The real
 * src/proto/quic/connection/connection.ts Connection satisfies it structurally; tests use an
 * in-memory fake. H3 receives the connection's ConnectionEvents through H3Connection.handleQuicEvent.
 */
import type { Micros } from '../util/time.js';
import type { StreamDirection } from '../quic/connection/events.js';
export type { ConnectionEvent, StreamDirection } from '../quic/connection/events.js';
export interface QuicConnectionLike {
    readonly isServer: boolean;
    /** Largest DATAGRAM payload the peer accepts right now (0: datagrams unsupported). */
    readonly maxDatagramSize: number;
    /** A new local stream id, or undefined while the peer's MAX_STREAMS forbids it. */
    openStream(direction: StreamDirection): number | undefined;
    /** Bytes accepted (may be short: a streamWritable event follows). Throws on a finished/reset stream. */
    writeStream(streamId: number, data: Uint8Array, fin?: boolean): number;
    /** A view of received bytes; undefined when nothing is readable. Throws for unknown streams. */
    readStream(streamId: number, maxBytes: number): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    resetStream(streamId: number, code: bigint): void;
    stopStream(streamId: number, code: bigint): void;
    sendDatagram(data: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed';
    readDatagram(): Uint8Array | undefined;
    close(now: Micros, code?: bigint, reason?: string): void;
}
/** Stream-id arithmetic (RFC 9000 §2.1): bit 0 = initiator (1 = server), bit 1 = direction (1 = uni). */
export declare function isServerInitiated(streamId: number): boolean;
export declare function isUniStream(streamId: number): boolean;
