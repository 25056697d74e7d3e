/** Largest legal Quarter Stream ID: 2^60 - 1 (stream ids end at 2^62 - 1). */
export declare const MAX_QUARTER_STREAM_ID: bigint;
export interface HttpDatagram {
    /**
     * The associated client bidi stream id. Quarter ids above 2^51 give ids beyond 2^53 that no
     * stream can have: they come back rounded and simply match no stream (drop the datagram).
     */
    readonly streamId: number;
    /** A view into the received DATAGRAM payload (may be empty). */
    readonly payload: Uint8Array;
}
/** Bytes of the quarter-stream-id prefix for this stream. */
export declare function httpDatagramPrefixSize(streamId: number): number;
/** Writes the prefix at buf[offset] and returns the offset where the payload goes (zero-copy sends). */
export declare function writeHttpDatagramPrefix(buf: Uint8Array, offset: number, streamId: number): number;
export declare function encodeHttpDatagram(streamId: number, payload: Uint8Array): Uint8Array;
/** Parses a received DATAGRAM payload. Throws H3Error(H3_DATAGRAM_ERROR) when the prefix is unparsable. */
export declare function decodeHttpDatagram(data: Uint8Array): HttpDatagram;
